package io.truecount.core.notice;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Notices before a contract ends ({@code notice-days: [60, 30]}: from 60 days before its end, then from 30), and the
 * extensions of a contract that renews itself.
 */
public final class RenewalSchedule {

    /** One extension of a contract: from the end it had to the end it has now, both inclusive last days. */
    public record Renewal(LocalDate fromEnd, LocalDate toEnd) {}

    private final List<Integer> noticeDays;

    /** @param noticeDays days before the end, in any order, each at least 1 */
    public RenewalSchedule(List<Integer> noticeDays) {
        this.noticeDays = Steps.ascending(noticeDays, "notice days");
    }

    /**
     * @param end the contract's (effective) last day
     * @param sent the notices already sent for this end
     * @return the notice to send today: the one closest to the end whose day has come, unless it or a closer one was
     *     sent; empty once the end has passed
     */
    public OptionalInt noticeDue(LocalDate end, LocalDate today, Set<Integer> sent) {
        long left = ChronoUnit.DAYS.between(today, end);
        if (left < 0) {
            return OptionalInt.empty();
        }
        int closest =
                noticeDays.stream().filter(days -> days >= left).findFirst().orElse(0);
        if (closest == 0 || sent.stream().anyMatch(days -> days <= closest)) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(closest);
    }

    /**
     * A contract's term: the calendar months from its start to its end, both inclusive, a started month counting whole
     * (2026-01-01..2026-12-31 is 12; 2026-01-15..2026-07-14 is 6; 2026-01-01..2026-01-20 is 1).
     */
    public static int termMonths(LocalDate start, LocalDate end) {
        LocalDate after = end.plusDays(1);
        long months = ChronoUnit.MONTHS.between(start, after);
        if (start.plusMonths(months).isBefore(after)) {
            months++;
        }
        return (int) Math.max(1, months);
    }

    /**
     * The extensions an auto-renewing contract needs so that it runs through {@code today}: one term at a time from its
     * current end, as many as have passed (a server that was down for two terms catches up with two).
     *
     * @param start the contract's start
     * @param configuredEnd the end written in the contract, which sets the term
     * @param currentEnd the end after the renewals already made
     */
    public static List<Renewal> renewalsDue(
            LocalDate start, LocalDate configuredEnd, LocalDate currentEnd, LocalDate today) {
        int term = termMonths(start, configuredEnd);
        List<Renewal> renewals = new ArrayList<>();
        LocalDate end = currentEnd;
        while (end.isBefore(today)) {
            // From the day after the end, one term on: 2026-12-31 + 12 months is 2027-12-31, Feb 28 becomes Feb 29.
            LocalDate next = end.plusDays(1).plusMonths(term).minusDays(1);
            renewals.add(new Renewal(end, next));
            end = next;
        }
        return renewals;
    }
}
