package io.truecount.sim.autotask;

import java.util.Locale;

/** The Autotask endpoints the simulator serves; a query and the pages after it count as the entity's endpoint. */
public enum Endpoint {
    ZONE_INFORMATION,
    TICKET_FIELDS,
    COMPANIES,
    TICKETS,
    RESOURCES,
    BILLING_CODES,
    TIME_ENTRIES;

    static Endpoint ofEntity(String entity) {
        return switch (entity.toLowerCase(Locale.ROOT)) {
            case "companies" -> COMPANIES;
            case "tickets" -> TICKETS;
            case "resources" -> RESOURCES;
            case "billingcodes" -> BILLING_CODES;
            case "timeentries" -> TIME_ENTRIES;
            default -> null;
        };
    }
}
