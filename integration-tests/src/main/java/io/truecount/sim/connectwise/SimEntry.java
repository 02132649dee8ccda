package io.truecount.sim.connectwise;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One time entry as the simulated ConnectWise holds it.
 *
 * @param chargeToType {@code ServiceTicket} or {@code ChargeCode}
 * @param chargeToId the ticket id, or a charge code id
 * @param billableOption {@code Billable}, {@code DoNotBill}, {@code NoCharge} or {@code NoDefault}
 */
public record SimEntry(
        long id,
        long companyId,
        String chargeToType,
        long chargeToId,
        String member,
        String workType,
        String billableOption,
        Instant timeStart,
        BigDecimal actualHours,
        Instant lastUpdated) {

    /** The same entry with other hours, saved at {@code at}. */
    public SimEntry withHours(BigDecimal hours, Instant at) {
        return new SimEntry(
                id, companyId, chargeToType, chargeToId, member, workType, billableOption, timeStart, hours, at);
    }
}
