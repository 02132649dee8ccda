package io.truecount.connector.connectwise;

/**
 * What a time entry takes from its service ticket, for rate rules that name a priority or category.
 *
 * @param title {@code summary}
 * @param priority {@code priority/name}
 * @param category {@code type/name}, the ticket type, which is how ConnectWise boards categorise tickets
 */
record Ticket(String title, String priority, String category) {

    static final Ticket UNKNOWN = new Ticket(null, null, null);
}
