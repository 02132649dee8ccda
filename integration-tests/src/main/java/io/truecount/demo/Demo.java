package io.truecount.demo;

import io.truecount.app.Truecount;
import io.truecount.sim.estate.Estate;
import io.truecount.sim.estate.EstatePlan;
import io.truecount.sim.vendor.Mode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Locale;

/**
 * The one-command demo ({@code ./demo}): generates a sample MSP, serves it from every vendor simulator ({@link
 * Estate}), writes an admin configuration for it and runs {@code truecount cycle --push} for the current month on an
 * embedded PostgreSQL under {@code out/demo/data}: the invoices are approved and pushed to the QuickBooks Online and
 * Stripe simulators. Running it again keeps the same invoices and numbers and pushes nothing twice.
 *
 * <p>Options: {@code --customers N} (default 40), {@code --mode NORMAL|THROTTLE|FLAKY_5XX|FAIL_5XX|...} (default
 * THROTTLE, so the summary shows the client honouring Retry-After), {@code --seed N}.
 */
public final class Demo {

    private static final Path HOME = Path.of("out", "demo");
    private static final ZoneId MSP_ZONE = ZoneId.of("America/New_York");

    private Demo() {}

    public static void main(String[] args) throws IOException {
        int customers = 40;
        long seed = 42;
        Mode mode = Mode.THROTTLE;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--customers" -> customers = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--mode" -> mode = Mode.valueOf(args[i + 1].toUpperCase(Locale.ROOT));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        System.exit(run(customers, seed, mode));
    }

    static int run(int customers, long seed, Mode mode) throws IOException {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        Instant now = Instant.now();
        YearMonth period = YearMonth.now(MSP_ZONE);
        try (Estate estate = Estate.start(EstatePlan.demo(seed, customers, period, now), HOME)) {
            estate.mode(mode);
            err.printf("demo: %d customers served by the vendor simulators (mode %s):%n", customers, mode);
            estate.description().forEach(line -> err.println("  " + line));
            err.printf("demo: configuration %s; running truecount cycle --push for %s%n%n", estate.config(), period);
            int code = Truecount.run(
                    out,
                    err,
                    "cycle",
                    "--config",
                    estate.config().toString(),
                    "--period",
                    period.toString(),
                    "--out",
                    HOME.resolve("exports").toString(),
                    "--data-dir",
                    HOME.resolve("data").toString(),
                    // The admin's approval: drafts become APPROVED and go to QuickBooks and Stripe, exactly once.
                    "--push");
            out.printf(
                    "%nDemo finished with exit code %d. Run ./demo again: the same invoices keep their numbers and"
                            + " nothing is pushed twice. Try ./demo --mode FAIL_5XX to see failed sources (exit code 3,"
                            + " no zero invoices).%n",
                    code);
            return code;
        }
    }
}
