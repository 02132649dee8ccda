package io.truecount.app.push;

import io.truecount.app.config.ActiveConfig;
import io.truecount.app.invoice.ApprovalListener;
import io.truecount.connector.push.PushReceipt;
import io.truecount.connector.push.PushRequest;
import io.truecount.core.contract.Customer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code push} table. Every method joins the caller's transaction except {@link #claim}, which commits its claim
 * before returning so that the vendor is never called while a row lock is held.
 */
@Repository
public class Outbox implements ApprovalListener {

    private static final String COLUMNS = "id, invoice_number, connector_id, push_key, state, attempts,"
            + " next_attempt_at, external_id, external_number, external_url, last_error";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ActiveConfig config;

    public Outbox(JdbcTemplate jdbc, TransactionTemplate transaction, ActiveConfig config) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.config = config;
    }

    /** Writes the approved invoice's pushes, one per sink its customer has; in the approval's transaction. */
    @Override
    public void approved(String invoiceNumber, Instant at) {
        enqueue(invoiceNumber, at);
    }

    /**
     * Adds the pushes an approved invoice is missing (a sink configured after it was approved); existing ones are left
     * as they are.
     *
     * @return how many were added
     */
    public int enqueue(String invoiceNumber, Instant at) {
        List<String> customerIds =
                jdbc.queryForList("select customer_id from invoice where number = ?", String.class, invoiceNumber);
        Customer customer =
                customerIds.isEmpty() ? null : config.get().customers().get(customerIds.get(0));
        if (customer == null) {
            // An invoice of a customer removed from the configuration has nowhere to go.
            return 0;
        }
        int added = 0;
        for (String connectorId : config.get().sinkIdsFor(customer)) {
            added += jdbc.update(
                    "insert into push (invoice_number, connector_id, push_key, state, next_attempt_at, created_at,"
                            + " updated_at) values (?, ?, ?, 'PENDING', ?, ?, ?) on conflict do nothing",
                    invoiceNumber,
                    connectorId,
                    PushRequest.keyOf(invoiceNumber, connectorId),
                    Timestamp.from(at),
                    Timestamp.from(at),
                    Timestamp.from(at));
        }
        return added;
    }

    /**
     * Takes up to {@code limit} due pushes for this worker, in its own committed transaction: PENDING ones become SENT
     * (the worker sends next), UNKNOWN ones and SENT ones whose lease ran out (their worker died mid-send) become
     * UNKNOWN under this worker's lease (it reads the vendor back first). Rows other workers hold are skipped.
     *
     * @param invoiceNumbers only pushes of these invoices; null for any
     */
    List<Claim> claim(String worker, Instant now, Duration lease, int limit, Collection<String> invoiceNumbers) {
        return transaction.execute(status -> {
            List<Object> args = new ArrayList<>(List.of(Timestamp.from(now), Timestamp.from(now)));
            String only = "";
            if (invoiceNumbers != null) {
                if (invoiceNumbers.isEmpty()) {
                    return List.of();
                }
                only = " and invoice_number = any (?)";
                args.add(invoiceNumbers.toArray(String[]::new));
            }
            args.add(limit);
            List<Claim> taken = jdbc.query(
                    "select id, invoice_number, connector_id, push_key, state, attempts, generation from push"
                            + " where ((state in ('PENDING', 'UNKNOWN') and next_attempt_at <= ?)"
                            + " or (state = 'SENT' and lease_until < ?))" + only
                            + " order by id limit ? for update skip locked",
                    (rs, n) -> new Claim(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getInt(7) == 0 ? rs.getString(4) : rs.getString(4) + "-r" + rs.getInt(7),
                            !rs.getString(5).equals("PENDING"),
                            rs.getInt(6)),
                    args.toArray());
            for (Claim claim : taken) {
                jdbc.update(
                        "update push set state = ?, claimed_by = ?, lease_until = ?, attempts = attempts + 1,"
                                + " updated_at = ? where id = ?",
                        claim.readBackFirst() ? "UNKNOWN" : "SENT",
                        worker,
                        Timestamp.from(now.plus(lease)),
                        Timestamp.from(now),
                        claim.id());
            }
            return taken;
        });
    }

    /** The vendor was read back and has nothing: this worker now sends (committed before it does). */
    boolean sending(Claim claim, String worker, Instant now, Duration lease) {
        return transaction.execute(status -> jdbc.update(
                        "update push set state = 'SENT', lease_until = ?, updated_at = ? where id = ? and claimed_by = ?"
                                + " and state = 'UNKNOWN'",
                        Timestamp.from(now.plus(lease)),
                        Timestamp.from(now),
                        claim.id(),
                        worker)
                == 1);
    }

    /** The vendor holds it. False when this worker lost its claim (another took over after the lease ran out). */
    boolean confirm(Claim claim, String worker, PushReceipt receipt, Instant now) {
        return jdbc.update(
                        "update push set state = 'CONFIRMED', external_id = ?, external_number = ?, external_url = ?,"
                                + " last_error = null, lease_until = null, updated_at = ? where id = ?"
                                + " and claimed_by = ? and state in ('SENT', 'UNKNOWN')",
                        receipt.externalId(),
                        receipt.externalNumber(),
                        receipt.url(),
                        Timestamp.from(now),
                        claim.id(),
                        worker)
                == 1;
    }

    /** Try again at {@code next}, as PENDING (nothing reached the vendor) or UNKNOWN (something may have). */
    void later(Claim claim, String worker, PushState state, String error, Instant next, Instant now) {
        transaction.executeWithoutResult(status -> jdbc.update(
                "update push set state = ?, last_error = ?, next_attempt_at = ?, lease_until = null, updated_at = ?"
                        + " where id = ? and claimed_by = ? and state in ('SENT', 'UNKNOWN')",
                state.name(),
                error,
                Timestamp.from(next),
                Timestamp.from(now),
                claim.id(),
                worker));
    }

    /** Left for an admin: refused by the vendor, or attempts used up. */
    void fail(Claim claim, String worker, String error, Instant now) {
        transaction.executeWithoutResult(status -> jdbc.update(
                "update push set state = 'FAILED', last_error = ?, lease_until = null, updated_at = ?"
                        + " where id = ? and claimed_by = ? and state in ('SENT', 'UNKNOWN')",
                error,
                Timestamp.from(now),
                claim.id(),
                worker));
    }

    /**
     * A worker shutting down gives back a claim it did not start: as it was before the claim (PENDING, or UNKNOWN to be
     * read back), with no lease and the attempt not counted, so any worker may take it at once.
     *
     * @return false when the claim was no longer this worker's
     */
    boolean release(Claim claim, String worker, Instant now) {
        return transaction.execute(status -> jdbc.update(
                        "update push set state = ?, claimed_by = null, lease_until = null,"
                                + " attempts = greatest(attempts - 1, 0), next_attempt_at = least(next_attempt_at, ?),"
                                + " updated_at = ? where id = ? and claimed_by = ? and state = ?",
                        claim.readBackFirst() ? "UNKNOWN" : "PENDING",
                        Timestamp.from(now),
                        Timestamp.from(now),
                        claim.id(),
                        worker,
                        claim.readBackFirst() ? "UNKNOWN" : "SENT")
                == 1);
    }

    /**
     * An admin retries a FAILED push. It goes back as UNKNOWN, not PENDING: the failure may have followed a send, and
     * a look at the vendor costs one request while a second invoice costs a customer's trust.
     *
     * @return how many pushes were reset
     */
    public int retry(String invoiceNumber, String connectorId, Instant now) {
        String sql = "update push set state = 'UNKNOWN', attempts = 0, generation = generation + 1,"
                + " next_attempt_at = ?, claimed_by = null, updated_at = ? where invoice_number = ?"
                + " and state = 'FAILED'";
        if (connectorId == null) {
            return jdbc.update(sql, Timestamp.from(now), Timestamp.from(now), invoiceNumber);
        }
        return jdbc.update(
                sql + " and connector_id = ?", Timestamp.from(now), Timestamp.from(now), invoiceNumber, connectorId);
    }

    /** Every push of these invoices, by invoice then connector. */
    public List<PushRow> of(Collection<String> invoiceNumbers) {
        if (invoiceNumbers.isEmpty()) {
            return List.of();
        }
        return jdbc.query(
                "select " + COLUMNS + " from push where invoice_number = any (?) order by invoice_number, id",
                Outbox::row,
                (Object) invoiceNumbers.toArray(String[]::new));
    }

    /** The push to a connector that created the vendor object with this id, if Truecount made it. */
    public Optional<PushRow> byExternalId(String connectorId, String externalId) {
        return jdbc
                .query(
                        "select " + COLUMNS + " from push where connector_id = ? and external_id = ?",
                        Outbox::row,
                        connectorId,
                        externalId)
                .stream()
                .findFirst();
    }

    /** When the earliest of these invoices' unfinished pushes is next due; empty when all are final. */
    Optional<Instant> nextDue(Collection<String> invoiceNumbers) {
        if (invoiceNumbers.isEmpty()) {
            return Optional.empty();
        }
        // A SENT push is another worker's until its lease runs out.
        Timestamp next = jdbc.queryForObject(
                "select min(case when state = 'SENT' then lease_until else next_attempt_at end) from push"
                        + " where invoice_number = any (?) and state not in ('CONFIRMED', 'FAILED')",
                Timestamp.class,
                (Object) invoiceNumbers.toArray(String[]::new));
        return Optional.ofNullable(next).map(Timestamp::toInstant);
    }

    private static PushRow row(ResultSet rs, int n) throws SQLException {
        return new PushRow(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                PushState.valueOf(rs.getString(5)),
                rs.getInt(6),
                rs.getTimestamp(7).toInstant(),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                rs.getString(11));
    }
}
