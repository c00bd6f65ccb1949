package kr.aa.run;

/**
 * What a command was asked cannot be done, said in one sentence: a year never published into the folder, an
 * employer it has no row of, a name that cannot be a folder's, a query Spark refuses. The command line prints the
 * sentence and exits with 1.
 */
public final class Refused extends RuntimeException {

    public Refused(String message) {
        super(message);
    }

    public Refused(String message, Throwable cause) {
        super(message, cause);
    }
}
