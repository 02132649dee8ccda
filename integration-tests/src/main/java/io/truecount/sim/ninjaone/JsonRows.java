package io.truecount.sim.ninjaone;

import java.util.Arrays;
import java.util.SortedMap;

/** Pre-rendered JSON objects in id order, served in cursor pages without re-serialising anything. */
final class JsonRows {

    /**
     * One page.
     *
     * @param startIndex how many rows precede it: a page starting at {@code pageSize} is the second page of a scan
     */
    record Page(String json, int rows, int startIndex) {}

    private final long[] ids;
    private final String[] rows;

    JsonRows(SortedMap<Long, String> rowsById) {
        this.ids = rowsById.keySet().stream().mapToLong(Long::longValue).toArray();
        this.rows = rowsById.values().toArray(String[]::new);
    }

    int size() {
        return ids.length;
    }

    /** NinjaOne's cursor: the rows whose id is greater than {@code after} (all rows when null), at most pageSize. */
    Page page(Long after, int pageSize) {
        int start = after == null ? 0 : firstAbove(after);
        int end = (int) Math.min(ids.length, (long) start + pageSize);
        StringBuilder json = new StringBuilder("[");
        for (int i = start; i < end; i++) {
            json.append(i > start ? "," : "").append(rows[i]);
        }
        return new Page(json.append(']').toString(), end - start, start);
    }

    private int firstAbove(long after) {
        int found = Arrays.binarySearch(ids, after);
        return found >= 0 ? found + 1 : -found - 1;
    }
}
