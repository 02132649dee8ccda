package io.truecount.bench;

import io.truecount.core.invoice.InMemoryInvoiceStore;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Time of one month-end billing run, rating plus invoice generation, for {@code customers} customers with ten
 * contract lines each ({@link BenchGenerator}). {@code ./bench billing} runs it and adds the heap figures.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(
        value = 1,
        jvmArgsAppend = {BillingBenchmark.HEAP, "-Duser.timezone=UTC"})
public class BillingBenchmark {

    /** One fixed heap for the measuring JVM, so runs on different machines compare. */
    static final String HEAP = "-Xmx4g";

    @Param("10000")
    public int customers;

    @Param("20261031")
    public long seed;

    /** Daily asset snapshots the run reads for peak and average counts; 31: a daily sync's whole month. */
    @Param("31")
    public int historyDays;

    private Workload workload;
    private InMemoryInvoiceStore ledger;

    @Setup(Level.Trial)
    public void generate() {
        workload = Workload.generate(customers, seed, historyDays);
    }

    /** Each run starts from last month's ledger, as the month's first run does; copying it is not measured. */
    @Setup(Level.Invocation)
    public void freshLedger() {
        ledger = workload.freshLedger();
    }

    @Benchmark
    public void rateAndInvoice(Blackhole blackhole) {
        blackhole.consume(workload.run(ledger));
    }
}
