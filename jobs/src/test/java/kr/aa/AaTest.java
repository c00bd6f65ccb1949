package kr.aa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line as a statistician meets it: help on every command, usage errors that name the option. */
class AaTest {

    private record Ran(int exit, String out, String err) {
    }

    private static Ran aa(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var commandLine = Aa.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        return new Ran(exit, out.toString(), err.toString());
    }

    @Test
    void everyCommandHasItsHelp() {
        for (String command : List.of("cycle", "record", "import-history", "explain", "whatif", "sql")) {
            Ran help = aa(command, "--help");
            assertEquals(0, help.exit(), command);
            assertTrue(help.out().startsWith("Usage: aa " + command + " "), help.out());
        }
        Ran help = aa("--help");
        assertTrue(help.out().contains("""
                Exit codes:
                  0   the command succeeded
                  1   the cycle failed: its reason on standard error, nothing published
                        (explain: nothing to explain; whatif: no published year to assess
                        again; sql: a query refused)
                  2   a usage error
                  3   the output folder (or the year, in a shared database) is in use"""), help.out());
    }

    @Test
    void aMissingOptionIsNamedWithTheCommandsUsage() {
        Ran run = aa("cycle", "--year", "2025");
        assertEquals(2, run.exit());
        assertTrue(run.err().startsWith("Missing required options: '--bundle=DIR|JDBC-URL', '--out=DIR|URI'\nUsage: aa"
                + " cycle "), run.err());
    }

    @Test
    void aWhatIfWithoutAScenarioIsAUsageError() {
        Ran run = aa("whatif", "--year", "2025", "--out", "o");
        assertEquals(2, run.exit());
        assertTrue(run.err().startsWith("name a scenario: --rules VERSION or --set KEY=VALUE\nUsage: aa whatif "),
                run.err());
    }

    @Test
    void aValueOfTheWrongKindIsNamed() {
        Ran run = aa("cycle", "--year", "twenty", "--bundle", "b", "--out", "o");
        assertEquals(2, run.exit());
        assertTrue(run.err().startsWith("Invalid value for option '--year': 'twenty' is not an int\n"), run.err());
    }

    @Test
    void anOutputFolderOffTheLocalDiskNeedsADatabaseServerAndNothingIsWrittenWithoutOne() {
        Ran run = aa("cycle", "--year", "2025", "--bundle", "b", "--out", "hdfs://127.0.0.1:1/aa");
        assertEquals(2, run.exit());
        assertTrue(run.err().startsWith("aa: hdfs://127.0.0.1:1/aa is not on the local disk, where the embedded"
                + " database lives: set AA_DB_URL (with AA_DB_USER and AA_DB_PASSWORD) to a PostgreSQL database\n"),
                run.err());
    }

    @Test
    void noCommandOrAnUnknownOneIsAUsageError() {
        Ran none = aa();
        assertEquals(2, none.exit());
        assertTrue(none.err().startsWith("a command is required\nUsage: aa "), none.err());
        Ran unknown = aa("frobnicate");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().startsWith("Unmatched argument at index 0: 'frobnicate'\n"), unknown.err());
    }

    @Test
    void aValueThePipelineRefusesIsAUsageErrorNamingIt() {
        Ran run = aa("record", "--out", "o", "--employer", "201-81-00011", "--year", "2024", "--action", "URGED",
                "--decided-on", "2024-02-30");
        assertEquals(2, run.exit());
        assertTrue(run.err().startsWith("aa: decided_on '2024-02-30' is not a date YYYY-MM-DD\nUsage: aa record "),
                run.err());
    }
}
