package io.truecount.core.notice;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Payment reminders for an overdue invoice: step N is due from {@code dueDate + N} days on. Each step is sent at most
 * once, and only the latest step that has come is sent: a customer whose invoice went unnoticed for 40 days gets one
 * reminder (the 30-day one), not three in a burst.
 */
public final class DunningSchedule {

    private final List<Integer> steps;

    /** @param reminderDays days after the due date ({@code [3, 10, 30]}), in any order, each at least 1 */
    public DunningSchedule(List<Integer> reminderDays) {
        this.steps = Steps.ascending(reminderDays, "reminder days");
    }

    /** The steps, ascending. */
    public List<Integer> steps() {
        return steps;
    }

    /**
     * @param sent the steps already sent for this invoice
     * @return the step to send today; empty when no step has come yet, or the latest one that has (or a later one) was
     *     already sent
     */
    public OptionalInt due(LocalDate dueDate, LocalDate today, Set<Integer> sent) {
        long overdue = daysOverdue(dueDate, today);
        int latest = steps.stream()
                .filter(step -> step <= overdue)
                .reduce((a, b) -> b)
                .orElse(0);
        if (latest == 0 || sent.stream().anyMatch(step -> step >= latest)) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(latest);
    }

    /** Whole days since the due date; 0 or less when it is not overdue. */
    public static long daysOverdue(LocalDate dueDate, LocalDate today) {
        return ChronoUnit.DAYS.between(dueDate, today);
    }
}
