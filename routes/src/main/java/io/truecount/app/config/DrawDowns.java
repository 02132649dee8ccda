package io.truecount.app.config;

import io.truecount.core.contract.BlockHoursLine;
import io.truecount.core.contract.ContractLine;
import io.truecount.core.contract.PrepaidHoursLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The {@code block-hours} and {@code prepaid-hours} lines of one contract, which draw time entries of their work types
 * (all when they name none). Two of them may not cover the same work type: the same entry would be drawn twice, or
 * silently by whichever comes first.
 */
final class DrawDowns {

    /** @param workTypes empty: every work type */
    private record DrawDown(String label, String where, Set<String> workTypes) {}

    private final List<DrawDown> seen = new ArrayList<>();

    /** Reports the line, at its {@code work-types}, when it draws a work type an earlier line draws. */
    void add(Section s, ContractLine line) {
        Set<String> workTypes;
        if (line instanceof BlockHoursLine block) {
            workTypes = block.workTypes();
        } else if (line instanceof PrepaidHoursLine prepaid) {
            workTypes = prepaid.workTypes();
        } else {
            return;
        }
        for (DrawDown earlier : seen) {
            String shared = shared(earlier.workTypes(), workTypes);
            if (shared != null) {
                s.errorAt(
                        "work-types",
                        s.label() + " and " + earlier.label() + " (at " + earlier.where() + ") both draw " + shared
                                + ": the same time entry would be drawn twice; give each block-hours or"
                                + " prepaid-hours line its own 'work-types'");
                return;
            }
        }
        seen.add(new DrawDown(s.label(), Problems.where(s.file(), s.owner()), workTypes));
    }

    /** What both draw, as a message names it; null when nothing. */
    private static String shared(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return "every work type";
        }
        Set<String> both = new TreeSet<>(a.isEmpty() ? b : a);
        if (!a.isEmpty() && !b.isEmpty()) {
            both.retainAll(b);
        }
        if (both.isEmpty()) {
            return null;
        }
        return (both.size() == 1 ? "work type " : "work types ")
                + both.stream().map(t -> "'" + t + "'").collect(Collectors.joining(", "));
    }
}
