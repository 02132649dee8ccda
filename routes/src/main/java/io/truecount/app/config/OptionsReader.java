package io.truecount.app.config;

import static io.truecount.app.config.ConnectorCatalogue.DIRECTORY;
import static io.truecount.app.config.ConnectorCatalogue.LOGIN_URL;

import io.truecount.app.config.ConnectorCatalogue.Kind;
import io.truecount.connector.ConnectorSettings;
import io.truecount.connector.ConnectorType;
import io.truecount.connector.http.ResilienceOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the connector settings that travel in {@link ConnectorSettings#options()} as strings: the runtime's retry,
 * timeout and circuit-breaker tunables ({@link ResilienceOptions}), {@code page-size}, and the type-specific
 * {@code login-url} and {@code directory}. A setting the type's implementation does not read
 * ({@link ConnectorType#optionKeys()}) is an error rather than silently ignored.
 */
final class OptionsReader {

    static final String PAGE_SIZE = "page-size";
    private static final List<String> RETRY_KEYS = List.of("max-attempts", "backoff-millis", "max-wait-seconds");
    private static final List<String> CIRCUIT_KEYS = List.of("minimum-calls", "open-seconds");

    private final Values values;

    OptionsReader(Values values) {
        this.values = values;
    }

    /**
     * @param kind the catalogue type; null when unknown (then every key is read, to report what else is wrong)
     * @param type the implementation; null when not available (then option keys are not checked against it)
     */
    Map<String, String> read(Section s, Kind kind, ConnectorType type) {
        Map<String, String> options = new LinkedHashMap<>();
        Section retry = s.section("retry", "retry of " + s.label(), RETRY_KEYS);
        if (retry != null) {
            // ResilienceOptions requires every tunable to be at least 1: a zero backoff would hammer a failing vendor.
            number(options, retry, "max-attempts", ResilienceOptions.MAX_ATTEMPTS, type);
            number(options, retry, "backoff-millis", ResilienceOptions.BACKOFF_MILLIS, type);
            number(options, retry, "max-wait-seconds", ResilienceOptions.MAX_WAIT_SECONDS, type);
        }
        Section circuit = s.section("circuit", "circuit of " + s.label(), CIRCUIT_KEYS);
        if (circuit != null) {
            number(options, circuit, "minimum-calls", ResilienceOptions.CIRCUIT_MINIMUM_CALLS, type);
            number(options, circuit, "open-seconds", ResilienceOptions.CIRCUIT_OPEN_SECONDS, type);
        }
        number(options, s, "timeout-seconds", ResilienceOptions.TIMEOUT_SECONDS, type);
        number(options, s, PAGE_SIZE, PAGE_SIZE, type);
        if (ConnectorReader.takes(s, kind, LOGIN_URL, ConnectorCatalogue.namesTaking(LOGIN_URL))) {
            put(options, s, LOGIN_URL, LOGIN_URL, values.url(s.scalar(LOGIN_URL), LOGIN_URL), type);
        }
        if (ConnectorReader.takes(s, kind, DIRECTORY, ConnectorCatalogue.namesTaking(DIRECTORY))) {
            Scalar directory = s.required(DIRECTORY);
            // Relative to the file that names it, like file: secrets, not to wherever the process was started.
            Object path = directory == null
                    ? null
                    : s.file().resolveSibling(directory.value()).normalize();
            put(options, s, DIRECTORY, DIRECTORY, path, type);
        } else if (kind != null && kind.extraKeys().contains(DIRECTORY) && s.keyNode(DIRECTORY) == null) {
            s.missing(DIRECTORY);
        }
        return options;
    }

    private void number(Map<String, String> options, Section s, String key, String optionKey, ConnectorType type) {
        put(options, s, key, optionKey, values.integer(s.scalar(key), key, 1), type);
    }

    private static void put(
            Map<String, String> options, Section s, String key, String optionKey, Object value, ConnectorType type) {
        if (value == null) {
            return;
        }
        if (type != null && !type.optionKeys().contains(optionKey)) {
            s.errorAt(key, "'" + key + "' is not used by connector type " + type.name());
            return;
        }
        options.put(optionKey, value.toString());
    }
}
