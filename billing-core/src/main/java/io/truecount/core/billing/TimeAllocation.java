package io.truecount.core.billing;

import io.truecount.core.contract.BlockHoursLine;
import io.truecount.core.contract.Contract;
import io.truecount.core.contract.ContractLine;
import io.truecount.core.contract.PrepaidHoursLine;
import io.truecount.core.contract.TimeAndMaterialsLine;
import io.truecount.core.contract.TimeLine;
import io.truecount.core.observation.TimeEntry;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which contract line bills each of a customer's billable time entries, so that no entry is billed twice
 * (CONFIG.md: block hours and time-and-materials consume the same entries).
 *
 * <p>The rule depends only on the entry and the configuration, never on which contracts happen to be billed by a run,
 * so every run (and the replay of a prepaid balance) agrees: an entry belongs to the first contract, in configuration
 * order, that runs on the entry's work date and has a time line taking it; inside that contract, the first
 * {@code block-hours} or {@code prepaid-hours} line covering its work type takes it, else the contract's
 * {@code time-and-materials} line.
 */
final class TimeAllocation {

    /** Work-date order, then start, then id: the order blocks and balances are drawn down in. */
    static final Comparator<TimeEntry> ORDER =
            Comparator.comparing(TimeEntry::start).thenComparing(TimeEntry::externalId);

    private final ZoneId zone;
    // By identity: two contracts may hold equal line records, and each must keep its own entries.
    private final Map<TimeLine, List<TimeEntry>> byLine = new IdentityHashMap<>();
    private final List<TimeEntry> unallocated = new ArrayList<>();

    TimeAllocation(List<Contract> contracts, List<TimeEntry> entries, ZoneId zone) {
        this.zone = zone;
        entries.stream().filter(TimeEntry::billable).sorted(ORDER).forEach(entry -> {
            Optional<TimeLine> line = lineFor(contracts, entry);
            if (line.isPresent()) {
                byLine.computeIfAbsent(line.get(), l -> new ArrayList<>()).add(entry);
            } else {
                unallocated.add(entry);
            }
        });
    }

    LocalDate workDate(TimeEntry entry) {
        return entry.start().atZone(zone).toLocalDate();
    }

    /** The entries a line bills, in draw-down order, whose work date lies in [from, to]. */
    List<TimeEntry> of(TimeLine line, LocalDate from, LocalDate to) {
        return byLine.getOrDefault(line, List.of()).stream()
                .filter(e -> !workDate(e).isBefore(from) && !workDate(e).isAfter(to))
                .toList();
    }

    /** Billable entries no line of any contract takes, whose work date lies in [from, to]. */
    List<TimeEntry> unallocated(LocalDate from, LocalDate to) {
        return unallocated.stream()
                .filter(e -> !workDate(e).isBefore(from) && !workDate(e).isAfter(to))
                .toList();
    }

    private Optional<TimeLine> lineFor(List<Contract> contracts, TimeEntry entry) {
        LocalDate date = workDate(entry);
        for (Contract contract : contracts) {
            if (date.isBefore(contract.start()) || (contract.end() != null && date.isAfter(contract.end()))) {
                continue;
            }
            TimeAndMaterialsLine rest = null;
            for (ContractLine line : contract.lines()) {
                if (line instanceof BlockHoursLine block && covers(block.workTypes(), entry)) {
                    return Optional.of(block);
                } else if (line instanceof PrepaidHoursLine prepaid && covers(prepaid.workTypes(), entry)) {
                    return Optional.of(prepaid);
                } else if (line instanceof TimeAndMaterialsLine tm && rest == null) {
                    rest = tm;
                }
            }
            if (rest != null) {
                return Optional.of(rest);
            }
        }
        return Optional.empty();
    }

    private static boolean covers(Set<String> workTypes, TimeEntry entry) {
        return workTypes.isEmpty() || workTypes.contains(entry.workType());
    }
}
