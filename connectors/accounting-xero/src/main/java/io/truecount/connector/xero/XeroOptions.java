package io.truecount.connector.xero;

import io.truecount.connector.ConnectorSettings;
import java.util.List;
import java.util.Set;

/**
 * The Xero type's own options.
 *
 * @param status the status invoices are created in: {@code AUTHORISED} (default; posted to the ledger, can be paid),
 *     {@code DRAFT} or {@code SUBMITTED} (awaiting approval in Xero)
 * @param accountCode the revenue account of every line (default {@code 200}, "Sales" in Xero's default chart)
 * @param taxType the tax rate code of taxable lines (default {@code OUTPUT}); non-taxable lines get {@code NONE}
 */
record XeroOptions(String status, String accountCode, String taxType) {

    static final String STATUS = "status";
    static final String ACCOUNT_CODE = "account-code";
    static final String TAX_TYPE = "tax-type";
    static final Set<String> KEYS = Set.of(STATUS, ACCOUNT_CODE, TAX_TYPE);

    static final List<String> STATUSES = List.of("AUTHORISED", "DRAFT", "SUBMITTED");
    static final String NO_TAX = "NONE";

    static XeroOptions of(ConnectorSettings settings) {
        return new XeroOptions(
                value(settings, STATUS, "AUTHORISED"),
                value(settings, ACCOUNT_CODE, "200"),
                value(settings, TAX_TYPE, "OUTPUT"));
    }

    /** Why an admin's value is not usable, or null; configuration reports it at the value's line. */
    static String problem(String key, String value) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            return "'" + key + "' must not be empty";
        }
        if (key.equals(STATUS) && !STATUSES.contains(text)) {
            return "'" + key + "' must be one of " + String.join(", ", STATUSES) + ", not '" + text + "'";
        }
        return null;
    }

    private static String value(ConnectorSettings settings, String key, String defaultValue) {
        String value = settings.options().get(key);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        String problem = problem(key, value);
        if (problem != null) {
            throw new IllegalArgumentException("connector " + settings.id() + ": " + problem);
        }
        return value.strip();
    }
}
