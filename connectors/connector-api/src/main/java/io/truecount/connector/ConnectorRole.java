package io.truecount.connector;

/** What a connector type is for (CONFIG.md, Connector types). */
public enum ConnectorRole {
    /** Devices from a remote monitoring and management tool. */
    RMM,
    /** Licences and users from Microsoft 365. */
    M365,
    /** Time entries from a professional services automation / ticketing tool. */
    PSA,
    /** Invoices out to an accounting system or files. */
    ACCOUNTING,
    /** Invoices and charges out to a payment gateway; payment events in. */
    PAYMENTS,
    /** Contract signature events in. */
    ESIGN;

    /** Whether connectors of this role are read by sync routes. */
    public boolean isSource() {
        return this == RMM || this == M365 || this == PSA;
    }
}
