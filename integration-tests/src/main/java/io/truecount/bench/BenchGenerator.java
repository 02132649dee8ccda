package io.truecount.bench;

import io.truecount.bench.DeviceDraws.Devices;
import io.truecount.bench.DeviceDraws.Retired;
import io.truecount.bench.TenantDraws.Tenant;
import io.truecount.core.billing.SourceData;
import io.truecount.core.contract.Address;
import io.truecount.core.contract.Company;
import io.truecount.core.contract.Contract;
import io.truecount.core.contract.Customer;
import io.truecount.core.contract.TaxRule;
import io.truecount.core.counting.SourcePolicy;
import io.truecount.core.observation.AssetObservation;
import io.truecount.core.observation.ExternalOrganization;
import io.truecount.core.observation.LicenseCount;
import io.truecount.core.observation.TimeEntry;
import io.truecount.core.observation.UserAccount;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Generates a {@link BenchMsp} from one seeded {@link Random}: every draw happens in a fixed order, so the same seed
 * and size give the same MSP. Each customer has one NinjaOne organization (~20 devices), one Microsoft 365 tenant
 * (~15 users, 3 SKUs) and one PSA company (~30 time entries over the last three months).
 */
final class BenchGenerator {

    static final ZoneId ZONE = ZoneId.of("America/New_York");
    static final Currency USD = Currency.getInstance("USD");

    private static final List<String> FIRST_WORDS = List.of(
            "Acme",
            "Blue Ridge",
            "Cedar",
            "Harbor",
            "Lakeside",
            "Maple",
            "Northwind",
            "Pinecrest",
            "Riverside",
            "Summit",
            "Tri-County",
            "Westfield");
    private static final List<String> TRADES = List.of(
            "Dental",
            "Law",
            "Accounting",
            "Veterinary",
            "Realty",
            "Logistics",
            "Architects",
            "Pediatrics",
            "Insurance",
            "Engineering");
    private static final List<String> FORMS = List.of("Group", "LLC", "Partners", "Associates", "Inc.");
    private static final List<String> CITIES = List.of("Springfield", "Riverton", "Fairview", "Franklin", "Greenville");
    private static final List<String> RATES = List.of("6.25", "7.00", "8.25", "8.875");

    private final Random random;
    private final YearMonth period;
    private final Instant asOf;
    private final DeviceDraws devices;
    private final TenantDraws tenants;
    private final TimeDraws time;
    private final ContractDraws contracts;

    private BenchGenerator(long seed, YearMonth period) {
        this.random = new Random(seed);
        this.period = period;
        this.asOf = period.atEndOfMonth().atTime(22, 0).atZone(ZONE).toInstant();
        this.devices = new DeviceDraws(random, asOf, period, ZONE);
        this.tenants = new TenantDraws(random);
        this.time = new TimeDraws(random, ZONE, period.minusMonths(2).atDay(1), period.atEndOfMonth());
        this.contracts = new ContractDraws(random, period);
    }

    static Company company() {
        return new Company(
                "Zylker Managed Services",
                USD,
                ZONE,
                "ZY-",
                new Address("1 Main St", null, "Springfield", "12345", "IL", "US"),
                "US123456789",
                Company.DEFAULT_PAYMENT_TERMS_DAYS);
    }

    /** An MSP of {@code customerCount} customers whose data was synced at the end of {@code period}. */
    static BenchMsp generate(int customerCount, YearMonth period, long seed) {
        return new BenchGenerator(seed, period).generate(customerCount);
    }

