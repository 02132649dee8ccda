package io.truecount.connector.atera;

import static io.truecount.connector.json.Fields.firstPresent;
import static io.truecount.connector.json.Fields.required;
import static io.truecount.connector.json.Fields.text;
import static io.truecount.connector.json.Fields.texts;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.connector.paging.MalformedRecordException;
import io.truecount.core.observation.AssetObservation;
import io.truecount.core.observation.ExternalOrganization;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Atera JSON to billing-core records. Unknown fields are ignored; a record without the fields counting depends on
 * ({@code CustomerID}, and for agents {@code AgentID} and {@code OSType}) is malformed.
 *
 * <p>Every agent is managed: Atera lists only devices with its agent installed, and has no approval step.
 */
final class AteraMapper {

    private final String connectorId;
    private final AteraClassMap classes;

    AteraMapper(String connectorId, AteraClassMap classes) {
        this.connectorId = connectorId;
        this.classes = classes;
    }

    ExternalOrganization customer(JsonNode customer) {
        String id = required(customer, "CustomerID", "customer");
        return new ExternalOrganization(connectorId, id, text(customer.path("CustomerName")));
    }

    AssetObservation agent(JsonNode agent) {
        String id = required(agent, "AgentID", "agent");
        String what = "agent " + id;
        String osType = required(agent, "OSType", what);
        return new AssetObservation(
                connectorId,
                required(agent, "CustomerID", what),
                id,
                firstPresent(agent, "MachineName", "AgentName", "SystemName"),
                classes.classify(osType),
                osType,
                true,
                text(agent.path("VendorSerialNumber")),
                texts(agent.path("MacAddresses")),
                timestamp(agent, "Created", what),
                timestamp(agent, "LastSeen", what));
    }

    /**
     * Atera sends ISO-8601 date-times, with {@code Z} in its documentation but often without any offset in practice
     * ({@code 2024-05-13T12:00:00.53}); those are UTC, as Atera stores them.
     */
    private static Instant timestamp(JsonNode record, String field, String what) {
        String value = text(record.path(field));
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException withOffset) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeException withoutOffset) {
                throw new MalformedRecordException(what + " has a '" + field + "' that is not a date-time: " + value);
            }
        }
    }
}
