package io.truecount.core.observation;

import java.util.Objects;

/** An organization (site, tenant, company) as a source names it; customers map to these by id. */
public record ExternalOrganization(String connectorId, String externalId, String name) {

    public ExternalOrganization {
        Objects.requireNonNull(connectorId, "connectorId");
        Objects.requireNonNull(externalId, "externalId");
        name = name == null ? externalId : name;
    }
}
