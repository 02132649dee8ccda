package io.truecount.sim.graph;

import io.truecount.sim.msp.Domains;
import io.truecount.sim.msp.SampleCustomer;
import io.truecount.sim.msp.SampleMsp;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.UUID;

/**
 * The tenants a {@link GraphSimulator} serves: the MSP's partner tenant (whose GDAP customers they are) and each
 * customer tenant with its SKUs and users. Built from a {@link SampleMsp}, or by hand for a small fixture:
 *
 * <pre>{@code
 * GraphData.builder()
 *         .tenant("t-acme", "Acme Dental")
 *         .sku("t-acme", "SPE_E3", "Enabled", 5)
 *         .user("t-acme", "u1", "ann@acme.example", true, "SPE_E3")
 *         .build();
 * }</pre>
 *
 * <p>Tests change it between syncs through {@link #tenant(String)} ({@link GraphTenant#assign}, {@code delete}, ...).
 */
public final class GraphData {

    /** Real SKU ids of common part numbers (Microsoft's licensing reference); others get a derived id. */
    private static final Map<String, String> SKU_IDS = Map.of(
            "SPE_E3", "05e9a617-0261-4cee-bb44-138d3ef5d965",
            "SPE_E5", "06ebc4ee-1bb5-47dd-8120-11324bc54e06",
            "O365_BUSINESS_PREMIUM", "f245ecc8-75af-4f8e-b61f-27d8114de5f3",
            "O365_BUSINESS_ESSENTIALS", "3b555118-da6a-4418-894f-7df1e2096870",
            "EXCHANGESTANDARD", "4b9405b0-7788-4568-add1-99614e613b69",
            "POWER_BI_PRO", "f8a1db68-be16-40ed-86d5-cb42ce701560",
            "VISIOCLIENT", "c5928f49-12ba-48f7-ada3-0d743a3601d5");

    private static final List<String> BASE_PLANS = List.of("O365_BUSINESS_PREMIUM", "SPE_E3", "SPE_E5");
    private static final List<String> FIRST = List.of(
            "ann", "bob", "cara", "dev", "eli", "fay", "gus", "hana", "ivan", "jo", "kim", "lee", "mo", "nia", "omar");
    private static final List<String> LAST = List.of(
            "smith", "jones", "patel", "garcia", "chen", "novak", "okafor", "silva", "berg", "khan", "rossi", "lund");

    /** The default partner tenant: the MSP's own. */
    public static final String PARTNER_TENANT = uuid("m365-partner-tenant");

    private final String partnerTenantId;
    private final Map<String, GraphTenant> tenants;
    private final List<GraphTenant> tenantList;

    private GraphData(String partnerTenantId, Map<String, GraphTenant> tenants) {
        this.partnerTenantId = partnerTenantId;
        this.tenants = new LinkedHashMap<>(tenants);
        this.tenantList = List.copyOf(tenants.values());
    }

    /** The sample MSP's customers as Microsoft 365 tenants, 25 users each on average, all consented. */
    public static GraphData from(SampleMsp msp) {
        return from(msp, 25, 0);
    }

