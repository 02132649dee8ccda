package io.truecount.connector;

import io.truecount.core.observation.AssetClass;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One configured connector, as the admin's YAML defines it (CONFIG.md, Connector types), validated and with secrets
 * resolved.
 *
 * @param id the connector id (the YAML map key), also the priority order among sources
 * @param type the built-in type name ({@code ninjaone})
 * @param baseUrl the vendor host (the type's default when the YAML omits it)
 * @param authUrl the OAuth2 token endpoint; null means the type's default derived from {@code baseUrl}
 * @param credentials credential key (kebab-case, as in YAML) to its resolved value
 * @param schedule Quartz cron expression in the company timezone; null = only on demand
 * @param staleAfterDays RMM sources: assets not seen for longer are not billed; null = never stale
 * @param assetClasses overrides of the type's default class map, keyed by the vendor value the map reads
 * @param requestsPerSecond client-side pacing; null = no pacing beyond honouring 429 / Retry-After
 * @param options type-specific settings that are not secrets (e.g. a Graph {@code login-url}); may be empty
 * @param mappedOrganizations the external ids customers map to this connector ({@code sources.<id>}): the tenants a
 *     Microsoft 365 connector reads when it does not discover them; empty when none are
 */
public record ConnectorSettings(
        String id,
        String type,
        URI baseUrl,
        URI authUrl,
        Map<String, Secret> credentials,
        String schedule,
        Integer staleAfterDays,
        Map<String, AssetClass> assetClasses,
        Double requestsPerSecond,
        Map<String, String> options,
        Set<String> mappedOrganizations) {

    /** Settings before customers are known: no mapped organizations. */
    public ConnectorSettings(
            String id,
            String type,
            URI baseUrl,
            URI authUrl,
            Map<String, Secret> credentials,
            String schedule,
            Integer staleAfterDays,
            Map<String, AssetClass> assetClasses,
            Double requestsPerSecond,
            Map<String, String> options) {
        this(
                id,
                type,
                baseUrl,
                authUrl,
                credentials,
                schedule,
                staleAfterDays,
                assetClasses,
                requestsPerSecond,
                options,
                Set.of());
    }

    public ConnectorSettings {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        credentials = Map.copyOf(credentials);
        assetClasses = Map.copyOf(assetClasses);
        options = Map.copyOf(options);
        // Sorted, so that connectors read tenants in a stable order.
        mappedOrganizations = Collections.unmodifiableSet(new TreeSet<>(mappedOrganizations));
    }

    /** The same settings with the organizations customers map to this connector. */
    public ConnectorSettings withMappedOrganizations(Set<String> organizations) {
        return new ConnectorSettings(
                id,
                type,
                baseUrl,
                authUrl,
                credentials,
                schedule,
                staleAfterDays,
                assetClasses,
                requestsPerSecond,
                options,
                organizations);
    }

    /** A credential the type requires; validation has made sure it is present. */
    public Secret credential(String key) {
        Secret secret = credentials.get(key);
        if (secret == null) {
            throw new IllegalStateException("connector " + id + " has no credential '" + key + "'");
        }
        return secret;
    }

    /**
     * A credential that may be a list ({@code webhook-secrets: [a, b]}, which configuration hands over as
     * {@code webhook-secrets[0]}, {@code webhook-secrets[1]}, ...): a single value first, then the listed ones in the
     * admin's order. Empty when neither is given.
     */
    public List<Secret> credentialList(String key) {
        List<Secret> values = new ArrayList<>();
        if (credentials.containsKey(key)) {
            values.add(credentials.get(key));
        }
        Map<Integer, Secret> listed = new TreeMap<>();
        String prefix = key + "[";
        credentials.forEach((name, secret) -> {
            if (name.startsWith(prefix) && name.endsWith("]")) {
                String index = name.substring(prefix.length(), name.length() - 1);
                if (!index.isEmpty() && index.chars().allMatch(Character::isDigit)) {
                    listed.put(Integer.parseInt(index), secret);
                }
            }
        });
        values.addAll(listed.values());
        return List.copyOf(values);
    }

    /** An {@link #options()} value that must be a whole number, or the default when the option is absent. */
    public int intOption(String key, int defaultValue) {
        String value = options.get(key);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "connector " + id + ": option '" + key + "' must be a whole number, not '" + value + "'");
        }
    }
}
