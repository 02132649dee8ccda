package io.truecount.app.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Rejects secrets written literally, anywhere in a file: a value under a key whose name contains {@code secret},
 * {@code password}, {@code api-key} or {@code token} (CONFIG.md) must be a {@code ${VAR}} or {@code file:} reference.
 * The message never quotes the value.
 */
final class SecretLiterals {

    private static final List<String> SECRET_WORDS = List.of("secret", "password", "api-key", "token");

    /**
     * Credential keys of CONFIG.md's connector types that hold secrets but escape the name rule: ConnectWise's
     * {@code private-key}, DocuSign's HMAC keys and PandaDoc's webhook key.
     */
    private static final Set<String> ALSO_SECRET = Set.of("private-key", "hmac-keys", "webhook-key");

    /** Maps whose keys are ids or vendor values, not setting names: a connector may well be called {@code token}. */
    private static final Set<String> FREE_KEY_MAPS = Set.of("sources", "accounting", "asset-classes");

    private final Problems problems;

    SecretLiterals(Problems problems) {
        this.problems = problems;
    }

    static boolean isSecretKey(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return ALSO_SECRET.contains(lower) || SECRET_WORDS.stream().anyMatch(lower::contains);
    }

    void check(Path file, Node root) {
        walk(file, root, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private void walk(Path file, Node node, Set<Node> seen) {
        if (!seen.add(node)) {
            return;
        }
        if (node instanceof SequenceNode sequence) {
            sequence.getValue().forEach(item -> walk(file, item, seen));
        } else if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                String key = tuple.getKeyNode() instanceof ScalarNode k ? k.getValue() : "";
                if (isSecretKey(key)) {
                    checkValues(file, key, tuple.getValueNode());
                }
                if (!FREE_KEY_MAPS.contains(key)) {
                    walk(file, tuple.getValueNode(), seen);
                }
            }
        }
    }

    private void checkValues(Path file, String key, Node value) {
        if (value instanceof SequenceNode sequence) {
            sequence.getValue().forEach(item -> checkValues(file, key, item));
        } else if (value instanceof ScalarNode scalar && isLiteral(scalar)) {
            problems.at(file, scalar, "'" + key + "' must not be written literally: give ${ENV_VAR} or file:PATH");
        }
    }

    private static boolean isLiteral(ScalarNode scalar) {
        String text = scalar.getValue();
        return !Reading.isNull(scalar) && !text.isEmpty() && !text.contains("${") && !text.startsWith("file:");
    }
}
