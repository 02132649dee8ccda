package io.truecount.bench;

import io.truecount.app.Truecount;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code ./bench api [--clients 50] [--requests 10000] [--customers 200]}: bills a generated MSP once with
 * {@code truecount cycle --push}, starts {@code truecount serve} in its own JVM on the same embedded PostgreSQL,
 * creates a viewer token with {@code truecount token create}, and lists the period's invoices
 * ({@code GET /api/invoices?period=2026-10}, every invoice of the run in each answer) from {@code clients} threads of
 * this JVM at once. Reports requests/s and latency percentiles; exits 1 when any answer is not a 200 holding every
 * invoice.
 */
public final class ApiBench {

    /** What one run measured; latencies in request order. */
    record Result(
            Settings settings,
            int invoices,
            int requests,
            Duration wall,
            long[] latencyNanos,
            Map<Integer, Integer> statuses,
            int incomplete,
            String firstError) {

        int errors() {
            return statuses.entrySet().stream()
                            .filter(e -> e.getKey() != 200)
                            .mapToInt(Map.Entry::getValue)
                            .sum()
                    + incomplete;
        }
    }

    record Settings(int clients, int requests, int customers) {

        static final String USAGE = "usage: ./bench api [--clients N] [--requests N] [--customers N]";

        static Settings parse(String... args) {
            int clients = 50;
            int requests = 10_000;
            int customers = 200;
            for (int i = 0; i < args.length; i += 2) {
                String value = i + 1 < args.length ? args[i + 1] : "nothing";
                try {
                    switch (args[i]) {
                        case "--clients" -> clients = Integer.parseInt(value);
                        case "--requests" -> requests = Integer.parseInt(value);
                        case "--customers" -> customers = Integer.parseInt(value);
                        default -> throw new IllegalArgumentException("unknown option " + args[i] + "; " + USAGE);
                    }
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(args[i] + " needs a whole number, got " + value);
                }
            }
            if (clients < 1 || requests < 1 || customers < 1) {
                throw new IllegalArgumentException("--clients, --requests and --customers must be at least 1");
            }
            return new Settings(clients, requests, customers);
        }
    }

    private static final Duration SERVER_START = Duration.ofSeconds(120);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private ApiBench() {}

