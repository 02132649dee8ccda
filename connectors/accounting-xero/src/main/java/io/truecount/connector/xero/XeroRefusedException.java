package io.truecount.connector.xero;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.connector.SourceException;
import io.truecount.connector.json.Fields;
import io.truecount.connector.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Xero refused a request for good (a 4xx other than 401 and 429): asking again cannot change the answer. The message
 * carries Xero's own words, e.g. its {@code ValidationException}'s {@code Elements[].ValidationErrors[].Message}.
 */
final class XeroRefusedException extends SourceException {

    /** Xero's validation message for a second invoice with a number it already holds. */
    static final String DUPLICATE_NUMBER = "Invoice # must be unique.";

    private final int status;
    private final List<String> vendorMessages;

    private XeroRefusedException(String connectorId, String message, int status, List<String> vendorMessages) {
        super(connectorId, message);
        this.status = status;
        this.vendorMessages = List.copyOf(vendorMessages);
    }

    /**
     * @param what the request as the admin would name it ({@code PUT /Invoices for ZY-202610-00001})
     */
    static XeroRefusedException of(String connectorId, String what, int status, byte[] body) {
        List<String> messages = messages(body);
        String said = messages.isEmpty() ? "no reason given" : String.join("; ", messages);
        SourceException line =
                SourceException.of(connectorId, "Xero refused " + what + " (HTTP " + status + "): " + said);
        return new XeroRefusedException(connectorId, line.getMessage(), status, messages);
    }

    int status() {
        return status;
    }

    /** Xero's messages, validation messages first; empty when its body had none. */
    List<String> vendorMessages() {
        return vendorMessages;
    }

    boolean isDuplicateNumber() {
        return status == 400 && vendorMessages.contains(DUPLICATE_NUMBER);
    }

    /**
     * Validation messages of every element ({@code Elements[].ValidationErrors[].Message}) when there are any, else the
     * top-level {@code Message}, or the {@code Detail} / {@code Title} of Xero's problem-details errors (401, 403).
     */
    static List<String> messages(byte[] body) {
        JsonNode root;
        try {
            root = Json.parse(body);
        } catch (IOException notJson) {
            return List.of();
        }
        Set<String> found = new LinkedHashSet<>();
        for (JsonNode element : root.path("Elements")) {
            for (JsonNode error : element.path("ValidationErrors")) {
                addIfPresent(found, error.path("Message"));
            }
            // An element's line items carry their own validation errors.
            for (JsonNode line : element.path("LineItems")) {
                for (JsonNode error : line.path("ValidationErrors")) {
                    addIfPresent(found, error.path("Message"));
                }
            }
        }
        if (found.isEmpty()) {
            String top = Fields.firstPresent(root, "Message", "Detail", "Title");
            if (top != null) {
                found.add(top);
            }
        }
        return new ArrayList<>(found);
    }

    private static void addIfPresent(Set<String> found, JsonNode message) {
        String text = Fields.text(message);
        if (text != null) {
            found.add(text);
        }
    }
}
