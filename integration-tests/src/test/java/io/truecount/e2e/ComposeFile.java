package io.truecount.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/** {@code docker/compose.yaml} as Compose reads it (YAML merge keys included), with {@code ${VAR:-default}} resolved. */
final class ComposeFile {

    static final Path DOCKER = Path.of("../docker").toAbsolutePath().normalize();
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    private final Map<String, Object> root;

    private ComposeFile(Map<String, Object> root) {
        this.root = root;
    }

    static ComposeFile read() throws IOException {
        return new ComposeFile(new Yaml().load(Files.readString(DOCKER.resolve("compose.yaml"))));
    }

    Map<String, Object> services() {
        return map(root.get("services"));
    }

    Map<String, Object> service(String name) {
        Map<String, Object> service = map(services().get(name));
        if (service.isEmpty()) {
            throw new AssertionError("no service '" + name + "' in compose.yaml");
        }
        return service;
    }

    Map<String, Object> volumes() {
        return map(root.get("volumes"));
    }

    /** The service's environment, values as Compose passes them (defaults of unset variables applied). */
    Map<String, String> environment(String service) {
        Map<String, String> environment = new LinkedHashMap<>();
        map(service(service).get("environment")).forEach((k, v) -> environment.put(k, interpolate(String.valueOf(v))));
        return environment;
    }

    @SuppressWarnings("unchecked")
    List<String> command(String service) {
        return (List<String>) service(service).get("command");
    }

    /** Compose's own substitution, as when no variable is set in the shell. */
    static String interpolate(String value) {
        Matcher m = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = m.group(2);
            if (replacement == null) {
                throw new AssertionError("compose.yaml needs " + m.group(1) + " from the shell: " + value);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        return m.appendTail(out).toString();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }
}
