package io.truecount.connector;

/**
 * A source failed: the message says what happened and where (connector, URL, page), in words an admin can act on, and
 * never contains a secret.
 */
public class SourceException extends RuntimeException {

    private final String connectorId;

    public SourceException(String connectorId, String message) {
        super(message);
        this.connectorId = connectorId;
    }

    public SourceException(String connectorId, String message, Throwable cause) {
        super(message, cause);
        this.connectorId = connectorId;
    }

    public String connectorId() {
        return connectorId;
    }
}
