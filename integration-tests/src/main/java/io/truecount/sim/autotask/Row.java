package io.truecount.sim.autotask;

import java.util.List;

/**
 * One record of a simulated Autotask entity. Field values are {@code Long}, {@code String}, {@code Boolean},
 * {@code BigDecimal} or {@code Instant}, or null when unset; {@link #field} answers by Autotask's field name.
 */
interface Row {

    long id();

    /** The value of the field, or null when unset. */
    Object field(String name);

    /** Every field name, in the order Autotask lists them. */
    List<String> fields();

    /** A company ({@code Companies}). */
    record Company(long id, String companyName, boolean isActive) implements Row {
        static final List<String> FIELDS = List.of("id", "companyName", "companyType", "isActive");

        @Override
        public Object field(String name) {
            return switch (name) {
                case "id" -> id;
                case "companyName" -> companyName;
                case "companyType" -> 1L;
                case "isActive" -> isActive;
                default -> null;
            };
        }

        @Override
        public List<String> fields() {
            return FIELDS;
        }
    }

    /** A ticket ({@code Tickets}); priority, issue type and queue are picklist values. */
    record Ticket(long id, long companyID, String title, long priority, Long issueType, Long queueID) implements Row {
        static final List<String> FIELDS =
                List.of("id", "ticketNumber", "companyID", "title", "priority", "issueType", "queueID", "status");

        @Override
        public Object field(String name) {
            return switch (name) {
                case "id" -> id;
                case "ticketNumber" -> "T20261001." + String.format("%04d", id % 10_000);
                case "companyID" -> companyID;
                case "title" -> title;
                case "priority" -> priority;
                case "issueType" -> issueType;
                case "queueID" -> queueID;
                case "status" -> 5L;
                default -> null;
            };
        }

        @Override
        public List<String> fields() {
            return FIELDS;
        }
    }

    /** A technician ({@code Resources}). */
    record Resource(long id, String firstName, String lastName) implements Row {
        static final List<String> FIELDS = List.of("id", "firstName", "lastName", "isActive");

        @Override
        public Object field(String name) {
            return switch (name) {
                case "id" -> id;
                case "firstName" -> firstName;
                case "lastName" -> lastName;
                case "isActive" -> true;
                default -> null;
            };
        }

        @Override
        public List<String> fields() {
            return FIELDS;
        }
    }

    /** A billing code ({@code BillingCodes}); those of use type 1 are the work types time is logged against. */
    record BillingCode(long id, String name) implements Row {
        static final List<String> FIELDS = List.of("id", "name", "useType", "isActive");

        @Override
        public Object field(String name) {
            return switch (name) {
                case "id" -> id;
                case "name" -> this.name;
                case "useType" -> 1L;
                case "isActive" -> true;
                default -> null;
            };
        }

        @Override
        public List<String> fields() {
            return FIELDS;
        }
    }
}
