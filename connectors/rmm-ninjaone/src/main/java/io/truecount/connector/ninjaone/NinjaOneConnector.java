package io.truecount.connector.ninjaone;

import io.truecount.connector.ConnectorRuntime;
import io.truecount.connector.ConnectorSettings;
import io.truecount.connector.SourceConnector;
import io.truecount.connector.SyncSink;
import io.truecount.connector.SyncStats;
import io.truecount.connector.auth.ClientCredentialsAuthenticator;
import io.truecount.connector.http.ApiClient;
import io.truecount.connector.http.HttpRequest;
import io.truecount.connector.http.ResilientHttp;
import io.truecount.connector.paging.CursorPaginator;
import io.truecount.connector.paging.PageReader;
import io.truecount.connector.paging.RecordSelector;
import java.net.URI;

/**
 * Reads a NinjaOne instance: {@code /v2/organizations}, then {@code /v2/devices-detailed}, both as bare JSON arrays
 * paged with {@code pageSize} and {@code after=<last id>} (NinjaOne Public API 2.0).
 */
final class NinjaOneConnector implements SourceConnector {

    static final String ORGANIZATIONS = "/v2/organizations";
    static final String DEVICES = "/v2/devices-detailed";
    static final String TOKEN = "/ws/oauth/token";
    // Read-only; "management" and "control" would let the API client change devices.
    static final String SCOPE = "monitoring";
    private static final int DEFAULT_PAGE_SIZE = 1000;

    private final URI baseUrl;
    private final ApiClient api;
    private final PageReader pages;
    private final NinjaOneMapper mapper;
    private final int pageSize;

    NinjaOneConnector(URI baseUrl, ApiClient api, NinjaOneMapper mapper, int pageSize) {
        this.baseUrl = baseUrl;
        this.api = api;
        this.pages = new PageReader(api, RecordSelector.bareArray());
        this.mapper = mapper;
        this.pageSize = pageSize;
    }

    static NinjaOneConnector create(ConnectorSettings settings, ConnectorRuntime runtime, URI defaultBaseUrl) {
        URI baseUrl = settings.baseUrl() == null ? defaultBaseUrl : settings.baseUrl();
        URI tokenUrl = settings.authUrl() == null ? under(baseUrl, TOKEN) : settings.authUrl();
        ResilientHttp http = ResilientHttp.create(settings, runtime);
        ClientCredentialsAuthenticator authenticator = new ClientCredentialsAuthenticator(
                http,
                tokenUrl,
                settings.credential(NinjaOneConnectorType.CLIENT_ID).reveal(),
                settings.credential(NinjaOneConnectorType.CLIENT_SECRET),
                SCOPE,
                runtime.clock());
        NinjaOneMapper mapper = new NinjaOneMapper(settings.id(), new NinjaOneClassMap(settings.assetClasses()));
        int pageSize = settings.intOption(NinjaOneConnectorType.PAGE_SIZE, DEFAULT_PAGE_SIZE);
        return new NinjaOneConnector(baseUrl, new ApiClient(http, authenticator), mapper, pageSize);
    }

    @Override
    public void checkConnection() {
        api.send(HttpRequest.get(under(baseUrl, ORGANIZATIONS)).withQueryParam("pageSize", "1"), new SyncStats());
    }

    @Override
    public void sync(SyncSink sink, SyncStats stats) {
        CursorPaginator paginator = CursorPaginator.afterLastId(pageSize);
        pages.read(
                HttpRequest.get(under(baseUrl, ORGANIZATIONS)),
                paginator,
                mapper::organization,
                sink::organizations,
                stats);
        pages.read(HttpRequest.get(under(baseUrl, DEVICES)), paginator, mapper::device, sink::assets, stats);
    }

    /** The path below the base URL, keeping any path prefix a proxy or simulator puts in front of the API. */
    static URI under(URI baseUrl, String path) {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }
}
