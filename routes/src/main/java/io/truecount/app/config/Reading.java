package io.truecount.app.config;

import java.nio.file.Path;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** What every reader shares: the error list and the environment. */
final class Reading {

    private final Problems problems;
    private final Placeholders placeholders;

    Reading(Problems problems, Placeholders placeholders) {
        this.problems = problems;
        this.placeholders = placeholders;
    }

    Problems problems() {
        return problems;
    }

    /** The node as a single value with {@code ${...}} resolved; null (with an error recorded) when it is not one. */
    Scalar scalar(Path file, Node node, String what) {
        if (!(node instanceof ScalarNode scalar)) {
            problems.at(file, node, "expected a single value for " + what + ", found " + describe(node));
            return null;
        }
        Placeholders.Resolution resolved = placeholders.resolve(scalar.getValue());
        resolved.problems().forEach(p -> problems.at(file, node, p));
        if (!resolved.problems().isEmpty()) {
            return null;
        }
        return new Scalar(file, node, scalar.getValue(), resolved.value(), resolved.variables());
    }

    /** Whether a node is absent or written as an empty or null value ({@code key:}, {@code key: ~}). */
    static boolean isNull(Node node) {
        return node == null || (node instanceof ScalarNode && node.getTag().equals(Tag.NULL));
    }

    static String describe(Node node) {
        if (isNull(node)) {
            return "no value";
        }
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return "a single value";
    }
}
