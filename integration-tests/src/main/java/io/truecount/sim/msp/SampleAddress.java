package io.truecount.sim.msp;

/** A postal address in the shape CONFIG.md's {@code address:} takes. */
public record SampleAddress(String line1, String city, String postalCode, String country) {}
