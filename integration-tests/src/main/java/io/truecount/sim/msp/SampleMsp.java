package io.truecount.sim.msp;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A sample MSP: its customers, every NinjaOne organization (one per customer, plus an organization no customer maps
 * to that has devices, and an empty template organization) and the API client the MSP uses.
 *
 * @param asOf the instant device timestamps are relative to; counting at it yields each customer's {@link DeviceTruth}
 * @param customers in NinjaOne organization id order
 * @param organizations in id order
 */
public record SampleMsp(
        long seed,
        Instant asOf,
        SampleCredentials ninjaOneClient,
        List<SampleCustomer> customers,
        List<SampleOrganization> organizations) {

    /** Devices per customer on average in {@link #generate(long, int, Instant)}: ~40 customers make ~3,000 devices. */
    public static final int DEFAULT_MEAN_DEVICES = 70;

    public SampleMsp {
        customers = List.copyOf(customers);
        organizations = List.copyOf(organizations);
    }

    /** The same seed, size and as-of always give the same MSP. */
    public static SampleMsp generate(long seed, int customers, Instant asOf) {
        return generate(seed, customers, DEFAULT_MEAN_DEVICES, asOf);
    }

    /**
     * @param meanDevicesPerCustomer the average fleet size; sizes spread from a quarter to three times it
     */
    public static SampleMsp generate(long seed, int customers, int meanDevicesPerCustomer, Instant asOf) {
        if (customers < 1) {
            throw new IllegalArgumentException("an MSP needs at least one customer, got " + customers);
        }
        if (meanDevicesPerCustomer < 4) {
            throw new IllegalArgumentException("mean devices per customer must be at least 4");
        }
        return new MspGenerator(seed, asOf.truncatedTo(ChronoUnit.MILLIS), meanDevicesPerCustomer).generate(customers);
    }

    /** Every device of every organization, in id order. */
    public List<SampleDevice> devices() {
        return organizations.stream()
                .flatMap(o -> o.devices().stream())
                .sorted(Comparator.comparingLong(SampleDevice::id))
                .toList();
    }

    public SampleOrganization organization(long id) {
        return organizations.stream()
                .filter(o -> o.id() == id)
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no organization " + id));
    }

    public SampleOrganization organizationOf(SampleCustomer customer) {
        return organization(customer.ninjaOrganizationId());
    }

    public SampleCustomer customer(String id) {
        return customers.stream()
                .filter(c -> c.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no customer " + id));
    }

    /** Organizations no customer maps to: the one with devices (UNMAPPED_ORGANIZATION) and the empty template. */
    public List<SampleOrganization> unmappedOrganizations() {
        return organizations.stream().filter(o -> !o.mapped()).toList();
    }
}
