package io.truecount.sim.halopsa;

import io.truecount.sim.msp.SampleCustomer;
import io.truecount.sim.msp.SampleMsp;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;

/**
 * Derives a HaloPSA instance from a sample MSP with one {@link Random} seeded from the MSP's seed, drawing in a fixed
 * order: the same MSP always gives the same instance. Each customer is a client; one more client, the MSP's walk-in
 * desk, maps to no customer. Every ticket starts with the action Halo logs itself.
 */
final class HaloGenerator {

    /** Timed actions per client on average: ~40 customers make ~800 entries. */
    static final int DEFAULT_MEAN_ACTIONS = 20;

    static final long FIRST_CLIENT_ID = 12;
    private static final long FIRST_TICKET_ID = 1001;
    private static final List<String> SUMMARIES = List.of(
            "VPN down",
            "Printer offline",
            "New starter laptop",
            "Password reset",
            "Outlook keeps crashing",
            "Firewall firmware update",
            "Backup job failed",
            "Slow file share",
            "Phone system reboot",
            "Wi-Fi drops");
    private static final List<String> PRIORITIES =
            List.of("P1 Critical", "P2 High", "P3 Medium", "P3 Medium", "P4 Low");
    private static final List<String> CATEGORIES = List.of("Network", "Hardware", "Software", "Accounts", "Backup");
    private static final List<String> TECHNICIANS =
            List.of("Jane Doe", "Sam Roe", "Priya Natarajan", "Tom Becker", "Ana Lima", "Kofi Mensah");
    private static final Duration SPREAD = Duration.ofDays(30);

    private final Random random;
    private final Instant asOf;
    private final HaloDataBuilder builder = HaloData.builder();
    private long nextTicketId = FIRST_TICKET_ID;

    private HaloGenerator(long seed, Instant asOf) {
        // A stream of its own: other vendors' generators draw from the same seed.
        this.random = new Random(seed * 31 + 0x4A10);
        this.asOf = asOf.truncatedTo(ChronoUnit.MINUTES);
    }

    static HaloData generate(SampleMsp msp, int meanActionsPerClient) {
        if (meanActionsPerClient < 1) {
            throw new IllegalArgumentException("mean actions per client must be at least 1");
        }
        HaloGenerator generator = new HaloGenerator(msp.seed(), msp.asOf());
        long clientId = FIRST_CLIENT_ID;
        for (SampleCustomer customer : msp.customers()) {
            generator.builder.client(clientId, customer.name()).customer(customer.id(), clientId);
            generator.tickets(clientId, meanActionsPerClient);
            clientId++;
        }
        generator.builder.client(clientId, "Walk-in Customers");
        generator.tickets(clientId, 3);
        return generator.builder.build();
    }

    /** Tickets of one to six timed actions until the client has its share (a quarter to 1.75 times the mean). */
    private void tickets(long clientId, int mean) {
        int target = Math.max(1, (int) Math.round(mean * (0.25 + 1.5 * random.nextDouble())));
        int made = 0;
        while (made < target) {
            long ticketId = nextTicketId++;
            builder.ticket(ticketId, clientId, pick(SUMMARIES), pick(PRIORITIES), pick(CATEGORIES));
            Instant opened = asOf.minus(Duration.ofMinutes(random.nextInt((int) SPREAD.toMinutes())));
            builder.systemAction(ticketId, "Ticket Logged", opened);
            int actions = Math.min(target - made, 1 + random.nextInt(6));
            Instant at = opened;
            for (int i = 0; i < actions; i++) {
                at = at.plus(Duration.ofMinutes(5 + random.nextInt(600)));
                if (at.isAfter(asOf)) {
                    at = asOf;
                }
                timed(ticketId, at);
            }
            made += actions;
            if (random.nextInt(4) == 0) {
                builder.action(ticketId, "Email", pick(TECHNICIANS), at, "0", false);
            }
        }
    }

    private void timed(long ticketId, Instant at) {
        int kind = random.nextInt(10);
        String outcome = kind < 5 ? "Remote Support" : kind < 8 ? "Phone Call" : "Onsite";
        BigDecimal hours = BigDecimal.valueOf(1 + random.nextInt(16), 0).divide(BigDecimal.valueOf(4));
        builder.action(ticketId, outcome, pick(TECHNICIANS), at, hours.toPlainString(), random.nextInt(100) < 85);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
