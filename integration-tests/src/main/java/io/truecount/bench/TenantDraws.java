package io.truecount.bench;

import io.truecount.core.observation.LicenseCount;
import io.truecount.core.observation.UserAccount;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Draws one customer's Microsoft 365 tenant: people with E3 or Business Premium, a few Exchange-only mailboxes, the
 * shared and service accounts an MSP does not bill per user, disabled leavers who still hold a licence, spare licences
 * bought but unassigned, and now and then a deleted subscription Microsoft still lists.
 */
final class TenantDraws {

    static final String CONNECTOR = "m365";
    static final String E3 = "SPE_E3";
    static final String BUSINESS_PREMIUM = "O365_BUSINESS_PREMIUM";
    static final String EXCHANGE = "EXCHANGESTANDARD";

    /** Graph's skuId of each SKU part number (subscribedSkus). */
    private static final Map<String, String> SKU_IDS = Map.of(
            E3,
            "05e9a617-0261-4cee-bb44-138d3ef5d965",
            BUSINESS_PREMIUM,
            "f245ecc8-75af-4f8e-b61f-27d8114de5f3",
            EXCHANGE,
            "4b9405b0-7788-4568-add1-99614e613b69",
            "VISIOCLIENT",
            "c5928f49-12ba-48f7-ada3-0d743a3601d5");

    private static final List<String> FIRST = List.of(
            "ana", "ben", "carla", "dev", "emma", "farid", "grace", "hiro", "ines", "jon", "kate", "luis", "maya",
            "nils", "olga", "paul", "quinn", "rosa", "sam", "tara");
    private static final List<String> LAST = List.of(
            "adams", "baker", "chen", "diaz", "evans", "fischer", "garcia", "hughes", "ito", "jones", "khan", "lopez",
            "meyer", "novak", "okafor", "patel", "reyes", "silva", "tanaka", "weber");

    /** A tenant's users and its subscribed SKUs. */
    record Tenant(List<UserAccount> users, List<LicenseCount> licenses) {}

    private final Random random;
    private long nextUser = 1;

    TenantDraws(Random random) {
        this.random = random;
    }

    Tenant tenant(String tenantId, String domain, int people) {
        List<UserAccount> users = new ArrayList<>();
        Set<String> upns = new HashSet<>();
        for (int i = 0; i < people; i++) {
            String upn = FIRST.get(random.nextInt(FIRST.size())) + "." + LAST.get(random.nextInt(LAST.size()));
            upn = upns.add(upn) ? upn : upn + (i + 1);
            upns.add(upn);
            boolean enabled = random.nextInt(100) >= 8;
            users.add(user(tenantId, upn + "@" + domain, enabled, personLicenses()));
        }
        users.add(user(tenantId, "svc-backup@" + domain, true, Set.of(EXCHANGE)));
        if (random.nextBoolean()) {
            users.add(user(tenantId, "scanner@" + domain, true, Set.of(EXCHANGE)));
        }
        return new Tenant(users, licenses(tenantId, users));
    }

    private Set<String> personLicenses() {
        int r = random.nextInt(100);
        return r < 55 ? Set.of(E3) : r < 85 ? Set.of(BUSINESS_PREMIUM) : r < 95 ? Set.of(EXCHANGE) : Set.of();
    }

    /** Microsoft counts a licence as consumed while a disabled user still holds it. */
    private List<LicenseCount> licenses(String tenantId, List<UserAccount> users) {
        Map<String, Long> assigned = new LinkedHashMap<>();
        for (String sku : List.of(E3, BUSINESS_PREMIUM, EXCHANGE)) {
            assigned.put(
                    sku,
                    users.stream().filter(u -> u.skuPartNumbers().contains(sku)).count());
        }
        List<LicenseCount> licenses = new ArrayList<>();
        assigned.forEach((sku, n) -> {
            long spare = random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 0;
            if (n + spare > 0) {
                licenses.add(new LicenseCount(CONNECTOR, tenantId, SKU_IDS.get(sku), sku, "Enabled", n, n + spare));
            }
        });
        if (random.nextInt(10) == 0) {
            licenses.add(new LicenseCount(
                    CONNECTOR, tenantId, SKU_IDS.get("VISIOCLIENT"), "VISIOCLIENT", LicenseCount.DELETED, 0, 2));
        }
        return licenses;
    }

    private UserAccount user(String tenantId, String upn, boolean enabled, Set<String> skus) {
        String id = String.format("%08x-0000-4000-8000-%012x", tenantId.hashCode(), nextUser++);
        return new UserAccount(CONNECTOR, tenantId, id, upn, enabled, skus);
    }
}
