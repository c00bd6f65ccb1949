package kr.aa.io;

/**
 * A bundle that cannot be read: a missing file, an unreadable header, a missing column, bytes that are
 * not UTF-8, a malformed record. The run stops with this one message and publishes nothing.
 */
public final class BundleException extends RuntimeException {

    public BundleException(String message) {
        super(message);
    }

    public BundleException(String message, Throwable cause) {
        super(message, cause);
    }
}
