package io.truecount.core.notice;

import java.util.List;
import java.util.TreeSet;

/** Day offsets of a schedule ({@code [3, 10, 30]}): whole, at least 1, each once. */
final class Steps {

    private Steps() {}

    /** The steps in ascending order; rejects what configuration should have rejected already. */
    static List<Integer> ascending(List<Integer> days, String what) {
        if (days.isEmpty()) {
            throw new IllegalArgumentException(what + " must name at least one day");
        }
        TreeSet<Integer> sorted = new TreeSet<>();
        for (Integer day : days) {
            if (day == null || day < 1) {
                throw new IllegalArgumentException(what + " must be whole numbers of at least 1: " + days);
            }
            if (!sorted.add(day)) {
                throw new IllegalArgumentException(what + " names " + day + " twice: " + days);
            }
        }
        return List.copyOf(sorted);
    }
}
