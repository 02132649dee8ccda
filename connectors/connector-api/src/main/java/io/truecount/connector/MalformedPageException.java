package io.truecount.connector;

/**
 * A page the vendor sent is not the JSON shape the connector expects: truncated or invalid JSON, an object where an
 * array belongs, a record without its id. Nothing of the page was delivered.
 */
public class MalformedPageException extends SourceException {

    private final String url;
    private final int pageNumber;

    /**
     * @param url the full URL of the page, query included
     * @param pageNumber 1 for the first page of a listing
     * @param problem what is wrong with the page
     */
    public MalformedPageException(String connectorId, String url, int pageNumber, String problem) {
        super(
                connectorId,
                Messages.line(connectorId, "page " + pageNumber + " of " + url + " is malformed: " + problem));
        this.url = url;
        this.pageNumber = pageNumber;
    }

    public String url() {
        return url;
    }

    public int pageNumber() {
        return pageNumber;
    }
}
