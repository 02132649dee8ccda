package io.truecount.sim.halopsa;

/** A ticket's fixed fields; its actions and {@code lastactiondate} live in {@link HaloData}. */
record SimTicket(long id, long clientId, String summary, String priority, String category) {}
