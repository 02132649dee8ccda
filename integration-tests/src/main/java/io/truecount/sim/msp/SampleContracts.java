package io.truecount.sim.msp;

import io.truecount.core.observation.AssetClass;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The contracts {@link SampleConfig} writes, decided from each customer's position and ground truth so that a billing
 * run for the period meets every case worth showing: a minimum that binds and one that does not, contracted
 * quantities below and above what is observed, a contract starting and one ending mid-period, and a customer whose
 * network devices no line covers.
 */
public final class SampleContracts {

    private static final List<String> WORKSTATION_PRICES = List.of("45.00", "49.50", "55.00");
    private static final List<String> SERVER_PRICES = List.of("125.00", "135.00", "150.00");

    private SampleContracts() {}

    /** One contract per customer, in customer order. */
    public static List<SampleContract> plan(SampleMsp msp, YearMonth period) {
        List<SampleCustomer> customers = msp.customers();
        String uncontractedNetwork = uncontractedNetworkCustomer(customers);
        List<SampleContract> contracts = new ArrayList<>();
        for (int i = 0; i < customers.size(); i++) {
            SampleCustomer customer = customers.get(i);
            boolean coversNetwork = !customer.id().equals(uncontractedNetwork);
            contracts.add(new SampleContract(
                    customer.id() + "-managed",
                    customer.id(),
                    i == 1
                            ? period.atDay(16)
                            : period.minusMonths(3 + (i * 7L) % 30).atDay(1),
                    i == 2 ? period.atDay(15) : null,
                    lines(i, customer.truth(), coversNetwork)));
        }
        return contracts;
    }

    /**
     * The customer with network devices but no network line (UNCONTRACTED_ASSETS): the first one after the two
     * proration cases, or any when there is none. Null when no customer has network devices.
     */
    public static String uncontractedNetworkCustomer(List<SampleCustomer> customers) {
        String fallback = null;
        for (int i = 0; i < customers.size(); i++) {
            if (customers.get(i).truth().billable(AssetClass.NETWORK) > 0) {
                if (i >= 3) {
                    return customers.get(i).id();
                }
                fallback = fallback == null ? customers.get(i).id() : fallback;
            }
        }
        return fallback;
    }

    private static List<SampleLine> lines(int i, DeviceTruth truth, boolean coversNetwork) {
        List<SampleLine> lines = new ArrayList<>();
        int workstations = truth.billable(AssetClass.WORKSTATION);
        Integer minimum = workstationMinimum(i, workstations);
        Integer contracted =
                switch (i % 5) {
                    case 0 -> workstations;
                    case 2 -> Math.max(0, workstations - 2);
                    case 3 -> workstations + 3;
                    default -> null;
                };
        lines.add(new SampleLine.PerAsset(
                "workstations",
                "Managed workstations",
                AssetClass.WORKSTATION,
                money(WORKSTATION_PRICES.get(i % 3)),
                minimum,
                contracted));
        Integer serversContracted = i % 7 == 3 ? truth.billable(AssetClass.SERVER) + 1 : null;
        lines.add(new SampleLine.PerAsset(
                "servers",
                "Managed servers",
                AssetClass.SERVER,
                money(SERVER_PRICES.get(i % 3)),
                null,
                serversContracted));
        if (coversNetwork && truth.billable(AssetClass.NETWORK) > 0) {
            lines.add(new SampleLine.PerAsset(
                    "network", "Network device monitoring", AssetClass.NETWORK, money("15.00"), null, null));
        }
        if (truth.billable(AssetClass.MOBILE) > 0) {
            lines.add(new SampleLine.PerAsset(
                    "mobile", "Mobile device management", AssetClass.MOBILE, money("8.00"), null, null));
        }
        if (i % 3 == 0) {
            lines.add(new SampleLine.Flat("backup", "Backup monitoring", money("99.00")));
        }
        return lines;
    }

    /** Every sixth customer has a minimum above its count (it binds), another every sixth one below it. */
    private static Integer workstationMinimum(int i, int workstations) {
        if (i % 6 == 1) {
            return workstations + 3;
        }
        return i % 6 == 4 ? Integer.valueOf(Math.max(1, workstations - 5)) : null;
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }
}
