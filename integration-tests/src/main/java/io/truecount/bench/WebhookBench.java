package io.truecount.bench;

import io.truecount.sim.stripe.StripeInvoice;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * {@code ./bench webhooks [--events 20000] [--concurrency 32] [--duplicates-percent 5] [--seed N] [--customers 50]}:
 * bills a generated MSP once with {@code truecount cycle --push} (so its invoices are at a Stripe simulator), starts
 * {@code truecount serve} in its own JVM on the same embedded PostgreSQL, posts signed Stripe events (and
 * redeliveries of some) at {@code POST /webhooks/stripe} from this JVM, waits until the server has processed them, and
 * reports intake throughput and latency, the processing lag, and, from the database, lost and duplicated events and
 * effects. Exits 1 when any of those is not zero.
 */
public final class WebhookBench {

    /** Everything one run measured. */
    record Result(
            WebhookSettings settings,
            int invoices,
            int distinct,
            WebhookLoad.Figures load,
            Duration drained,
            boolean drainedInTime,
            WebhookAudit audit) {

        /** Errors, lost, duplicated and dead events, missing or extra effects, wrong statuses, unprocessed rows. */
        long failures() {
            return load.errors()
                    + audit.lost()
                    + audit.duplicated()
                    + audit.dead()
                    + audit.received()
                    + audit.effectsMissing()
                    + audit.effectsDuplicated()
                    + audit.notPaid()
                    + (drainedInTime ? 0 : 1);
        }
    }

    private static final Duration SERVER_START = Duration.ofSeconds(120);

    private WebhookBench() {}

    public static void main(String[] args) throws Exception {
        WebhookSettings settings;
        try {
            settings = WebhookSettings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        Path jar = Path.of(System.getProperty("truecount.exec-jar", "routes/target/truecount-exec.jar"));
        Result result = run(settings, jar, Files.createTempDirectory("truecount-bench-webhooks"));
        System.out.println(summary(result));
        System.exit(result.failures() == 0 ? 0 : 1);
    }

    /** One run in {@code dir}: the database, simulators, configuration and the server's log live there. */
    static Result run(WebhookSettings settings, Path jar, Path dir) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start();
                WebhookEstate estate = WebhookEstate.start(dir, settings.customers(), settings.seed())) {
            String jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
            DataSource database = postgres.getPostgresDatabase();
            progress("billing %d customers with truecount cycle --push ...", settings.customers());
            List<StripeInvoice> invoices = estate.pushInvoices(jdbcUrl, database, dir.resolve("out"));
            progress("%d invoices at Stripe; starting truecount serve ...", invoices.size());
            try (ServerProcess server = ServerProcess.start(
                    jar, "-Xmx1g", estate.config(), jdbcUrl, dir.resolve("serve.log"), SERVER_START)) {
                WebhookTraffic traffic = WebhookTraffic.plan(
                        settings, invoices, estate.webhookSecret(), System.currentTimeMillis() / 1000);
                progress(
                        "posting %,d events + %,d redeliveries with %d clients to server pid %d ...",
                        traffic.distinct(), traffic.posts() - traffic.distinct(), settings.concurrency(), server.pid());
                WebhookLoad.Figures load =
                        WebhookLoad.post(traffic, server.webhookUri(WebhookEstate.CONNECTOR), settings.concurrency());
                long waitStarted = System.nanoTime();
                // Bounded: a stuck inbox must end the run, not hang it.
                Duration limit = Duration.ofSeconds(120).plusMillis(20L * settings.events());
                boolean drained = false;
                while (System.nanoTime() - waitStarted < limit.toNanos()) {
                    if (WebhookAudit.pending(database, WebhookEstate.CONNECTOR) == 0) {
                        drained = true;
                        break;
                    }
                    Thread.sleep(100);
                }
                Duration drainTime = Duration.ofNanos(System.nanoTime() - waitStarted);
                WebhookAudit audit = WebhookAudit.of(database, WebhookEstate.CONNECTOR, traffic.eventIds());
                if (audit.dead() > 0 || load.errors() > 0) {
                    progress("server log: %s", server.log());
                }
                return new Result(settings, invoices.size(), traffic.distinct(), load, drainTime, drained, audit);
            }
        }
    }

    static String summary(Result r) {
        long[] latency = r.load().latencyNanos().clone();
        Arrays.sort(latency);
        WebhookAudit a = r.audit();
        StringBuilder s = new StringBuilder();
        s.append(String.format(
                Locale.ROOT,
                "%nwebhook benchmark: %,d events + %,d redeliveries about %d Stripe invoices, %d clients, seed %d%n",
                r.distinct(),
                r.load().posts() - r.distinct(),
                r.invoices(),
                r.settings().concurrency(),
                r.settings().seed()));
        s.append(String.format(
                Locale.ROOT,
                "intake:     %,.0f events/s sustained (%,d posts in %.1f s)%n",
                r.load().perSecond(),
                r.load().posts(),
                r.load().wall().toNanos() / 1e9));
        s.append(String.format(
                Locale.ROOT,
                "latency:    p50 %s  p95 %s  p99 %s  max %s (send to response)%n",
                millis(percentile(latency, 0.50)),
                millis(percentile(latency, 0.95)),
                millis(percentile(latency, 0.99)),
                millis(latency[latency.length - 1])));
        s.append(String.format(
                Locale.ROOT,
                "processing: lag p50 %s  p99 %s  max %s (processed_at - received_at); inbox empty %.1f s after the"
                        + " last post%s%n",
                millis(a.lagP50().toNanos()),
                millis(a.lagP99().toNanos()),
                millis(a.lagMax().toNanos()),
                r.drained().toNanos() / 1e9,
                r.drainedInTime() ? "" : " (GAVE UP WAITING)"));
        s.append(String.format(
                Locale.ROOT,
                "inbox:      %,d distinct sent, %,d stored: %,d processed, %,d dead, %,d still received%n",
                r.distinct(),
                a.stored(),
                a.processed(),
                a.dead(),
                a.received()));
        s.append(String.format(
                Locale.ROOT,
                "effects:    %,d stored events name a pushed invoice, %,d payment_event rows: %,d missing, %,d extra;"
                        + " %d paid invoice(s) not PAID%n",
                a.namingInvoice(),
                a.effects(),
                a.effectsMissing(),
                a.effectsDuplicated(),
                a.notPaid()));
        s.append(String.format(
                Locale.ROOT,
                "result:     errors %d  lost %d  duplicated %d  dead %d  -> %s%n",
                r.load().errors(),
                a.lost(),
                a.duplicated(),
                a.dead(),
                r.failures() == 0 ? "OK" : "FAILED"));
        if (r.load().errors() > 0) {
            s.append("            statuses ")
                    .append(r.load().statuses().entrySet().stream()
                            .map(e -> (e.getKey() < 0 ? "no answer" : "HTTP " + e.getKey()) + " x" + e.getValue())
                            .collect(Collectors.joining(", ")))
                    .append("; first: ")
                    .append(r.load().firstError())
                    .append(System.lineSeparator());
        }
        return s.toString();
    }

    /** Nearest-rank percentile of sorted values. */
    static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    private static void progress(String format, Object... args) {
        System.err.println(String.format(Locale.ROOT, format, args));
    }
}
