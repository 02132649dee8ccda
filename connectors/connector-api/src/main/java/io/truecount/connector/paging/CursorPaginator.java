package io.truecount.connector.paging;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.connector.http.HttpRequest;
import java.util.Optional;

/**
 * Keyset paging by the last id seen: each request asks for {@code pageSize} records after the last id of the previous
 * page. A page with fewer records than asked for, or none, is the last.
 */
public final class CursorPaginator implements Paginator {

    private final String sizeParam;
    private final int pageSize;
    private final String cursorParam;
    private final String idField;

    /**
     * @param sizeParam query parameter for the page size ({@code pageSize})
     * @param cursorParam query parameter for the cursor ({@code after})
     * @param idField the record field whose last value is the next cursor ({@code id})
     */
    public CursorPaginator(String sizeParam, int pageSize, String cursorParam, String idField) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be at least 1, not " + pageSize);
        }
        this.sizeParam = sizeParam;
        this.pageSize = pageSize;
        this.cursorParam = cursorParam;
        this.idField = idField;
    }

    /** The NinjaOne shape: {@code pageSize} and {@code after=<last id>}. */
    public static CursorPaginator afterLastId(int pageSize) {
        return new CursorPaginator("pageSize", pageSize, "after", "id");
    }

    @Override
    public HttpRequest first(HttpRequest base) {
        return base.withQueryParam(sizeParam, Integer.toString(pageSize));
    }

    @Override
    public Optional<HttpRequest> next(Page page) {
        if (page.records().size() < pageSize) {
            return Optional.empty();
        }
        JsonNode id = page.records().get(page.records().size() - 1).path(idField);
        if (!id.isValueNode() || id.isNull() || id.asText().isBlank()) {
            throw new MalformedRecordException("the last record has no '" + idField + "' to continue paging from");
        }
        HttpRequest next = page.request().withQueryParam(cursorParam, id.asText());
        // A vendor that ignores the cursor would hand back the same page forever.
        if (next.url().equals(page.request().url())) {
            throw new MalformedRecordException("the cursor did not advance past " + cursorParam + "=" + id.asText());
        }
        return Optional.of(next);
    }
}
