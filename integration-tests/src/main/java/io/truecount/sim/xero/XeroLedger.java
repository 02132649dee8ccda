package io.truecount.sim.xero;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The organisation's invoices and the arithmetic Xero applies when one is created: unit amounts kept to 2 decimals,
 * or 4 with {@code unitdp=4}; {@code LineAmount = round(Quantity x UnitAmount)} to the currency; tax per line from the
 * tax type's rate unless the client gave a {@code TaxAmount}; totals as sums of the rounded lines.
 */
final class XeroLedger {

    /** The outcome of one invoice of a create request: the invoice, or Xero's validation messages. */
    record Outcome(SimInvoice invoice, List<String> errors) {}

    private final Map<String, SimInvoice> invoices = new LinkedHashMap<>();
    private final Map<String, BigDecimal> taxRates;
    private final Set<String> accountCodes;
    private final Clock clock;
    private int autoNumber;

    XeroLedger(Map<String, BigDecimal> taxRates, Set<String> accountCodes, Clock clock) {
        this.taxRates = Map.copyOf(taxRates);
        this.accountCodes = Set.copyOf(accountCodes);
        this.clock = clock;
    }

    synchronized List<SimInvoice> invoices() {
        return List.copyOf(invoices.values());
    }

    synchronized Optional<SimInvoice> byNumberOrId(String number, String id) {
        return invoices.values().stream()
                .filter(i -> id != null && i.invoiceId().equalsIgnoreCase(id)
                        || number != null && number.equals(i.invoiceNumber()))
                .findFirst();
    }

    /** Checks every invoice of a request; stores them only when all are valid, as Xero does with summarizeErrors. */
    synchronized List<Outcome> create(JsonNode request, int unitDecimals, boolean update) {
        List<Outcome> outcomes = new ArrayList<>();
        for (JsonNode invoice : request.path("Invoices")) {
            outcomes.add(build(invoice, unitDecimals, update));
        }
        if (outcomes.stream().allMatch(o -> o.errors().isEmpty())) {
            outcomes.forEach(o -> invoices.put(o.invoice().invoiceId(), o.invoice()));
        }
        return outcomes;
    }

    private Outcome build(JsonNode json, int unitDecimals, boolean update) {
        List<String> errors = new ArrayList<>();
        String type = json.path("Type").asText("ACCREC");
        String number = text(json, "InvoiceNumber");
        Optional<SimInvoice> existing = byNumberOrId(number, text(json, "InvoiceID"));
        if (existing.isPresent() && !update && "ACCREC".equals(type)) {
            errors.add("Invoice # must be unique.");
        }
        String id = existing.filter(i -> update)
                .map(SimInvoice::invoiceId)
                .orElse(UUID.randomUUID().toString());
        if (number == null) {
            number = String.format("INV-%04d", ++autoNumber);
        }
        String currency = json.path("CurrencyCode").asText("USD");
        int scale = Currency.getInstance(currency).getDefaultFractionDigits();
        String amountTypes = json.path("LineAmountTypes").asText("Exclusive");
        List<SimInvoice.Line> lines = new ArrayList<>();
        for (JsonNode item : json.path("LineItems")) {
            lines.add(line(item, unitDecimals, scale, "NoTax".equals(amountTypes), errors));
        }
        BigDecimal subTotal = sum(lines, SimInvoice.Line::lineAmount, scale);
        BigDecimal totalTax = sum(lines, SimInvoice.Line::taxAmount, scale);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        SimInvoice invoice = new SimInvoice(
                id,
                type,
                number,
                json.path("Contact").path("ContactID").asText(null),
                date(json, "Date", today, errors),
                date(json, "DueDate", null, errors),
                text(json, "Reference"),
                json.path("Status").asText("DRAFT"),
                currency,
                amountTypes,
                lines,
                subTotal,
                totalTax,
                subTotal.add(totalTax),
                clock.instant());
        if (invoice.contactId() == null) {
            errors.add("A Contact must be specified for this type of transaction");
        }
        return new Outcome(invoice, errors);
    }

    private SimInvoice.Line line(JsonNode item, int unitDecimals, int scale, boolean noTax, List<String> errors) {
        BigDecimal quantity = decimal(item, "Quantity");
        BigDecimal unit = decimal(item, "UnitAmount");
        BigDecimal given = decimal(item, "LineAmount");
        BigDecimal q = quantity == null ? BigDecimal.ONE : quantity;
        if (unit == null && given != null && q.signum() != 0) {
            unit = given.divide(q, unitDecimals, RoundingMode.HALF_UP);
        }
        unit = (unit == null ? BigDecimal.ZERO : unit).setScale(unitDecimals, RoundingMode.HALF_UP);
        BigDecimal amount = q.multiply(unit).setScale(scale, RoundingMode.HALF_UP);
        if (given != null && given.compareTo(amount) != 0) {
            errors.add("The line amount " + given.toPlainString() + " does not equal Quantity x UnitAmount ("
                    + amount.toPlainString() + ")");
        }
        String account = text(item, "AccountCode");
        if (account != null && !accountCodes.contains(account)) {
            errors.add("Account code '" + account + "' is not a valid code for this document.");
        }
        String taxType = item.path("TaxType").asText("NONE");
        BigDecimal rate = taxRates.get(taxType);
        if (rate == null) {
            errors.add("The TaxType code '" + taxType + "' does not exist or cannot be used for this type of"
                    + " transaction.");
            rate = BigDecimal.ZERO;
        }
        BigDecimal givenTax = decimal(item, "TaxAmount");
        BigDecimal tax = noTax
                ? BigDecimal.ZERO.setScale(scale)
                : givenTax != null
                        ? givenTax.setScale(scale, RoundingMode.HALF_UP)
                        : amount.multiply(rate).movePointLeft(2).setScale(scale, RoundingMode.HALF_UP);
        return new SimInvoice.Line(
                UUID.randomUUID().toString(), text(item, "Description"), q, unit, amount, account, taxType, tax);
    }

    private static BigDecimal sum(
            List<SimInvoice.Line> lines, java.util.function.Function<SimInvoice.Line, BigDecimal> field, int scale) {
        return lines.stream().map(field).reduce(BigDecimal.ZERO.setScale(scale), BigDecimal::add);
    }

    private static LocalDate date(JsonNode json, String field, LocalDate fallback, List<String> errors) {
        String text = text(json, field);
        if (text == null) {
            return fallback;
        }
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            errors.add(field + " '" + text + "' is not a valid date");
            return fallback;
        }
    }

    private static BigDecimal decimal(JsonNode json, String field) {
        JsonNode node = json.path(field);
        return node.isNumber() ? node.decimalValue() : null;
    }

    private static String text(JsonNode json, String field) {
        JsonNode node = json.path(field);
        return node.isValueNode() && !node.isNull() && !node.asText().isBlank() ? node.asText() : null;
    }
}
