package io.truecount.sim.xero;

/** The Xero endpoints the simulator serves, by method and path. */
public enum Endpoint {
    TOKEN("POST", "/connect/token"),
    GET_INVOICES("GET", Endpoint.API + "/Invoices"),
    /** Creates only. */
    PUT_INVOICES("PUT", Endpoint.API + "/Invoices"),
    /** Creates, or updates the invoice with the same InvoiceID or InvoiceNumber. */
    POST_INVOICES("POST", Endpoint.API + "/Invoices"),
    ORGANISATION("GET", Endpoint.API + "/Organisation");

    /** The path of the API below the host; a connector's {@code base-url} is the simulator's URL plus this. */
    public static final String API = "/api.xro/2.0";

    private final String method;
    private final String path;

    Endpoint(String method, String path) {
        this.method = method;
        this.path = path;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    boolean isWrite() {
        return this == PUT_INVOICES || this == POST_INVOICES;
    }

    static Endpoint of(String method, String path) {
        for (Endpoint endpoint : values()) {
            if (endpoint.method.equals(method) && endpoint.path.equals(path)) {
                return endpoint;
            }
        }
        throw new IllegalArgumentException("not a simulated Xero endpoint: " + method + " " + path);
    }
}
