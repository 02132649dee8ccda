package io.truecount.app.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The PostgreSQL a command runs against: the server named by {@code --db}, or a real PostgreSQL embedded under a data
 * directory (default {@code ./data}) that persists between runs, so re-running a cycle finds its invoices.
 */
public final class Database implements AutoCloseable {

    private final String jdbcUrl;
    private final EmbeddedPostgres embedded;

    private Database(String jdbcUrl, EmbeddedPostgres embedded) {
        this.jdbcUrl = jdbcUrl;
        this.embedded = embedded;
    }

    /** A PostgreSQL server; credentials come from the URL or {@code SPRING_DATASOURCE_USERNAME/PASSWORD}. */
    public static Database server(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("--db must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db)");
        }
        return new Database(jdbcUrl, null);
    }

    /** Starts (creating on first use) an embedded PostgreSQL whose files live in {@code dataDir/postgres}. */
    public static Database embedded(Path dataDir) {
        Path pgData = dataDir.resolve("postgres").toAbsolutePath();
        try {
            Files.createDirectories(pgData);
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .start();
            return new Database(pg.getJdbcUrl("postgres", "postgres"), pg);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot start the embedded PostgreSQL in " + pgData + " (is another truecount using it?): "
                            + e.getMessage(),
                    e);
        }
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** Spring properties that point the application at this database. */
    public Map<String, Object> springProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", jdbcUrl);
        if (embedded != null) {
            properties.put("spring.datasource.username", "postgres");
            properties.put("spring.datasource.password", "");
        }
        return properties;
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
