package io.truecount.connector;

/**
 * One organization (a customer's Microsoft 365 tenant, a Datto site) could not be read while the source as a whole
 * works: its consent was revoked, its credentials are wrong, the vendor refuses that one. Only the customers mapped to
 * it fail ({@link SyncSink#organizationFailed}); the run goes on.
 */
public class OrganizationException extends SourceException {

    private final String organizationId;

    /** @param problem one admin-readable line naming the organization and the vendor's error code, never a secret */
    public OrganizationException(String connectorId, String organizationId, String problem) {
        super(connectorId, Messages.line(connectorId, problem));
        this.organizationId = organizationId;
    }

    public String organizationId() {
        return organizationId;
    }
}