    public static void main(String[] args) throws Exception {
        Settings settings;
        try {
            settings = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        Path jar = Path.of(System.getProperty("truecount.exec-jar", "routes/target/truecount-exec.jar"));
        Result result = run(settings, jar, Files.createTempDirectory("truecount-bench-api"));
        System.out.println(summary(result));
        System.exit(result.errors() == 0 ? 0 : 1);
    }

    static Result run(Settings settings, Path jar, Path dir) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start();
                WebhookEstate estate = WebhookEstate.start(dir, settings.customers(), 20261122L)) {
            String jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
            progress("billing %d customers with truecount cycle --push ...", settings.customers());
            int invoices = estate.pushInvoices(jdbcUrl, postgres.getPostgresDatabase(), dir.resolve("out"))
                    .size();
            String token = viewerToken(estate.config(), jdbcUrl);
            progress("%d invoices; starting truecount serve ...", invoices);
            try (ServerProcess server = ServerProcess.start(
                    jar, "-Xmx1g", estate.config(), jdbcUrl, dir.resolve("serve.log"), SERVER_START)) {
                URI list = server.uri("/api/invoices?period=" + WebhookEstate.PERIOD);
                // A short warm-up: the first requests measure class loading and JIT, not the API.
                load(list, token, Math.min(settings.clients(), 8), 200, invoices);
                progress(
                        "listing %d invoices %,d times with %d clients (server pid %d) ...",
                        invoices, settings.requests(), settings.clients(), server.pid());
                Result result = load(list, token, settings.clients(), settings.requests(), invoices);
                return new Result(
                        settings,
                        invoices,
                        result.requests(),
                        result.wall(),
                        result.latencyNanos(),
                        result.statuses(),
                        result.incomplete(),
                        result.firstError());
            }
        }
    }

    /** {@code truecount token create bench-viewer --role viewer}: the token is the line of stdout it prints. */
    private static String viewerToken(Path config, String jdbcUrl) {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = Truecount.run(
                new PrintWriter(stdout, true),
                new PrintWriter(stderr, true),
                "token",
                "create",
                "bench-viewer",
                "--role",
                "viewer",
                "--config",
                config.toString(),
                "--db",
                jdbcUrl);
        String token = stdout.toString()
                .lines()
                .map(String::trim)
                .filter(line -> line.startsWith("tc_"))
                .findFirst()
                .orElse(null);
        if (code != 0 || token == null) {
            throw new IllegalStateException("truecount token create exited with " + code + "\n" + stderr);
        }
        return token;
    }

    private static Result load(URI uri, String token, int clients, int requests, int invoices)
            throws InterruptedException {
        long[] latencies = new long[requests];
        int[] statuses = new int[requests];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger incomplete = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .GET()
                .build();
        String invoiceKey = "\"number\"";
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            // One client (one kept-alive HTTP/1.1 connection) per thread, as separate scripts or browsers would be.
            HttpClient client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            Thread thread = new Thread(
                    () -> {
                        await(start);
                        for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                            long sent = System.nanoTime();
                            try {
                                HttpResponse<String> response =
                                        client.send(request, HttpResponse.BodyHandlers.ofString());
                                latencies[i] = System.nanoTime() - sent;
                                statuses[i] = response.statusCode();
                                if (response.statusCode() != 200) {
                                    firstError.compareAndSet(
                                            null, "HTTP " + response.statusCode() + " " + response.body());
                                } else if (occurrences(response.body(), invoiceKey) != invoices) {
                                    incomplete.incrementAndGet();
                                    firstError.compareAndSet(null, "an answer without all " + invoices + " invoices");
                                }
                            } catch (IOException e) {
                                latencies[i] = System.nanoTime() - sent;
                                statuses[i] = -1;
                                firstError.compareAndSet(null, e.toString());
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                statuses[i] = -1;
                                return;
                            }
                        }
                    },
                    "api-client-" + t);
            threads.add(thread);
            thread.start();
        }
        long started = System.nanoTime();
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - started);
        Map<Integer, Integer> counts = new TreeMap<>();
        for (int status : statuses) {
            counts.merge(status, 1, Integer::sum);
        }
        return new Result(
                new Settings(clients, requests, 0),
                invoices,
                requests,
                wall,
                latencies,
                counts,
                incomplete.get(),
                firstError.get());
    }

    private static int occurrences(String text, String key) {
        int count = 0;
        for (int i = text.indexOf(key); i >= 0; i = text.indexOf(key, i + key.length())) {
            count++;
        }
        return count;
    }

    static String summary(Result r) {
        long[] sorted = r.latencyNanos().clone();
        Arrays.sort(sorted);
        StringBuilder s = new StringBuilder();
        s.append(String.format(
                Locale.ROOT,
                "%napi benchmark: GET /api/invoices?period=%s (%d invoices per answer), %,d requests, %d clients%n",
                WebhookEstate.PERIOD,
                r.invoices(),
                r.requests(),
                r.settings().clients()));
        s.append(String.format(
                Locale.ROOT,
                "throughput: %,.0f requests/s (%.1f s)%n",
                r.requests() / (r.wall().toNanos() / 1e9),
                r.wall().toNanos() / 1e9));
        s.append(String.format(
                Locale.ROOT,
                "latency:    p50 %s  p95 %s  p99 %s  max %s (send to last byte)%n",
                millis(WebhookBench.percentile(sorted, 0.50)),
                millis(WebhookBench.percentile(sorted, 0.95)),
                millis(WebhookBench.percentile(sorted, 0.99)),
                millis(sorted[sorted.length - 1])));
        s.append(String.format(
                Locale.ROOT,
                "result:     statuses %s, %d incomplete -> %s%s%n",
                r.statuses(),
                r.incomplete(),
                r.errors() == 0 ? "OK" : "FAILED",
                r.firstError() == null ? "" : "; first error: " + r.firstError()));
        return s.toString();
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void progress(String format, Object... args) {
        System.err.println(String.format(Locale.ROOT, format, args));
    }
}
