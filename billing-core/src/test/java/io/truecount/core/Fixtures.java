package io.truecount.core;

import io.truecount.core.contract.Address;
import io.truecount.core.contract.BillingCycle;
import io.truecount.core.contract.BillingTiming;
import io.truecount.core.contract.Company;
import io.truecount.core.contract.Contract;
import io.truecount.core.contract.ContractLine;
import io.truecount.core.contract.Customer;
import io.truecount.core.contract.FlatLine;
import io.truecount.core.contract.PerAssetLine;
import io.truecount.core.contract.TaxRule;
import io.truecount.core.observation.AssetClass;
import io.truecount.core.observation.AssetObservation;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Small builders for core tests; values are those a reader can check by hand. */
public final class Fixtures {

    public static final Currency USD = Currency.getInstance("USD");
    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private Fixtures() {}

    public static Company company() {
        return new Company(
                "Zylker Managed Services",
                USD,
                NEW_YORK,
                "ZY-",
                new Address("1 Main St", null, "Springfield", "12345", null, "US"),
                "US123456789",
                30);
    }

    public static Customer customer(String id, String ninjaOrg) {
        return new Customer(
                id,
                id + " Inc",
                USD,
                new TaxRule(new BigDecimal("8.25"), "S", null),
                new Address("9 Elm Rd", null, "Springfield", null, null, "US"),
                Map.of("ninja", List.of(ninjaOrg)),
                Map.of(),
                null);
    }

    public static Contract monthly(String id, String customer, LocalDate start, LocalDate end, ContractLine... lines) {
        return new Contract(
                id, customer, start, end, BillingCycle.MONTHLY, BillingTiming.ADVANCE, null, List.of(lines));
    }

    public static FlatLine flat(String id, String amount) {
        return new FlatLine(id, "Flat " + id, true, new BigDecimal(amount));
    }

    public static PerAssetLine perAsset(String id, AssetClass assetClass, String unitPrice) {
        return new PerAssetLine(
                id,
                "Managed " + assetClass.configName(),
                true,
                Set.of(assetClass),
                new BigDecimal(unitPrice),
                null,
                null);
    }

    public static PerAssetLine perAsset(
            String id, AssetClass assetClass, String unitPrice, String minimum, String contracted) {
        return new PerAssetLine(
                id,
                "Managed " + assetClass.configName(),
                true,
                Set.of(assetClass),
                new BigDecimal(unitPrice),
                minimum == null ? null : new BigDecimal(minimum),
                contracted == null ? null : new BigDecimal(contracted));
    }

    /** A managed device last seen at {@code lastSeen}, created long before. */
    public static AssetObservation device(
            String org, String id, AssetClass assetClass, String serial, Instant lastSeen, String... macs) {
        return new AssetObservation(
                "ninja",
                org,
                id,
                "PC-" + id,
                assetClass,
                assetClass.name(),
                true,
                serial,
                List.of(macs),
                Instant.parse("2025-01-01T00:00:00Z"),
                lastSeen);
    }

    public static AssetObservation fromConnector(String connector, AssetObservation a) {
        return new AssetObservation(
                connector,
                a.organizationId(),
                a.externalId(),
                a.name(),
                a.assetClass(),
                a.sourceClass(),
                a.managed(),
                a.serialNumber(),
                a.macAddresses(),
                a.created(),
                a.lastSeen());
    }
}
