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

    /** A failure whose message is one line naming the connector first: {@code connector 'ninja': <problem>}. */
    public static SourceException of(String connectorId, String problem) {
        return new SourceException(connectorId, Messages.line(connectorId, problem));
    }

    public String connectorId() {
        return connectorId;
    }
}
