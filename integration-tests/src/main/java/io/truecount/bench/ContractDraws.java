package io.truecount.bench;

import io.truecount.core.contract.BillingCycle;
import io.truecount.core.contract.BillingTiming;
import io.truecount.core.contract.BlockHoursLine;
import io.truecount.core.contract.Contract;
import io.truecount.core.contract.ContractLine;
import io.truecount.core.contract.CountMode;
import io.truecount.core.contract.FlatLine;
import io.truecount.core.contract.LicenseBasis;
import io.truecount.core.contract.Measure;
import io.truecount.core.contract.PerAssetLine;
import io.truecount.core.contract.PerLicenseLine;
import io.truecount.core.contract.PerUserLine;
import io.truecount.core.contract.PrepaidHoursLine;
import io.truecount.core.contract.PrepaidHoursLine.TopUp;
import io.truecount.core.contract.TieredLine;
import io.truecount.core.contract.TieredLine.Tier;
import io.truecount.core.contract.TimeAndMaterialsLine;
import io.truecount.core.contract.TimeAndMaterialsLine.RateRule;
import io.truecount.core.observation.AssetClass;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Draws one customer's contracts: ten lines in all, one of every line type and count mode, either in one agreement or
 * split into a managed-services and a support contract. Every contract runs during the billed period, so every
 * customer that is not failed gets an invoice; start and end dates include mid-period starts and ends (proration),
 * arrears and quarterly billing.
 */
final class ContractDraws {

    static final int LINES_PER_CUSTOMER = 10;

    private final Random random;
    private final YearMonth period;

    ContractDraws(Random random, YearMonth period) {
        this.random = random;
        this.period = period;
    }

    List<Contract> customer(String customerId, int billableWorkstations) {
        int r = random.nextInt(100);
        LocalDate start;
        LocalDate end = null;
        BillingCycle cycle = BillingCycle.MONTHLY;
        BillingTiming timing = random.nextInt(100) < 12 ? BillingTiming.ARREARS : BillingTiming.ADVANCE;
        if (r < 80) {
            start = period.minusMonths(4 + random.nextInt(30)).atDay(1);
            if (random.nextInt(100) < 6) {
                // Quarterly from a month whose quarters include a period starting in the billed month.
                start = period.minusMonths(3L * (1 + random.nextInt(8))).atDay(1);
                cycle = BillingCycle.QUARTERLY;
                timing = BillingTiming.ADVANCE;
            }
        } else if (r < 88) {
            start = period.minusMonths(2).atDay(1);
        } else if (r < 94) {
            start = period.atDay(15);
        } else {
            start = period.minusMonths(22).atDay(1);
            end = period.atDay(20);
        }
        BigDecimal minimum = random.nextInt(5) == 0 ? new BigDecimal("1500.00") : null;
        List<ContractLine> managed = managedLines(billableWorkstations);
        List<ContractLine> support = supportLines(start);
        if (random.nextBoolean()) {
            List<ContractLine> all = new ArrayList<>(managed);
            all.addAll(support);
            return List.of(new Contract(customerId + "-msa", customerId, start, end, cycle, timing, minimum, all));
        }
        return List.of(
                new Contract(customerId + "-managed", customerId, start, end, cycle, timing, minimum, managed),
                new Contract(customerId + "-support", customerId, start, end, cycle, timing, null, support));
    }

    private List<ContractLine> managedLines(int billableWorkstations) {
        BigDecimal contracted = random.nextInt(100) < 35
                ? BigDecimal.valueOf(Math.max(0, billableWorkstations + random.nextInt(5) - 2))
                : BigDecimal.valueOf(billableWorkstations);
        return List.of(
                new FlatLine("platform", "Managed services platform", true, money(random.nextBoolean() ? 250 : 400)),
                new PerAssetLine(
                        "workstations",
                        "Managed workstation",
                        true,
                        Set.of(AssetClass.WORKSTATION),
                        money(40 + 5 * random.nextInt(3)),
                        BigDecimal.valueOf(5),
                        contracted),
                new PerAssetLine(
                        "servers",
                        "Managed server (peak of the month)",
                        true,
                        Set.of(AssetClass.SERVER),
                        money(120),
                        null,
                        null,
                        CountMode.PEAK),
                new PerLicenseLine(
                        "m365-e3",
                        "Microsoft 365 E3",
                        random.nextInt(4) > 0,
                        List.of(TenantDraws.E3),
                        LicenseBasis.ASSIGNED,
                        null,
                        new BigDecimal("36.00"),
                        new BigDecimal("15"),
                        null,
                        null),
                new PerUserLine(
                        "helpdesk",
                        "Helpdesk per user",
                        true,
                        new BigDecimal("12.50"),
                        List.of(),
                        List.of("svc-*", "scanner@*"),
                        null,
                        null),
                new TieredLine(
                        "network-mobile",
                        "Network and mobile devices (daily average)",
                        true,
                        new Measure.Assets(Set.of(AssetClass.NETWORK, AssetClass.MOBILE), CountMode.AVERAGE),
                        TieredLine.Mode.GRADUATED,
                        List.of(
                                new Tier(BigDecimal.valueOf(5), money(15)),
                                new Tier(BigDecimal.valueOf(20), money(12)),
                                new Tier(null, money(9)))),
                new TieredLine(
                        "m365-seats",
                        "Business Premium and Exchange seats",
                        true,
                        new Measure.Licenses(
                                List.of(TenantDraws.BUSINESS_PREMIUM, TenantDraws.EXCHANGE), LicenseBasis.PURCHASED),
                        TieredLine.Mode.VOLUME,
                        List.of(
                                new Tier(BigDecimal.valueOf(10), new BigDecimal("24.00")),
                                new Tier(BigDecimal.valueOf(50), new BigDecimal("21.50")),
                                new Tier(null, new BigDecimal("19.00")))));
    }

    private List<ContractLine> supportLines(LocalDate start) {
        List<TopUp> topUps = new ArrayList<>();
        for (LocalDate date : List.of(period.minusMonths(2).atDay(20), period.atDay(5))) {
            if (date.isAfter(start) && random.nextInt(100) < 40) {
                topUps.add(new TopUp(date, BigDecimal.TEN, money(1_250)));
            }
        }
        return List.of(
                new BlockHoursLine(
                        "support-block",
                        "Remote support block (10 h)",
                        true,
                        BigDecimal.TEN,
                        money(1_100),
                        money(135),
                        Set.of(TimeDraws.REMOTE)),
                new TimeAndMaterialsLine(
                        "tm",
                        "Time and materials",
                        true,
                        List.of(
                                new RateRule(TimeDraws.AFTER_HOURS, null, null, money(225)),
                                new RateRule(null, "P1", null, money(195)),
                                new RateRule(null, null, TimeDraws.SECURITY, money(175))),
                        money(150),
                        TimeAndMaterialsLine.DEFAULT_INCREMENT_MINUTES,
                        Set.of(TimeDraws.MAINTENANCE)),
                new PrepaidHoursLine(
                        "project-hours",
                        "Prepaid project hours",
                        true,
                        BigDecimal.valueOf(random.nextBoolean() ? 10 : 20),
                        topUps,
                        random.nextBoolean() ? money(140) : null,
                        random.nextInt(4) == 0 ? 30 : 15,
                        Set.of(TimeDraws.PROJECT)));
    }

    private static BigDecimal money(int units) {
        return BigDecimal.valueOf(units).setScale(2);
    }
}
