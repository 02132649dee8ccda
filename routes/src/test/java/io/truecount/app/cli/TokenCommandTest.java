package io.truecount.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.app.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code truecount token create|list|revoke} as the executable runs them, on a real PostgreSQL. */
class TokenCommandTest {

    @TempDir
    static Path dir;

    private static TestDatabase db;
    private static Path config;

    @BeforeAll
    static void start() {
        db = TestDatabase.startMigrated();
        config = CliFixture.writeConfig(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    @Test
    void create_printsTheTokenAloneOnStdout_listShowsNoSecret_revokeMarksIt() throws Exception {
        CliFixture.Result created = token("create", "ci", "--role", "approver");
        String token = created.out().strip();
        CliFixture.Result listed = token("list");
        CliFixture.Result revoked = token("revoke", "ci");
        CliFixture.Result after = token("list");

        assertThat(created.exitCode()).isZero();
        assertThat(token).matches("tc_[A-Za-z0-9_-]{43}");
        assertThat(created.err())
                .contains("'ci'")
                .contains("cannot be shown again")
                .doesNotContain(token);
        assertThat(listed.out()).contains("ci").contains("approver").doesNotContain(token);
        assertThat(revoked.exitCode()).isZero();
        assertThat(revoked.out()).contains("Revoked token 'ci'");
        assertThat(after.out()
                        .lines()
                        .filter(l -> l.startsWith("ci "))
                        .findFirst()
                        .orElseThrow())
                .as("the REVOKED column has a time")
                .matches(".*\\d{4}-\\d\\d-\\d\\dT[0-9:]+Z\\s*$");
        assertThat(new JdbcTemplate(db.dataSource())
                        .queryForObject(
                                "select count(*) from api_token where token_sha256 = ?", Long.class, sha256(token)))
                .isEqualTo(1L);
    }

    @Test
    void badInput_isOneErrorLine_withTheDocumentedExitCodes() {
        CliFixture.Result badRole = token("create", "someone", "--role", "root");
        token("create", "taken", "--role", "viewer");
        CliFixture.Result taken = token("create", "taken", "--role", "viewer");
        CliFixture.Result unknown = token("revoke", "nobody");

        assertThat(badRole.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIG);
        assertThat(badRole.err()).contains("role must be one of viewer, approver, admin");
        assertThat(taken.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(taken.err()).startsWith("error: a token named 'taken' exists");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(unknown.err().strip()).isEqualTo("error: no token named 'nobody'");
    }

    private static String sha256(String value) throws Exception {
        return java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static CliFixture.Result token(String... args) {
        String[] full = new String[args.length + 5];
        full[0] = "token";
        System.arraycopy(args, 0, full, 1, args.length);
        full[args.length + 1] = "--config";
        full[args.length + 2] = config.toString();
        full[args.length + 3] = "--db";
        full[args.length + 4] = db.jdbcUrl();
        return CliFixture.run(full);
    }
}
