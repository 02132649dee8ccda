package io.truecount.connector.webhook;

/** The body of the 2xx a vendor gets once its events are stored. */
public record Acknowledgement(String contentType, String body) {

    public static final Acknowledgement EMPTY = new Acknowledgement("text/plain", "");
}
