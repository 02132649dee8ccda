package io.truecount.sim.autotask;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A time entry ({@code TimeEntries}) in the fields of Autotask's model (vendor-apis.md §3.2).
 *
 * @param ticketID null for time on a project task, which the simulator carries as {@code taskID}
 * @param dateWorked midnight UTC of the work date
 */
record TimeEntry(
        long id,
        Long ticketID,
        long resourceID,
        long billingCodeID,
        boolean isNonBillable,
        Instant dateWorked,
        Instant startDateTime,
        BigDecimal hoursWorked,
        Instant createDateTime,
        Instant lastModifiedDateTime)
        implements Row {

    static final List<String> FIELDS = List.of(
            "id",
            "resourceID",
            "ticketID",
            "taskID",
            "billingCodeID",
            "roleID",
            "dateWorked",
            "startDateTime",
            "endDateTime",
            "hoursWorked",
            "hoursToBill",
            "offsetHours",
            "isNonBillable",
            "showOnInvoice",
            "summaryNotes",
            "timeEntryType",
            "createDateTime",
            "lastModifiedDateTime");

    @Override
    public Object field(String name) {
        return switch (name) {
            case "id" -> id;
            case "resourceID" -> resourceID;
            case "ticketID" -> ticketID;
            case "taskID" -> ticketID == null ? 900_000L + id % 1000 : null;
            case "billingCodeID" -> billingCodeID;
            case "roleID" -> 29683461L;
            case "dateWorked" -> dateWorked;
            case "startDateTime" -> startDateTime;
            case "endDateTime" ->
                startDateTime.plusSeconds(hoursWorked.movePointRight(2).longValue() * 36);
            case "hoursWorked" -> hoursWorked;
            // Autotask's own rounding to a quarter hour, which Truecount must not use.
            case "hoursToBill" ->
                hoursWorked
                        .multiply(BigDecimal.valueOf(4))
                        .setScale(0, java.math.RoundingMode.CEILING)
                        .divide(BigDecimal.valueOf(4));
            case "offsetHours" -> BigDecimal.ZERO;
            case "isNonBillable" -> isNonBillable;
            case "showOnInvoice" -> !isNonBillable;
            case "summaryNotes" -> "Worked on it";
            case "timeEntryType" -> ticketID == null ? 6L : 2L;
            case "createDateTime" -> createDateTime;
            case "lastModifiedDateTime" -> lastModifiedDateTime;
            default -> null;
        };
    }

    @Override
    public List<String> fields() {
        return FIELDS;
    }

    TimeEntry withHours(BigDecimal hours, Instant modified) {
        return new TimeEntry(
                id,
                ticketID,
                resourceID,
                billingCodeID,
                isNonBillable,
                dateWorked,
                startDateTime,
                hours,
                createDateTime,
                modified);
    }
}
