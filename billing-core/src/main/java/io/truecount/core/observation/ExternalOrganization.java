package io.truecount.core.observation;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * An organization (site, tenant, company) as a source names it; customers map to these by id.
 *
 * @param references what else identifies it, as {@code kind:value} keys ({@link #domain}, {@link #autotaskCompany}):
 *     an organization of another source with a key in common is probably the same customer, which is how {@code
 *     truecount mappings} suggests a mapping across vendors. Never used for billing.
 */
public record ExternalOrganization(String connectorId, String externalId, String name, Set<String> references) {

    public ExternalOrganization {
        Objects.requireNonNull(connectorId, "connectorId");
        Objects.requireNonNull(externalId, "externalId");
        name = name == null ? externalId : name;
        references = references == null ? Set.of() : Set.copyOf(new TreeSet<>(references));
    }

    public ExternalOrganization(String connectorId, String externalId, String name) {
        this(connectorId, externalId, name, Set.of());
    }

    /** An internet domain the organization owns ({@code acme.com}), in lower case without a leading {@code www.}. */
    public static String domain(String domain) {
        String d = domain.strip().toLowerCase(Locale.ROOT);
        return "domain:" + (d.startsWith("www.") ? d.substring(4) : d);
    }

    /** An Autotask company (account) id, as Autotask itself and Datto RMM sites ({@code autotaskCompanyId}) give it. */
    public static String autotaskCompany(String companyId) {
        return "autotask-company:" + companyId.strip();
    }
}
