package io.truecount.connector.datto;

import io.truecount.connector.ConnectorRuntime;
import io.truecount.connector.ConnectorSettings;
import io.truecount.connector.SourceConnector;
import io.truecount.connector.SyncSink;
import io.truecount.connector.SyncStats;
import io.truecount.connector.concurrent.PerOrganization;
import io.truecount.connector.http.ApiClient;
import io.truecount.connector.http.HttpRequest;
import io.truecount.connector.http.ResilientHttp;
import io.truecount.connector.paging.NextLinkPaginator;
import io.truecount.connector.paging.PageReader;
import io.truecount.connector.paging.RecordSelector;
import io.truecount.core.observation.ExternalOrganization;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads a Datto RMM account (API v2): the sites of {@code /api/v2/account/sites}, and after each page of sites the
 * devices of each of those sites from {@code /api/v2/site/{siteUid}/devices}, all paged by following
 * {@code pageDetails.nextPageUrl}. Only one page of sites and one page of devices is held at a time.
 */
final class DattoConnector implements SourceConnector {

    static final String SITES = "/api/v2/account/sites";
    static final String TOKEN = "/auth/oauth/token";
    private static final String NEXT_PAGE = "/pageDetails/nextPageUrl";
    // Datto's default and maximum page size (GET /v2/system/pagination).
    private static final int DEFAULT_PAGE_SIZE = 250;

    private final URI baseUrl;
    private final ApiClient api;
    private final DattoMapper mapper;
    private final int pageSize;
    private final String connectorId;
    private final int concurrency;

    DattoConnector(URI baseUrl, ApiClient api, DattoMapper mapper, int pageSize, String connectorId, int concurrency) {
        this.connectorId = connectorId;
        this.concurrency = concurrency;
        this.baseUrl = baseUrl;
        this.api = api;
        this.mapper = mapper;
        this.pageSize = pageSize;
    }

    static DattoConnector create(ConnectorSettings settings, ConnectorRuntime runtime, URI defaultBaseUrl) {
        URI baseUrl = settings.baseUrl() == null ? defaultBaseUrl : settings.baseUrl();
        URI tokenUrl = settings.authUrl() == null ? under(baseUrl, TOKEN) : settings.authUrl();
        ResilientHttp http = ResilientHttp.create(settings, runtime);
        DattoAuthenticator authenticator = new DattoAuthenticator(
                http,
                tokenUrl,
                settings.credential(DattoConnectorType.API_KEY),
                settings.credential(DattoConnectorType.API_SECRET),
                runtime.clock());
        DattoMapper mapper = new DattoMapper(settings.id(), new DattoClassMap(settings.assetClasses()));
        int pageSize = settings.intOption(DattoConnectorType.PAGE_SIZE, DEFAULT_PAGE_SIZE);
        if (pageSize < 1) {
            throw new IllegalArgumentException(
                    "connector " + settings.id() + ": option 'page-size' must be at least 1, not " + pageSize);
        }
        return new DattoConnector(
                baseUrl,
                new ApiClient(http, authenticator),
                mapper,
                pageSize,
                settings.id(),
                // One site at a time unless the admin asks for more: Datto blocks an address (403) that keeps calling
                // after a 429, and requests already in flight on other threads cannot be called back.
                settings.intOption(PerOrganization.CONCURRENCY, 1));
    }

    static String devicesPath(String siteUid) {
        return "/api/v2/site/"
                + URLEncoder.encode(siteUid, StandardCharsets.UTF_8).replace("+", "%20") + "/devices";
    }

    @Override
    public void checkConnection() {
        api.send(HttpRequest.get(under(baseUrl, SITES)).withQueryParam("max", "1"), new SyncStats());
    }

    @Override
    public void sync(SyncSink sink, SyncStats stats) {
        NextLinkPaginator paginator = new NextLinkPaginator(NEXT_PAGE, "max", pageSize);
        PageReader sites = new PageReader(api, RecordSelector.field("sites"));
        PageReader devices = new PageReader(api, RecordSelector.field("devices"));
        // Sites may be read a few at a time (option concurrency): each is its own listing, and Datto allows 600 reads
        // a minute per account.
        try (PerOrganization bySite = new PerOrganization(connectorId, concurrency, sink)) {
            sites.read(
                    HttpRequest.get(under(baseUrl, SITES)),
                    paginator,
                    mapper::site,
                    (List<ExternalOrganization> page) -> {
                        sink.organizations(page);
                        for (ExternalOrganization site : page) {
                            bySite.submit(
                                    site.externalId(),
                                    () -> devices.read(
                                            HttpRequest.get(under(baseUrl, devicesPath(site.externalId()))),
                                            paginator,
                                            device -> mapper.device(site.externalId(), device),
                                            sink::assets,
                                            stats));
                        }
                    },
                    stats);
            bySite.finish();
        }
    }

    /** The path below the base URL, keeping any path prefix a proxy or simulator puts in front of the API. */
    static URI under(URI baseUrl, String path) {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }
}
