/**
 * Paging written once: a {@link io.truecount.connector.paging.PageReader} fetches a page, selects its records, maps
 * them and hands them to the sink before it asks the {@link io.truecount.connector.paging.Paginator} for the next
 * request, so memory stays flat however many pages there are. Cursor ({@code after=<last id>}) and link-style
 * ({@code nextPageUrl}, {@code @odata.nextLink}) paginators have the same shape.
 */
package io.truecount.connector.paging;
