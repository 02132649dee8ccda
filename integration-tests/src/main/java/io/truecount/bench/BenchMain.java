package io.truecount.bench;

import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * {@code ./bench billing [--customers N] [--seed N] [--history-days N]}: runs {@link BillingBenchmark} under JMH with
 * the GC profiler in a forked JVM, then measures the heap of the same workload in this JVM, and prints one readable
 * summary.
 */
public final class BenchMain {

    private static final double MB = 1024.0 * 1024.0;

    private BenchMain() {}

    /** What to run: the MSP's size and seed, and the daily snapshots its run reads. */
    record Settings(int customers, long seed, int historyDays) {

        static Settings parse(String... args) {
            int customers = 10_000;
            long seed = 20261031L;
            int historyDays = Workload.ALL_DAYS;
            for (int i = 0; i < args.length; i += 2) {
                String value = i + 1 < args.length ? args[i + 1] : "nothing";
                try {
                    switch (args[i]) {
                        case "--customers" -> customers = Integer.parseInt(value);
                        case "--seed" -> seed = Long.parseLong(value);
                        case "--history-days" -> historyDays = Integer.parseInt(value);
                        default -> throw new IllegalArgumentException("unknown option " + args[i] + "; " + USAGE);
                    }
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(args[i] + " needs a whole number, got " + value);
                }
            }
            if (customers < 1 || historyDays < 0) {
                throw new IllegalArgumentException("--customers must be at least 1 and --history-days at least 0");
            }
            return new Settings(customers, seed, historyDays);
        }
    }

    static final String USAGE = "usage: ./bench billing [--customers N] [--seed N] [--history-days N]";

    public static void main(String[] args) throws RunnerException {
        Settings settings;
        try {
            settings = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        Options options = new OptionsBuilder()
                .include(BillingBenchmark.class.getName() + ".rateAndInvoice")
                .param("customers", Integer.toString(settings.customers()))
                .param("seed", Long.toString(settings.seed()))
                .param("historyDays", Integer.toString(settings.historyDays()))
                .addProfiler(GCProfiler.class)
                .forks(1)
                .warmupIterations(2)
                .warmupTime(TimeValue.seconds(10))
                .measurementIterations(3)
                .measurementTime(TimeValue.seconds(10))
                .build();
        RunResult run = new Runner(options).runSingle();
        HeapProbe.Figures heap = HeapProbe.measure(settings.customers(), settings.seed(), settings.historyDays());
        System.out.println(summary(settings, run, heap));
    }

    static String summary(Settings settings, RunResult run, HeapProbe.Figures heap) {
        Result<?> time = run.getPrimaryResult();
        double msPerOp = time.getScore();
        Double allocated = secondary(run.getSecondaryResults(), "gc.alloc.rate.norm");
        return String.format(
                Locale.ROOT,
                "%nrating+invoicing %,d customers x %d lines (%d days of asset snapshots): %,.0f ms/op (+- %,.0f)"
                        + " = %,.0f customers/s (JMH, %s)%n"
                        + "heap: input %,.0f MB retained; input + outcome + ledger %,.0f MB retained after the run;"
                        + " peak during the run %,.0f MB (max heap %,.0f MB); allocated per run %s (gc.alloc.rate.norm)",
                settings.customers(),
                ContractDraws.LINES_PER_CUSTOMER,
                settings.historyDays(),
                msPerOp,
                time.getScoreError(),
                settings.customers() / (msPerOp / 1000.0),
                BillingBenchmark.HEAP,
                heap.input(),
                heap.afterRun(),
                heap.peakDuringRun(),
                heap.maxHeap(),
                allocated == null ? "n/a" : String.format(Locale.ROOT, "%,.0f MB", allocated / MB));
    }

    /** A secondary result by the end of its label: JMH versions differ in the prefix they put before it. */
    private static Double secondary(Map<String, Result> results, String label) {
        return results.entrySet().stream()
                .filter(e -> e.getKey().endsWith(label))
                .map(e -> e.getValue().getScore())
                .findFirst()
                .orElse(null);
    }
}
