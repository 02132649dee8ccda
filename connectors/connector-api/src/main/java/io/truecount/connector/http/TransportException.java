package io.truecount.connector.http;

/** No answer came back: the connection was refused or reset, or the vendor did not answer in time. */
final class TransportException extends RuntimeException {

    TransportException(Throwable cause) {
        super(describe(cause), cause);
    }

    private static String describe(Throwable cause) {
        String detail = cause.getMessage();
        return cause.getClass().getSimpleName() + (detail == null ? "" : ": " + detail);
    }
}
