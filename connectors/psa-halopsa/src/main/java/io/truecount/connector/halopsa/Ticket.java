package io.truecount.connector.halopsa;

/**
 * What a time entry needs from its ticket, kept for every ticket while actions are read: ids and short strings only.
 *
 * @param clientId the HaloPSA client the ticket belongs to, which is what customers map
 * @param title the ticket's summary; null when it has none
 * @param priority the priority's name; null when unknown
 * @param category the ticket's first category; null when it has none
 */
record Ticket(String clientId, String title, String priority, String category) {}
