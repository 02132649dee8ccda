package io.truecount.app.config;

import io.truecount.app.config.ConnectorCatalogue.Kind;
import io.truecount.connector.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a connector's {@code credentials:} against its type's keys and resolves each value to a {@link Secret}: from
 * the environment ({@code ${NAME}}), from a file ({@code file:PATH}, beside the config file) or, for keys that are
 * not secret (a client id), as written. Messages name keys and files, never values.
 */
final class CredentialReader {

    static final String KEY = "credentials";
    private static final String FILE_PREFIX = "file:";

    private final Reading reading;
    private final Problems problems;

    CredentialReader(Reading reading) {
        this.reading = reading;
        this.problems = reading.problems();
    }

    /**
     * @param kind the connector's catalogue type; null when unknown, then only the values are resolved
     * @return credential key to secret; a list credential ({@code webhook-secrets}) as {@code key[0]}, {@code key[1]}
     */
    Map<String, Secret> read(Section connector, Kind kind) {
        if (kind != null && kind.credentialKeys().isEmpty()) {
            if (connector.has(KEY)) {
                connector.errorAt(KEY, "connector type " + kind.name() + " takes no credentials");
            }
            return Map.of();
        }
        Section credentials = connector.section(
                KEY, "credentials of " + connector.label(), kind == null ? null : kind.credentialKeys());
        Map<String, Secret> secrets = new LinkedHashMap<>();
        if (credentials != null) {
            for (String key : credentials.keys()) {
                readValue(credentials, key, secrets);
            }
        }
        if (kind != null) {
            checkRequired(connector, credentials, kind);
        }
        return secrets;
    }

    private void readValue(Section credentials, String key, Map<String, Secret> secrets) {
        Node value = credentials.value(key);
        if (value == null) {
            return;
        }
        if (value instanceof SequenceNode sequence) {
            List<Node> items = sequence.getValue();
            if (items.isEmpty()) {
                credentials.errorAt(key, "'" + key + "' must list at least one value");
            }
            for (int i = 0; i < items.size(); i++) {
                Scalar item = reading.scalar(credentials.file(), items.get(i), "'" + key + "'");
                put(secrets, key + "[" + i + "]", secret(item, key));
            }
        } else {
            put(secrets, key, secret(credentials.scalar(key), key));
        }
    }

    private static void put(Map<String, Secret> secrets, String key, Secret secret) {
        if (secret != null) {
            secrets.put(key, secret);
        }
    }

    private void checkRequired(Section connector, Section credentials, Kind kind) {
        List<String> missing = new ArrayList<>();
        for (List<String> alternatives : kind.required()) {
            List<String> given = alternatives.stream()
                    .filter(k -> credentials != null && credentials.has(k))
                    .toList();
            if (given.isEmpty()) {
                missing.add(String.join(" or ", alternatives));
            } else if (given.size() > 1) {
                credentials.errorAt(
                        given.get(1),
                        "give either " + given.stream().map(k -> "'" + k + "'").collect(Collectors.joining(" or "))
                                + ", not both");
            }
        }
        if (!missing.isEmpty()) {
            connector.errorAt(KEY, "missing credentials for " + kind.name() + ": " + String.join(", ", missing));
        }
    }

    private Secret secret(Scalar s, String key) {
        if (s == null) {
            return null;
        }
        String value = s.value();
        if (value.startsWith(FILE_PREFIX)) {
            return fromFile(s, key, value.substring(FILE_PREFIX.length()));
        }
        if (value.isEmpty()) {
            problems.at(s.file(), s.node(), "credential '" + key + "' is empty");
            return null;
        }
        String origin = s.variables().isEmpty()
                ? "literal"
                : s.variables().stream().map(v -> "env " + v).collect(Collectors.joining(", "));
        return new Secret(value, origin);
    }

    private Secret fromFile(Scalar s, String key, String path) {
        Path file = s.file().resolveSibling(path);
        try {
            String content = trimTrailingNewlines(Files.readString(file));
            if (content.isEmpty()) {
                problems.at(s.file(), s.node(), "secret file '" + path + "' for '" + key + "' is empty");
                return null;
            }
            return new Secret(content, "file " + path);
        } catch (IOException e) {
            problems.at(
                    s.file(),
                    s.node(),
                    "cannot read secret file '" + path + "' for '" + key + "': " + Problems.reason(e));
            return null;
        }
    }

    /** Files written with {@code echo} or an editor end in a newline that is not part of the secret. */
    private static String trimTrailingNewlines(String content) {
        int end = content.length();
        while (end > 0 && (content.charAt(end - 1) == '\n' || content.charAt(end - 1) == '\r')) {
            end--;
        }
        return content.substring(0, end);
    }
}