    private BenchMsp generate(int customerCount) {
        List<Customer> customers = new ArrayList<>();
        List<Contract> allContracts = new ArrayList<>();
        List<ExternalOrganization> ninjaOrgs = new ArrayList<>();
        List<ExternalOrganization> m365Orgs = new ArrayList<>();
        List<ExternalOrganization> psaOrgs = new ArrayList<>();
        List<AssetObservation> assets = new ArrayList<>();
        List<Retired> retired = new ArrayList<>();
        List<UserAccount> users = new ArrayList<>();
        List<LicenseCount> licenses = new ArrayList<>();
        List<TimeEntry> entries = new ArrayList<>();
        Map<String, String> tenantErrors = new HashMap<>();
        for (int i = 0; i < customerCount; i++) {
            String id = String.format("c%05d", i + 1);
            String name = pick(FIRST_WORDS) + " " + pick(TRADES) + " " + pick(FORMS);
            String ninjaOrg = Long.toString(100 + i);
            String tenantId = new UUID(random.nextLong(), random.nextLong()).toString();
            String psaCompany = Long.toString(19_000 + i);
            customers.add(new Customer(
                    id,
                    name,
                    USD,
                    tax(),
                    new Address((1 + random.nextInt(999)) + " Elm Rd", null, pick(CITIES), null, null, "US"),
                    Map.of(
                            DeviceDraws.CONNECTOR, List.of(ninjaOrg),
                            TenantDraws.CONNECTOR, List.of(tenantId),
                            TimeDraws.CONNECTOR, List.of(psaCompany)),
                    Map.of(),
                    random.nextInt(10) < 3 ? BigDecimal.valueOf(25) : null));
            ninjaOrgs.add(new ExternalOrganization(DeviceDraws.CONNECTOR, ninjaOrg, name));
            m365Orgs.add(new ExternalOrganization(TenantDraws.CONNECTOR, tenantId, name));
            psaOrgs.add(new ExternalOrganization(TimeDraws.CONNECTOR, psaCompany, name));

            Devices drawn = devices.customer(ninjaOrg, id.toUpperCase(Locale.ROOT), 10 + random.nextInt(21));
            assets.addAll(drawn.current());
            retired.addAll(drawn.retired());
            Tenant tenant = tenants.tenant(tenantId, id + ".example.com", 8 + random.nextInt(11));
            if (random.nextInt(500) == 0) {
                // Consent withdrawn for this tenant only: its customer fails, the run does not.
                tenantErrors.put(tenantId, "Graph answered 403 for tenant " + tenantId + ": no GDAP admin access");
            } else {
                users.addAll(tenant.users());
                licenses.addAll(tenant.licenses());
            }
            entries.addAll(time.customer(psaCompany, 20 + random.nextInt(21)));
            allContracts.addAll(contracts.customer(id, drawn.billableWorkstations()));
        }
        for (int j = 0; j < Math.max(1, customerCount / 500); j++) {
            String orgId = Long.toString(100 + customerCount + j);
            ninjaOrgs.add(new ExternalOrganization(DeviceDraws.CONNECTOR, orgId, "New client " + (j + 1)));
            assets.addAll(devices.customer(orgId, "NEW" + (j + 1), 5 + random.nextInt(11))
                    .current());
        }
        Map<String, SourceData> data = Map.of(
                DeviceDraws.CONNECTOR,
                new SourceData(
                        DeviceDraws.CONNECTOR, null, ninjaOrgs, assets, List.of(), List.of(), List.of(), Map.of()),
                TenantDraws.CONNECTOR,
                new SourceData(
                        TenantDraws.CONNECTOR, null, m365Orgs, List.of(), licenses, users, List.of(), tenantErrors),
                TimeDraws.CONNECTOR,
                new SourceData(TimeDraws.CONNECTOR, null, psaOrgs, List.of(), List.of(), List.of(), entries, Map.of()));
        return new BenchMsp(
                company(),
                customers,
                allContracts,
                List.of(
                        new SourcePolicy(DeviceDraws.CONNECTOR, 0, Duration.ofDays(30)),
                        new SourcePolicy(TenantDraws.CONNECTOR, 1, null),
                        new SourcePolicy(TimeDraws.CONNECTOR, 2, null)),
                data,
                DeviceDraws.dailySnapshots(assets, retired, period, ZONE, asOf));
    }

    private TaxRule tax() {
        int r = random.nextInt(10);
        if (r < 7) {
            return new TaxRule(new BigDecimal(pick(RATES)), "S", null);
        }
        return r < 9 ? TaxRule.NONE : new TaxRule(BigDecimal.ZERO, "E", "Exempt: nonprofit organization");
    }

    private String pick(List<String> words) {
        return words.get(random.nextInt(words.size()));
    }
}
