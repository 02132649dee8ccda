package io.truecount.app.security;

import io.truecount.app.TruecountApplication;
import io.truecount.app.config.ActiveConfig;
import io.truecount.app.config.ConfigException;
import io.truecount.app.config.ConfigLoader;
import io.truecount.app.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application serving on a random port over one embedded PostgreSQL; the security tests extending this
 * share one Spring context (same configuration) and one database, and name their tokens uniquely.
 */
@SpringBootTest(
        classes = {TruecountApplication.class, ServerTest.Beans.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"truecount.scheduling=false"})
abstract class ServerTest {

    static final TestDatabase DB = TestDatabase.startMigrated();

    static final String CONFIG =
            """
            company:
              name: Zylker Managed Services
              currency: USD
              timezone: America/New_York
              invoice-prefix: ZY-
              address: { line1: 1 Main St, city: Springfield, country: US }
              tax-id: US123456789
            customers:
              acme:
                name: Acme Dental
                address: { line1: 9 Elm Rd, city: Springfield }
            """;

    @LocalServerPort
    int port;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DB::jdbcUrl);
    }

    @TestConfiguration
    static class Beans {
        @Bean
        ActiveConfig activeConfig() throws ConfigException {
            return ActiveConfig.of(new ConfigLoader(Map.<String, String>of()::get).load(writeConfig(CONFIG)));
        }
    }

    static Path writeConfig(String yaml) {
        try {
            Path dir = Files.createTempDirectory("truecount-security");
            dir.toFile().deleteOnExit();
            return Files.writeString(dir.resolve("truecount.yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Http http() {
        return new Http(port);
    }

    /** A new live token of the role, with a name no other test uses. */
    NewToken token(Role role) {
        return tokens.create(role.id() + "-" + UUID.randomUUID().toString().substring(0, 8), role, "test", null);
    }

    static Map<String, String> bearer(NewToken token) {
        return Map.of("Authorization", "Bearer " + token.token());
    }
}
