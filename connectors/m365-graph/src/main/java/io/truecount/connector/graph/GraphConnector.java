package io.truecount.connector.graph;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.connector.ConnectorRuntime;
import io.truecount.connector.ConnectorSettings;
import io.truecount.connector.OrganizationException;
import io.truecount.connector.Secret;
import io.truecount.connector.SourceConnector;
import io.truecount.connector.SourceException;
import io.truecount.connector.SyncSink;
import io.truecount.connector.SyncStats;
import io.truecount.connector.concurrent.PerOrganization;
import io.truecount.connector.http.HttpRequest;
import io.truecount.connector.http.ResilientHttp;
import io.truecount.connector.paging.MalformedRecordException;
import io.truecount.connector.paging.Page;
import io.truecount.core.observation.ExternalOrganization;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads Microsoft 365 licences and users of an MSP's customer tenants through Microsoft Graph, one app-only token per
 * tenant. The tenants are those customers map ({@code sources.<id>}), plus, when {@code partner-tenant-id} is set,
 * every customer GDAP lists ({@code delegatedAdminCustomers}) so that {@code truecount mappings} can show them; only
 * the mapped ones are read for billing (all discovered ones when no customer maps any yet). Tenants are read
 * concurrently ({@link PerOrganization}); a tenant that refuses the app fails only its customers.
 */
final class GraphConnector implements SourceConnector {

    static final String API_VERSION = "/v1.0";
    static final String DELEGATED_ADMIN_CUSTOMERS = "/tenantRelationships/delegatedAdminCustomers";
    /** GDAP's {@code $top} maximum. */
    static final int MAX_GDAP_PAGE = 300;

    static final int DEFAULT_PAGE_SIZE = 999;

    private final ConnectorSettings settings;
    private final URI graphUrl;
    private final GraphApi api;
    private final GraphMapper mapper;
    private final int pageSize;
    private final String partnerTenant;
    // One token per tenant, kept as long as the connector, so a scheduled run reuses the last run's tokens.
    private final Map<String, TenantToken> tokens = new ConcurrentHashMap<>();

    private GraphConnector(ConnectorSettings settings, ResilientHttp http, URI loginUrl, Clock clock) {
        this.settings = settings;
        URI base = settings.baseUrl() == null ? GraphConnectorType.DEFAULT_BASE_URL : settings.baseUrl();
        this.graphUrl = URI.create(trimSlash(base.toString()) + API_VERSION);
        String clientId = settings.credential(GraphConnectorType.CLIENT_ID).reveal();
        Secret secret = settings.credential(GraphConnectorType.CLIENT_SECRET);
        this.api = new GraphApi(
                http,
                tenant -> tokens.computeIfAbsent(
                        tenant, t -> new TenantToken(http, loginUrl, t, clientId, secret, clock)));
        this.mapper = new GraphMapper(settings.id());
        // Graph serves at most 999 per page whatever is asked; configuration makes sure it is at least 1.
        this.pageSize = Math.max(
                1, Math.min(DEFAULT_PAGE_SIZE, settings.intOption(GraphConnectorType.PAGE_SIZE, DEFAULT_PAGE_SIZE)));
        Secret partner = settings.credentials().get(GraphConnectorType.PARTNER_TENANT_ID);
        this.partnerTenant = partner == null || partner.reveal().isBlank()
                ? null
                : partner.reveal().strip();
    }

    static GraphConnector create(ConnectorSettings settings, ConnectorRuntime runtime) {
        String login = settings.options().get(GraphConnectorType.LOGIN_URL);
        URI loginUrl = login == null || login.isBlank() ? GraphConnectorType.DEFAULT_LOGIN_URL : URI.create(login);
        return new GraphConnector(settings, ResilientHttp.create(settings, runtime), loginUrl, runtime.clock());
    }

    /** A token from the partner tenant (else the first mapped one) and one cheap read with it. */
    @Override
    public void checkConnection() {
        SyncStats stats = new SyncStats();
        if (partnerTenant != null) {
            api.send(partnerTenant, gdapListing(1), stats);
            return;
        }
        String tenant = settings.mappedOrganizations().stream()
                .findFirst()
                .orElseThrow(() -> SourceException.of(
                        settings.id(), "no tenant to check: set partner-tenant-id or map a customer to a tenant id"));
        api.send(tenant, HttpRequest.get(URI.create(graphUrl + TenantReader.SKUS)), stats);
    }

    @Override
    public void sync(SyncSink sink, SyncStats stats) {
        Set<String> mapped = settings.mappedOrganizations();
        Map<String, String> discovered = partnerTenant == null ? Map.of() : discover(sink, stats);
        Set<String> tenants = new LinkedHashSet<>(mapped.isEmpty() ? discovered.keySet() : mapped);
        TenantReader reader = new TenantReader(api, mapper, graphUrl, pageSize, sink, stats);
        try (PerOrganization perTenant = new PerOrganization(settings, sink)) {
            for (String tenant : tenants) {
                perTenant.submit(tenant, () -> reader.read(tenant, discovered.get(tenant)));
            }
            perTenant.finish();
        }
    }

    /**
     * GDAP customers of the partner tenant, delivered as organizations page by page; returns their display names by
     * tenant id.
     */
    private Map<String, String> discover(SyncSink sink, SyncStats stats) {
        Map<String, String> found = new LinkedHashMap<>();
        Optional<HttpRequest> next = Optional.of(gdapListing(Math.min(pageSize, MAX_GDAP_PAGE)));
        int number = 0;
        while (next.isPresent()) {
            Page page;
            try {
                page = api.page(partnerTenant, next.get(), ++number, stats);
            } catch (OrganizationException e) {
                // Without the partner tenant there is no customer list: that is the connector's failure, not one
                // customer's.
                throw SourceException.of(settings.id(), "GDAP discovery failed: " + afterConnector(e.getMessage()));
            }
            List<ExternalOrganization> customers =
                    new ArrayList<>(page.records().size());
            for (JsonNode customer : page.records()) {
                try {
                    customers.add(mapper.customer(customer));
                } catch (MalformedRecordException e) {
                    throw api.malformed(page.request(), page.number(), e.getMessage());
                }
            }
            next = api.next(page);
            stats.page(customers.size());
            customers.forEach(c -> found.put(c.externalId(), c.name()));
            if (!customers.isEmpty()) {
                sink.organizations(customers);
            }
        }
        return found;
    }

    private HttpRequest gdapListing(int top) {
        return HttpRequest.get(URI.create(graphUrl + DELEGATED_ADMIN_CUSTOMERS))
                .withQueryParam("$top", Integer.toString(top));
    }

    private String afterConnector(String message) {
        String prefix = "connector '" + settings.id() + "': ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
