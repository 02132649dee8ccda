package io.truecount.sim.msp;

/**
 * One client of the sample MSP.
 *
 * @param id the customer id as the admin YAML keys it (kebab-case, unique)
 * @param industry what kind of business it is, for humans ({@code dental practice})
 * @param taxExempt invoiced at a zero rate (nonprofits)
 * @param ninjaOrganizationId the NinjaOne organization its devices live in ({@code sources: { ninja: ".." }})
 * @param truth what counting its NinjaOne devices must produce
 */
public record SampleCustomer(
        String id,
        String name,
        String industry,
        SampleAddress address,
        boolean taxExempt,
        long ninjaOrganizationId,
        DeviceTruth truth) {}
