package io.truecount.connector.paging;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.connector.http.HttpRequest;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Link-style paging: each page names the URL of the next one in its body (Datto RMM and Autotask
 * {@code pageDetails.nextPageUrl}, Graph {@code @odata.nextLink}, Atera {@code nextLink}), and a null, empty or absent
 * link ends the listing. The link is followed verbatim, as the vendors require, with the first request's method and
 * headers.
 *
 * <p>A link to another scheme, host or port is refused as malformed: the connector's credentials would travel with
 * it. So is a link back to the page just read, which would page forever.
 */
public final class NextLinkPaginator implements Paginator {

    private final JsonPointer link;
    private final String sizeParam;
    private final int pageSize;

    /**
     * @param linkPointer JSON pointer to the next link in the body ({@code /pageDetails/nextPageUrl})
     * @param sizeParam query parameter for the page size on the first request ({@code max}), or null to let the
     *     vendor choose; later pages carry the size in their link
     */
    public NextLinkPaginator(String linkPointer, String sizeParam, int pageSize) {
        if (sizeParam != null && pageSize < 1) {
            throw new IllegalArgumentException("page size must be at least 1, not " + pageSize);
        }
        this.link = JsonPointer.compile(linkPointer);
        this.sizeParam = sizeParam;
        this.pageSize = pageSize;
    }

    @Override
    public HttpRequest first(HttpRequest base) {
        return sizeParam == null ? base : base.withQueryParam(sizeParam, Integer.toString(pageSize));
    }

    @Override
    public Optional<HttpRequest> next(Page page) {
        JsonNode node = page.body().at(link);
        if (node.isMissingNode()
                || node.isNull()
                || node.isTextual() && node.asText().isBlank()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw new MalformedRecordException("expected '" + link + "' to be a URL, got " + node);
        }
        URI next = parse(node.asText());
        URI current = page.request().url();
        if (!sameOrigin(next, current)) {
            throw new MalformedRecordException("the next page link " + next + " leaves " + origin(current));
        }
        if (next.equals(current)) {
            throw new MalformedRecordException("the next page link " + next + " is the page just read");
        }
        HttpRequest request = page.request();
        return Optional.of(new HttpRequest(request.method(), next, request.headers(), request.body()));
    }

    private URI parse(String text) {
        try {
            URI uri = URI.create(text);
            if (uri.isAbsolute() && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below, as for a relative link
        }
        throw new MalformedRecordException("the next page link '" + text + "' is not an absolute URL");
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    @Override
    public String toString() {
        return "NextLinkPaginator(" + link + ", " + Objects.toString(sizeParam, "vendor page size") + ")";
    }
}
