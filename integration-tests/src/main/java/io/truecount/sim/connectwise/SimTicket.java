package io.truecount.sim.connectwise;

/** A service ticket: what time entries are charged to, and where their priority and type come from. */
public record SimTicket(long id, long companyId, String summary, String priority, String type) {}
