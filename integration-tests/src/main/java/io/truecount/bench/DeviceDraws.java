package io.truecount.bench;

import io.truecount.core.observation.AssetClass;
import io.truecount.core.observation.AssetObservation;
import io.truecount.core.observation.AssetSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Draws one customer's NinjaOne devices as an RMM reports them at the end of the period: mostly healthy agents, and the
 * mess billing has to see through (stale agents, unmanaged ones, re-imaged twins with the same serial, devices
 * enrolled during the month, devices retired during the month that only earlier syncs saw).
 */
final class DeviceDraws {

    static final String CONNECTOR = "ninja";

    /** A customer's devices now, the ones retired during the period, and how many workstations should bill. */
    record Devices(List<AssetObservation> current, List<Retired> retired, int billableWorkstations) {}

    /** A device deleted from the RMM during the period: syncs before {@code gone} still reported it. */
    record Retired(AssetObservation asset, Instant gone) {}

    private final Random random;
    private final Instant asOf;
    private final Instant periodStart;
    private long nextId = 1_000;

    DeviceDraws(Random random, Instant asOf, YearMonth period, ZoneId zone) {
        this.random = random;
        this.asOf = asOf;
        this.periodStart = period.atDay(1).atStartOfDay(zone).toInstant();
    }

    Devices customer(String orgId, String tag, int count) {
        List<AssetObservation> current = new ArrayList<>();
        int billableWorkstations = 0;
        for (int i = 0; i < count; i++) {
            AssetClass assetClass = assetClass();
            boolean managed = random.nextInt(100) >= 3;
            boolean enrolledThisPeriod = random.nextInt(100) < 5;
            Instant created = enrolledThisPeriod
                    ? between(periodStart, asOf.minus(Duration.ofDays(1)))
                    : asOf.minus(Duration.ofDays(60 + random.nextInt(1_440)));
            boolean stale = !enrolledThisPeriod && random.nextInt(100) < 8;
            Instant lastSeen = stale
                    ? asOf.minus(Duration.ofDays(31 + random.nextInt(90)))
                    : asOf.minus(Duration.ofMinutes(random.nextInt(36 * 60)));
            String serial = hasSerial(assetClass) ? serial() : null;
            String name = tag + "-" + prefix(assetClass) + String.format("%02d", i + 1);
            AssetObservation device = device(orgId, name, assetClass, managed, serial, created, lastSeen);
            current.add(device);
            if (managed && !stale && assetClass == AssetClass.WORKSTATION) {
                billableWorkstations++;
            }
            if (serial != null && random.nextInt(100) < 3) {
                // Re-imaged: a new agent, same hardware. The old record still reports now and then.
                current.add(device(
                        orgId,
                        name,
                        assetClass,
                        true,
                        serial,
                        created.minus(Duration.ofDays(200)),
                        asOf.minus(Duration.ofDays(2 + random.nextInt(9)))));
            }
        }
        List<Retired> retired = new ArrayList<>();
        if (random.nextInt(100) < 30) {
            AssetClass assetClass = random.nextInt(4) == 0 ? AssetClass.SERVER : AssetClass.WORKSTATION;
            Instant gone = between(periodStart.plus(Duration.ofDays(1)), asOf.minus(Duration.ofDays(3)));
            AssetObservation device = device(
                    orgId,
                    tag + "-OLD" + prefix(assetClass),
                    assetClass,
                    true,
                    serial(),
                    gone.minus(Duration.ofDays(900)),
                    gone.minus(Duration.ofHours(random.nextInt(48))));
            retired.add(new Retired(device, gone));
        }
        return new Devices(current, retired, billableWorkstations);
    }

    /**
     * One snapshot per daily sync of the period before the as-of instant (the run adds the as-of data itself). The
     * snapshots share the current records: a sync that saw a device earlier in the month reported the same device.
     */
    static List<AssetSnapshot> dailySnapshots(
            List<AssetObservation> current, List<Retired> retired, YearMonth period, ZoneId zone, Instant asOf) {
        List<AssetSnapshot> snapshots = new ArrayList<>();
        for (LocalDate day = period.atDay(1); !day.isAfter(period.atEndOfMonth()); day = day.plusDays(1)) {
            Instant at =
                    day.atTime(asOf.atZone(zone).toLocalTime()).atZone(zone).toInstant();
            if (!at.isBefore(asOf)) {
                break;
            }
            List<AssetObservation> seen = new ArrayList<>(current.size() + retired.size());
            for (AssetObservation asset : current) {
                if (!asset.created().isAfter(at)) {
                    seen.add(asset);
                }
            }
            for (Retired gone : retired) {
                if (gone.gone().isAfter(at)) {
                    seen.add(gone.asset());
                }
            }
            snapshots.add(new AssetSnapshot(at, seen));
        }
        return snapshots;
    }

    private AssetObservation device(
            String orgId,
            String name,
            AssetClass assetClass,
            boolean managed,
            String serial,
            Instant created,
            Instant lastSeen) {
        List<String> macs = random.nextInt(100) < 30 ? List.of(mac(), mac()) : List.of(mac());
        return new AssetObservation(
                CONNECTOR,
                orgId,
                Long.toString(nextId++),
                name,
                assetClass,
                nodeClass(assetClass),
                managed,
                serial,
                macs,
                created,
                lastSeen);
    }

    /** A typical small-business mix: mostly workstations, a few servers, switches, phones and monitors. */
    private AssetClass assetClass() {
        int r = random.nextInt(100);
        if (r < 63) {
            return AssetClass.WORKSTATION;
        } else if (r < 73) {
            return AssetClass.SERVER;
        } else if (r < 83) {
            return AssetClass.NETWORK;
        }
        return r < 95 ? AssetClass.MOBILE : AssetClass.OTHER;
    }

    /** Switches, firewalls and phones often report no serial: counting falls back to the MAC. */
    private boolean hasSerial(AssetClass assetClass) {
        return (assetClass != AssetClass.NETWORK && assetClass != AssetClass.MOBILE) || random.nextInt(10) >= 3;
    }

    private String nodeClass(AssetClass assetClass) {
        return switch (assetClass) {
            case WORKSTATION -> random.nextInt(5) == 0 ? "MAC" : "WINDOWS_WORKSTATION";
            case SERVER -> random.nextInt(3) == 0 ? "VMWARE_VM_GUEST" : "WINDOWS_SERVER";
            case NETWORK -> random.nextBoolean() ? "NMS_SWITCH" : "NMS_FIREWALL";
            case MOBILE -> random.nextBoolean() ? "APPLE_IOS" : "ANDROID";
            case OTHER -> "CLOUD_MONITOR_TARGET";
        };
    }

    private static String prefix(AssetClass assetClass) {
        return switch (assetClass) {
            case WORKSTATION -> "PC";
            case SERVER -> "SRV";
            case NETWORK -> "NET";
            case MOBILE -> "MOB";
            case OTHER -> "MON";
        };
    }

    private String serial() {
        StringBuilder serial = new StringBuilder("SN");
        for (int i = 0; i < 10; i++) {
            serial.append(Character.forDigit(random.nextInt(36), 36));
        }
        return serial.toString().toUpperCase(Locale.ROOT);
    }

    private String mac() {
        StringBuilder mac = new StringBuilder("00:1A");
        for (int i = 0; i < 4; i++) {
            mac.append(':').append(String.format("%02X", random.nextInt(256)));
        }
        return mac.toString();
    }

    private Instant between(Instant from, Instant to) {
        long seconds = Duration.between(from, to).getSeconds();
        return from.plusSeconds(seconds <= 0 ? 0 : random.nextLong(seconds));
    }
}
