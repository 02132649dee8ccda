package io.truecount.connector.atera;

import io.truecount.connector.ConnectorRuntime;
import io.truecount.connector.ConnectorSettings;
import io.truecount.connector.Secret;
import io.truecount.connector.SourceConnector;
import io.truecount.connector.SyncSink;
import io.truecount.connector.SyncStats;
import io.truecount.connector.http.ApiClient;
import io.truecount.connector.http.Authenticator;
import io.truecount.connector.http.HttpRequest;
import io.truecount.connector.http.ResilientHttp;
import io.truecount.connector.paging.PageNumberPaginator;
import io.truecount.connector.paging.PageReader;
import io.truecount.connector.paging.RecordSelector;
import java.net.URI;

/**
 * Reads an Atera account: {@code /api/v3/customers}, then {@code /api/v3/agents}, both in the envelope
 * {@code {"items": [...], "page": 1, "totalPages": 3, "nextLink": ...}} paged with {@code page}/{@code itemsInPage}.
 * Paging goes by {@code totalPages} rather than {@code nextLink}, whose host Atera builds itself.
 */
final class AteraConnector implements SourceConnector {

    static final String CUSTOMERS = "/api/v3/customers";
    static final String AGENTS = "/api/v3/agents";
    static final String API_KEY_HEADER = "X-API-KEY";
    // Atera documents 50 as the most itemsInPage it honours; larger values are silently capped.
    static final int MAX_PAGE_SIZE = 50;

    private final URI baseUrl;
    private final ApiClient api;
    private final PageReader pages;
    private final AteraMapper mapper;
    private final int pageSize;

    AteraConnector(URI baseUrl, ApiClient api, AteraMapper mapper, int pageSize) {
        this.baseUrl = baseUrl;
        this.api = api;
        this.pages = new PageReader(api, RecordSelector.field("items"));
        this.mapper = mapper;
        this.pageSize = pageSize;
    }

    static AteraConnector create(ConnectorSettings settings, ConnectorRuntime runtime, URI defaultBaseUrl) {
        URI baseUrl = settings.baseUrl() == null ? defaultBaseUrl : settings.baseUrl();
        int pageSize = settings.intOption(AteraConnectorType.PAGE_SIZE, MAX_PAGE_SIZE);
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("connector " + settings.id() + ": option '"
                    + AteraConnectorType.PAGE_SIZE + "' must be between 1 and " + MAX_PAGE_SIZE + ", not " + pageSize);
        }
        AteraMapper mapper = new AteraMapper(settings.id(), new AteraClassMap(settings.assetClasses()));
        ApiClient api = new ApiClient(
                ResilientHttp.create(settings, runtime), apiKey(settings.credential(AteraConnectorType.API_KEY)));
        return new AteraConnector(baseUrl, api, mapper, pageSize);
    }

    /** The key is all there is: a 401 cannot be cured by renewing, so it is final (the default of renew()). */
    private static Authenticator apiKey(Secret key) {
        return (request, stats) -> request.withHeader(API_KEY_HEADER, key.reveal());
    }

    @Override
    public void checkConnection() {
        api.send(
                HttpRequest.get(under(baseUrl, CUSTOMERS))
                        .withQueryParam("page", "1")
                        .withQueryParam("itemsInPage", "1"),
                new SyncStats());
    }

    @Override
    public void sync(SyncSink sink, SyncStats stats) {
        PageNumberPaginator paginator = new PageNumberPaginator("page", "itemsInPage", pageSize, "totalPages");
        pages.read(HttpRequest.get(under(baseUrl, CUSTOMERS)), paginator, mapper::customer, sink::organizations, stats);
        pages.read(HttpRequest.get(under(baseUrl, AGENTS)), paginator, mapper::agent, sink::assets, stats);
    }

    /** The path below the base URL, keeping any path prefix a proxy or simulator puts in front of the API. */
    static URI under(URI baseUrl, String path) {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }
}
