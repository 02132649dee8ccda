package io.truecount.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What a cycle wrote to its {@code --out} directory, read the way the end-to-end tests compare it. */
record Exports(Path dir) {

    private static final ObjectMapper JSON = new ObjectMapper();

    JsonNode read(String file) throws IOException {
        return JSON.readTree(dir.resolve(file).toFile());
    }

    /** The customer's invoice in {@code invoices.json}. */
    JsonNode invoiceOf(String customer) throws IOException {
        return invoiceOf(read("invoices.json"), customer);
    }

    static JsonNode invoiceOf(JsonNode invoices, String customer) {
        for (JsonNode invoice : invoices.get("invoices")) {
            if (invoice.get("customer").asText().equals(customer)) {
                return invoice;
            }
        }
        throw new AssertionError("no invoice for " + customer + " in " + invoices);
    }

    /**
     * Each item of {@code reconciliation.json} as {@code "KIND CUSTOMER WHAT"}: {@code -} for an item without a customer,
     * and the external id (an organization, a device), else the asset class, else nothing.
     */
    List<String> reconciliation() throws IOException {
        List<String> items = new ArrayList<>();
        for (JsonNode item : read("reconciliation.json").get("items")) {
            items.add(item.get("kind").asText() + " " + item.path("customer").asText("-") + " "
                    + item.path("externalId").asText(item.path("assetClass").asText()));
        }
        return items;
    }

    /** Each line as {@code "LINE QUANTITY x UNIT_PRICE = AMOUNT"}, with {@code -} for a line without a unit price. */
    static List<String> lines(JsonNode invoice) {
        List<String> result = new ArrayList<>();
        for (JsonNode line : invoice.get("lines")) {
            result.add(line.get("line").asText() + " " + line.get("quantity").asText() + " x "
                    + line.path("unitPrice").asText("-") + " = "
                    + line.get("amount").asText());
        }
        return result;
    }
}
