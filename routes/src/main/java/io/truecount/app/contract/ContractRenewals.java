package io.truecount.app.contract;

import io.truecount.core.contract.Contract;
import io.truecount.core.notice.RenewalSchedule;
import io.truecount.core.notice.RenewalSchedule.Renewal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Extensions of auto-renewing contracts, kept in {@code contract_renewal}. A contract's effective end is the latest
 * stored extension of the end written in the configuration; a contract no longer marked {@code auto-renew}, or whose
 * configured end an admin moved past its extensions, ends where the configuration says.
 */
@Component
public class ContractRenewals {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ContractRenewals(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The contract with the end billing uses: its configured end, or the latest renewal's. */
    public Contract effective(Contract contract) {
        if (!contract.autoRenew() || contract.end() == null) {
            return contract;
        }
        List<LocalDate> ends = jdbc.query(
                "select max(to_end) from contract_renewal where contract_id = ? and from_end >= ?",
                (rs, i) -> rs.getObject(1, LocalDate.class),
                contract.id(),
                Date.valueOf(contract.end()));
        LocalDate renewed = ends.isEmpty() ? null : ends.get(0);
        return renewed != null && renewed.isAfter(contract.end()) ? contract.withEnd(renewed) : contract;
    }

    /**
     * Extends an auto-renewing contract whose end has passed by its term, as many terms as needed to run through
     * {@code today}. Idempotent: an end already extended (by an earlier run or another server) is not extended again.
     *
     * @return the extensions this call stored
     */
    public List<Renewal> renew(Contract contract, LocalDate today) {
        if (!contract.autoRenew() || contract.end() == null) {
            return List.of();
        }
        LocalDate current = effective(contract).end();
        List<Renewal> stored = new ArrayList<>();
        for (Renewal renewal : RenewalSchedule.renewalsDue(contract.start(), contract.end(), current, today)) {
            int inserted = jdbc.update(
                    """
                    insert into contract_renewal (contract_id, from_end, to_end, at) values (?, ?, ?, ?)
                    on conflict (contract_id, from_end) do nothing
                    """,
                    contract.id(),
                    Date.valueOf(renewal.fromEnd()),
                    Date.valueOf(renewal.toEnd()),
                    Timestamp.from(clock.instant()));
            if (inserted == 1) {
                stored.add(renewal);
            }
        }
        return stored;
    }
}
