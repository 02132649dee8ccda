package io.truecount.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Tokens at rest and in answers: only a hash is stored, the plain token is shown once, last use is recorded. */
class TokenStorageTest extends ServerTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aNewToken_isRandom256Bits_andOnlyItsSha256IsStored_anywhereInTheDatabase() {
        NewToken token = token(Role.VIEWER);

        assertThat(token.token()).matches("tc_[A-Za-z0-9_-]{43}");
        assertThat(token.token()).isNotEqualTo(token(Role.VIEWER).token());
        assertThat(jdbc.queryForObject("select token_sha256 from api_token where name = ?", String.class, token.name()))
                .isEqualTo(ApiTokens.sha256(token.token()))
                .hasSize(64);
        assertThat(tablesContaining(token.token())).isEmpty();
        assertThat(token.toString()).doesNotContain(token.token());
    }

    @Test
    void theApi_showsATokenOnceWhenCreated_andNeverItsValueOrHashAfterwards() throws Exception {
        NewToken admin = token(Role.ADMIN);

        Http.Response created = http().send(
                        "POST",
                        "/api/tokens",
                        "{\"name\":\"ci-runner\",\"role\":\"approver\",\"reason\":\"CI\"}",
                        Map.of("Content-Type", "application/json", "Authorization", "Bearer " + admin.token()));
        JsonNode body = json.readTree(created.body());
        String plain = body.get("token").asText();
        Http.Response listed = http().send("GET", "/api/tokens", null, bearer(admin));

        assertThat(created.status()).isEqualTo(201);
        assertThat(body.get("name").asText()).isEqualTo("ci-runner");
        assertThat(body.get("role").asText()).isEqualTo("approver");
        assertThat(tablesContaining(plain)).isEmpty();
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body())
                .contains("\"ci-runner\"")
                .doesNotContain(plain)
                .doesNotContain(ApiTokens.sha256(plain))
                .doesNotContain(admin.token())
                .doesNotContain(ApiTokens.sha256(admin.token()));
        for (JsonNode row : json.readTree(listed.body())) {
            assertThat(row.fieldNames())
                    .toIterable()
                    .containsExactlyInAnyOrder("name", "role", "createdAt", "lastUsedAt", "revokedAt");
        }
        assertThat(http().send("GET", "/api/tokens", null, Map.of("Authorization", "Bearer " + plain))
                        .status())
                .as("the new approver token works, and is not admin")
                .isEqualTo(403);
    }

    @Test
    void createAndRevokeThroughTheApi_answerTheContractsStatuses() {
        NewToken admin = token(Role.ADMIN);
        Map<String, String> headers =
                Map.of("Content-Type", "application/json", "Authorization", "Bearer " + admin.token());

        assertThat(http().send("POST", "/api/tokens", "{\"name\":\"dup\",\"role\":\"viewer\"}", headers)
                        .status())
                .isEqualTo(201);
        assertThat(http().send("POST", "/api/tokens", "{\"name\":\"dup\",\"role\":\"viewer\"}", headers)
                        .status())
                .as("a name is never reused")
                .isEqualTo(409);
        assertThat(http().send("POST", "/api/tokens", "{\"name\":\"x\",\"role\":\"root\"}", headers)
                        .status())
                .isEqualTo(400);
        assertThat(http().send("POST", "/api/tokens", "{\"name\":\"Bad Name\",\"role\":\"viewer\"}", headers)
                        .status())
                .isEqualTo(400);
        assertThat(http().send("DELETE", "/api/tokens/dup", null, headers).status())
                .isEqualTo(204);
        assertThat(http().send("DELETE", "/api/tokens/no-such", null, headers).status())
                .isEqualTo(404);
        assertThat(tokens.list())
                .filteredOn(t -> t.name().equals("dup"))
                .singleElement()
                .satisfies(t -> assertThat(t.revokedAt()).isNotNull());
    }

    @Test
    void use_isRecorded_atMostOnceAMinute() {
        NewToken viewer = token(Role.VIEWER);
        assertThat(lastUsed(viewer)).isNull();

        assertThat(tokens.authenticate(viewer.token())).isPresent();
        Instant first = lastUsed(viewer);
        assertThat(tokens.authenticate(viewer.token())).isPresent();

        assertThat(first).isNotNull();
        assertThat(lastUsed(viewer))
                .as("a second use within the minute writes nothing")
                .isEqualTo(first);
        jdbc.update(
                "update api_token set last_used_at = last_used_at - interval '2 minutes' where name = ?",
                viewer.name());
        Instant aged = lastUsed(viewer);
        tokens.authenticate(viewer.token());
        assertThat(lastUsed(viewer)).isAfter(aged);
    }

    @Test
    void revoking_isImmediate_andUnknownNamesAreReported() {
        NewToken viewer = token(Role.VIEWER);

        tokens.revoke(viewer.name(), "test", null);
        tokens.revoke(viewer.name(), "test", null);

        assertThat(tokens.authenticate(viewer.token())).isEmpty();
        assertThatThrownBy(() -> tokens.revoke("nobody-" + viewer.name(), "test", null))
                .isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void adminTokenFromTheEnvironment_needsLength_andIsIgnoredOnceTokensExist() {
        token(Role.VIEWER);
        String value = "x".repeat(AdminTokenBootstrap.MIN_LENGTH);

        new AdminTokenBootstrap(tokens, new MockEnvironment().withProperty(AdminTokenBootstrap.VARIABLE, value))
                .createAdminToken();

        assertThat(tokens.authenticate(value))
                .as("tokens exist: the variable changes nothing")
                .isEmpty();
        assertThat(tokens.bootstrapAdmin(value)).isFalse();
        assertThatThrownBy(() -> new AdminTokenBootstrap(
                                tokens, new MockEnvironment().withProperty(AdminTokenBootstrap.VARIABLE, "short"))
                        .createAdminToken())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at least 32 characters")
                .hasMessageNotContaining("short");
    }

    private Instant lastUsed(NewToken token) {
        java.sql.Timestamp t = jdbc.queryForObject(
                "select last_used_at from api_token where name = ?", java.sql.Timestamp.class, token.name());
        return t == null ? null : t.toInstant();
    }

    /** Every table of the schema whose rows, as text, contain the value. */
    private List<String> tablesContaining(String value) {
        List<String> tables = jdbc.queryForList(
                "select table_name from information_schema.tables where table_schema = 'public'"
                        + " and table_type = 'BASE TABLE'",
                String.class);
        return tables.stream()
                .filter(table -> jdbc.queryForObject(
                                "select count(*) from \"" + table + "\" t where strpos(t::text, ?) > 0",
                                Long.class,
                                value)
                        > 0)
                .toList();
    }
}
