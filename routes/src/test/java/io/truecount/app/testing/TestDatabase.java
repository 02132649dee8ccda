package io.truecount.app.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** A real PostgreSQL for a test class, migrated by the application's Flyway scripts. */
public final class TestDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private TestDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static TestDatabase startMigrated() {
        try {
            TestDatabase db = new TestDatabase(EmbeddedPostgres.start());
            Flyway.configure()
                    .dataSource(db.dataSource())
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
