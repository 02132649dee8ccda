package io.truecount.connector.paging;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.connector.http.HttpRequest;
import java.util.Optional;

/**
 * Numbered pages: each request asks for page {@code n} of {@code pageSize} records, starting at 1 (Atera
 * {@code page}/{@code itemsInPage}, N-central {@code pageNumber}/{@code pageSize}, HaloPSA {@code page_no}).
 *
 * <p>When the vendor states how many pages there are ({@code totalPages} in the body), that number ends the listing,
 * and a page that comes back empty before it is malformed: the listing was cut short, and stopping there would look
 * complete. Without such a field a page with fewer records than asked for is the last.
 */
public final class PageNumberPaginator implements Paginator {

    private final String pageParam;
    private final String sizeParam;
    private final int pageSize;
    private final String totalPagesField;

    /**
     * @param pageParam query parameter for the 1-based page number ({@code page})
     * @param sizeParam query parameter for the page size ({@code itemsInPage})
     * @param totalPagesField the body field holding the number of pages ({@code totalPages}), or null when the vendor
     *     gives none
     */
    public PageNumberPaginator(String pageParam, String sizeParam, int pageSize, String totalPagesField) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be at least 1, not " + pageSize);
        }
        this.pageParam = pageParam;
        this.sizeParam = sizeParam;
        this.pageSize = pageSize;
        this.totalPagesField = totalPagesField;
    }

    @Override
    public HttpRequest first(HttpRequest base) {
        return base.withQueryParam(pageParam, "1").withQueryParam(sizeParam, Integer.toString(pageSize));
    }

    @Override
    public Optional<HttpRequest> next(Page page) {
        if (totalPagesField == null ? page.records().size() < pageSize : isLast(page)) {
            return Optional.empty();
        }
        return Optional.of(page.request().withQueryParam(pageParam, Integer.toString(page.number() + 1)));
    }

    private boolean isLast(Page page) {
        JsonNode total = page.body().path(totalPagesField);
        if (!total.isIntegralNumber() || total.asLong() < 0) {
            throw new MalformedRecordException("expected '" + totalPagesField + "' to be a whole number, got "
                    + (total.isMissingNode() ? "nothing" : total.toString()));
        }
        if (page.number() >= total.asLong()) {
            return true;
        }
        if (page.records().isEmpty()) {
            throw new MalformedRecordException(
                    "no records on page " + page.number() + " of " + total.asLong() + " ('" + totalPagesField + "')");
        }
        return false;
    }
}
