package io.truecount.core.invoice;

import java.util.Objects;

/**
 * One observation an invoice line was computed from: which record of which source, so that an admin can trace every
 * billed quantity back to what the vendor said.
 *
 * @param type {@code asset}, {@code license}, {@code user} or {@code time-entry}
 * @param externalId the record's id in the source (device id, SKU id, user id, time entry id)
 * @param label what a person recognises it by (device name, SKU part number, UPN, ticket and hours)
 */
public record SourceRef(String type, String connectorId, String externalId, String label) {

    public static final String ASSET = "asset";
    public static final String LICENSE = "license";
    public static final String USER = "user";
    public static final String TIME_ENTRY = "time-entry";

    public SourceRef {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(connectorId, "connectorId");
        Objects.requireNonNull(externalId, "externalId");
        label = label == null ? externalId : label;
    }
}
