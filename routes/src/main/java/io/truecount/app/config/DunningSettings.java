package io.truecount.app.config;

import java.util.List;
import java.util.Objects;

/**
 * Payment reminders for overdue invoices ({@code dunning:}, an extension of CONFIG.md).
 *
 * @param reminderDays days after the due date a reminder goes out, ascending ({@code [3, 10, 30]})
 * @param from the sender address of reminders
 * @param subject the subject template; {@code {number}}, {@code {days}}, {@code {amount}}, {@code {due-date}} and
 *     {@code {company}} are replaced
 */
public record DunningSettings(List<Integer> reminderDays, String from, String subject) {

    public static final String DEFAULT_SUBJECT = "Reminder: invoice {number} is {days} days overdue";

    /** The placeholders a subject may use. */
    public static final List<String> PLACEHOLDERS = List.of("number", "days", "amount", "due-date", "company");

    public DunningSettings {
        reminderDays = List.copyOf(reminderDays);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(subject, "subject");
    }
}
