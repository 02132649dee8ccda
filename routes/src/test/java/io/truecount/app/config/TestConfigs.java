package io.truecount.app.config;

import io.truecount.connector.ConnectorType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes YAML into a test's directory and loads it. {@link #root} appends a valid {@code company:} at the end, so the
 * line numbers of a test's text block are those of the file.
 */
final class TestConfigs {

    static final String COMPANY =
            """
            company:
              name: Zylker Managed Services
              currency: USD
              timezone: America/New_York
              invoice-prefix: ZY-
              address: { line1: 1 Main St, city: Springfield, country: US }
              tax-id: US123456789
            """;

    private final Path dir;
    private final Map<String, String> env;
    private final List<ConnectorType> implemented;

    TestConfigs(Path dir, Map<String, String> env, List<ConnectorType> implemented) {
        this.dir = dir;
        this.env = env;
        this.implemented = implemented;
    }

    /** NinjaOne implemented, no environment. */
    TestConfigs(Path dir) {
        this(dir, Map.of(), List.of(FakeConnectorType.ninjaone()));
    }

    /** The root file: the given YAML, then {@link #COMPANY}. */
    Path root(String yaml) {
        return write("truecount.yaml", yaml + COMPANY);
    }

    Path write(String name, String content) {
        Path file = dir.resolve(name);
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TruecountConfig load(Path root) throws ConfigException {
        return new ConfigLoader(env::get, implemented).load(root);
    }

    TruecountConfig loadRoot(String yaml) throws ConfigException {
        return load(root(yaml));
    }

    /** The errors as printed, with this test's directory left out of paths. */
    List<String> errors(Path root) {
        try {
            TruecountConfig config = load(root);
            throw new AssertionError("expected configuration errors, but it loaded: " + config);
        } catch (ConfigException e) {
            return e.errors().stream()
                    .map(error -> error.toString().replace(dir + "/", ""))
                    .toList();
        }
    }

    List<String> errorsOfRoot(String yaml) {
        return errors(root(yaml));
    }
}
