package io.truecount.sim.msp;

import io.truecount.core.observation.AssetClass;
import io.truecount.sim.msp.DeviceFactory.Draft;
import io.truecount.sim.msp.DeviceFactory.OrgProfile;
import io.truecount.sim.msp.DeviceFactory.Site;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Generates a {@link SampleMsp} from one seeded {@link Random}: every draw happens in a fixed order, so the same seed
 * gives the same MSP. NinjaOne hands out device ids in enrollment order, so ids follow {@code created}.
 */
final class MspGenerator {

    private record CustomerDraft(String id, String name, Industry industry, SampleAddress address) {}

    private record OrgDraft(
            long id,
            String name,
            String description,
            String approvalMode,
            List<SampleLocation> locations,
            CustomerDraft customer,
            List<Draft> devices) {}

    private static final List<String> SITE_NAMES = List.of("Main Office", "Downtown Office", "Satellite Office");
    private static final List<String> DOCUMENTATION_NETS = List.of("192.0.2.", "198.51.100.", "203.0.113.");

    private final long seed;
    private final Instant asOf;
    private final int meanDevices;
    private final Random random;
    private final Names names;
    private final DeviceFactory factory;
    private long nextOrganizationId;
    private long nextLocationId;

    MspGenerator(long seed, Instant asOf, int meanDevices) {
        this.seed = seed;
        this.asOf = asOf;
        this.meanDevices = meanDevices;
        this.random = new Random(seed);
        this.names = new Names(random);
        this.factory = new DeviceFactory(random, asOf, names);
        this.nextOrganizationId = 1 + random.nextInt(3);
        this.nextLocationId = 1 + random.nextInt(20);
    }

    SampleMsp generate(int customerCount) {
        List<OrgDraft> orgs = new ArrayList<>();
        orgs.add(new OrgDraft(
                organizationId(),
                "_New Client Template",
                "Template for onboarding new clients",
                "AUTOMATIC",
                List.of(new SampleLocation(nextLocationId++, "Main Office")),
                null,
                List.of()));
        for (int i = 0; i < customerCount; i++) {
            Industry industry = Industry.pick(random);
            String name = names.business(industry);
            CustomerDraft customer = new CustomerDraft(names.customerId(name), name, industry, names.address());
            orgs.add(organization(name, industry, size(), random.nextInt(4) == 0, customer));
        }
        Industry onboarding = Industry.pick(random);
        orgs.add(organization(names.business(onboarding), onboarding, 8 + random.nextInt(13), false, null));

        Map<Draft, Long> ids = deviceIds(orgs);
        List<SampleCustomer> customers = new ArrayList<>();
        List<SampleOrganization> organizations = new ArrayList<>();
        for (OrgDraft org : orgs) {
            List<SampleDevice> devices = org.devices().stream()
                    .map(d -> d.device().withId(ids.get(d)))
                    .sorted(Comparator.comparingLong(SampleDevice::id))
                    .toList();
            CustomerDraft c = org.customer();
            organizations.add(new SampleOrganization(
                    org.id(),
                    org.name(),
                    org.description(),
                    org.approvalMode(),
                    org.locations(),
                    c == null ? null : c.id(),
                    devices));
            if (c != null) {
                customers.add(new SampleCustomer(
                        c.id(),
                        c.name(),
                        c.industry().label(),
                        c.address(),
                        c.industry().taxExempt(),
                        org.id(),
                        truth(org.devices(), ids)));
            }
        }
        SampleCredentials client = new SampleCredentials(
                "sample-msp-" + Long.toHexString(seed), HexFormat.of().formatHex(randomBytes(24)));
        return new SampleMsp(seed, asOf, client, customers, organizations);
    }

    private OrgDraft organization(
            String name, Industry industry, int size, boolean manualApproval, CustomerDraft customer) {
        long id = organizationId();
        List<Site> sites = new ArrayList<>();
        for (int i = 0; i < siteCount(size); i++) {
            SampleLocation location = new SampleLocation(nextLocationId++, SITE_NAMES.get(i));
            sites.add(new Site(
                    location, 1 + random.nextInt(254), names.pick(DOCUMENTATION_NETS) + (1 + random.nextInt(254))));
        }
        String domain = Names.slug(name.split(" ")[0], "") + ".local";
        OrgProfile profile =
                new OrgProfile(id, Names.hostPrefix(name), domain, industry.macShare(), sites, size, manualApproval);
        List<Draft> devices = factory.devicesFor(profile);
        String description = customer == null
                ? "New client, onboarding: contract not signed yet"
                : capitalized(industry.label()) + ", " + sites.size() + (sites.size() == 1 ? " site" : " sites");
        return new OrgDraft(
                id,
                name,
                description,
                manualApproval ? "MANUAL" : "AUTOMATIC",
                sites.stream().map(Site::location).toList(),
                customer,
                devices);
    }

    /** Small offices, mid-size practices and a few larger firms, averaging {@code meanDevices}. */
    private int size() {
        double roll = random.nextDouble();
        double factor = roll < 0.45
                ? 0.25 + random.nextDouble() * 0.35
                : roll < 0.8 ? 0.6 + random.nextDouble() * 0.8 : 1.4 + random.nextDouble() * 1.6;
        return Math.max(4, (int) Math.round(meanDevices * factor));
    }

    private int siteCount(int size) {
        return size > 150 ? 3 : size > 60 && random.nextBoolean() ? 2 : 1;
    }

    private long organizationId() {
        long id = nextOrganizationId;
        nextOrganizationId += random.nextInt(10) == 0 ? 2 : 1;
        return id;
    }

    /** Ids in enrollment order, with the gaps deleted devices leave. */
    private Map<Draft, Long> deviceIds(List<OrgDraft> orgs) {
        List<Draft> all = new ArrayList<>();
        orgs.forEach(org -> all.addAll(org.devices()));
        all.sort(Comparator.comparing((Draft d) -> d.device().created())
                .thenComparing(d -> d.device().uid()));
        Map<Draft, Long> ids = new IdentityHashMap<>();
        long next = 1 + random.nextInt(40);
        for (Draft draft : all) {
            ids.put(draft, next);
            next += random.nextInt(10) < 8 ? 1 : 2 + random.nextInt(4);
        }
        return ids;
    }

    private static DeviceTruth truth(List<Draft> devices, Map<Draft, Long> ids) {
        Map<AssetClass, Integer> billable = new EnumMap<>(AssetClass.class);
        TreeSet<Long> stale = new TreeSet<>();
        TreeMap<Long, Long> duplicates = new TreeMap<>();
        TreeSet<Long> pending = new TreeSet<>();
        for (Draft draft : devices) {
            long id = ids.get(draft);
            switch (draft.fate()) {
                case BILLABLE ->
                    billable.merge(NinjaClasses.classOf(draft.device().nodeClass()), 1, Integer::sum);
                case STALE -> stale.add(id);
                case PENDING -> pending.add(id);
                case DUPLICATE -> duplicates.put(id, ids.get(draft.replacedBy()));
            }
        }
        return new DeviceTruth(billable, stale, duplicates, pending);
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
