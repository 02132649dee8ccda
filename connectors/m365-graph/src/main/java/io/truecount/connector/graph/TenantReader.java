package io.truecount.connector.graph;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.connector.OrganizationException;
import io.truecount.connector.SyncSink;
import io.truecount.connector.SyncStats;
import io.truecount.connector.graph.GraphApi.DeltaExpiredException;
import io.truecount.connector.http.HttpRequest;
import io.truecount.connector.paging.MalformedRecordException;
import io.truecount.connector.paging.Page;
import io.truecount.core.observation.ExternalOrganization;
import io.truecount.core.observation.LicenseCount;
import io.truecount.core.observation.UserAccount;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one tenant: its subscribed SKUs, then its users through {@code /users/delta}. Without a delta link from the
 * last successful run every user is read; with one only what changed since, on top of the users that run stored
 * ({@link SyncSink#usersCarriedForward}). The final {@code @odata.deltaLink} is saved for the next run either way.
 */
final class TenantReader {

    static final String SKUS = "/subscribedSkus";
    static final String USERS_DELTA = "/users/delta";
    static final String USER_FIELDS = "id,userPrincipalName,accountEnabled,assignedLicenses";

    private static final Logger LOG = LoggerFactory.getLogger(TenantReader.class);

    private final GraphApi api;
    private final GraphMapper mapper;
    private final URI graphUrl;
    private final int pageSize;
    private final SyncSink sink;
    private final SyncStats stats;

    TenantReader(GraphApi api, GraphMapper mapper, URI graphUrl, int pageSize, SyncSink sink, SyncStats stats) {
        this.api = api;
        this.mapper = mapper;
        this.graphUrl = graphUrl;
        this.pageSize = pageSize;
        this.sink = sink;
        this.stats = stats;
    }

    static String cursorKey(String tenant) {
        return "delta:" + tenant;
    }

    /**
     * @param nameIt whether to report the tenant as an organization, named by its SKUs' {@code accountName}
     *     (tenants GDAP discovered were reported with their display names already)
     */
    void read(String tenant, boolean nameIt) {
        Map<String, String> partNumbers = new HashMap<>();
        String accountName = readSkus(tenant, partNumbers);
        if (nameIt) {
            sink.organizations(List.of(new ExternalOrganization(api.connectorId(), tenant, accountName)));
        }
        String stored = sink.cursors().get(cursorKey(tenant));
        String deltaLink = stored == null ? fullRead(tenant, partNumbers) : incremental(tenant, stored, partNumbers);
        sink.saveCursor(cursorKey(tenant), deltaLink);
    }

    /** Delivers the tenant's SKUs; returns its {@code accountName} (null when it has none) and fills the id map. */
    private String readSkus(String tenant, Map<String, String> partNumbers) {
        HttpRequest request = HttpRequest.get(URI.create(graphUrl + SKUS));
        String accountName = null;
        int number = 0;
        for (Optional<HttpRequest> next = Optional.of(request); next.isPresent(); ) {
            Page page = api.page(tenant, next.get(), ++number, stats);
            List<LicenseCount> licences = new ArrayList<>();
            for (JsonNode sku : page.records()) {
                LicenseCount licence = map(page, () -> mapper.license(tenant, sku));
                licences.add(licence);
                partNumbers.put(licence.skuId(), licence.skuPartNumber());
                if (accountName == null && sku.path("accountName").isTextual()) {
                    accountName = sku.path("accountName").asText();
                }
            }
            next = api.next(page);
            stats.page(licences.size());
            if (!licences.isEmpty()) {
                sink.licenses(licences);
            }
        }
        return accountName;
    }

    private String fullRead(String tenant, Map<String, String> partNumbers) {
        HttpRequest first = HttpRequest.get(URI.create(graphUrl + USERS_DELTA))
                .withQueryParam("$select", USER_FIELDS)
                .withHeader("Prefer", "odata.maxpagesize=" + pageSize);
        Page page = api.page(tenant, first, 1, stats);
        return follow(tenant, page, partNumbers);
    }

    private String incremental(String tenant, String deltaLink, Map<String, String> partNumbers) {
        // A link from before base-url changed would send the tenant's token to another host: read in full instead.
        if (!deltaLink.startsWith(graphUrl + USERS_DELTA + "?")) {
            LOG.info(
                    "connector '{}': the stored delta link of tenant {} is not under {}; reading its users in full",
                    api.connectorId(),
                    tenant,
                    graphUrl);
            return fullRead(tenant, partNumbers);
        }
        HttpRequest first =
                HttpRequest.get(URI.create(deltaLink)).withHeader("Prefer", "odata.maxpagesize=" + pageSize);
        Page page;
        try {
            page = api.page(tenant, first, 1, stats);
        } catch (DeltaExpiredException e) {
            // Nothing was carried forward yet, so a full read stands on its own.
            LOG.info("connector '{}': {}; reading its users in full", api.connectorId(), e.getMessage());
            return fullRead(tenant, partNumbers);
        }
        sink.usersCarriedForward(tenant);
        return follow(tenant, page, partNumbers);
    }

    /** Delivers this page and every one after it; returns the final {@code @odata.deltaLink}. */
    private String follow(String tenant, Page first, Map<String, String> partNumbers) {
        Page page = first;
        while (true) {
            deliver(tenant, page, partNumbers);
            Optional<HttpRequest> next = api.next(page);
            if (next.isEmpty()) {
                JsonNode deltaLink = page.body().path("@odata.deltaLink");
                if (!deltaLink.isTextual() || deltaLink.asText().isBlank()) {
                    throw api.malformed(
                            page.request(),
                            page.number(),
                            "the last page has neither @odata.nextLink nor @odata.deltaLink");
                }
                return deltaLink.asText();
            }
            try {
                page = api.page(tenant, next.get(), page.number() + 1, stats);
            } catch (DeltaExpiredException e) {
                // Part of the changes is delivered already: fail the tenant now; without a saved link it is read in
                // full next run.
                throw new OrganizationException(api.connectorId(), tenant, e.getMessage() + " while it was read");
            }
        }
    }

    private void deliver(String tenant, Page page, Map<String, String> partNumbers) {
        List<UserAccount> users = new ArrayList<>(page.records().size());
        List<String> removed = new ArrayList<>();
        for (JsonNode user : page.records()) {
            if (GraphMapper.isRemoved(user)) {
                removed.add(map(page, () -> GraphMapper.id(user)));
            } else {
                users.add(map(page, () -> mapper.user(tenant, user, partNumbers)));
            }
        }
        stats.page(users.size() + removed.size());
        if (!users.isEmpty()) {
            sink.users(users);
        }
        if (!removed.isEmpty()) {
            sink.usersRemoved(tenant, removed);
        }
    }

    private <T> T map(Page page, Supplier<T> mapping) {
        try {
            return mapping.get();
        } catch (MalformedRecordException e) {
            throw api.malformed(page.request(), page.number(), e.getMessage());
        }
    }
}
