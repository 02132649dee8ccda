package io.truecount.app.db;

import io.truecount.connector.auth.TokenVault;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rolled vendor tokens in PostgreSQL (table {@code connector_token}), so every instance and every later process uses
 * the newest. Saved outside any caller's transaction: a token the vendor has handed out must survive a rollback of
 * the work that asked for it, or the next refresh presents a token the vendor has already replaced.
 */
@Component
class JdbcTokenVault implements TokenVault {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final TransactionTemplate own;

    JdbcTokenVault(JdbcTemplate jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.own = new TransactionTemplate(transactions);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public Optional<String> load(String connectorId, String name) {
        return jdbc
                .queryForList(
                        "select value from connector_token where connector_id = ? and name = ?",
                        String.class,
                        connectorId,
                        name)
                .stream()
                .findFirst();
    }

    @Override
    public void save(String connectorId, String name, String value) {
        own.executeWithoutResult(status -> jdbc.update(
                "insert into connector_token (connector_id, name, value, updated_at) values (?, ?, ?, ?)"
                        + " on conflict (connector_id, name) do update set value = excluded.value,"
                        + " updated_at = excluded.updated_at",
                connectorId,
                name,
                value,
                Timestamp.from(clock.instant())));
    }
}
