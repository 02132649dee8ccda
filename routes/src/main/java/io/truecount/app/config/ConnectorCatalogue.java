package io.truecount.app.config;

import static io.truecount.connector.ConnectorRole.ACCOUNTING;
import static io.truecount.connector.ConnectorRole.ESIGN;
import static io.truecount.connector.ConnectorRole.M365;
import static io.truecount.connector.ConnectorRole.PAYMENTS;
import static io.truecount.connector.ConnectorRole.PSA;
import static io.truecount.connector.ConnectorRole.RMM;

import io.truecount.connector.ConnectorRole;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every connector type CONFIG.md names, with its role and credential keys, whether or not this version implements it:
 * a configuration for a known but unimplemented type gets "not available in this version", not "unknown type".
 */
final class ConnectorCatalogue {

    /** Connector-level keys some types take and others do not; each type lists the ones it takes. */
    static final String AUTH_URL = "auth-url";

    static final String LOGIN_URL = "login-url";
    static final String DIRECTORY = "directory";

    /**
     * @param required credential requirements: each is one key, or alternatives of which exactly one must be given
     * @param optional credential keys that may be given
     * @param lists credential keys whose value is a list of secrets
     * @param extraKeys connector-level keys of {@link #AUTH_URL}, {@link #LOGIN_URL}, {@link #DIRECTORY} it takes (a
     *     type that takes {@code directory} requires it)
     */
    record Kind(
            String name,
            ConnectorRole role,
            List<List<String>> required,
            List<String> optional,
            List<String> lists,
            List<String> extraKeys) {

        /** Every credential key, in the order CONFIG.md lists them. */
        List<String> credentialKeys() {
            return Stream.concat(required.stream().flatMap(List::stream), optional.stream())
                    .toList();
        }
    }

    private static final List<Kind> KINDS = List.of(
            kind("ninjaone", RMM, "client-id client-secret", "", AUTH_URL),
            kind("datto-rmm", RMM, "api-key api-secret", "", AUTH_URL),
            kind("atera", RMM, "api-key", ""),
            kind("microsoft-graph", M365, "client-id client-secret", "partner-tenant-id", LOGIN_URL),
            kind("connectwise-manage", PSA, "company public-key private-key client-id", ""),
            kind("autotask", PSA, "username secret integration-code", ""),
            kind("halopsa", PSA, "client-id client-secret", "tenant", AUTH_URL),
            kind("quickbooks-online", ACCOUNTING, "client-id client-secret refresh-token realm-id", "", AUTH_URL),
            kind("xero", ACCOUNTING, "client-id client-secret tenant-id", "", AUTH_URL),
            kind("ubl-files", ACCOUNTING, "", "", DIRECTORY),
            kind("csv-files", ACCOUNTING, "", "", DIRECTORY),
            kind("stripe", PAYMENTS, "api-key webhook-secret|webhook-secrets[]", ""),
            kind("gocardless", PAYMENTS, "access-token webhook-secret", ""),
            kind("docusign", ESIGN, "hmac-keys[]", ""),
            kind("dropbox-sign", ESIGN, "api-key", ""),
            kind("pandadoc", ESIGN, "webhook-key", ""));

    private ConnectorCatalogue() {}

    static Optional<Kind> find(String name) {
        return KINDS.stream().filter(k -> k.name().equals(name)).findFirst();
    }

    static List<String> names() {
        return KINDS.stream().map(Kind::name).toList();
    }

    /** The types that take a connector-level key, for "applies only to" messages. */
    static List<String> namesTaking(String extraKey) {
        return KINDS.stream()
                .filter(k -> k.extraKeys().contains(extraKey))
                .map(Kind::name)
                .toList();
    }

    static List<String> namesWithRole(ConnectorRole role) {
        return KINDS.stream().filter(k -> k.role() == role).map(Kind::name).toList();
    }

    /** Whether invoices are pushed to connectors of this type (accounting systems, files, payment gateways). */
    static boolean isSink(String type) {
        return find(type)
                .map(k -> k.role() == ACCOUNTING || k.role() == PAYMENTS)
                .orElse(false);
    }

    /** Whether a sink of this type writes files: it takes every invoice, no customer id in it is needed. */
    static boolean isFileSink(String type) {
        return find(type)
                .map(k -> isSink(type) && k.extraKeys().contains(DIRECTORY))
                .orElse(false);
    }

    static boolean isSource(String type) {
        return find(type).map(k -> k.role().isSource()).orElse(false);
    }

    /**
     * @param required space-separated requirements; {@code a|b} means exactly one of a and b, a {@code []} suffix marks
     *     a key whose value is a list
     */
    private static Kind kind(String name, ConnectorRole role, String required, String optional, String... extraKeys) {
        List<List<String>> requirements = words(required).stream()
                .map(r -> Arrays.stream(r.split("\\|"))
                        .map(ConnectorCatalogue::bare)
                        .toList())
                .toList();
        List<String> lists = words(required + " " + optional).stream()
                .flatMap(r -> Arrays.stream(r.split("\\|")))
                .filter(k -> k.endsWith("[]"))
                .map(ConnectorCatalogue::bare)
                .toList();
        List<String> optionals =
                words(optional).stream().map(ConnectorCatalogue::bare).toList();
        return new Kind(name, role, requirements, optionals, lists, List.of(extraKeys));
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.trim().split("\\s+"))
                .filter(w -> !w.isEmpty())
                .toList();
    }

    private static String bare(String key) {
        return key.endsWith("[]") ? key.substring(0, key.length() - 2) : key;
    }
}
