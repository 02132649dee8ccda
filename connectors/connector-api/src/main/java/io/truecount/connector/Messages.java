package io.truecount.connector;

/** Formats source errors the same way everywhere: one line an admin can read, starting with the connector. */
final class Messages {

    private Messages() {}

    static String line(String connectorId, String text) {
        return ("connector '" + connectorId + "': " + text)
                .replaceAll("\\s+", " ")
                .strip();
    }
}
