package io.truecount.sim.connectwise;

import io.truecount.sim.msp.SampleMsp;
import io.truecount.sim.msp.SampleOrganization;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The companies, service tickets and time entries a {@link ConnectWiseSimulator} serves, kept as records in id order
 * and rendered per request. Pages are cut from the id-ordered maps after the requested {@code pageId}, so a
 * forward-only listing of 150,000 entries touches each entry once, not once per page. Entries can be edited (which
 * moves their {@code lastUpdated}), deleted and added between syncs.
 */
public final class ConnectWiseData {

    /** Time entries per company on average in {@link #from(SampleMsp)}. */
    public static final int DEFAULT_MEAN_ENTRIES = 20;

    static final List<String> MEMBERS = List.of("jdoe", "asmith", "bkumar", "clopez", "dnguyen", "emueller");
    static final List<String> WORK_TYPES = List.of("Remote", "Remote", "Remote", "Onsite", "After Hours", "Travel");
    static final List<String> PRIORITIES =
            List.of("Priority 1 - Critical", "Priority 2 - High", "Priority 3 - Normal", "Priority 3 - Normal");
    static final List<String> TYPES = List.of("Network", "Hardware", "Software", "Security", "User Admin");
    static final List<String> SUMMARIES = List.of(
            "VPN down", "Printer offline", "New starter setup", "Password reset", "Backup failed", "Slow laptop");

    private final NavigableMap<Long, SimCompany> companies;
    private final NavigableMap<Long, SimTicket> tickets;
    private final NavigableMap<Long, SimEntry> entries;

    private ConnectWiseData(
            NavigableMap<Long, SimCompany> companies,
            NavigableMap<Long, SimTicket> tickets,
            NavigableMap<Long, SimEntry> entries) {
        this.companies = companies;
        this.tickets = tickets;
        this.entries = entries;
    }

    public static ConnectWiseData from(SampleMsp msp) {
        return from(msp, DEFAULT_MEAN_ENTRIES);
    }

    /**
     * The MSP as if it ran ConnectWise: each NinjaOne organization a company with the same id (so {@code sources}
     * ids match), each with service tickets and time entries over the three months before {@code msp.asOf()} — about
     * three in four billable, one in twenty on a charge code instead of a ticket. The same MSP always gives the same
     * data.
     */
    public static ConnectWiseData from(SampleMsp msp, int meanEntriesPerCompany) {
        if (meanEntriesPerCompany < 1) {
            throw new IllegalArgumentException("mean entries per company must be at least 1");
        }
        Random random = new Random(msp.seed() * 31 + 0xC3);
        Builder builder = builder();
        long ticketId = 10_000;
        long entryId = 100_000;
        Instant asOf = msp.asOf().truncatedTo(ChronoUnit.MINUTES);
        for (SampleOrganization org : msp.organizations()) {
            builder.company(org.id(), org.name());
            int count = meanEntriesPerCompany / 4 + random.nextInt(meanEntriesPerCompany * 7 / 4 + 1);
            long firstTicket = ticketId;
            int ticketCount = Math.max(1, count / 3);
            for (int t = 0; t < ticketCount; t++) {
                builder.ticket(
                        ticketId++, org.id(), pick(SUMMARIES, random), pick(PRIORITIES, random), pick(TYPES, random));
            }
            for (int e = 0; e < count; e++) {
                Instant start = asOf.minus(Duration.ofMinutes(15L * (4 + random.nextInt(90 * 96))));
                BigDecimal hours = BigDecimal.valueOf(5 + random.nextInt(396), 2);
                Instant updated = start.plus(Duration.ofMinutes(60L + random.nextInt(48 * 60)));
                boolean onTicket = random.nextInt(20) != 0;
                builder.entry(new SimEntry(
                        entryId++,
                        org.id(),
                        onTicket ? "ServiceTicket" : "ChargeCode",
                        onTicket ? firstTicket + random.nextInt(ticketCount) : 1 + random.nextInt(3),
                        pick(MEMBERS, random),
                        pick(WORK_TYPES, random),
                        billableOption(random),
                        start,
                        hours,
                        updated.isAfter(asOf) ? asOf.minusSeconds(60) : updated));
            }
        }
        return builder.build();
    }

    private static String billableOption(Random random) {
        int roll = random.nextInt(20);
        return roll < 15 ? "Billable" : roll < 17 ? "DoNotBill" : roll < 19 ? "NoCharge" : "NoDefault";
    }

