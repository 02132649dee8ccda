package io.truecount.sim.msp;

import io.truecount.core.observation.AssetClass;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Makes one organization's devices: a realistic class mix, and the records that make counting hard — devices awaiting
 * approval, agents that stopped reporting months ago, and re-imaged machines whose old agent record lingers.
 */
final class DeviceFactory {

    enum Fate {
        BILLABLE,
        PENDING,
        STALE,
        /** The old agent record of a re-imaged machine; {@link Draft#replacedBy} is its new agent. */
        DUPLICATE
    }

    /** A device before ids are handed out in enrollment order. */
    record Draft(SampleDevice device, Fate fate, Draft replacedBy) {}

    record Site(SampleLocation location, int subnet, String publicIp) {}

    record OrgProfile(
            long organizationId,
            String prefix,
            String domain,
            double macShare,
            List<Site> sites,
            int size,
            boolean manualApproval) {}

    private static final long DAY = Duration.ofDays(1).toSeconds();
    private static final List<String> DESK_NAMES = List.of("Front Desk", "Reception", "Exam Room", "Conference Room");

    private final Random random;
    private final Instant asOf;
    private final Names names;
    private final Hardware hardware;
    private final Map<Long, Integer> hostsPerSite = new HashMap<>();

    DeviceFactory(Random random, Instant asOf, Names names) {
        this.random = random;
        this.asOf = asOf;
        this.names = names;
        this.hardware = new Hardware(random);
    }

    List<Draft> devicesFor(OrgProfile org) {
        Hostnames hostnames = new Hostnames(org.prefix(), names);
        List<Draft> drafts = new ArrayList<>();
        for (String nodeClass : new Composition(random).of(org.size(), org.macShare())) {
            drafts.add(new Draft(fresh(org, hostnames, nodeClass, hardware.pickModel(nodeClass)), Fate.BILLABLE, null));
        }
        int reimageCandidates = drafts.size();
        for (int i = org.manualApproval() ? 1 + random.nextInt(3) : 0; i > 0; i--) {
            drafts.add(new Draft(pending(org, hostnames), Fate.PENDING, null));
        }
        for (int i = org.size() / 25 + (random.nextInt(3) == 0 ? 1 : 0); i > 0; i--) {
            drafts.add(new Draft(stale(org, hostnames), Fate.STALE, null));
        }
        if (random.nextDouble() < 0.45) {
            int reimaged = 1 + (org.size() > 60 && random.nextBoolean() ? 1 : 0);
            List<Integer> candidates = reimageCandidates(drafts, reimageCandidates);
            for (int i = 0; i < reimaged && !candidates.isEmpty(); i++) {
                reimage(drafts, candidates.remove(random.nextInt(candidates.size())));
            }
        }
        if (random.nextDouble() < 0.15) {
            // A self-built PC reports no serial: only its MAC tells the re-imaged agent from a new machine.
            SampleDevice whiteBox = fresh(org, hostnames, "WINDOWS_WORKSTATION", Hardware.WHITE_BOX);
            drafts.add(new Draft(whiteBox, Fate.BILLABLE, null));
            reimage(drafts, drafts.size() - 1);
        }
        return drafts;
    }

