package io.truecount.connector.paging;

import io.truecount.connector.http.HttpRequest;
import java.util.Optional;

/** How a vendor pages a listing: what the first request looks like and which request follows a page. */
public interface Paginator {

    /** The first request of the listing, given its base request (e.g. with {@code pageSize} added). */
    default HttpRequest first(HttpRequest base) {
        return base;
    }

    /**
     * @return the request for the page after this one, or empty when this was the last
     * @throws MalformedRecordException when the page lacks what paging needs (the last record's id, a next link)
     */
    Optional<HttpRequest> next(Page page);
}
