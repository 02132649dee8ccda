package io.truecount.core.contract;

/** A line that bills time entries; a customer with billable time and no such line gets {@code UNBILLED_TIME}. */
public sealed interface TimeLine permits BlockHoursLine, TimeAndMaterialsLine, PrepaidHoursLine {

    String id();
}
