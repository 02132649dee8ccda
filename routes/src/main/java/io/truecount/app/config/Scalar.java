package io.truecount.app.config;

import java.nio.file.Path;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/**
 * One YAML value with environment variables resolved.
 *
 * @param raw the text as written in the file; the only form an error message may quote, because {@code value} can
 *     carry a secret taken from the environment
 * @param value the text with {@code ${...}} references replaced
 * @param variables the environment variables it references
 */
record Scalar(Path file, Node node, String raw, String value, List<String> variables) {

    /** The value as error messages quote it: as written, never a resolved secret. */
    String shown() {
        return "'" + raw + "'";
    }
}
