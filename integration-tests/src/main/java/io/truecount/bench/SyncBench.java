package io.truecount.bench;

import io.truecount.app.Truecount;
import io.truecount.sim.estate.EstateServer;
import io.truecount.sim.vendor.RecordedRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./bench sync [--customers 2000] [--devices 100] [--users 50] [--entries 150] [--seed N]}: serves a
 * generated MSP from every simulator in a separate process ({@link EstateServer}), runs {@code truecount sync} against
 * it in this JVM on an embedded PostgreSQL, and prints wall time, records/s, requests and the peak heap; then replays
 * the very requests the sync sent with a bare HTTP-fetch-and-parse loop ({@link FloorLoop}) and prints that floor and
 * the ratio.
 */
public final class SyncBench {

    /** One connector's line of {@code truecount sync}'s table. */
    record ConnectorFigures(
            String connector,
            boolean ok,
            long records,
            long pages,
            long requests,
            long retries,
            long throttled,
            String time) {}

    private static final Pattern ROW = Pattern.compile(
            "^(\\S+)\\s+(ok|FAILED)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)$", Pattern.MULTILINE);
    private static final double MB = 1024.0 * 1024.0;

    private SyncBench() {}

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("truecount-bench-sync");
        Process estate = startEstate(args, work.resolve("estate"));
        try (BufferedReader fromEstate =
                        new BufferedReader(new InputStreamReader(estate.getInputStream(), StandardCharsets.UTF_8));
                Writer toEstate = new PrintWriter(estate.getOutputStream(), true, StandardCharsets.UTF_8)) {
            String ready = expect(fromEstate, "ready ");
            Path config = Path.of(ready.substring("ready ".length()));

            HeapSampler heap = HeapSampler.start();
            long started = System.nanoTime();
            StringWriter out = new StringWriter();
            int code = Truecount.run(
                    new PrintWriter(out, true),
                    new PrintWriter(System.err, true),
                    "sync",
                    "--config",
                    config.toString(),
                    "--data-dir",
                    work.resolve("db").toString());
            Duration wall = Duration.ofNanos(System.nanoTime() - started);
            long peak = heap.stop();
            System.err.println(out);

            toEstate.write("dump " + work.resolve("requests.jsonl") + "\n");
            toEstate.flush();
            expect(fromEstate, "dumped ");
            List<RecordedRequest> requests = EstateServer.read(work.resolve("requests.jsonl"));
            FloorLoop.Figures floor = FloorLoop.replay(requests);
            toEstate.write("quit\n");
            toEstate.flush();

            System.out.println(summary(args, code, rows(out.toString()), wall, peak, floor));
        } finally {
            estate.destroy();
        }
    }

    private static Process startEstate(String[] args, Path dir) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx8g");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(EstateServer.class.getName());
        command.addAll(List.of(args));
        command.add("--dir");
        command.add(dir.toString());
        return new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    private static String expect(BufferedReader in, String prefix) throws IOException {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new IOException("the estate process ended before answering '" + prefix.strip() + "'");
    }

    static List<ConnectorFigures> rows(String table) {
        List<ConnectorFigures> rows = new ArrayList<>();
        Matcher m = ROW.matcher(table);
        while (m.find()) {
            rows.add(new ConnectorFigures(
                    m.group(1),
                    m.group(2).equals("ok"),
                    Long.parseLong(m.group(3)),
                    Long.parseLong(m.group(4)),
                    Long.parseLong(m.group(5)),
                    Long.parseLong(m.group(6)),
                    Long.parseLong(m.group(7)),
                    m.group(8)));
        }
        return rows;
    }

    static String summary(
            String[] args,
            int exitCode,
            List<ConnectorFigures> rows,
            Duration wall,
            long peakHeap,
            FloorLoop.Figures floor) {
        long records = rows.stream().mapToLong(ConnectorFigures::records).sum();
        long requests = rows.stream().mapToLong(ConnectorFigures::requests).sum();
        long retries = rows.stream().mapToLong(ConnectorFigures::retries).sum();
        StringBuilder text = new StringBuilder();
        text.append(String.format(
                Locale.ROOT,
                "%nsync benchmark (%s), truecount sync exit code %d%n",
                String.join(" ", args).isEmpty() ? "defaults" : String.join(" ", args),
                exitCode));
        text.append(String.format(
                Locale.ROOT,
                "  %-10s %10s %8s %9s %8s %8s%n",
                "connector",
                "records",
                "pages",
                "requests",
                "retries",
                "time"));
        for (ConnectorFigures r : rows) {
            text.append(String.format(
                    Locale.ROOT,
                    "  %-10s %,10d %,8d %,9d %,8d %8s%s%n",
                    r.connector(),
                    r.records(),
                    r.pages(),
                    r.requests(),
                    r.retries(),
                    r.time(),
                    r.ok() ? "" : "  FAILED"));
        }
        double seconds = wall.toMillis() / 1000.0;
        double floorSeconds = floor.elapsed().toMillis() / 1000.0;
        text.append(String.format(
                Locale.ROOT,
                "sync:  %,.1f s wall (start-up, 7 sources, storage in PostgreSQL), %,d records = %,.0f records/s,"
                        + " %,d requests (%,d retries)%n",
                seconds,
                records,
                records / seconds,
                requests,
                retries));
        text.append(String.format(
                Locale.ROOT,
                "heap:  peak %,.0f MB used (sampled every 20 ms) of %,.0f MB max%n",
                peakHeap / MB,
                Runtime.getRuntime().maxMemory() / MB));
        text.append(String.format(
                Locale.ROOT,
                "floor: %,.1f s to fetch and parse the same %,d requests one after another (%,.0f MB, %d not 2xx)%n",
                floorSeconds,
                floor.requests(),
                floor.bytes() / MB,
                floor.notOk()));
        text.append(String.format(Locale.ROOT, "ratio: sync / floor = %.2f%n", seconds / floorSeconds));
        return text.toString();
    }

    /** The highest heap use seen while the sync runs. */
    private static final class HeapSampler {
        private final AtomicLong peak = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        private HeapSampler() {
            thread = new Thread(
                    () -> {
                        while (running.get()) {
                            long used = ManagementFactory.getMemoryMXBean()
                                    .getHeapMemoryUsage()
                                    .getUsed();
                            peak.accumulateAndGet(used, Math::max);
                            try {
                                Thread.sleep(20);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    },
                    "heap-sampler");
            thread.setDaemon(true);
        }

        static HeapSampler start() {
            HeapSampler sampler = new HeapSampler();
            sampler.thread.start();
            return sampler;
        }

        long stop() throws InterruptedException {
            running.set(false);
            thread.join();
            return peak.get();
        }
    }
}
