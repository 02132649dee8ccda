package io.truecount.sim.autotask;

import io.truecount.sim.msp.SampleCustomer;
import io.truecount.sim.msp.SampleMsp;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The companies, tickets, technicians, work types and time entries an {@link AutotaskSimulator} serves, with the
 * picklists of the ticket fields. Built from a {@link SampleMsp}, or by hand for a fixture. Thread-safe: the
 * simulator reads it while a test changes it ({@link #editHours}, {@link #delete}, {@link #add}), and every change
 * moves the entry's {@code lastModifiedDateTime} to the instant given, as Autotask does.
 */
public final class AutotaskData {

    /** Autotask's own company: the MSP itself, always id 0. */
    public static final long OWNER_COMPANY = 0;

    static final Map<Long, String> PRIORITIES = Map.of(1L, "High", 2L, "Medium", 3L, "Low", 4L, "Critical");
    static final Map<Long, String> ISSUE_TYPES = Map.of(1L, "Hardware", 2L, "Software", 3L, "Network", 4L, "Security");
    static final Map<Long, String> QUEUES = Map.of(29683L, "Service Desk", 29684L, "Level II", 8L, "Monitoring Alert");
    static final Map<String, Long> WORK_TYPES = Map.of(
            "Remote Support", 29682801L,
            "Onsite Support", 29682802L,
            "Project Work", 29682803L,
            "After Hours Support", 29682804L);
    static final long DEFAULT_RESOURCE = 29682885L;

    private static final String[][] TECHNICIANS = {
        {"Ana", "Ruiz"}, {"Ben", "Okafor"}, {"Chloe", "Martin"}, {"Dev", "Patel"}, {"Eli", "Novak"}, {"Fay", "Chen"}
    };
    private static final String[] TITLES = {
        "Printer offline", "Outlook keeps asking for password", "New starter laptop", "VPN drops", "Server disk 90%",
        "Firewall firmware", "Phish reported", "Backup failed", "Wi-Fi slow in meeting room", "Line-of-business app"
    };
    // Odd lengths (0.1 h, 0.4 h, 1.2 h) on purpose: contracts round them up to their increments.
    private static final BigDecimal[] HOURS = Stream.of(
                    "0.25", "0.5", "0.75", "1", "1.5", "2", "0.1", "0.4", "1.2", "3")
            .map(BigDecimal::new)
            .toArray(BigDecimal[]::new);

    final Table<Row.Company> companies = new Table<>("Companies", Row.Company.FIELDS);
    final Table<Row.Ticket> tickets = new Table<>("Tickets", Row.Ticket.FIELDS);
    final Table<Row.Resource> resources = new Table<>("Resources", Row.Resource.FIELDS);
    final Table<Row.BillingCode> billingCodes = new Table<>("BillingCodes", Row.BillingCode.FIELDS);
    final Table<TimeEntry> timeEntries =
            new Table<>("TimeEntries", TimeEntry.FIELDS, "lastModifiedDateTime", "dateWorked");
    private final Map<String, Long> companyOfCustomer = new LinkedHashMap<>();
    private long nextEntryId = 1;

    private AutotaskData() {
        for (int i = 0; i < TECHNICIANS.length; i++) {
            resources.put(new Row.Resource(DEFAULT_RESOURCE + i, TECHNICIANS[i][0], TECHNICIANS[i][1]));
        }
        WORK_TYPES.forEach((name, id) -> billingCodes.put(new Row.BillingCode(id, name)));
    }

    /** The MSP's customers as Autotask companies, with about 20 entries each over the two months before as-of. */
    public static AutotaskData from(SampleMsp msp) {
        return from(msp, 20);
    }

    /**
     * Each customer becomes a company ({@link #companyIdOf}) with tickets and {@code entriesPerCompany} time entries
     * worked in the two months before the MSP's as-of; about one in ten is non-billable and one in fifty is project
     * time without a ticket. A prospect company no customer maps has entries too. The same MSP gives the same data.
     */
    public static AutotaskData from(SampleMsp msp, int entriesPerCompany) {
        AutotaskData data = new AutotaskData();
        Random random = new Random(msp.seed() ^ 0x417574L);
        Instant asOf = msp.asOf().truncatedTo(ChronoUnit.SECONDS);
        LocalDate first =
                LocalDate.ofInstant(asOf, ZoneOffset.UTC).withDayOfMonth(1).minusMonths(1);
        int days = (int) ChronoUnit.DAYS.between(first, LocalDate.ofInstant(asOf, ZoneOffset.UTC));
        data.company(OWNER_COMPANY, "Managed Services (owner)");
        long ticketId = 7001;
        data.nextEntryId = 100_001;
        List<Long> companyIds = new ArrayList<>();
        for (int i = 0; i < msp.customers().size(); i++) {
            SampleCustomer customer = msp.customers().get(i);
            long id = 1000L + i;
            data.company(id, customer.name());
            data.companyOfCustomer.put(customer.id(), id);
            companyIds.add(id);
        }
        long prospect = 1000L + msp.customers().size();
        data.company(prospect, "Prospect Holdings");
        companyIds.add(prospect);
        for (long companyId : companyIds) {
            int ticketCount = Math.max(1, entriesPerCompany / 4);
            long firstTicket = ticketId;
            for (int t = 0; t < ticketCount; t++) {
                data.ticket(
                        ticketId++,
                        companyId,
                        TITLES[random.nextInt(TITLES.length)],
                        1 + random.nextInt(4),
                        random.nextInt(5) == 0 ? null : 1L + random.nextInt(4),
                        29683L);
            }
            for (int e = 0; e < entriesPerCompany; e++) {
                Long ticket = random.nextInt(50) == 0 ? null : firstTicket + random.nextInt(ticketCount);
                LocalDate day = first.plusDays(random.nextInt(Math.max(1, days)));
                Instant start = day.atStartOfDay(ZoneOffset.UTC)
                        .toInstant()
                        .plus(Duration.ofMinutes(8 * 60 + 15L * random.nextInt(36)));
                BigDecimal hours = HOURS[random.nextInt(HOURS.length)];
                Instant modified =
                        start.plus(Duration.ofMinutes(hours.movePointRight(2).longValue() * 60 / 100 + 5));
                data.timeEntries.put(new TimeEntry(
                        data.nextEntryId++,
                        ticket,
                        DEFAULT_RESOURCE + random.nextInt(TECHNICIANS.length),
                        29682801L + random.nextInt(4),
                        random.nextInt(10) == 0,
                        day.atStartOfDay(ZoneOffset.UTC).toInstant(),
                        start,
                        hours,
                        modified.isAfter(asOf) ? asOf : modified,
                        modified.isAfter(asOf) ? asOf : modified));
            }
        }
        return data;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The company id a customer of the sample MSP has ({@code sources: { autotask: "<id>" }}). */
    public synchronized long companyIdOf(String customerId) {
        Long id = companyOfCustomer.get(customerId);
        if (id == null) {
            throw new NoSuchElementException("no company for customer " + customerId);
        }
        return id;
    }

    public synchronized int companyCount() {
        return companies.size();
    }

    public synchronized int timeEntryCount() {
        return timeEntries.size();
    }

    /** Ids of every time entry, in id order. */
    public synchronized List<Long> timeEntryIds() {
        return List.copyOf(timeEntries.after(Long.MIN_VALUE).keySet());
    }

    /** Ids of the entries last modified after the instant, in id order: what an incremental read should find. */
    public synchronized List<Long> timeEntriesModifiedAfter(Instant instant) {
        return timeEntries.index("lastModifiedDateTime").tailMap(instant, false).values().stream()
                .flatMap(Set::stream)
                .sorted()
                .toList();
    }

    /** Changes an entry's hours, as a technician correcting it would. */
    public synchronized void editHours(long entryId, String hours, Instant at) {
        TimeEntry entry = timeEntries.get(entryId);
        if (entry == null) {
            throw new NoSuchElementException("no time entry " + entryId);
        }
        timeEntries.put(entry.withHours(new BigDecimal(hours), at));
    }

    /** Deletes an entry: Autotask keeps no trace a client could read. */
    public synchronized void delete(long entryId) {
        if (timeEntries.remove(entryId) == null) {
            throw new NoSuchElementException("no time entry " + entryId);
        }
    }

    /** Adds a billable entry on a ticket, created at the instant given; returns its id. */
    public synchronized long add(long ticketId, String workType, Instant start, String hours, Instant at) {
        long id = nextEntryId++;
        timeEntries.put(newEntry(id, ticketId, workType, start, hours, true, at));
        return id;
    }

    /** Runs the work with this data set locked, for a consistent page. */
    synchronized <T> T locked(Supplier<T> work) {
        return work.get();
    }

    private void company(long id, String name) {
        companies.put(new Row.Company(id, name, true));
    }

    private void ticket(long id, long companyId, String title, long priority, Long issueType, Long queue) {
        tickets.put(new Row.Ticket(id, companyId, title, priority, issueType, queue));
    }

    private static TimeEntry newEntry(
            long id, Long ticketId, String workType, Instant start, String hours, boolean billable, Instant modified) {
        Long code = WORK_TYPES.get(workType);
        if (code == null) {
            throw new IllegalArgumentException(
                    "not a simulated work type: " + workType + " (" + WORK_TYPES.keySet() + ")");
        }
        Instant day = start.truncatedTo(ChronoUnit.DAYS);
        return new TimeEntry(
                id, ticketId, DEFAULT_RESOURCE, code, !billable, day, start, new BigDecimal(hours), modified, modified);
    }

    /** A small data set by hand: companies, tickets and entries with the ids a test names. */
    public static final class Builder {
        private final AutotaskData data = new AutotaskData();

        private Builder() {
            data.company(OWNER_COMPANY, "Managed Services (owner)");
        }

        public Builder company(long id, String name) {
            data.company(id, name);
            return this;
        }

        /**
         * @param priority a priority picklist value: 1 High, 2 Medium, 3 Low, 4 Critical
         * @param issueType 1 Hardware, 2 Software, 3 Network, 4 Security; null for none (the queue is then the category)
         */
        public Builder ticket(long id, long companyId, String title, long priority, Long issueType) {
            data.ticket(id, companyId, title, priority, issueType, 29683L);
            return this;
        }

        /**
         * An entry by technician Ana Ruiz, last modified at its start.
         *
         * @param workType one of Remote Support, Onsite Support, Project Work, After Hours Support
         */
        public Builder entry(long id, long ticketId, String workType, Instant start, String hours, boolean billable) {
            data.timeEntries.put(newEntry(id, ticketId, workType, start, hours, billable, start));
            data.nextEntryId = Math.max(data.nextEntryId, id + 1);
            return this;
        }

        /** Project time: an entry without a ticket, which no company maps. */
        public Builder taskEntry(long id, Instant start, String hours) {
            data.timeEntries.put(newEntry(id, null, "Project Work", start, hours, true, start));
            data.nextEntryId = Math.max(data.nextEntryId, id + 1);
            return this;
        }

        public AutotaskData build() {
            return data;
        }
    }
}
