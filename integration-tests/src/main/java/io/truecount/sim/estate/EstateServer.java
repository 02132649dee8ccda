package io.truecount.sim.estate;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.truecount.sim.vendor.RecordedRequest;
import io.truecount.sim.vendor.VendorSimulator;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Serves an {@link Estate} from its own process, so that whoever measures a sync against it (the sync benchmark)
 * measures the sync alone: {@code EstateServer --customers N --seed S --devices D --users U --entries E --dir DIR}.
 * Prints {@code ready <config file>} when every simulator listens, then takes commands on stdin, one per line:
 * {@code dump FILE} writes every request received so far as JSON lines and answers {@code dumped N};
 * {@code quit} stops.
 */
public final class EstateServer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EstateServer() {}

    public static void main(String[] args) throws IOException {
        EstatePlan plan = plan(args);
        Path dir = Path.of(value(args, "--dir", "out/bench-estate"));
        PrintStream out = System.out;
        VendorSimulator.serveInBulk();
        List<RecordedRequest> received = new ArrayList<>();
        try (Estate estate = Estate.start(plan, dir)) {
            estate.onRequest(r -> {
                synchronized (received) {
                    received.add(r);
                }
            });
            estate.description().forEach(line -> System.err.println("estate: " + line));
            out.println("ready " + estate.config().toAbsolutePath());
            out.flush();
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = commands.readLine(); line != null; line = commands.readLine()) {
                if (line.startsWith("dump ")) {
                    List<RecordedRequest> copy;
                    synchronized (received) {
                        copy = List.copyOf(received);
                    }
                    write(copy, Path.of(line.substring(5).strip()));
                    out.println("dumped " + copy.size());
                    out.flush();
                } else if (line.equals("quit")) {
                    break;
                }
            }
        }
    }

    static void write(List<RecordedRequest> requests, Path file) throws IOException {
        try (BufferedWriter writer = Files.newBufferedWriter(file)) {
            for (RecordedRequest request : requests) {
                writer.write(JSON.writeValueAsString(request));
                writer.newLine();
            }
        }
    }

    /** Reads what {@link #write} wrote. */
    public static List<RecordedRequest> read(Path file) throws IOException {
        List<RecordedRequest> requests = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            requests.add(JSON.readValue(line, RecordedRequest.class));
        }
        return requests;
    }

    /** The plan from the command line; the arguments are the benchmark's own, passed through. */
    public static EstatePlan plan(String[] args) {
        Instant asOf = Instant.now();
        return new EstatePlan(
                Long.parseLong(value(args, "--seed", "20261122")),
                Integer.parseInt(value(args, "--customers", "2000")),
                Integer.parseInt(value(args, "--devices", "100")),
                Integer.parseInt(value(args, "--users", "50")),
                Integer.parseInt(value(args, "--entries", "150")),
                YearMonth.from(asOf.atZone(java.time.ZoneOffset.UTC)),
                asOf);
    }

    private static String value(String[] args, String option, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(option)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
