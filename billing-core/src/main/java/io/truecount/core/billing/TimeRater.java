package io.truecount.core.billing;

import io.truecount.core.contract.BlockHoursLine;
import io.truecount.core.contract.Contract;
import io.truecount.core.contract.PrepaidHoursLine;
import io.truecount.core.contract.TimeAndMaterialsLine;
import io.truecount.core.invoice.InvoiceLine;
import io.truecount.core.invoice.SourceRef;
import io.truecount.core.money.Money;
import io.truecount.core.observation.TimeEntry;
import io.truecount.core.period.BillingPeriod;
import io.truecount.core.period.Proration;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Prices the time-based lines of one customer's contracts (CONFIG.md, Line types): block hours with overage,
 * time and materials per entry, and prepaid-hours balances. Which line bills an entry is {@link TimeAllocation}'s
 * decision.
 */
final class TimeRater {

    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

    private final String customerId;
    private final Currency currency;
    private final TimeAllocation allocation;
    private final List<PrepaidStatement> statements = new ArrayList<>();

    TimeRater(String customerId, Currency currency, TimeAllocation allocation) {
        this.customerId = customerId;
        this.currency = currency;
        this.allocation = allocation;
    }

    /** The statements of the prepaid balances rated so far. */
    List<PrepaidStatement> statements() {
        return List.copyOf(statements);
    }

    /**
     * The block's price for the period (prorated like every recurring amount) and, when the billable hours of its work
     * types exceed {@code hours × months}, the excess at the overage rate under the same line id. The included hours
     * are not prorated: a block that starts mid-month still offers its full hours.
     */
    List<InvoiceLine> block(
            Contract contract, BlockHoursLine line, BillingPeriod period, BigDecimal months, Proration proration) {
        List<TimeEntry> entries = allocation.of(line, period.start(), period.end());
        BigDecimal included = line.hours().multiply(months);
        BigDecimal used = BigDecimal.ZERO;
        BigDecimal overage = BigDecimal.ZERO;
        List<SourceRef> within = new ArrayList<>();
        List<SourceRef> beyond = new ArrayList<>();
        for (TimeEntry entry : entries) {
            BigDecimal before = used;
            used = used.add(entry.hours());
            BigDecimal excess = used.subtract(included.max(before));
            if (excess.signum() > 0) {
                overage = overage.add(excess);
                beyond.add(ref(entry, entry.hours()));
            } else {
                within.add(ref(entry, entry.hours()));
            }
        }
        List<InvoiceLine> lines = new ArrayList<>();
        BigDecimal price = proration.round(line.price().multiply(months), currency);
        String usage = " (" + plain(used.min(included)) + " of " + plain(included) + " h used)";
        lines.add(new InvoiceLine(
                contract.id(),
                line.id(),
                line.description() + usage,
                months,
                InvoiceLine.Unit.MONTH,
                line.price(),
                price,
                line.taxable(),
                within));
        if (overage.signum() > 0) {
            lines.add(new InvoiceLine(
                    contract.id(),
                    line.id(),
                    line.description() + " overage",
                    overage,
                    InvoiceLine.Unit.HOUR,
                    line.overageRate(),
                    Money.round(overage.multiply(line.overageRate()), currency),
                    line.taxable(),
                    beyond));
        }
        return lines;
    }

    /**
     * One invoice line per ticket and rate: each entry's minutes rounded up to the increment and priced at the first
     * matching rate rule; the line amount is the sum of the entries' rounded amounts, so no unit price is given (the
     * rate is in the text). Entries of covered work types are listed at 0.
     */
    List<InvoiceLine> timeAndMaterials(Contract contract, TimeAndMaterialsLine line, BillingPeriod period) {
        Map<List<String>, Group> groups = new LinkedHashMap<>();
        for (TimeEntry entry : allocation.of(line, period.start(), period.end())) {
            boolean covered = line.coveredWorkTypes().contains(entry.workType());
            BigDecimal rate = covered ? BigDecimal.ZERO : line.rateFor(entry);
            BigDecimal minutes = roundedMinutes(entry, line.incrementMinutes());
            List<String> key = List.of(Objects.toString(entry.ticketId(), ""), rate.toPlainString());
            Group group = groups.computeIfAbsent(key, k -> new Group(entry, rate, covered));
            group.minutes = group.minutes.add(minutes);
            group.amount = group.amount.add(Money.round(Money.divide(minutes.multiply(rate), SIXTY), currency));
            group.sources.add(ref(entry, minutes.divide(SIXTY, 2, RoundingMode.HALF_UP)));
        }
        List<InvoiceLine> lines = new ArrayList<>();
        for (Group group : groups.values()) {
            BigDecimal hours = group.minutes.divide(SIXTY, 2, RoundingMode.HALF_UP);
            String what = group.ticketId == null
                    ? "Time without ticket"
                    : "Ticket #" + group.ticketId + (group.ticketTitle == null ? "" : " " + group.ticketTitle);
            String how = group.covered ? "covered" : group.rate.toPlainString() + "/h";
            lines.add(new InvoiceLine(
                    contract.id(),
                    line.id(),
                    line.description() + ": " + what + " (" + plain(hours) + " h, " + how + ")",
                    hours,
                    InvoiceLine.Unit.HOUR,
                    null,
                    group.amount,
                    line.taxable(),
                    group.sources));
        }
        return lines;
    }

