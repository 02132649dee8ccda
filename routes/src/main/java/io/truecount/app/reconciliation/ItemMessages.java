package io.truecount.app.reconciliation;

import io.truecount.core.reconciliation.ReconciliationKind;
import java.util.Map;

/** One sentence per item for a person reviewing it; the fields stay available for the details. */
final class ItemMessages {

    private ItemMessages() {}

    static String of(ReconciliationKind kind, Map<String, String> f) {
        return switch (kind) {
            case UNDER_BILLED ->
                line(f) + " bills " + f.get("expected") + " but " + f.get("observed") + " were observed";
            case OVER_BILLED ->
                line(f) + " bills " + f.get("expected") + " but only " + f.get("observed") + " were observed";
            case UNMAPPED_ORGANIZATION ->
                f.get("connector") + " organization " + f.get("externalId") + " (" + f.get("name")
                        + ") is not mapped to a customer; " + f.get("observed") + " observed";
            case UNCONTRACTED_ASSETS ->
                f.get("observed") + " " + f.get("assetClass") + " device(s) that no contract line bills: "
                        + f.get("assets");
            case STALE_ASSET ->
                f.get("name") + " (" + f.get("connector") + ":" + f.get("externalId") + ") was last seen "
                        + f.get("lastSeen");
            case DUPLICATE_ASSET ->
                f.get("name") + " (" + f.get("connector") + ":" + f.get("externalId")
                        + ") is the same device as " + f.get("duplicateOfName") + " (" + f.get("duplicateOf")
                        + "), matched by " + f.get("matchedBy");
            case UNUSED_LICENSES ->
                f.get("unused") + " of " + f.get("purchased") + " " + f.get("sku") + " licence(s) are not assigned";
            case UNBILLED_TIME ->
                f.get("entries") + " billable time entries (" + f.get("hours") + " h) from " + f.get("connector")
                        + " that no contract line bills";
            case COUNT_DROP ->
                line(f) + " fell from " + f.get("expected") + " to " + f.get("observed") + " (" + f.get("dropPercent")
                        + "% > " + f.get("maxDropPercent") + "%): the invoice is held";
            case SOURCE_FAILED -> "source " + f.get("connector") + " failed: " + f.get("error");
        };
    }

    private static String line(Map<String, String> f) {
        return "contract " + f.get("contract") + " line " + f.get("line");
    }
}
