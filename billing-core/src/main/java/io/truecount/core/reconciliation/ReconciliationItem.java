package io.truecount.core.reconciliation;

import io.truecount.core.counting.AssetCount;
import io.truecount.core.observation.AssetClass;
import io.truecount.core.observation.AssetObservation;
import io.truecount.core.observation.ExternalOrganization;
import io.truecount.core.observation.LicenseCount;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One discrepancy an admin should look at. Each kind carries the fields that identify it and explain it (which
 * customer, contract line, connector, record); {@code fields} keeps them in a stable order with their export names.
 * Build items with the factory methods, which fix the fields per kind.
 */
public record ReconciliationItem(ReconciliationKind kind, Map<String, String> fields) {

    /** Exports order items by kind, then customer, then the identifying fields in their listed order. */
    public static final Comparator<ReconciliationItem> ORDER = Comparator.comparing(ReconciliationItem::kind)
            .thenComparing(i -> i.fields().getOrDefault("customer", ""))
            .thenComparing(ReconciliationItem::identity);

    public ReconciliationItem {
        Objects.requireNonNull(kind, "kind");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public String field(String name) {
        return fields.get(name);
    }

    /** Observed more than the contracted quantity: the contract bills less than the customer has. */
    public static ReconciliationItem quantityMismatch(
            String customer, String contract, String line, BigDecimal expected, BigDecimal observed) {
        ReconciliationKind kind =
                observed.compareTo(expected) > 0 ? ReconciliationKind.UNDER_BILLED : ReconciliationKind.OVER_BILLED;
        return new ReconciliationItem(
                kind,
                ordered(
                        "customer", customer,
                        "contract", contract,
                        "line", line,
                        "expected", expected.toPlainString(),
                        "observed", observed.toPlainString()));
    }

    /** @param observed the organization's counted devices, else its users, else its billable time entries */
    public static ReconciliationItem unmappedOrganization(ExternalOrganization org, long observed) {
        return new ReconciliationItem(
                ReconciliationKind.UNMAPPED_ORGANIZATION,
                ordered(
                        "connector", org.connectorId(),
                        "externalId", org.externalId(),
                        "name", org.name(),
                        "observed", Long.toString(observed)));
    }

    /** @param assets the devices' names (at most 20, then "and N more"), so the admin sees which they are */
    public static ReconciliationItem uncontractedAssets(
            String customer, AssetClass assetClass, long observed, String assets) {
        return new ReconciliationItem(
                ReconciliationKind.UNCONTRACTED_ASSETS,
                ordered(
                        "customer",
                        customer,
                        "assetClass",
                        assetClass.configName(),
                        "observed",
                        Long.toString(observed),
                        "assets",
                        assets));
    }

    public static ReconciliationItem staleAsset(String customer, AssetObservation asset) {
        return new ReconciliationItem(
                ReconciliationKind.STALE_ASSET,
                ordered(
                        "customer", customer,
                        "connector", asset.connectorId(),
                        "externalId", asset.externalId(),
                        "name", asset.name(),
                        "lastSeen",
                                asset.lastSeen() == null
                                        ? "never"
                                        : asset.lastSeen().toString()));
    }

    public static ReconciliationItem duplicateAsset(String customer, AssetCount.Duplicate duplicate) {
        AssetObservation asset = duplicate.asset();
        AssetObservation kept = duplicate.keptAs();
        return new ReconciliationItem(
                ReconciliationKind.DUPLICATE_ASSET,
                ordered(
                        "customer", customer,
                        "connector", asset.connectorId(),
                        "externalId", asset.externalId(),
                        "name", asset.name(),
                        "duplicateOf", kept.connectorId() + ":" + kept.externalId(),
                        "duplicateOfName", kept.name(),
                        "matchedBy", duplicate.matchedBy(),
                        "value", duplicate.value()));
    }

    /** Licences bought but not assigned: the MSP pays for them; {@code billedBy} names the lines that bill the SKU. */
    public static ReconciliationItem unusedLicenses(String customer, LicenseCount sku, String billedBy) {
        return new ReconciliationItem(
                ReconciliationKind.UNUSED_LICENSES,
                ordered(
                        "customer", customer,
                        "connector", sku.connectorId(),
                        "externalId", sku.organizationId(),
                        "sku", sku.skuPartNumber(),
                        "purchased", Long.toString(sku.purchased()),
                        "assigned", Long.toString(sku.assigned()),
                        "unused", Long.toString(sku.purchased() - sku.assigned()),
                        "billedBy", billedBy));
    }

    /**
     * Billable time no contract line bills.
     *
     * @param entryIds the entries' ids in the source, in work-date order
     */
    public static ReconciliationItem unbilledTime(
            String customer, String connector, int entries, BigDecimal hours, String entryIds) {
        return new ReconciliationItem(
                ReconciliationKind.UNBILLED_TIME,
                ordered(
                        "customer", customer,
                        "connector", connector,
                        "entries", Integer.toString(entries),
                        "hours", hours.toPlainString(),
                        "entryIds", entryIds));
    }

    /** A billed quantity fell by more than the customer's {@code max-drop-percent}: the invoice is held. */
    public static ReconciliationItem countDrop(
            String customer,
            String contract,
            String line,
            BigDecimal previous,
            BigDecimal observed,
            String previousInvoice,
            BigDecimal dropPercent,
            BigDecimal maxDropPercent) {
        return new ReconciliationItem(
                ReconciliationKind.COUNT_DROP,
                ordered(
                        "customer",
                        customer,
                        "contract",
                        contract,
                        "line",
                        line,
                        "expected",
                        previous.toPlainString(),
                        "observed",
                        observed.toPlainString(),
                        "previousInvoice",
                        previousInvoice,
                        "dropPercent",
                        dropPercent.toPlainString(),
                        "maxDropPercent",
                        maxDropPercent.toPlainString()));
    }

    public static ReconciliationItem sourceFailed(String customer, String connector, String error) {
        return new ReconciliationItem(
                ReconciliationKind.SOURCE_FAILED,
                ordered(
                        "customer", customer,
                        "connector", connector,
                        "error", error));
    }

    /** The fields after the customer, joined; instants and ids sort as text, which is all ordering needs. */
    private String identity() {
        StringBuilder key = new StringBuilder();
        fields.forEach((name, value) -> {
            if (!name.equals("customer")) {
                key.append(value).append('\u0000');
            }
        });
        return key.toString();
    }

    private static Map<String, String> ordered(String... namesAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                map.put(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return map;
    }
}
