package io.truecount.app.notice;

import io.truecount.app.config.ActiveConfig;
import io.truecount.app.config.RenewalSettings;
import io.truecount.app.contract.ContractRenewals;
import io.truecount.app.contract.ContractSignatures;
import io.truecount.core.contract.Contract;
import io.truecount.core.contract.Customer;
import io.truecount.core.notice.RenewalSchedule;
import io.truecount.core.notice.RenewalSchedule.Renewal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.OptionalInt;
import java.util.Set;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Auto-renewals and the notices before contracts end ({@code renewals:}). Notices go to the MSP's {@code notify}
 * address only, not to the customer: whether and how to talk to a customer about a renewal is the account manager's
 * call. Contracts whose signature has not completed are not running, so they neither renew nor get notices.
 */
@Component
public class RenewalService {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ActiveConfig config;
    private final ContractSignatures signatures;
    private final ContractRenewals renewals;
    private final Mailer mailer;
    private final Clock clock;

    public RenewalService(
            JdbcTemplate jdbc,
            TransactionTemplate transaction,
            ActiveConfig config,
            ContractSignatures signatures,
            ContractRenewals renewals,
            Mailer mailer,
            Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.config = config;
        this.signatures = signatures;
        this.renewals = renewals;
        this.mailer = mailer;
        this.clock = clock;
    }

    /** Extends every auto-renewing contract whose end has passed before {@code today}. */
    public void renew(LocalDate today, NoticeReport report) {
        for (Contract contract : config.get().contracts()) {
            if (!contract.autoRenew() || !signatures.state(contract).bills()) {
                continue;
            }
            try {
                for (Renewal r : transaction.execute(status -> renewals.renew(contract, today))) {
                    report.done("contract " + contract.id() + ": renewed, end " + r.fromEnd() + " -> " + r.toEnd()
                            + " (" + RenewalSchedule.termMonths(contract.start(), contract.end()) + " months)");
                }
            } catch (DataAccessException e) {
                report.failed("contract " + contract.id() + ": renewal: "
                        + e.getMostSpecificCause().getMessage());
            }
        }
    }

    /** Sends the notices due on {@code today} for contracts nearing their (effective) end. */
    public void sendNotices(LocalDate today, NoticeReport report) {
        RenewalSettings settings = config.get().renewals();
        if (settings == null) {
            return;
        }
        RenewalSchedule schedule = new RenewalSchedule(settings.noticeDays());
        for (Contract configured : config.get().contracts()) {
            if (configured.end() == null || !signatures.state(configured).bills()) {
                continue;
            }
            Contract contract = renewals.effective(configured);
            OptionalInt days = schedule.noticeDue(contract.end(), today, sent(contract));
            if (days.isEmpty()) {
                continue;
            }
            String what = "contract " + contract.id() + ": renewal notice " + days.getAsInt() + " days before "
                    + contract.end();
            try {
                Boolean sent = transaction.execute(
                        status -> claimAndSend(configured, contract, days.getAsInt(), today, settings));
                if (Boolean.TRUE.equals(sent)) {
                    report.done(what + " sent to " + settings.notifyAddress());
                }
            } catch (NoticeFailedException e) {
                report.failed(what + ": " + e.getMessage());
            } catch (DataAccessException e) {
                report.failed(what + ": " + e.getMostSpecificCause().getMessage());
            }
        }
    }

    /**
     * Claims the notice and sends it in one transaction, like a dunning step: at worst sent twice, never lost.
     *
     * @param configured the contract as written, whose start and end set its term
     * @param contract the same contract with its effective (renewed) end
     */
    private boolean claimAndSend(
            Contract configured, Contract contract, int days, LocalDate today, RenewalSettings settings) {
        int claimed = jdbc.update(
                """
                insert into renewal_notice (contract_id, contract_end, days_before, recipient, sent_at)
                values (?, ?, ?, ?, ?)
                on conflict (contract_id, contract_end, days_before) do nothing
                """,
                contract.id(),
                Date.valueOf(contract.end()),
                days,
                settings.notifyAddress(),
                Timestamp.from(clock.instant()));
        if (claimed == 0) {
            return false;
        }
        long left = ChronoUnit.DAYS.between(today, contract.end());
        mailer.send(
                settings.from(),
                settings.notifyAddress(),
                "Contract " + contract.id() + " ends on " + contract.end() + " (in " + left + " days)",
                body(contract, RenewalSchedule.termMonths(configured.start(), configured.end()), left));
        return true;
    }

    private String body(Contract contract, int termMonths, long left) {
        Customer customer = config.get().customers().get(contract.customerId());
        String name = customer == null ? contract.customerId() : customer.name();
        String next = contract.autoRenew()
                ? "It renews automatically for " + termMonths + " months unless 'auto-renew' is turned off before then."
                : "It does not renew automatically: extend its 'end' in the configuration, or let it end.";
        return """
                Contract %s with %s (customer %s) ends on %s, in %d days.

                %s

                Sent by Truecount for %s.
                """
                .formatted(
                        contract.id(),
                        name,
                        contract.customerId(),
                        contract.end(),
                        left,
                        next,
                        config.get().company().name());
    }

    private Set<Integer> sent(Contract contract) {
        return new HashSet<>(jdbc.queryForList(
                "select days_before from renewal_notice where contract_id = ? and contract_end = ?",
                Integer.class,
                contract.id(),
                Date.valueOf(contract.end())));
    }
}
