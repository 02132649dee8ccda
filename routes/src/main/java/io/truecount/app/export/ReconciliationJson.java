package io.truecount.app.export;

import com.fasterxml.jackson.core.JsonGenerator;
import io.truecount.core.reconciliation.ReconciliationItem;
import java.io.IOException;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/** {@code reconciliation.json} as OUTPUTS.md defines it: each item's kind, then its identifying fields. */
final class ReconciliationJson {

    private ReconciliationJson() {}

    static void write(JsonGenerator json, YearMonth period, List<ReconciliationItem> items) throws IOException {
        json.writeStartObject();
        json.writeStringField("period", period.toString());
        json.writeArrayFieldStart("items");
        for (ReconciliationItem item : items) {
            json.writeStartObject();
            json.writeStringField("kind", item.kind().name());
            for (Map.Entry<String, String> field : item.fields().entrySet()) {
                json.writeStringField(field.getKey(), field.getValue());
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }
}
