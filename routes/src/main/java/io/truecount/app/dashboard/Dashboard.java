package io.truecount.app.dashboard;

import io.truecount.app.config.ActiveConfig;
import io.truecount.app.cycle.RunHistory;
import io.truecount.app.cycle.RunHistory.SyncRun;
import io.truecount.app.reconciliation.ReconciliationReview;
import io.truecount.connector.ConnectorSettings;
import io.truecount.core.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Reads the dashboard: a handful of aggregate queries, nothing the listing endpoints do not also show. */
@Service
public class Dashboard {

    /** This month and the five before. */
    static final int MONTHS = 6;

    public record Summary(
            String period,
            List<ConnectorHealth> connectors,
            List<Total> totals,
            List<Change> change,
            long openItems,
            long drafts,
            long held,
            long deadLetters) {}

    /** @param health {@code ok}, {@code failing} or {@code never-run}, from the latest finished sync run */
    public record ConnectorHealth(String id, String health, SyncRun lastRun, Instant nextRun) {}

    /** Money as strings at the currency's minor unit. */
    public record Total(String period, String currency, String total, long invoices) {}

    /** @param percent null when last month billed nothing in the currency */
    public record Change(String currency, String amount, String percent) {}

    private final JdbcTemplate jdbc;
    private final ActiveConfig config;
    private final Clock clock;
    private final ReconciliationReview reconciliation;
    private final ObjectProvider<NextRuns> nextRuns;
    private final RunHistory runs;

    Dashboard(
            JdbcTemplate jdbc,
            ActiveConfig config,
            Clock clock,
            ReconciliationReview reconciliation,
            ObjectProvider<NextRuns> nextRuns,
            RunHistory runs) {
        this.runs = runs;
        this.jdbc = jdbc;
        this.config = config;
        this.clock = clock;
        this.reconciliation = reconciliation;
        this.nextRuns = nextRuns;
    }

    public Summary summary() {
        YearMonth month = YearMonth.now(clock.withZone(config.get().company().timezone()));
        List<Total> totals = totals(month);
        return new Summary(
                month.toString(),
                connectors(),
                totals,
                change(totals, month),
                reconciliation.list(null, null, ReconciliationReview.OPEN).size(),
                countInvoices("DRAFT"),
                countInvoices("HELD"),
                count("select count(*) from webhook_event where state = 'DEAD'"));
    }

    private List<ConnectorHealth> connectors() {
        NextRuns schedule = nextRuns.getIfAvailable();
        List<ConnectorHealth> result = new ArrayList<>();
        for (ConnectorSettings source : config.get().sources()) {
            String health = runs.lastFinishedSyncRun(source.id())
                    .map(run -> run.status().equals("SUCCEEDED") ? "ok" : "failing")
                    .orElse("never-run");
            Instant next =
                    schedule == null ? null : schedule.nextSync(source.id()).orElse(null);
            result.add(new ConnectorHealth(
                    source.id(), health, runs.lastSyncRun(source.id()).orElse(null), next));
        }
        return result;
    }

    /** Billed per month and currency; void and credited invoices billed nothing. */
    private List<Total> totals(YearMonth month) {
        return jdbc.query(
                "select period, currency, sum(total), count(*) from invoice where period between ? and ?"
                        + " and status <> 'VOID' and credited_by is null group by period, currency"
                        + " order by period, currency",
                (rs, n) -> {
                    Currency currency = Currency.getInstance(rs.getString(2));
                    return new Total(
                            rs.getString(1),
                            currency.getCurrencyCode(),
                            Money.round(rs.getBigDecimal(3), currency).toPlainString(),
                            rs.getLong(4));
                },
                month.minusMonths(MONTHS - 1).toString(),
                month.toString());
    }

    private static List<Change> change(List<Total> totals, YearMonth month) {
        Map<String, BigDecimal> now = new TreeMap<>();
        Map<String, BigDecimal> before = new TreeMap<>();
        for (Total t : totals) {
            if (t.period().equals(month.toString())) {
                now.put(t.currency(), new BigDecimal(t.total()));
            } else if (t.period().equals(month.minusMonths(1).toString())) {
                before.put(t.currency(), new BigDecimal(t.total()));
            }
        }
        TreeMap<String, BigDecimal> currencies = new TreeMap<>(now);
        before.keySet().forEach(c -> currencies.putIfAbsent(c, BigDecimal.ZERO));
        List<Change> changes = new ArrayList<>();
        for (String code : currencies.keySet()) {
            Currency currency = Currency.getInstance(code);
            BigDecimal current = now.getOrDefault(code, Money.zero(currency));
            BigDecimal last = before.getOrDefault(code, Money.zero(currency));
            BigDecimal amount = Money.round(current.subtract(last), currency);
            String percent = last.signum() == 0
                    ? null
                    : amount.multiply(BigDecimal.valueOf(100))
                            .divide(last, 1, RoundingMode.HALF_UP)
                            .toPlainString();
            changes.add(new Change(code, amount.toPlainString(), percent));
        }
        return changes;
    }

    private long countInvoices(String status) {
        return Optional.ofNullable(jdbc.queryForObject(
                        "select count(*) from invoice where status = ? and credited_by is null", Long.class, status))
                .orElse(0L);
    }

    private long count(String sql) {
        return Optional.ofNullable(jdbc.queryForObject(sql, Long.class)).orElse(0L);
    }
}
