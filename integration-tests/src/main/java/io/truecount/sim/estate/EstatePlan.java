package io.truecount.sim.estate;

import java.time.Instant;
import java.time.YearMonth;

/**
 * The size and shape of a simulated MSP estate: one sample MSP whose customers are spread over the vendors an MSP
 * runs (two RMMs, Microsoft 365, three PSAs).
 *
 * @param meanDevices devices per customer on average, in whichever RMM holds the customer
 * @param meanUsers Microsoft 365 users per customer tenant on average
 * @param meanEntries time entries per customer on average, in whichever PSA holds the customer
 * @param period the billing period the contracts are arranged around
 * @param asOf the instant device and user timestamps are relative to
 */
public record EstatePlan(
        long seed, int customers, int meanDevices, int meanUsers, int meanEntries, YearMonth period, Instant asOf) {

    /** The PSA a customer runs its tickets in. */
    enum Psa {
        CONNECTWISE,
        AUTOTASK,
        HALOPSA
    }

    /** The demo's size: a few dozen customers, a few thousand devices, 25 users and 20 time entries each. */
    public static EstatePlan demo(long seed, int customers, YearMonth period, Instant asOf) {
        return new EstatePlan(seed, customers, 70, 25, 20, period, asOf);
    }

    /** Customers (by organization id, which every view keeps) are spread evenly over the PSAs. */
    static Psa psaOf(long organizationId) {
        return Psa.values()[(int) (organizationId % Psa.values().length)];
    }

    /** The RMM a customer's devices report to. */
    enum Rmm {
        NINJAONE,
        DATTO,
        ATERA
    }

    /**
     * Most customers are split between NinjaOne and Datto RMM (an MSP mid-migration); every tenth is on Atera (a
     * small acquired book of business).
     */
    static Rmm rmmOf(int customerIndex) {
        if (customerIndex % 10 == 9) {
            return Rmm.ATERA;
        }
        return customerIndex % 2 == 1 ? Rmm.DATTO : Rmm.NINJAONE;
    }
}
