package io.truecount.app.cli;

import java.nio.file.Path;
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
}
