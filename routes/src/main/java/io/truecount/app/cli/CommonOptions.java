package io.truecount.app.cli;

import io.truecount.app.config.ConfigException;
import io.truecount.app.config.ConfigLoader;
import io.truecount.app.config.TruecountConfig;
import io.truecount.app.db.Database;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options every command takes. */
class CommonOptions {

    @Option(
            names = "--config",
            paramLabel = "FILE",
            defaultValue = "truecount.yaml",
            description = "The admin configuration (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(
            names = "--db",
            paramLabel = "URL",
            description = "JDBC URL of a PostgreSQL server; without it an embedded PostgreSQL under --data-dir is used."
                    + " Credentials may also come from SPRING_DATASOURCE_USERNAME / SPRING_DATASOURCE_PASSWORD.")
    String db;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            defaultValue = "data",
            description = "Where the embedded PostgreSQL keeps its files (default: ./${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--verbose", description = "Log in detail and show stack traces.")
    boolean verbose;

    /**
     * Loads and validates the configuration; on errors prints each as {@code FILE:LINE:COLUMN: message} with a count
     * and returns empty, so every command reports an invalid file the same way.
     */
    Optional<TruecountConfig> loadConfig(PrintWriter err) {
        try {
            return Optional.of(new ConfigLoader(System::getenv).load(config));
        } catch (ConfigException e) {
            e.errors().forEach(err::println);
            err.printf("%d error(s)%n", e.errors().size());
            return Optional.empty();
        }
    }

    /** The server named by {@code --db}, or the embedded PostgreSQL under {@code --data-dir}. */
    Database openDatabase() {
        return db != null ? Database.server(db) : Database.embedded(dataDir);
    }
}
