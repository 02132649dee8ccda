package io.truecount.connector.autotask;

/**
 * What a time entry needs from its ticket.
 *
 * @param companyId {@code companyID}, what customers map
 * @param title {@code title}; null when it has none
 * @param priority the {@code priority} picklist value
 * @param issueType the {@code issueType} picklist value; null when unset
 * @param queue the {@code queueID} picklist value; null when unset
 */
record Ticket(String companyId, String title, String priority, String issueType, String queue) {}
