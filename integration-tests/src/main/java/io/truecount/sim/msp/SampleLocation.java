package io.truecount.sim.msp;

/** A NinjaOne location (site) inside an organization. */
public record SampleLocation(long id, String name) {}
