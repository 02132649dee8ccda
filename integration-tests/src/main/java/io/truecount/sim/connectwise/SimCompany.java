package io.truecount.sim.connectwise;

/** A ConnectWise company: a customer of the MSP (or the MSP itself, or a prospect). */
public record SimCompany(long id, String identifier, String name) {}
