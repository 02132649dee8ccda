package io.truecount.sim.msp;

import java.time.LocalDate;
import java.util.List;

/**
 * A monthly, billed-in-advance contract of the sample configuration.
 *
 * @param end inclusive; null when open-ended
 */
public record SampleContract(String id, String customerId, LocalDate start, LocalDate end, List<SampleLine> lines) {

    public SampleContract {
        lines = List.copyOf(lines);
    }
}