    /**
     * Each customer a tenant ({@link #tenantId(String)}, named as the customer) on one base plan, some with add-ons
     * and a {@code Deleted} subscription; about 5% of users disabled, 7% unlicensed, 0 to 3 unused seats per SKU.
     *
     * @param meanUsers users per tenant on average (from a quarter to 1.75 times it)
     * @param unconsentedPercent the share of tenants that never consented to the MSP's app
     */
    public static GraphData from(SampleMsp msp, int meanUsers, int unconsentedPercent) {
        if (meanUsers < 1) {
            throw new IllegalArgumentException("meanUsers must be at least 1, got " + meanUsers);
        }
        Random random = new Random(msp.seed() ^ 0x365_365L);
        Builder builder = builder();
        for (SampleCustomer customer : msp.customers()) {
            String tenant = tenantId(customer.id());
            builder.tenant(tenant, customer.name());
            String base = BASE_PLANS.get(random.nextInt(BASE_PLANS.size()));
            String addOn = random.nextInt(10) < 3 ? "POWER_BI_PRO" : null;
            Map<String, Integer> assigned = new LinkedHashMap<>();
            assigned.put(base, 0);
            if (addOn != null) {
                assigned.put(addOn, 0);
            }
            assigned.keySet().forEach(part -> builder.sku(tenant, part, "Enabled", 0));
            if (random.nextInt(4) == 0) {
                builder.sku(tenant, "O365_BUSINESS_ESSENTIALS", "Deleted", 0);
            }
            // Most businesses sign in with their own domain; some never added one to Microsoft 365.
            String domain =
                    random.nextInt(4) == 0 ? slug(customer.name()) + ".onmicrosoft.com" : Domains.of(customer.name());
            int users = Math.max(1, meanUsers / 4 + random.nextInt(meanUsers * 3 / 2 + 1));
            for (int i = 0; i < users; i++) {
                String upn = FIRST.get(random.nextInt(FIRST.size())) + "." + LAST.get(random.nextInt(LAST.size())) + i
                        + "@" + domain;
                boolean enabled = random.nextInt(100) >= 5;
                List<String> parts = new ArrayList<>();
                if (random.nextInt(100) >= 7) {
                    parts.add(base);
                    if (addOn != null && random.nextInt(5) == 0) {
                        parts.add(addOn);
                    }
                }
                parts.forEach(part -> assigned.merge(part, 1, Integer::sum));
                builder.user(
                        tenant,
                        new UUID(random.nextLong(), random.nextLong()).toString(),
                        upn,
                        enabled,
                        parts.toArray(String[]::new));
            }
            assigned.forEach((part, count) -> builder.tenants.get(tenant).setPrepaid(part, count + random.nextInt(4)));
            if (random.nextInt(100) < unconsentedPercent) {
                builder.tenants.get(tenant).consent(GraphTenant.Consent.UNCONSENTED);
            }
        }
        return builder.build();
    }

    /** The tenant id the simulator gives a sample customer: a stable UUID, as Entra ID tenant ids are. */
    public static String tenantId(String customerId) {
        return uuid("m365-tenant-" + customerId);
    }

    /** The SKU id of a part number. */
    public static String skuId(String partNumber) {
        return SKU_IDS.getOrDefault(partNumber, uuid("sku-" + partNumber));
    }

    public static Builder builder() {
        return new Builder();
    }

    public String partnerTenantId() {
        return partnerTenantId;
    }

    /** A customer tenant (not the partner's). */
    public GraphTenant tenant(String id) {
        GraphTenant tenant = tenants.get(id);
        if (tenant == null) {
            throw new NoSuchElementException("no tenant " + id);
        }
        return tenant;
    }

    /** Null for an id that is neither a customer tenant nor the partner tenant. */
    GraphTenant tenantOrNull(String id) {
        return tenants.get(id);
    }

    /** Customer tenants in GDAP order. */
    public List<GraphTenant> tenants() {
        return tenantList;
    }

    public long userCount() {
        return tenantList.stream().mapToLong(GraphTenant::userCount).sum();
    }

    private static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String slug(String name) {
        return Domains.slug(name);
    }

    /** Builds a data set by hand. */
    public static final class Builder {
        private final Map<String, GraphTenant> tenants = new LinkedHashMap<>();
        private String partner = PARTNER_TENANT;

        private Builder() {}

        public Builder partner(String tenantId) {
            this.partner = tenantId;
            return this;
        }

        public Builder tenant(String id, String name) {
            tenants.put(id, new GraphTenant(id, name));
            return this;
        }

        /** A subscription; its {@code consumedUnits} follow from the users given its licence. */
        public Builder sku(String tenant, String partNumber, String capabilityStatus, int prepaidEnabled) {
            existing(tenant).sku(skuId(partNumber), partNumber, capabilityStatus, prepaidEnabled);
            return this;
        }

        public Builder user(String tenant, String userId, String upn, boolean enabled, String... partNumbers) {
            existing(tenant).userWithParts(userId, upn, enabled, partNumbers);
            return this;
        }

        public Builder unconsented(String tenant) {
            existing(tenant).consent(GraphTenant.Consent.UNCONSENTED);
            return this;
        }

        public GraphData build() {
            return new GraphData(partner, tenants);
        }

        private GraphTenant existing(String tenant) {
            GraphTenant found = tenants.get(tenant);
            if (found == null) {
                throw new IllegalArgumentException("add tenant " + tenant + " before its SKUs and users");
            }
            return found;
        }
    }
}