    private static String pick(List<String> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    public static Builder builder() {
        return new Builder();
    }

    public synchronized int companyCount() {
        return companies.size();
    }

    public synchronized int entryCount() {
        return entries.size();
    }

    public synchronized List<SimEntry> entries() {
        return List.copyOf(entries.values());
    }

    public synchronized SimEntry entry(long id) {
        SimEntry entry = entries.get(id);
        if (entry == null) {
            throw new NoSuchElementException("no time entry " + id);
        }
        return entry;
    }

    /** Sets an entry's hours as a member would in ConnectWise; its {@code lastUpdated} becomes {@code at}. */
    public synchronized SimEntry edit(long id, BigDecimal hours, Instant at) {
        SimEntry edited = entry(id).withHours(hours, at);
        entries.put(id, edited);
        return edited;
    }

    public synchronized void delete(long id) {
        entry(id);
        entries.remove(id);
    }

    public synchronized void add(SimEntry entry) {
        if (entries.putIfAbsent(entry.id(), entry) != null) {
            throw new IllegalArgumentException("duplicate time entry id " + entry.id());
        }
    }

    synchronized SimCompany company(long id) {
        return companies.get(id);
    }

    /**
     * Up to {@code limit} records of the endpoint that meet the conditions, in id order, after {@code afterId} (null:
     * from the start), skipping the first {@code skip} that match.
     *
     * @throws IllegalArgumentException when the conditions name a field the endpoint does not have
     */
    synchronized List<Object> select(Endpoint endpoint, Conditions conditions, Long afterId, int skip, int limit) {
        return switch (endpoint) {
            case COMPANIES -> select(companies, ConnectWiseData::field, conditions, afterId, skip, limit);
            case TICKETS -> select(tickets, ConnectWiseData::field, conditions, afterId, skip, limit);
            case TIME_ENTRIES -> select(entries, ConnectWiseData::field, conditions, afterId, skip, limit);
            case SYSTEM_INFO -> throw new IllegalStateException("system info is not a listing");
        };
    }

    private static <T> List<Object> select(
            NavigableMap<Long, T> rows,
            BiFunction<T, String, Object> field,
            Conditions conditions,
            Long afterId,
            int skip,
            int limit) {
        List<Long> ids = conditions.ids();
        Iterable<T> candidates;
        if (ids != null) {
            // id in (..): look the ids up instead of scanning every record.
            List<T> found = new ArrayList<>();
            ids.stream()
                    .sorted()
                    .distinct()
                    .map(rows::get)
                    .filter(r -> r != null)
                    .forEach(found::add);
            candidates = found;
        } else {
            candidates = afterId == null
                    ? rows.values()
                    : rows.tailMap(afterId, false).values();
        }
        List<Object> page = new ArrayList<>(Math.min(limit, 1024));
        int skipped = 0;
        for (T row : candidates) {
            Function<String, Object> values = name -> field.apply(row, name);
            if (page.size() == limit) {
                break;
            }
            if (conditions.test(values)) {
                if (skipped < skip) {
                    skipped++;
                } else {
                    page.add(row);
                }
            }
        }
        return page;
    }

    private static Object field(SimEntry e, String name) {
        return switch (name) {
            case "id" -> e.id();
            case "lastUpdated", "_info/lastUpdated" -> e.lastUpdated();
            case "timeStart" -> e.timeStart();
            case "company/id" -> e.companyId();
            case "chargeToType" -> e.chargeToType();
            case "chargeToId" -> e.chargeToId();
            case "billableOption" -> e.billableOption();
            case "member/identifier" -> e.member();
            default -> throw unknown(name);
        };
    }

    private static Object field(SimCompany c, String name) {
        return switch (name) {
            case "id" -> c.id();
            case "identifier" -> c.identifier();
            case "name" -> c.name();
            default -> throw unknown(name);
        };
    }

    private static Object field(SimTicket t, String name) {
        return switch (name) {
            case "id" -> t.id();
            case "company/id" -> t.companyId();
            default -> throw unknown(name);
        };
    }

    private static IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException("Unknown field '" + name + "' in conditions");
    }

    /** Collects records; ids must be unique per kind. */
    public static final class Builder {
        private final NavigableMap<Long, SimCompany> companies = new TreeMap<>();
        private final NavigableMap<Long, SimTicket> tickets = new TreeMap<>();
        private final NavigableMap<Long, SimEntry> entries = new TreeMap<>();

        private Builder() {}

        public Builder company(long id, String name) {
            String identifier = name.replaceAll("[^A-Za-z0-9]", "");
            unique(
                    companies.putIfAbsent(id, new SimCompany(id, identifier.isEmpty() ? "C" + id : identifier, name)),
                    "company",
                    id);
            return this;
        }

        public Builder ticket(long id, long companyId, String summary, String priority, String type) {
            unique(tickets.putIfAbsent(id, new SimTicket(id, companyId, summary, priority, type)), "ticket", id);
            return this;
        }

        public Builder entry(SimEntry entry) {
            unique(entries.putIfAbsent(entry.id(), entry), "time entry", entry.id());
            return this;
        }

        /** A time entry by member {@code jdoe} on a service ticket (a charge code when {@code ticketId} is 0). */
        public Builder entry(
                long id,
                long companyId,
                long ticketId,
                String workType,
                String billableOption,
                Instant start,
                String hours,
                Instant lastUpdated) {
            return entry(new SimEntry(
                    id,
                    companyId,
                    ticketId == 0 ? "ChargeCode" : "ServiceTicket",
                    ticketId == 0 ? 1 : ticketId,
                    "jdoe",
                    workType,
                    billableOption,
                    start,
                    new BigDecimal(hours),
                    lastUpdated));
        }

        public ConnectWiseData build() {
            return new ConnectWiseData(new TreeMap<>(companies), new TreeMap<>(tickets), new TreeMap<>(entries));
        }

        private static void unique(Object previous, String kind, long id) {
            if (previous != null) {
                throw new IllegalArgumentException("duplicate " + kind + " id " + id);
            }
        }
    }

    @Override
    public synchronized String toString() {
        return String.format(
                Locale.ROOT,
                "ConnectWiseData(%d companies, %d tickets, %d entries)",
                companies.size(),
                tickets.size(),
                entries.size());
    }
}
