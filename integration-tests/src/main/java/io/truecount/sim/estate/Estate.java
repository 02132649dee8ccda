package io.truecount.sim.estate;

import io.truecount.sim.connectwise.ConnectWiseData;
import io.truecount.sim.connectwise.ConnectWiseSimulator;
import io.truecount.sim.datto.DattoData;
import io.truecount.sim.datto.DattoSimulator;
import io.truecount.sim.halopsa.HaloData;
import io.truecount.sim.halopsa.HaloSimulator;
import io.truecount.sim.msp.SampleConfig;
import io.truecount.sim.msp.SampleCustomer;
import io.truecount.sim.msp.SampleLine;
import io.truecount.sim.msp.SampleMsp;
import io.truecount.sim.msp.SampleOrganization;
import io.truecount.sim.ninjaone.NinjaOneSimulator;
import io.truecount.sim.vendor.Mode;
import io.truecount.sim.vendor.RecordedRequest;
import io.truecount.sim.vendor.VendorSimulator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A sample MSP served by every vendor simulator at once, with the admin YAML that points Truecount at them: what the
 * demo runs and the sync benchmark measures. Customers are spread over the vendors the way an MSP's are.
 */
public final class Estate implements AutoCloseable {

    private final SampleMsp msp;
    private final Path config;
    private final Map<String, VendorSimulator<?, ?>> simulators;
    private final List<String> description;

    private Estate(
            SampleMsp msp, Path config, Map<String, VendorSimulator<?, ?>> simulators, List<String> description) {
        this.msp = msp;
        this.config = config;
        this.simulators = simulators;
        this.description = description;
    }

    /** Generates the MSP, starts its simulators and writes {@code dir/truecount.yaml} with secrets beside it. */
    public static Estate start(EstatePlan plan, Path dir) throws IOException {
        SampleMsp msp = SampleMsp.generate(plan.seed(), plan.customers(), plan.meanDevices(), plan.asOf());
        Set<String> onDatto = new HashSet<>();
        for (int i = 0; i < msp.customers().size(); i++) {
            if (EstatePlan.onDatto(i)) {
                onDatto.add(msp.customers().get(i).id());
            }
        }
        Map<String, VendorSimulator<?, ?>> simulators = new LinkedHashMap<>();
        List<String> description = new ArrayList<>();
        List<SampleConfig.Connector> connectors = new ArrayList<>();
        try {
            SampleMsp ninjaView = view(msp, org -> !onDatto.contains(org.customerId()));
            NinjaOneSimulator ninja = NinjaOneSimulator.start(ninjaView);
            simulators.put(SampleConfig.CONNECTOR_ID, ninja);
            description.add(describe("NinjaOne", ninjaView, ninja));

            SampleMsp dattoView = view(msp, org -> onDatto.contains(org.customerId()));
            DattoSimulator datto = DattoSimulator.start(DattoData.from(dattoView));
            simulators.put("datto", datto);
            description.add(describe("Datto RMM", dattoView, datto));
            connectors.add(new SampleConfig.Connector(
                    "datto",
                    "datto-rmm",
                    Map.of("base-url", quoted(datto.baseUrl()), "stale-after-days", "30"),
                    Map.of("api-key", datto.apiKey(), "api-secret", datto.apiSecret())));

            SampleMsp cwView = view(msp, EstatePlan.Psa.CONNECTWISE);
            ConnectWiseSimulator cw = ConnectWiseSimulator.start(ConnectWiseData.from(cwView, plan.meanEntries()));
            simulators.put("cw", cw);
            description.add(String.format(
                    "%-12s %,6d companies     %,9d time entries   %s",
                    "ConnectWise", cw.data().companyCount(), cw.data().entryCount(), cw.baseUrl()));
            connectors.add(new SampleConfig.Connector(
                    "cw",
                    "connectwise-manage",
                    Map.of("base-url", quoted(cw.apiUrl())),
                    Map.of(
                            "company", cw.company(),
                            "public-key", cw.publicKey(),
                            "private-key", cw.privateKey(),
                            "client-id", cw.clientId())));

            SampleMsp haloView = view(msp, EstatePlan.Psa.HALOPSA);
            HaloSimulator halo = HaloSimulator.start(HaloData.from(haloView, plan.meanEntries()));
            simulators.put("halo", halo);
            description.add(String.format(
                    "%-12s %,6d clients       %,9d time entries   %s",
                    "HaloPSA", halo.data().clientCount(), halo.data().timedActionCount(), halo.baseUrl()));
            connectors.add(new SampleConfig.Connector(
                    "halo",
                    "halopsa",
                    Map.of("base-url", quoted(halo.apiUrl())),
                    Map.of("client-id", halo.clientId(), "client-secret", halo.clientSecret())));

            Path file = SampleConfig.write(
                    msp,
                    ninja.baseUrl(),
                    plan.period(),
                    dir,
                    new SampleConfig.Extras(
                            connectors,
                            c -> !onDatto.contains(c.id()),
                            c -> sources(c, onDatto, halo.data()),
                            c -> timeLines(msp.customers().indexOf(c))));
            return new Estate(msp, file, simulators, description);
        } catch (IOException | RuntimeException e) {
            simulators.values().forEach(VendorSimulator::close);
            throw e;
        }
    }

