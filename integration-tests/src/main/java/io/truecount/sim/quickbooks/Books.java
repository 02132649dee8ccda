package io.truecount.sim.quickbooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.sim.vendor.Reply;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The simulated company's invoices, and QuickBooks' validation of a new one. Only what a push sends is checked; unknown
 * fields pass, as at Intuit.
 */
final class Books {

    /** QuickBooks' length limit on {@code DocNumber}. */
    static final int MAX_DOC_NUMBER = 21;

    private static final Set<String> TAX_CODES = Set.of("TAX", "NON");

    private final Set<String> customers;
    private final Set<String> items;
    private final List<SimInvoice> invoices = new ArrayList<>();
    private int nextId = 130;

    Books(Set<String> customers, Set<String> items) {
        this.customers = Set.copyOf(customers);
        this.items = Set.copyOf(items);
    }

    synchronized List<SimInvoice> invoices() {
        return List.copyOf(invoices);
    }

    synchronized List<SimInvoice> byDocNumber(String docNumber) {
        return invoices.stream().filter(i -> i.docNumber().equals(docNumber)).toList();
    }

    /** Validates and creates the invoice: 200 with it, or 400 with QuickBooks' fault. */
    synchronized Reply create(String body, String requestId, Instant at) {
        JsonNode invoice;
        try {
            invoice = QuickBooksJson.parse(body);
        } catch (IOException e) {
            return validation(
                    "Request has invalid or unsupported property", "Could not parse the request body", "2010", at);
        }
        String customer = invoice.path("CustomerRef").path("value").asText("");
        if (!customers.contains(customer)) {
            return validation(
                    "Invalid Reference Id",
                    "Invalid Reference Id : Customer " + customer + " does not exist",
                    "2500",
                    at);
        }
        String docNumber = invoice.path("DocNumber").asText("");
        if (docNumber.length() > MAX_DOC_NUMBER) {
            return validation(
                    "String length is either shorter or longer than supported by specification",
                    "String length specified does not match the supported length. Min:0 Max:" + MAX_DOC_NUMBER
                            + " supplied length:" + docNumber.length(),
                    "2050",
                    at);
        }
        Optional<SimInvoice> taken = invoices.stream()
                .filter(i -> !docNumber.isEmpty() && i.docNumber().equals(docNumber))
                .findFirst();
        if (taken.isPresent()) {
            return validation(
                    "Duplicate Document Number Error",
                    "Duplicate Document Number Error : You must specify a different number. This number has already"
                            + " been used. DocNumber=" + docNumber + " is assigned to TxnType=Invoice with TxnId="
                            + taken.get().id(),
                    "6140",
                    at);
        }
        JsonNode lineNodes = invoice.path("Line");
        if (!lineNodes.isArray() || lineNodes.isEmpty()) {
            return validation(
                    "Required param missing, need to supply the required value for the API",
                    "Required parameter Line is missing in the request",
                    "2020",
                    at);
        }
        List<SimLine> lines = new ArrayList<>();
        try {
            for (JsonNode node : lineNodes) {
                lines.add(line(node, lines.size() + 1, at));
            }
        } catch (Refused refused) {
            return refused.reply;
        }
        BigDecimal tax = invoice.path("TxnTaxDetail").path("TotalTax").isNumber()
                ? invoice.path("TxnTaxDetail").path("TotalTax").decimalValue()
                : BigDecimal.ZERO;
        BigDecimal total = lines.stream().map(SimLine::amount).reduce(tax, BigDecimal::add);
        SimInvoice created = new SimInvoice(
                String.valueOf(nextId++),
                docNumber,
                customer,
                invoice.path("TxnDate").asText(at.toString().substring(0, 10)),
                invoice.path("DueDate").asText(null),
                invoice.path("CurrencyRef").path("value").asText(null),
                invoice.path("BillEmail").path("Address").asText(null),
                invoice.path("PrivateNote").asText(null),
                lines,
                tax,
                total,
                requestId,
                at);
        invoices.add(created);
        JsonNode rendered = QuickBooksJson.invoice(created);
        var root = QuickBooksJson.object();
        root.set("Invoice", rendered);
        return QuickBooksJson.reply(200, root, at);
    }

    /** A line QuickBooks refuses, with its answer. */
    private static final class Refused extends Exception {
        private final transient Reply reply;

        Refused(Reply reply) {
            super(reply.body(), null, false, false);
            this.reply = reply;
        }
    }

    private SimLine line(JsonNode node, int number, Instant at) throws Refused {
        if (!"SalesItemLineDetail".equals(node.path("DetailType").asText())) {
            throw new Refused(
                    validation("Invalid line type", "Only SalesItemLineDetail lines are simulated", "2010", at));
        }
        JsonNode detail = node.path("SalesItemLineDetail");
        String item = detail.path("ItemRef").path("value").asText("");
        if (!items.contains(item)) {
            throw new Refused(validation(
                    "Invalid Reference Id", "Invalid Reference Id : Item " + item + " does not exist", "2500", at));
        }
        if (!node.path("Amount").isNumber()) {
            throw new Refused(validation(
                    "Required param missing, need to supply the required value for the API",
                    "Required parameter Line.Amount is missing in the request",
                    "2020",
                    at));
        }
        BigDecimal amount = node.path("Amount").decimalValue();
        BigDecimal quantity = detail.path("Qty").isNumber() ? detail.path("Qty").decimalValue() : null;
        BigDecimal price =
                detail.path("UnitPrice").isNumber() ? detail.path("UnitPrice").decimalValue() : null;
        if (quantity != null
                && price != null
                && quantity.multiply(price).setScale(2, RoundingMode.HALF_UP).compareTo(amount) != 0) {
            throw new Refused(validation(
                    "Amount is not equal to UnitPrice * Qty",
                    "Amount is not equal to UnitPrice * Qty. Supplied value:" + amount.toPlainString(),
                    "6070",
                    at));
        }
        String taxCode = detail.path("TaxCodeRef").path("value").asText("NON");
        if (!TAX_CODES.contains(taxCode)) {
            throw new Refused(validation(
                    "Invalid Reference Id",
                    "Invalid Reference Id : TaxCode " + taxCode + " does not exist",
                    "2500",
                    at));
        }
        return new SimLine(
                node.path("LineNum").asInt(number),
                node.path("Description").asText(""),
                amount,
                item,
                quantity,
                price,
                taxCode);
    }

    static Reply validation(String message, String detail, String code, Instant at) {
        return QuickBooksJson.fault(400, "ValidationFault", message, detail, code, at);
    }
}