    /** Entries of one ticket at one rate, summed. */
    private final class Group {
        final String ticketId;
        final String ticketTitle;
        final BigDecimal rate;
        final boolean covered;
        BigDecimal minutes = BigDecimal.ZERO;
        BigDecimal amount = Money.zero(currency);
        final List<SourceRef> sources = new ArrayList<>();

        Group(TimeEntry first, BigDecimal rate, boolean covered) {
            this.ticketId = first.ticketId();
            this.ticketTitle = first.ticketTitle();
            this.rate = rate;
            this.covered = covered;
        }
    }

    /**
     * A prepaid balance for the billed period: the balance is replayed from the contract's start (see
     * {@link PrepaidBalance}); the invoice shows the hours drawn and the balance (at 0) and bills any overage. Top-ups
     * are billed separately, by the run of their month ({@link #topUps}).
     */
    List<InvoiceLine> prepaid(Contract contract, PrepaidHoursLine line, BillingPeriod period) {
        PrepaidBalance balance = PrepaidBalance.replay(contract, line, allocation, period.lastMonth());
        statements.add(new PrepaidStatement(customerId, contract.id(), line.id(), balance.months()));
        BigDecimal used = BigDecimal.ZERO;
        BigDecimal overage = BigDecimal.ZERO;
        for (PrepaidStatement.Month month : balance.months()) {
            if (!month.month().isBefore(period.firstMonth())) {
                used = used.add(month.used());
                overage = overage.add(month.overage());
            }
        }
        List<SourceRef> drawn = allocation.of(line, period.start(), period.end()).stream()
                .map(e -> ref(e, roundedMinutes(e, line.incrementMinutes()).divide(SIXTY, 2, RoundingMode.HALF_UP)))
                .toList();
        List<InvoiceLine> lines = new ArrayList<>();
        lines.add(new InvoiceLine(
                contract.id(),
                line.id(),
                line.description() + ": " + plain(used) + " h used, balance " + plain(balance.closing()) + " h",
                used,
                InvoiceLine.Unit.HOUR,
                null,
                Money.zero(currency),
                line.taxable(),
                drawn));
        if (overage.signum() > 0) {
            lines.add(new InvoiceLine(
                    contract.id(),
                    line.id(),
                    line.description() + " overage",
                    overage,
                    InvoiceLine.Unit.HOUR,
                    line.overageRate(),
                    Money.round(overage.multiply(line.overageRate()), currency),
                    line.taxable()));
        }
        return lines;
    }

    /** The top-ups of a prepaid line dated in the run month, each billed once at its price. */
    List<InvoiceLine> topUps(Contract contract, PrepaidHoursLine line, YearMonth runMonth) {
        List<InvoiceLine> lines = new ArrayList<>();
        for (PrepaidHoursLine.TopUp topUp : line.topUps()) {
            boolean inContract = !topUp.date().isBefore(contract.start())
                    && (contract.end() == null || !topUp.date().isAfter(contract.end()));
            if (inContract && YearMonth.from(topUp.date()).equals(runMonth)) {
                lines.add(new InvoiceLine(
                        contract.id(),
                        line.id(),
                        line.description() + " top-up: " + plain(topUp.hours()) + " h on " + topUp.date(),
                        BigDecimal.ONE,
                        InvoiceLine.Unit.EACH,
                        topUp.price(),
                        Money.round(topUp.price(), currency),
                        line.taxable()));
            }
        }
        return lines;
    }

    /** Minutes of an entry rounded up to a whole number of increments. */
    static BigDecimal roundedMinutes(TimeEntry entry, int increment) {
        BigDecimal inc = BigDecimal.valueOf(increment);
        BigDecimal units = entry.hours().multiply(SIXTY).divide(inc, 0, RoundingMode.CEILING);
        return units.multiply(inc);
    }

    private static SourceRef ref(TimeEntry entry, BigDecimal hours) {
        String ticket = entry.ticketId() == null ? "no ticket" : "ticket " + entry.ticketId();
        return new SourceRef(
                SourceRef.TIME_ENTRY,
                entry.connectorId(),
                entry.externalId(),
                ticket + ", " + plain(hours) + " h, " + Objects.toString(entry.technician(), "unknown technician"));
    }

    static String plain(BigDecimal hours) {
        return hours.stripTrailingZeros().scale() < 0
                ? hours.setScale(0).toPlainString()
                : hours.stripTrailingZeros().toPlainString();
    }
}
