package io.truecount.connector.graph;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.connector.json.Fields;
import io.truecount.connector.paging.MalformedRecordException;
import io.truecount.core.observation.ExternalOrganization;
import io.truecount.core.observation.LicenseCount;
import io.truecount.core.observation.UserAccount;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** The only class that knows Graph's JSON: subscribed SKUs, users (delta), GDAP customers. */
final class GraphMapper {

    private final String connectorId;

    GraphMapper(String connectorId) {
        this.connectorId = connectorId;
    }

    /** A {@code subscribedSkus} entry: assigned = {@code consumedUnits}, purchased = {@code prepaidUnits.enabled}. */
    LicenseCount license(String tenant, JsonNode sku) {
        String partNumber = Fields.required(sku, "skuPartNumber", "subscribed SKU " + sku.path("skuId"));
        return new LicenseCount(
                connectorId,
                tenant,
                Fields.text(sku.path("skuId")),
                partNumber,
                Fields.text(sku.path("capabilityStatus")),
                count(sku.path("consumedUnits"), "consumedUnits", partNumber),
                count(sku.path("prepaidUnits").path("enabled"), "prepaidUnits.enabled", partNumber));
    }

    /** Whether a delta record reports the user gone ({@code @removed}) rather than its current state. */
    static boolean isRemoved(JsonNode user) {
        return user.has("@removed");
    }

    static String id(JsonNode user) {
        return Fields.required(user, "id", "user");
    }

    /**
     * A user with the part numbers of its licences.
     *
     * @param partNumbers the tenant's {@code skuId} to {@code skuPartNumber}; an id the tenant does not list is kept as
     *     it is
     */
    UserAccount user(String tenant, JsonNode user, Map<String, String> partNumbers) {
        String id = id(user);
        JsonNode enabled = user.path("accountEnabled");
        if (!enabled.isBoolean()) {
            throw new MalformedRecordException("user " + id + " has no 'accountEnabled'");
        }
        JsonNode licences = user.path("assignedLicenses");
        if (!licences.isArray()) {
            throw new MalformedRecordException("user " + id + " has no 'assignedLicenses'");
        }
        Set<String> skus = new LinkedHashSet<>();
        for (JsonNode licence : licences) {
            String skuId = Fields.required(licence, "skuId", "a licence of user " + id);
            skus.add(partNumbers.getOrDefault(skuId, skuId));
        }
        return new UserAccount(
                connectorId, tenant, id, Fields.text(user.path("userPrincipalName")), enabled.asBoolean(), skus);
    }

    /** A {@code delegatedAdminCustomers} entry: the customer's tenant id and display name. */
    ExternalOrganization customer(JsonNode customer) {
        String tenant = Fields.firstPresent(customer, "tenantId", "id");
        if (tenant == null) {
            throw new MalformedRecordException("delegated admin customer has no 'tenantId'");
        }
        return new ExternalOrganization(connectorId, tenant, Fields.text(customer.path("displayName")));
    }

    private static long count(JsonNode node, String field, String partNumber) {
        if (!node.canConvertToLong()) {
            throw new MalformedRecordException("subscribed SKU " + partNumber + " has no '" + field + "'");
        }
        return node.asLong();
    }
}