    private static Map<String, String> sources(SampleCustomer customer, Set<String> onDatto, HaloData halo) {
        Map<String, String> sources = new LinkedHashMap<>();
        if (onDatto.contains(customer.id())) {
            sources.put("datto", DattoData.siteUid(customer.ninjaOrganizationId()));
        }
        switch (EstatePlan.psaOf(customer.ninjaOrganizationId())) {
            case CONNECTWISE -> sources.put("cw", Long.toString(customer.ninjaOrganizationId()));
            case HALOPSA -> sources.put("halo", halo.clientIdOf(customer.id()));
        }
        return sources;
    }

    /** Support time: every second customer buys a block of hours, the others pay time and materials. */
    private static List<SampleLine> timeLines(int customerIndex) {
        if (customerIndex % 2 == 0) {
            return List.of(new SampleLine.Other(
                    "support-block",
                    "Support block, 10 hours a month",
                    Map.of("type", "block-hours", "hours", "10", "price", "\"950.00\"", "overage-rate", "\"125.00\"")));
        }
        return List.of(new SampleLine.Other(
                "support",
                "Support, time and materials",
                Map.of("type", "time-and-materials", "default-rate", "\"135.00\"", "increment-minutes", "15")));
    }

    /** The MSP as one RMM sees it: only the organizations it holds. */
    private static SampleMsp view(SampleMsp msp, Predicate<SampleOrganization> holds) {
        return new SampleMsp(
                msp.seed(),
                msp.asOf(),
                msp.ninjaOneClient(),
                msp.customers(),
                msp.organizations().stream().filter(holds).toList());
    }

    /**
     * The MSP as one PSA sees it: the customers that run it, and their organizations (plus, for every PSA, the
     * organizations no customer maps, which then show up as unmapped companies).
     */
    private static SampleMsp view(SampleMsp msp, EstatePlan.Psa psa) {
        return new SampleMsp(
                msp.seed(),
                msp.asOf(),
                msp.ninjaOneClient(),
                msp.customers().stream()
                        .filter(c -> EstatePlan.psaOf(c.ninjaOrganizationId()) == psa)
                        .toList(),
                msp.organizations().stream()
                        .filter(o -> !o.mapped() || EstatePlan.psaOf(o.id()) == psa)
                        .toList());
    }

    private static String describe(String vendor, SampleMsp view, VendorSimulator<?, ?> simulator) {
        return String.format(
                "%-12s %,6d organizations %,9d devices   %s",
                vendor, view.organizations().size(), view.devices().size(), simulator.baseUrl());
    }

    static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    public SampleMsp msp() {
        return msp;
    }

    /** The admin YAML. */
    public Path config() {
        return config;
    }

    /** One line per simulator: what it serves and where. */
    public List<String> description() {
        return description;
    }

    /** Every simulator switches to {@code mode}. */
    public void mode(Mode mode) {
        simulators.values().forEach(s -> s.mode(mode));
    }

    /** Requests each simulator answered so far, by connector id. */
    public Map<String, Integer> requestCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        simulators.forEach((id, s) -> counts.put(id, s.requests().size()));
        return counts;
    }

    /** Hands every request any simulator receives from now on to {@code listener}. */
    public void onRequest(Consumer<RecordedRequest> listener) {
        simulators.values().forEach(s -> s.onRequest(listener));
    }

    @Override
    public void close() {
        simulators.values().forEach(VendorSimulator::close);
    }
}
