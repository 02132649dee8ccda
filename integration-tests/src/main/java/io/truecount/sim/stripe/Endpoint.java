package io.truecount.sim.stripe;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Stripe endpoints the simulator serves; {@code {id}} is an invoice id. */
public enum Endpoint {
    BALANCE("GET", "/v1/balance"),
    LIST_INVOICES("GET", "/v1/invoices"),
    CREATE_INVOICE("POST", "/v1/invoices"),
    RETRIEVE_INVOICE("GET", "/v1/invoices/{id}"),
    INVOICE_LINES("GET", "/v1/invoices/{id}/lines"),
    FINALIZE_INVOICE("POST", "/v1/invoices/{id}/finalize"),
    CREATE_INVOICE_ITEM("POST", "/v1/invoiceitems");

    private final String method;
    private final String template;
    private final Pattern pattern;

    Endpoint(String method, String template) {
        this.method = method;
        this.template = template;
        this.pattern = Pattern.compile(template.replace("{id}", "([A-Za-z0-9_]+)"));
    }

    public String method() {
        return method;
    }

    public String template() {
        return template;
    }

    /** The regular expression WireMock routes by. */
    String regex() {
        return pattern.pattern();
    }

    /** The endpoint a request is for, or null; {@code id} receives the path's invoice id, if any. */
    static Endpoint of(String method, String path, String[] id) {
        for (Endpoint endpoint : values()) {
            Matcher m = endpoint.pattern.matcher(path);
            if (endpoint.method.equals(method) && m.matches()) {
                id[0] = m.groupCount() > 0 ? m.group(1) : null;
                return endpoint;
            }
        }
        return null;
    }
}