    private List<Integer> reimageCandidates(List<Draft> drafts, int count) {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String nodeClass = drafts.get(i).device().nodeClass();
            if (nodeClass.equals("WINDOWS_WORKSTATION")
                    || nodeClass.equals("MAC")
                    || nodeClass.equals("WINDOWS_SERVER")) {
                candidates.add(i);
            }
        }
        return candidates;
    }

    /** The machine got a new agent 1–7 days ago; the old record stopped reporting shortly before. */
    private void reimage(List<Draft> drafts, int index) {
        SampleDevice old = drafts.get(index).device();
        Instant reimagedAt = before(asOf, DAY, 7 * DAY);
        Instant newCreated = reimagedAt.plusMillis(randomMillis(600, 3 * 3600));
        Instant newContact = before(asOf, 5, 600);
        Draft newAgent =
                new Draft(old.asNewAgent(uuid(), newCreated, newContact, updateAfter(newContact)), Fate.BILLABLE, null);
        Instant oldContact = before(reimagedAt, 300, 7200);
        SampleDevice oldAgent = old.withContact(old.created(), oldContact, updateAfter(oldContact), true);
        drafts.set(index, new Draft(oldAgent, Fate.DUPLICATE, newAgent));
        drafts.add(newAgent);
    }

    private SampleDevice fresh(OrgProfile org, Hostnames hostnames, String nodeClass, Hardware.Model model) {
        boolean online = random.nextDouble() < onlineShare(nodeClass);
        Instant lastContact = online ? before(asOf, 5, 600) : before(asOf, 3600, 5 * DAY);
        Instant created = before(lastContact, 20 * DAY, 1500 * DAY);
        return device(org, hostnames, nodeClass, model, "APPROVED", created, lastContact);
    }

    private SampleDevice pending(OrgProfile org, Hostnames hostnames) {
        Instant lastContact = before(asOf, 5, 600);
        Instant created = before(asOf, 7200, 4 * DAY);
        String nodeClass = "WINDOWS_WORKSTATION";
        return device(org, hostnames, nodeClass, hardware.pickModel(nodeClass), "PENDING", created, lastContact);
    }

    private SampleDevice stale(OrgProfile org, Hostnames hostnames) {
        int roll = random.nextInt(10);
        String nodeClass = roll < 7 ? "WINDOWS_WORKSTATION" : roll < 8 ? "MAC" : "WINDOWS_SERVER";
        Instant lastContact = before(asOf, 45 * DAY, 200 * DAY);
        Instant created = before(lastContact, 60 * DAY, 900 * DAY);
        return device(org, hostnames, nodeClass, hardware.pickModel(nodeClass), "APPROVED", created, lastContact);
    }

    private SampleDevice device(
            OrgProfile org,
            Hostnames hostnames,
            String nodeClass,
            Hardware.Model model,
            String approval,
            Instant created,
            Instant lastContact) {
        Site site = random.nextInt(10) < 7 ? org.sites().get(0) : names.pick(org.sites());
        Hardware.Identity identity = hardware.identity(nodeClass, model);
        String systemName = hostnames.next(nodeClass, model);
        String displayName = nodeClass.equals("WINDOWS_WORKSTATION") && random.nextInt(100) < 8
                ? names.pick(DESK_NAMES) + " " + (1 + random.nextInt(4))
                : systemName;
        boolean offline = lastContact.isBefore(asOf.minusSeconds(900));
        return new SampleDevice(
                0,
                uuid(),
                org.organizationId(),
                site.location().id(),
                nodeClass,
                approval,
                offline,
                displayName,
                systemName,
                Names.slug(systemName, "-") + "." + org.domain(),
                created,
                lastContact,
                updateAfter(lastContact),
                tags(nodeClass),
                List.of(ipAddress(site)),
                identity.macAddresses(),
                site.publicIp(),
                identity.serialNumber(),
                identity.biosSerialNumber(),
                model.manufacturer(),
                model.model());
    }

    private static double onlineShare(String nodeClass) {
        return switch (NinjaClasses.classOf(nodeClass)) {
            case SERVER -> 0.97;
            case NETWORK -> 0.99;
            case MOBILE -> 0.4;
            default -> 0.6;
        };
    }

    private List<String> tags(String nodeClass) {
        if (NinjaClasses.classOf(nodeClass) == AssetClass.SERVER) {
            return random.nextInt(10) < 3 ? List.of("Critical") : List.of();
        }
        return random.nextInt(100) < 5 ? List.of("VIP") : List.of();
    }

    private String ipAddress(Site site) {
        int host = hostsPerSite.merge(site.location().id(), 1, Integer::sum);
        return "10." + site.subnet() + "." + (host / 250) + "." + (host % 250 + 5);
    }

    private Instant before(Instant instant, long minSeconds, long maxSeconds) {
        return instant.minusMillis(randomMillis(minSeconds, maxSeconds));
    }

    private long randomMillis(long minSeconds, long maxSeconds) {
        return minSeconds * 1000 + (long) (random.nextDouble() * (maxSeconds - minSeconds) * 1000);
    }

    /** NinjaOne updates a device record a few seconds after the agent checks in. */
    private Instant updateAfter(Instant lastContact) {
        Instant update = lastContact.plusMillis(randomMillis(0, 30));
        return update.isAfter(asOf) ? asOf : update;
    }

    private String uuid() {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }
}
