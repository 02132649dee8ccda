package io.truecount.sim.estate;

import io.truecount.sim.atera.AteraData;
import io.truecount.sim.atera.AteraSimulator;
import io.truecount.sim.autotask.AutotaskData;
import io.truecount.sim.autotask.AutotaskSimulator;
import io.truecount.sim.connectwise.ConnectWiseData;
import io.truecount.sim.connectwise.ConnectWiseSimulator;
import io.truecount.sim.datto.DattoData;
import io.truecount.sim.datto.DattoSimulator;
import io.truecount.sim.graph.GraphData;
import io.truecount.sim.graph.GraphSimulator;
import io.truecount.sim.halopsa.HaloData;
import io.truecount.sim.halopsa.HaloSimulator;
import io.truecount.sim.msp.SampleConfig;
import io.truecount.sim.msp.SampleCustomer;
import io.truecount.sim.msp.SampleLine;
import io.truecount.sim.msp.SampleMsp;
import io.truecount.sim.msp.SampleOrganization;
import io.truecount.sim.ninjaone.NinjaOneSimulator;
import io.truecount.sim.quickbooks.QuickBooksSimulator;
import io.truecount.sim.stripe.StripeSimulator;
import io.truecount.sim.vendor.Mode;
import io.truecount.sim.vendor.RecordedRequest;
import io.truecount.sim.vendor.VendorSimulator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    // Where approved invoices go; they keep serving normally whatever mode the sources are in.
    private final Map<String, VendorSimulator<?, ?>> sinks;
    private final List<String> description;

    private Estate(
            SampleMsp msp,
            Path config,
            Map<String, VendorSimulator<?, ?>> simulators,
            Map<String, VendorSimulator<?, ?>> sinks,
            List<String> description) {
        this.msp = msp;
        this.config = config;
        this.simulators = simulators;
        this.sinks = sinks;
        this.description = description;
    }

    /** Generates the MSP, starts its simulators and writes {@code dir/truecount.yaml} with secrets beside it. */
    public static Estate start(EstatePlan plan, Path dir) throws IOException {
        SampleMsp msp = SampleMsp.generate(plan.seed(), plan.customers(), plan.meanDevices(), plan.asOf());
        Map<String, EstatePlan.Rmm> rmms = new HashMap<>();
        for (int i = 0; i < msp.customers().size(); i++) {
            rmms.put(msp.customers().get(i).id(), EstatePlan.rmmOf(i));
        }
        // Organizations no customer maps stay in NinjaOne, where they show as unmapped.
        Predicate<SampleOrganization> onNinja = o -> !o.mapped() || rmms.get(o.customerId()) == EstatePlan.Rmm.NINJAONE;
        Map<String, VendorSimulator<?, ?>> simulators = new LinkedHashMap<>();
        Map<String, VendorSimulator<?, ?>> sinks = new LinkedHashMap<>();
        List<String> description = new ArrayList<>();
        List<SampleConfig.Connector> connectors = new ArrayList<>();
        try {
            SampleMsp ninjaView = view(msp, onNinja);
            NinjaOneSimulator ninja = NinjaOneSimulator.start(ninjaView);
            simulators.put(SampleConfig.CONNECTOR_ID, ninja);
            description.add(describe("NinjaOne", ninjaView, ninja));

            SampleMsp dattoView = view(msp, o -> o.mapped() && rmms.get(o.customerId()) == EstatePlan.Rmm.DATTO);
            DattoSimulator datto = DattoSimulator.start(DattoData.from(dattoView));
            simulators.put("datto", datto);
            description.add(describe("Datto RMM", dattoView, datto));
            connectors.add(new SampleConfig.Connector(
                    "datto",
                    "datto-rmm",
                    Map.of("base-url", quoted(datto.baseUrl()), "stale-after-days", "30"),
                    Map.of("api-key", datto.apiKey(), "api-secret", datto.apiSecret())));

            SampleMsp ateraView = view(msp, o -> o.mapped() && rmms.get(o.customerId()) == EstatePlan.Rmm.ATERA);
            AteraSimulator atera = AteraSimulator.start(AteraData.from(ateraView));
            simulators.put("atera", atera);
            description.add(describe("Atera", ateraView, atera));
            connectors.add(new SampleConfig.Connector(
                    "atera",
                    "atera",
                    Map.of("base-url", quoted(atera.baseUrl()), "stale-after-days", "30"),
                    Map.of("api-key", atera.apiKey())));

            GraphSimulator graph = GraphSimulator.start(GraphData.from(msp, plan.meanUsers(), 0));
            simulators.put("m365", graph);
            description.add(String.format(
                    "%-12s %,6d tenants       %,9d users     %s",
                    "Microsoft365", graph.data().tenants().size(), graph.data().userCount(), graph.baseUrl()));
            connectors.add(new SampleConfig.Connector(
                    "m365",
                    "microsoft-graph",
                    Map.of("base-url", quoted(graph.baseUrl()), "login-url", quoted(graph.baseUrl())),
                    Map.of("client-id", graph.clientId(), "client-secret", graph.clientSecret())));

            SampleMsp cwView = view(msp, EstatePlan.Psa.CONNECTWISE);
            ConnectWiseSimulator cw = ConnectWiseSimulator.start(ConnectWiseData.from(cwView, plan.meanEntries()));
            simulators.put("cw", cw);
            description.add(String.format(
                    "%-12s %,6d companies     %,9d entries   %s",
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

            SampleMsp autotaskView = view(msp, EstatePlan.Psa.AUTOTASK);
            AutotaskSimulator autotask = AutotaskSimulator.builder(AutotaskData.from(autotaskView, plan.meanEntries()))
                    .start();
            simulators.put("autotask", autotask);
            description.add(String.format(
                    "%-12s %,6d companies     %,9d entries   %s",
                    "Autotask", autotask.data().companyCount(), autotask.data().timeEntryCount(), autotask.baseUrl()));
            connectors.add(new SampleConfig.Connector(
                    "autotask",
                    "autotask",
                    Map.of("base-url", quoted(autotask.baseUrl())),
                    Map.of(
                            "username", autotask.username(),
                            "secret", autotask.secret(),
                            "integration-code", autotask.integrationCode())));

            SampleMsp haloView = view(msp, EstatePlan.Psa.HALOPSA);
            HaloSimulator halo = HaloSimulator.start(HaloData.from(haloView, plan.meanEntries()));
            simulators.put("halo", halo);
            description.add(String.format(
                    "%-12s %,6d clients       %,9d entries   %s",
                    "HaloPSA", halo.data().clientCount(), halo.data().timedActionCount(), halo.baseUrl()));
            connectors.add(new SampleConfig.Connector(
                    "halo",
                    "halopsa",
                    Map.of("base-url", quoted(halo.apiUrl())),
                    Map.of("client-id", halo.clientId(), "client-secret", halo.clientSecret())));

            QuickBooksSimulator.Builder books = QuickBooksSimulator.builder();
            StripeSimulator.Builder payments = StripeSimulator.builder();
            msp.customers().forEach(c -> books.customer(quickBooksId(msp, c)));
            msp.customers().stream().filter(c -> onStripe(msp, c)).forEach(c -> payments.customer(stripeId(c)));
            QuickBooksSimulator qbo = books.start();
            sinks.put("books", qbo);
            StripeSimulator stripe = payments.start();
            sinks.put("pay", stripe);
            description.add(String.format(
                    "%-12s %,6d customers (every one)              %s",
                    "QuickBooks", msp.customers().size(), qbo.baseUrl()));
            description.add(String.format(
                    "%-12s %,6d customers (every third)            %s",
                    "Stripe",
                    msp.customers().stream().filter(c -> onStripe(msp, c)).count(),
                    stripe.baseUrl()));
            connectors.add(new SampleConfig.Connector(
                    "books",
                    "quickbooks-online",
                    Map.of("base-url", quoted(qbo.baseUrl()), "auth-url", quoted(qbo.tokenUrl())),
                    Map.of(
                            "client-id", qbo.clientId(),
                            "client-secret", qbo.clientSecret(),
                            "refresh-token", qbo.initialRefreshToken(),
                            "realm-id", qbo.realmId())));
            connectors.add(new SampleConfig.Connector(
                    "pay",
                    "stripe",
                    Map.of("base-url", quoted(stripe.baseUrl())),
                    Map.of("api-key", stripe.apiKey(), "webhook-secret", stripe.webhookSecret())));

            Path file = SampleConfig.write(
                    msp,
                    ninja.baseUrl(),
                    plan.period(),
                    dir,
                    new SampleConfig.Extras(
                            connectors,
                            c -> rmms.get(c.id()) == EstatePlan.Rmm.NINJAONE,
                            c -> sources(c, rmms.get(c.id()), autotask.data(), halo.data()),
                            c -> lines(msp.customers().indexOf(c)),
                            c -> accounting(msp, c)));
            return new Estate(msp, file, simulators, sinks, description);
        } catch (IOException | RuntimeException e) {
            simulators.values().forEach(VendorSimulator::close);
            sinks.values().forEach(VendorSimulator::close);
            throw e;
        }
    }

    /** Every customer is in QuickBooks; every third also pays through Stripe. */
    private static Map<String, String> accounting(SampleMsp msp, SampleCustomer customer) {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("books", quickBooksId(msp, customer));
        if (onStripe(msp, customer)) {
            ids.put("pay", stripeId(customer));
        }
        return ids;
    }

    private static String quickBooksId(SampleMsp msp, SampleCustomer customer) {
        return Integer.toString(100 + msp.customers().indexOf(customer));
    }

    private static boolean onStripe(SampleMsp msp, SampleCustomer customer) {
        return msp.customers().indexOf(customer) % 3 == 0;
    }

    private static String stripeId(SampleCustomer customer) {
        return "cus_" + customer.id().replaceAll("[^A-Za-z0-9]", "");
    }

    private static Map<String, String> sources(
            SampleCustomer customer, EstatePlan.Rmm rmm, AutotaskData autotask, HaloData halo) {
        Map<String, String> sources = new LinkedHashMap<>();
        switch (rmm) {
            case NINJAONE -> {
                // SampleConfig maps the NinjaOne organization itself.
            }
            case DATTO -> sources.put("datto", DattoData.siteUid(customer.ninjaOrganizationId()));
            case ATERA -> sources.put("atera", Long.toString(customer.ninjaOrganizationId()));
        }
        sources.put("m365", GraphData.tenantId(customer.id()));
        switch (EstatePlan.psaOf(customer.ninjaOrganizationId())) {
            case CONNECTWISE -> sources.put("cw", Long.toString(customer.ninjaOrganizationId()));
            case AUTOTASK -> sources.put("autotask", Long.toString(autotask.companyIdOf(customer.id())));
            case HALOPSA -> sources.put("halo", halo.clientIdOf(customer.id()));
        }
        return sources;
    }

    /**
     * Microsoft 365 seats at cost plus markup and a per-user fee; support time, where every second customer buys a
     * block of hours and the others pay time and materials.
     */
    private static List<SampleLine> lines(int customerIndex) {
        List<SampleLine> lines = new ArrayList<>();
        lines.add(new SampleLine.Other(
                "m365-seats",
                "Microsoft 365 licences",
                Map.of(
                        "type", "per-license",
                        "skus", "[O365_BUSINESS_PREMIUM, SPE_E3, SPE_E5]",
                        "count", "assigned",
                        "cost", "\"22.00\"",
                        "markup-percent", "\"15\"")));
        lines.add(new SampleLine.Other(
                "m365-users", "Microsoft 365 user support", Map.of("type", "per-user", "unit-price", "\"4.00\"")));
        lines.add(timeLine(customerIndex));
        return lines;
    }

    private static SampleLine timeLine(int customerIndex) {
        if (customerIndex % 2 == 0) {
            return new SampleLine.Other(
                    "support-block",
                    "Support block, 10 hours a month",
                    Map.of("type", "block-hours", "hours", "10", "price", "\"950.00\"", "overage-rate", "\"125.00\""));
        }
        return new SampleLine.Other(
                "support",
                "Support, time and materials",
                Map.of("type", "time-and-materials", "default-rate", "\"135.00\"", "increment-minutes", "15"));
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
        sinks.values().forEach(VendorSimulator::close);
    }
}
