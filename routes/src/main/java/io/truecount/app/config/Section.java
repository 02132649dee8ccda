package io.truecount.app.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML mapping being read. Duplicate keys and keys outside the allowed set are reported when it is opened; missing
 * keys are reported at {@code owner}, the key that holds the mapping (or the mapping itself for list items).
 */
final class Section {

    private final Reading reading;
    private final Path file;
    private final String label;
    private final Node owner;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    private Section(Reading reading, Path file, String label, Node owner) {
        this.reading = reading;
        this.file = file;
        this.label = label;
        this.owner = owner;
    }

    /**
     * @param label how messages name this mapping ({@code company}, {@code connector 'ninja'})
     * @param allowed the keys it may have, in the order messages list them; null for a map of free keys (ids)
     * @return null, with an error recorded, when the node is not a mapping
     */
    static Section open(Reading reading, Path file, String label, Node owner, Node node, List<String> allowed) {
        if (!(node instanceof MappingNode mapping)) {
            reading.problems()
                    .at(
                            file,
                            node == null ? owner : node,
                            "expected a mapping for " + label + ", found " + Reading.describe(node));
            return null;
        }
        Section section = new Section(reading, file, label, owner);
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                reading.problems().at(file, tuple.getKeyNode(), "keys must be plain text in " + label);
                continue;
            }
            String key = keyNode.getValue();
            NodeTuple first = section.entries.get(key);
            if (first != null) {
                reading.problems()
                        .at(
                                file,
                                keyNode,
                                "duplicate key '" + key + "' in " + label + " (first at line "
                                        + (first.getKeyNode().getStartMark().getLine() + 1) + ")");
            } else if (allowed != null && !allowed.contains(key)) {
                reading.problems()
                        .at(
                                file,
                                keyNode,
                                "unknown key '" + key + "' in " + label + "; allowed: " + String.join(", ", allowed));
            } else {
                section.entries.put(key, tuple);
            }
        }
        return section;
    }

    Path file() {
        return file;
    }

    String label() {
        return label;
    }

    Node owner() {
        return owner;
    }

    /** The keys present, in the order written. */
    List<String> keys() {
        return new ArrayList<>(entries.keySet());
    }

    /** Whether the key is present with a value. */
    boolean has(String key) {
        return value(key) != null;
    }

    Node keyNode(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null ? null : tuple.getKeyNode();
    }

    /** The key's value node; null when the key is absent or has no value. */
    Node value(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null || Reading.isNull(tuple.getValueNode()) ? null : tuple.getValueNode();
    }

    /** An optional single value; null when absent or invalid. */
    Scalar scalar(String key) {
        Node value = value(key);
        return value == null ? null : reading.scalar(file, value, "'" + key + "'");
    }

    /** A required, non-empty single value; null (with an error recorded) when missing or invalid. */
    Scalar required(String key) {
        if (!has(key)) {
            missing(key);
            return null;
        }
        Scalar scalar = scalar(key);
        if (scalar != null && scalar.value().isBlank()) {
            reading.problems().at(file, scalar.node(), "'" + key + "' in " + label + " must not be empty");
            return null;
        }
        return scalar;
    }

    /** An optional nested mapping; null when absent or invalid. */
    Section section(String key, String nestedLabel, List<String> allowed) {
        Node value = value(key);
        return value == null ? null : open(reading, file, nestedLabel, keyNode(key), value, allowed);
    }

    /** The items of an optional list; empty when absent, null (with an error recorded) when not a list. */
    List<Node> list(String key) {
        Node value = value(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof SequenceNode sequence)) {
            reading.problems()
                    .at(
                            file,
                            value,
                            "expected a list for '" + key + "' in " + label + ", found " + Reading.describe(value));
            return null;
        }
        return sequence.getValue();
    }

    void missing(String key) {
        reading.problems().at(file, keyNode(key) != null ? keyNode(key) : owner, missingMessage(key));
    }

    private String missingMessage(String key) {
        return keyNode(key) != null
                ? "'" + key + "' in " + label + " must have a value"
                : "missing required key '" + key + "' in " + label;
    }

    /** Records an error at the key's value (or the key, or this mapping), for a value wrong in context. */
    void errorAtValue(String key, String message) {
        Node node = value(key) != null ? value(key) : keyNode(key);
        reading.problems().at(file, node != null ? node : owner, message);
    }

    /** Records an error at the key (or this mapping, when the key is absent). */
    void errorAt(String key, String message) {
        Node node = keyNode(key);
        reading.problems().at(file, node != null ? node : owner, message);
    }
}
