package io.truecount.app.reconciliation;

import io.truecount.core.reconciliation.ReconciliationKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stable id of a reconciliation item: its period, kind, customer and the fields that say what it is about (a
 * contract line, a device, a SKU), never the measurements (counts, hours, dates) that a re-run may change. Re-running
 * the cycle rebuilds the items; the same discrepancy gets the same id, so a decision taken on it still applies.
 */
final class ItemIdentity {

    /** The fields naming what an item is about; an item without any of them is identified by all its fields. */
    private static final List<String> NAMING_FIELDS =
            List.of("contract", "line", "connector", "externalId", "assetClass", "sku", "duplicateOf");

    private ItemIdentity() {}

    /** {@code 2026-10-} followed by 16 hex digits: the period first, so a lookup reads one period's run only. */
    static String of(YearMonth period, ReconciliationKind kind, String customer, Map<String, String> fields) {
        StringBuilder key = new StringBuilder()
                .append(period)
                .append('\u0000')
                .append(groupOf(kind))
                .append('\u0000')
                .append(customer == null ? "" : customer);
        boolean named = false;
        for (String name : NAMING_FIELDS) {
            String value = fields.get(name);
            if (value != null) {
                key.append('\u0000').append(name).append('=').append(value);
                named = true;
            }
        }
        if (!named) {
            new TreeMap<>(fields)
                    .forEach((name, value) ->
                            key.append('\u0000').append(name).append('=').append(value));
        }
        return period + "-" + HexFormat.of().formatHex(sha256(key.toString()), 0, 8);
    }

    /** The period an id names. */
    static YearMonth periodOf(String id) {
        try {
            return YearMonth.parse(id.length() >= 7 ? id.substring(0, 7) : id);
        } catch (DateTimeParseException e) {
            throw new java.util.NoSuchElementException("no reconciliation item " + id);
        }
    }

    /** Under- and over-billing of one line are one discrepancy whose direction may flip between runs. */
    private static String groupOf(ReconciliationKind kind) {
        return kind == ReconciliationKind.OVER_BILLED ? ReconciliationKind.UNDER_BILLED.name() : kind.name();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
