package io.truecount.sim.autotask;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One Autotask query body: {@code MaxRecords} (1 to 500), {@code IncludeFields} and {@code filter}, a list of
 * conditions that must all hold. Conditions are {@code eq, noteq, gt, gte, lt, lte, in, notIn, exist, notExist} on a
 * field, or {@code and}/{@code or} over {@code items}. A query that Autotask would refuse is a {@link Refused}.
 */
final class Query {

    static final int MAX_RECORDS = 500;
    private static final Set<String> COMPARISONS = Set.of("eq", "noteq", "gt", "gte", "lt", "lte");

    /** Why Autotask would refuse the query; becomes {@code {"errors":[…]}}. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    final JsonNode body;
    final int maxRecords;
    final List<String> includeFields;
    final List<JsonNode> conditions;
    private final List<Predicate<Row>> tests;

    private Query(
            JsonNode body,
            int maxRecords,
            List<String> includeFields,
            List<JsonNode> conditions,
            List<String> entityFields) {
        this.body = body;
        this.maxRecords = maxRecords;
        this.includeFields = includeFields;
        this.conditions = conditions;
        this.tests = conditions.stream().map(c -> compile(c, entityFields)).toList();
    }

    static Query parse(JsonNode body, List<String> entityFields) {
        if (!body.isObject()) {
            throw new Refused("The query body is not a JSON object.");
        }
        JsonNode max = body.path("MaxRecords");
        int maxRecords = max.isMissingNode() || max.isNull() ? MAX_RECORDS : max.asInt(-1);
        if (maxRecords < 1 || maxRecords > MAX_RECORDS) {
            throw new Refused("MaxRecords must be between 1 and " + MAX_RECORDS + ".");
        }
        List<String> include = new ArrayList<>();
        for (JsonNode field : body.path("IncludeFields")) {
            String name = canonical(field.asText(), entityFields);
            include.add(name);
        }
        JsonNode filter = body.path("filter");
        if (!filter.isArray() || filter.isEmpty()) {
            throw new Refused("A query must have at least one filter condition.");
        }
        List<JsonNode> conditions = new ArrayList<>();
        filter.forEach(conditions::add);
        conditions.forEach(c -> check(c, entityFields));
        return new Query(body, maxRecords, List.copyOf(include), List.copyOf(conditions), entityFields);
    }

    boolean matches(Row row) {
        for (Predicate<Row> test : tests) {
            if (!test.test(row)) {
                return false;
            }
        }
        return true;
    }

    /** The condition as a test, its field name resolved and its value parsed once, not once per row. */
    private static Predicate<Row> compile(JsonNode condition, List<String> entityFields) {
        String op = condition.path("op").asText("").toLowerCase(Locale.ROOT);
        if (op.equals("and") || op.equals("or")) {
            List<Predicate<Row>> items = new ArrayList<>();
            condition.path("items").forEach(item -> items.add(compile(item, entityFields)));
            return op.equals("and")
                    ? row -> items.stream().allMatch(p -> p.test(row))
                    : row -> items.stream().anyMatch(p -> p.test(row));
        }
        String field = canonical(condition.path("field").asText(), entityFields);
        JsonNode wanted = condition.path("value");
        return switch (op) {
            case "exist" -> row -> row.field(field) != null;
            case "notexist" -> row -> row.field(field) == null;
            case "in", "notin" -> {
                List<Parsed> values = new ArrayList<>();
                wanted.forEach(v -> values.add(new Parsed(v)));
                boolean in = op.equals("in");
                yield row -> {
                    Object value = row.field(field);
                    if (value == null) {
                        return !in;
                    }
                    boolean found = values.stream().anyMatch(p -> p.compareTo(value) == 0);
                    return in == found;
                };
            }
            default -> {
                Parsed parsed = new Parsed(wanted);
                yield row -> {
                    Object value = row.field(field);
                    return value != null && compares(op, parsed.compareTo(value));
                };
            }
        };
    }

    /** A condition value, parsed as the type of the first row value it meets (a field's type never changes). */
    private static final class Parsed {
        private final JsonNode wanted;
        private Object parsed;

        Parsed(JsonNode wanted) {
            this.wanted = wanted;
        }

        /** The row value compared with this one. */
        int compareTo(Object value) {
            if (value instanceof Instant instant) {
                if (parsed == null) {
                    parsed = instant(wanted.asText());
                }
                return instant.compareTo((Instant) parsed);
            }
            if (value instanceof Long number) {
                if (parsed == null) {
                    parsed = wanted.isNumber() ? wanted.asLong() : parseLong(wanted.asText());
                }
                return Long.compare(number, (Long) parsed);
            }
            return compare(value, wanted);
        }

        private static long parseLong(String text) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new Refused("Unable to convert " + text + " for comparison.");
            }
        }
    }

    /** Autotask field names are case-insensitive; answers use the model's spelling. */
    static String canonical(String name, List<String> entityFields) {
        for (String field : entityFields) {
            if (field.equalsIgnoreCase(name)) {
                return field;
            }
        }
        throw new Refused("Unable to find " + name + " in the entity.");
    }

    private static void check(JsonNode condition, List<String> entityFields) {
        String op = condition.path("op").asText("").toLowerCase(Locale.ROOT);
        if (op.equals("and") || op.equals("or")) {
            condition.path("items").forEach(item -> check(item, entityFields));
            return;
        }
        if (!COMPARISONS.contains(op)
                && !Set.of("in", "notin", "exist", "notexist").contains(op)) {
            throw new Refused("Invalid operator: " + condition.path("op").asText());
        }
        canonical(condition.path("field").asText(), entityFields);
        if ((op.equals("in") || op.equals("notin")) && !condition.path("value").isArray()) {
            throw new Refused("The value of an " + op + " condition must be an array.");
        }
        if (op.equals("in") && condition.path("value").size() > MAX_RECORDS) {
            throw new Refused("A query can hold at most 500 values in an in condition.");
        }
    }

    private static boolean compares(String op, int comparison) {
        return switch (op) {
            case "eq" -> comparison == 0;
            case "noteq" -> comparison != 0;
            case "gt" -> comparison > 0;
            case "gte" -> comparison >= 0;
            case "lt" -> comparison < 0;
            default -> comparison <= 0;
        };
    }

    /** The row's value compared with the condition's, read as the row value's type. */
    static int compare(Object value, JsonNode wanted) {
        try {
            if (value instanceof Long number) {
                return Long.compare(number, wanted.isNumber() ? wanted.asLong() : Long.parseLong(wanted.asText()));
            }
            if (value instanceof BigDecimal decimal) {
                return decimal.compareTo(new BigDecimal(wanted.asText()));
            }
            if (value instanceof Boolean flag) {
                // Booleans must be true/false, not 0/1 or "True" (vendor-apis.md §3.2).
                if (!wanted.isBoolean()) {
                    throw new Refused("Booleans must be true or false, not " + wanted);
                }
                return flag == wanted.booleanValue() ? 0 : 1;
            }
            if (value instanceof Instant instant) {
                return instant.compareTo(instant(wanted.asText()));
            }
            return value.toString().compareToIgnoreCase(wanted.asText());
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new Refused("Unable to convert " + wanted + " for comparison.");
        }
    }

    static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        }
    }
}
