package io.truecount.app.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code api_token} table: creating, listing, revoking and checking API tokens.
 *
 * <p>A token is {@code tc_} + 32 random bytes (256 bits) in base64url. Only its SHA-256 is stored. A fast hash is right
 * here, unlike for passwords: slow hashes (bcrypt, Argon2) exist to make guessing low-entropy secrets expensive, and
 * nobody can guess through 2^256 candidates however fast the hash is. A fast, unsalted hash also lets a request find
 * its token with one indexed lookup instead of trying a slow hash against every row, which would cost every API call
 * tens of milliseconds. A leaked database thus yields no usable token.
 */
@Repository
public class ApiTokens {

    static final String PREFIX = "tc_";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
    /** How stale {@code last_used_at} may be: a busy script must not turn every read into a write. */
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ApiTokens(JdbcTemplate jdbc, TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /** Creates a token; its plain value is in the result and nowhere else. A taken name is an IllegalStateException. */
    public NewToken create(String name, Role role, String actor, String reason) {
        checkName(name);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            try {
                jdbc.update(
                        "insert into api_token (name, role, token_sha256, created_at) values (?, ?, ?, ?)",
                        name,
                        role.id(),
                        sha256(token),
                        Timestamp.from(now));
            } catch (DuplicateKeyException e) {
                throw new IllegalStateException("a token named '" + name + "' exists (names of revoked tokens stay"
                        + " taken, so the audit log stays unambiguous)");
            }
            events.publishEvent(new TokenChanged("token.create", name, role, actor, reason, now));
        });
        return new NewToken(name, role, token);
    }

    /**
     * Creates the {@code admin} token with a value the operator chose, only while there is no token at all; two
     * instances starting together create it once. Returns whether it was created.
     */
    public boolean bootstrapAdmin(String token) {
        return jdbc.update(
                        "insert into api_token (name, role, token_sha256, created_at) select 'admin', 'admin', ?, ?"
                                + " where not exists (select 1 from api_token) on conflict do nothing",
                        sha256(token),
                        Timestamp.from(clock.instant()))
                == 1;
    }

    /** Revokes a token from now on; revoking a revoked one changes nothing. Unknown: NoSuchElementException. */
    public void revoke(String name, String actor, String reason) {
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            List<String> roles = jdbc.queryForList("select role from api_token where name = ?", String.class, name);
            if (roles.isEmpty()) {
                throw new NoSuchElementException("no token named '" + name + "'");
            }
            int changed = jdbc.update(
                    "update api_token set revoked_at = ? where name = ? and revoked_at is null",
                    Timestamp.from(now),
                    name);
            if (changed == 1) {
                events.publishEvent(new TokenChanged("token.revoke", name, Role.of(roles.get(0)), actor, reason, now));
            }
        });
    }

    /** Every token, revoked ones too, by name. */
    public List<TokenInfo> list() {
        return jdbc.query(
                "select name, role, created_at, last_used_at, revoked_at from api_token order by name",
                (rs, i) -> new TokenInfo(
                        rs.getString("name"),
                        Role.of(rs.getString("role")),
                        instant(rs, "created_at"),
                        instant(rs, "last_used_at"),
                        instant(rs, "revoked_at")));
    }

    /** The token's holder if it is a live token; records its use (at most once a minute). */
    public Optional<TokenPrincipal> authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > 512) {
            return Optional.empty();
        }
        List<Live> found = jdbc.query(
                "select id, name, role, last_used_at from api_token where token_sha256 = ? and revoked_at is null",
                (rs, i) -> new Live(
                        new TokenPrincipal(rs.getLong("id"), rs.getString("name"), Role.of(rs.getString("role"))),
                        instant(rs, "last_used_at")),
                sha256(token));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Live live = found.get(0);
        Instant now = clock.instant();
        if (live.lastUsed() == null || live.lastUsed().isBefore(now.minus(TOUCH_INTERVAL))) {
            jdbc.update(
                    "update api_token set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)",
                    Timestamp.from(now),
                    live.principal().id(),
                    Timestamp.from(now.minus(TOUCH_INTERVAL)));
        }
        return Optional.of(live.principal());
    }

    /** Whether the token a console session was opened with is still live (a revoked token ends its sessions). */
    boolean isLive(long id) {
        return !jdbc.queryForList("select 1 from api_token where id = ? and revoked_at is null", Integer.class, id)
                .isEmpty();
    }

    static String sha256(String token) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a token name is 1 to 63 characters of a-z, 0-9, '.', '_' and '-',"
                    + " starting with a letter or digit");
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private record Live(TokenPrincipal principal, Instant lastUsed) {}
}
