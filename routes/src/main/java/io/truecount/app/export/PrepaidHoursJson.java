package io.truecount.app.export;

import com.fasterxml.jackson.core.JsonGenerator;
import io.truecount.core.billing.PrepaidStatement;
import java.io.IOException;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;

/**
 * {@code prepaid-hours.json} (an extension, docs/outputs.md): every prepaid-hours balance at the end of the period
 * with its history month by month, hours as plain decimal strings. Balances are ordered by customer, then as the
 * contracts list them.
 */
final class PrepaidHoursJson {

    private PrepaidHoursJson() {}

    static void write(JsonGenerator json, YearMonth period, List<PrepaidStatement> statements) throws IOException {
        json.writeStartObject();
        json.writeStringField("period", period.toString());
        json.writeArrayFieldStart("balances");
        List<PrepaidStatement> ordered = statements.stream()
                .sorted(Comparator.comparing(PrepaidStatement::customerId))
                .toList();
        for (PrepaidStatement statement : ordered) {
            json.writeStartObject();
            json.writeStringField("customer", statement.customerId());
            json.writeStringField("contract", statement.contractId());
            json.writeStringField("line", statement.lineId());
            json.writeStringField("balance", Decimals.quantity(statement.balance()));
            json.writeArrayFieldStart("months");
            for (PrepaidStatement.Month month : statement.months()) {
                json.writeStartObject();
                json.writeStringField("month", month.month().toString());
                json.writeStringField("opening", Decimals.quantity(month.opening()));
                json.writeStringField("toppedUp", Decimals.quantity(month.toppedUp()));
                json.writeStringField("used", Decimals.quantity(month.used()));
                json.writeStringField("overage", Decimals.quantity(month.overage()));
                json.writeStringField("closing", Decimals.quantity(month.closing()));
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }
}
