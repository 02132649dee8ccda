package io.truecount.bench;

import io.truecount.core.invoice.InMemoryInvoiceStore;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.ref.Reference;
import java.util.stream.Stream;

/**
 * Heap figures of one workload in this JVM: what the input keeps alive, what input and results keep alive after a
 * run, and the highest heap use during the run. "Alive" is measured after a full collection, so it is the retained
 * size, not whatever garbage happened to be around.
 */
final class HeapProbe {

    private static final double MB = 1024.0 * 1024.0;

    /** Retained and peak heap, in megabytes. */
    record Figures(double input, double afterRun, double peakDuringRun, double maxHeap) {}

    private HeapProbe() {}

    static Figures measure(int customers, long seed, int historyDays) {
        long baseline = usedAfterGc();
        Workload workload = Workload.generate(customers, seed, historyDays);
        long input = usedAfterGc() - baseline;
        InMemoryInvoiceStore store = workload.freshLedger();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        Workload.Result result = workload.run(store);
        long peak = heapPools().mapToLong(p -> p.getPeakUsage().getUsed()).sum() - baseline;
        long afterRun = usedAfterGc() - baseline;
        // Alive up to here, or the collector may take them before the last measurement.
        Reference.reachabilityFence(workload);
        Reference.reachabilityFence(store);
        Reference.reachabilityFence(result);
        long max = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
        return new Figures(input / MB, afterRun / MB, peak / MB, max / MB);
    }

    /**
     * The sum of each heap pool's peak since the reset: an upper bound of the run's peak, since the pools need not
     * peak at the same moment.
     */
    private static Stream<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP);
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
