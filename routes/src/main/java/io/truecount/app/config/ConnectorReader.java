package io.truecount.app.config;

import static io.truecount.app.config.ConnectorCatalogue.AUTH_URL;
import static io.truecount.app.config.ConnectorCatalogue.DIRECTORY;
import static io.truecount.app.config.ConnectorCatalogue.LOGIN_URL;

import io.truecount.app.config.ConnectorCatalogue.Kind;
import io.truecount.connector.ConnectorRole;
import io.truecount.connector.ConnectorSettings;
import io.truecount.connector.ConnectorType;
import io.truecount.connector.Secret;
import io.truecount.connector.http.ResilienceOptions;
import io.truecount.core.observation.AssetClass;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads one entry of {@code connectors:} into {@link ConnectorSettings}. */
final class ConnectorReader {

    static final List<String> KEYS = List.of(
            "type",
            "base-url",
            AUTH_URL,
            CredentialReader.KEY,
            "schedule",
            "stale-after-days",
            "asset-classes",
            "rate-limit",
            LOGIN_URL,
            DIRECTORY,
            "retry",
            "circuit",
            "timeout-seconds",
            "page-size");

    private static final List<String> CLASS_NAMES =
            Arrays.stream(AssetClass.values()).map(AssetClass::configName).toList();

    private final Problems problems;
    private final Values values;
    private final CredentialReader credentials;
    private final OptionsReader optionsReader;
    private final Map<String, ConnectorType> implemented;

    /** @param implemented the types this build can run, by name */
    ConnectorReader(Reading reading, Values values, Map<String, ConnectorType> implemented) {
        this.problems = reading.problems();
        this.values = values;
        this.credentials = new CredentialReader(reading);
        this.optionsReader = new OptionsReader(values);
        this.implemented = implemented;
    }

    /** The connector's type from the catalogue; null when its {@code type} is missing or unknown (reported). */
    Kind kind(Section s) {
        Scalar type = s.required("type");
        if (type == null) {
            return null;
        }
        return ConnectorCatalogue.find(type.value()).orElseGet(() -> {
            values.choice(type, "connector type", ConnectorCatalogue.names());
            return null;
        });
    }

    /**
     * The keys a connector entry may have: the common ones, and the options its type's implementation reads that are
     * its own ({@link ConnectorType#optionKeys()}: {@code concurrency}, {@code full-sync-hours}, ...).
     */
    List<String> keysFor(Node entry) {
        List<String> keys = new ArrayList<>(KEYS);
        keys.addAll(ownOptionKeys(typeName(entry)));
        return keys;
    }

    /** Option keys the type reads beyond the runtime's and the common ones, in sorted order. */
    List<String> ownOptionKeys(String typeName) {
        ConnectorType type = typeName == null ? null : implemented.get(typeName);
        if (type == null) {
            return List.of();
        }
        return type.optionKeys().stream()
                .filter(k -> !ResilienceOptions.KEYS.contains(k) && !KEYS.contains(k))
                .sorted()
                .toList();
    }

    private static String typeName(Node entry) {
        if (entry instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key
                        && key.getValue().equals("type")
                        && tuple.getValueNode() instanceof ScalarNode value) {
                    return value.getValue();
                }
            }
        }
        return null;
    }

    /** @return the settings; null when anything about this connector is invalid (reported) */
    ConnectorSettings read(String id, Section s, Kind kind) {
        int errorsBefore = problems.count();
        ConnectorType type = kind == null ? null : implementation(s, kind);
        List<String> rmm = ConnectorCatalogue.namesWithRole(ConnectorRole.RMM);
        URI baseUrl = values.url(s.scalar("base-url"), "base-url");
        URI authUrl = takes(s, kind, AUTH_URL, ConnectorCatalogue.namesTaking(AUTH_URL))
                ? values.url(s.scalar(AUTH_URL), AUTH_URL)
                : null;
        String schedule = values.cron(s.scalar("schedule"), "schedule");
        Integer staleAfterDays = takes(s, kind, "stale-after-days", rmm)
                ? values.integer(s.scalar("stale-after-days"), "stale-after-days", 1)
                : null;
        Map<String, AssetClass> assetClasses = takes(s, kind, "asset-classes", rmm) ? assetClasses(s) : Map.of();
        Double perSecond = rateLimit(s);
        Map<String, String> options = optionsReader.read(s, kind, type);
        for (String key : ownOptionKeys(type == null ? null : type.name())) {
            Scalar value = s.scalar(key);
            if (value != null) {
                String problem = type.optionProblem(key, value.value());
                if (problem != null) {
                    s.errorAtValue(key, problem);
                } else {
                    options.put(key, value.value().strip());
                }
            }
        }
        Map<String, Secret> secrets = credentials.read(s, kind);
        if (type != null
                && kind.role().isSource()
                && baseUrl == null
                && !s.has("base-url")
                && type.defaultBaseUrl() == null) {
            // Some vendors (HaloPSA) host every customer on its own instance: there is no default to fall back on.
            s.missing("base-url");
        }
        if (type == null || problems.count() > errorsBefore) {
            return null;
        }
        return new ConnectorSettings(
                id,
                type.name(),
                baseUrl != null ? baseUrl : type.defaultBaseUrl(),
                authUrl,
                secrets,
                schedule,
                staleAfterDays,
                assetClasses,
                perSecond,
                options);
    }

    private ConnectorType implementation(Section s, Kind kind) {
        ConnectorType type = implemented.get(kind.name());
        if (type == null) {
            List<String> available = ConnectorCatalogue.names().stream()
                    .filter(implemented::containsKey)
                    .toList();
            s.errorAtValue(
                    "type",
                    "connector type '" + kind.name() + "' is not available in this version (available: "
                            + (available.isEmpty() ? "none" : String.join(", ", available)) + ")");
        }
        return type;
    }

    /**
     * Whether a key only some types take is present and allowed (else reported). With an unknown type it counts as
     * allowed, so that its value is still checked.
     */
    static boolean takes(Section s, Kind kind, String key, List<String> typesTakingIt) {
        if (!s.has(key)) {
            return false;
        }
        if (kind != null && !typesTakingIt.contains(kind.name())) {
            s.errorAt(key, "'" + key + "' applies only to connector types " + String.join(", ", typesTakingIt));
            return false;
        }
        return true;
    }

    /** Overrides of the type's class map, keyed by the vendor value it reads (NinjaOne {@code nodeClass}, ...). */
    private Map<String, AssetClass> assetClasses(Section s) {
        Section map = s.section("asset-classes", "asset-classes of " + s.label(), null);
        Map<String, AssetClass> classes = new LinkedHashMap<>();
        if (map != null) {
            for (String vendorValue : map.keys()) {
                String name = values.choice(map.scalar(vendorValue), "asset class", CLASS_NAMES);
                if (name != null) {
                    classes.put(vendorValue, AssetClass.fromConfigName(name));
                }
            }
        }
        return classes;
    }

    private Double rateLimit(Section s) {
        Section rate = s.section("rate-limit", "rate-limit of " + s.label(), List.of("per-second"));
        if (rate == null) {
            return null;
        }
        BigDecimal perSecond = values.positive(rate.required("per-second"), "per-second");
        return perSecond == null ? null : perSecond.doubleValue();
    }
}
