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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
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

    static String domainsKey(String tenant) {
        return "domains:" + tenant;
    }

    /**
     * @param discoveredName the tenant's display name when GDAP discovery reported it (as an organization already);
     *     null to report it here, named by its SKUs' {@code accountName}
     */
    void read(String tenant, String discoveredName) {
        Map<String, String> partNumbers = new HashMap<>();
        String accountName = readSkus(tenant, partNumbers);
        String name = discoveredName != null ? discoveredName : accountName;
        if (discoveredName == null) {
            sink.organizations(List.of(new ExternalOrganization(api.connectorId(), tenant, name)));
        }
        String stored = sink.cursors().get(cursorKey(tenant));
        Set<String> domains = new TreeSet<>();
        String knownDomains = stored == null ? null : sink.cursors().get(domainsKey(tenant));
        if (knownDomains != null && !knownDomains.isBlank()) {
            domains.addAll(List.of(knownDomains.split(",")));
        }
        String deltaLink = stored == null
                ? fullRead(tenant, partNumbers, domains)
                : incremental(tenant, stored, partNumbers, domains);
        sink.saveCursor(cursorKey(tenant), deltaLink);
        // The domains its users sign in with identify the customer in other vendors (PSA websites): kept with the
        // cursor, because a delta run sees only the users that changed.
        sink.saveCursor(domainsKey(tenant), String.join(",", domains));
        if (!domains.isEmpty()) {
            sink.organizations(List.of(new ExternalOrganization(
                    api.connectorId(),
                    tenant,
                    name,
                    domains.stream().map(ExternalOrganization::domain).collect(Collectors.toSet()))));
        }
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

    private String fullRead(String tenant, Map<String, String> partNumbers, Set<String> domains) {
        HttpRequest first = HttpRequest.get(URI.create(graphUrl + USERS_DELTA))
                .withQueryParam("$select", USER_FIELDS)
                .withHeader("Prefer", "odata.maxpagesize=" + pageSize);
        Page page = api.page(tenant, first, 1, stats);
        return follow(tenant, page, partNumbers, domains);
    }

    private String incremental(String tenant, String deltaLink, Map<String, String> partNumbers, Set<String> domains) {
        // A link from before base-url changed would send the tenant's token to another host: read in full instead.
        if (!deltaLink.startsWith(graphUrl + USERS_DELTA + "?")) {
            LOG.info(
                    "connector '{}': the stored delta link of tenant {} is not under {}; reading its users in full",
                    api.connectorId(),
                    tenant,
                    graphUrl);
            return fullRead(tenant, partNumbers, domains);
        }
        HttpRequest first =
                HttpRequest.get(URI.create(deltaLink)).withHeader("Prefer", "odata.maxpagesize=" + pageSize);
        Page page;
        try {
            page = api.page(tenant, first, 1, stats);
        } catch (DeltaExpiredException e) {
            // Nothing was carried forward yet, so a full read stands on its own.
            LOG.info("connector '{}': {}; reading its users in full", api.connectorId(), e.getMessage());
            return fullRead(tenant, partNumbers, domains);
        }
        sink.usersCarriedForward(tenant);
        return follow(tenant, page, partNumbers, domains);
    }

    /** Delivers this page and every one after it; returns the final {@code @odata.deltaLink}. */
    private String follow(String tenant, Page first, Map<String, String> partNumbers, Set<String> domains) {
        Page page = first;
        while (true) {
            deliver(tenant, page, partNumbers, domains);
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

    private void deliver(String tenant, Page page, Map<String, String> partNumbers, Set<String> domains) {
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
        for (UserAccount user : users) {
            String upn = user.userPrincipalName();
            int at = upn.lastIndexOf('@');
            // Every tenant has its own onmicrosoft.com domain: it names no one outside Microsoft 365.
            if (at > 0 && !upn.toLowerCase(Locale.ROOT).endsWith(".onmicrosoft.com")) {
                domains.add(upn.substring(at + 1).toLowerCase(Locale.ROOT));
            }
        }
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
