package io.truecount.connector.autotask;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;

/**
 * The query bodies the connector sends ({@code {"MaxRecords":500,"IncludeFields":[…],"filter":[…]}}). Autotask
 * rejects a query without a filter, so "everything" is {@code id gte 0}; a result larger than one page needs
 * {@code id} among the fields.
 */
final class Queries {

    static final List<String> COMPANY_FIELDS = List.of("id", "companyName");
    static final List<String> ENTRY_FIELDS = List.of(
            "id",
            "ticketID",
            "resourceID",
            "billingCodeID",
            "isNonBillable",
            "dateWorked",
            "startDateTime",
            "hoursWorked",
            "lastModifiedDateTime");
    static final List<String> TICKET_FIELDS = List.of("id", "companyID", "title", "priority", "issueType", "queueID");
    static final List<String> RESOURCE_FIELDS = List.of("id", "firstName", "lastName");
    static final List<String> BILLING_CODE_FIELDS = List.of("id", "name");

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final DateTimeFormatter UTC = DateTimeFormatter.ISO_INSTANT;

    private final int pageSize;

    Queries(int pageSize) {
        this.pageSize = pageSize;
    }

    ObjectNode all(List<String> fields) {
        return body(fields, condition("gte", "id").put("value", 0));
    }

    /** Entries Autotask changed after the instant (created ones included: creation sets the field). */
    ObjectNode changedSince(List<String> fields, Instant after) {
        return body(fields, condition("gt", "lastModifiedDateTime").put("value", UTC.format(after)));
    }

    /** Entries worked on or after the date. */
    ObjectNode workedSince(List<String> fields, LocalDate from) {
        String midnight = UTC.format(from.atStartOfDay(ZoneOffset.UTC).toInstant());
        return body(fields, condition("gte", "dateWorked").put("value", midnight));
    }

    ObjectNode idsIn(List<String> fields, Collection<String> ids) {
        ObjectNode in = condition("in", "id");
        ArrayNode values = in.putArray("value");
        for (String id : ids) {
            // Autotask ids are integers; one that is not goes as text and matches nothing.
            if (id.chars().allMatch(Character::isDigit) && id.length() < 19) {
                values.add(Long.parseLong(id));
            } else {
                values.add(id);
            }
        }
        return body(fields, in);
    }

    private ObjectNode body(List<String> fields, ObjectNode condition) {
        ObjectNode body = JSON.objectNode();
        body.put("MaxRecords", pageSize);
        ArrayNode include = body.putArray("IncludeFields");
        fields.forEach(include::add);
        body.putArray("filter").add(condition);
        return body;
    }

    private static ObjectNode condition(String op, String field) {
        ObjectNode condition = JSON.objectNode();
        condition.put("op", op);
        condition.put("field", field);
        return condition;
    }
}
