package io.truecount.core.contract;

/** Which licence number a line bills: those assigned to users ({@code consumedUnits}) or those bought. */
public enum LicenseBasis {
    ASSIGNED,
    PURCHASED
}
