package io.truecount.sim.autotask;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Finds one page of a query's results after the position where the previous page ended, as Autotask's opaque paging
 * does. Candidates come from the cheapest source the filter allows and are read from where the last page stopped: the
 * ids of an {@code id in […]} condition, a date-time index for {@code gt}/{@code gte} on an indexed field (in index
 * order), or the table in id order. Every condition is then checked on each candidate. No request scans more than its
 * page and the rows the filter rejects on the way.
 */
final class Pages {

    /**
     * Where a page ended: the last row's id and, when the page was read from an index, its value there.
     *
     * @param key null when read in id order
     */
    record Position(Instant key, long id) {
        static final Position START = new Position(null, Long.MIN_VALUE);
    }

    /** A page and whether another follows. */
    record Page<R extends Row>(List<R> rows, boolean more, Position last) {}

    private Pages() {}

    static <R extends Row> Page<R> find(Table<R> table, Query query, Position after) {
        Candidates<R> candidates = candidates(table, query, after);
        List<R> rows = new ArrayList<>();
        Position last = after;
        while (candidates.hasNext()) {
            R row = candidates.next();
            if (row == null || !query.matches(row)) {
                continue;
            }
            if (rows.size() == query.maxRecords) {
                return new Page<>(rows, true, last);
            }
            rows.add(row);
            last = candidates.position(row);
        }
        return new Page<>(rows, false, last);
    }

    /** Rows in the order of their source, each with the position paging resumes after. */
    private interface Candidates<R extends Row> extends Iterator<R> {
        Position position(R row);
    }

    private static <R extends Row> Candidates<R> candidates(Table<R> table, Query query, Position after) {
        for (JsonNode condition : query.conditions) {
            String op = condition.path("op").asText("").toLowerCase(Locale.ROOT);
            String field = condition.path("field").asText("");
            if (op.equals("in") && field.equalsIgnoreCase("id")) {
                List<Long> ids = new ArrayList<>();
                condition.path("value").forEach(v -> ids.add(v.asLong()));
                Iterator<Long> each = ids.stream()
                        .filter(id -> id > after.id())
                        .sorted()
                        .distinct()
                        .iterator();
                return byIdOrder(table, each);
            }
            if ((op.equals("gt") || op.equals("gte")) && !field.equalsIgnoreCase("id")) {
                String name = Query.canonical(field, table.fields());
                if (table.indexed(name)) {
                    Instant from = Query.instant(condition.path("value").asText());
                    return byIndex(table, name, from, op.equals("gte"), after);
                }
            }
        }
        return byIdOrder(table, table.after(after.id()).keySet().iterator());
    }

    private static <R extends Row> Candidates<R> byIdOrder(Table<R> table, Iterator<Long> ids) {
        return new Candidates<>() {
            @Override
            public boolean hasNext() {
                return ids.hasNext();
            }

            @Override
            public R next() {
                return table.get(ids.next());
            }

            @Override
            public Position position(R row) {
                return new Position(null, row.id());
            }
        };
    }

    /** Index order from the filter's value, or from the last page's position when resuming. */
    private static <R extends Row> Candidates<R> byIndex(
            Table<R> table, String field, Instant from, boolean inclusive, Position after) {
        NavigableMap<Instant, Set<Long>> index = after.key() == null
                ? table.index(field).tailMap(from, inclusive)
                : table.index(field).tailMap(after.key(), true);
        Iterator<Map.Entry<Instant, Set<Long>>> buckets = index.entrySet().iterator();
        return new Candidates<>() {
            private Instant key;
            private Iterator<Long> ids = Collections.emptyIterator();
            private Long pending;

            @Override
            public boolean hasNext() {
                while (pending == null) {
                    if (ids.hasNext()) {
                        long id = ids.next();
                        if (after.key() == null || !key.equals(after.key()) || id > after.id()) {
                            pending = id;
                        }
                    } else if (buckets.hasNext()) {
                        Map.Entry<Instant, Set<Long>> bucket = buckets.next();
                        key = bucket.getKey();
                        ids = List.copyOf(bucket.getValue()).iterator();
                    } else {
                        return false;
                    }
                }
                return true;
            }

            @Override
            public R next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                long id = pending;
                pending = null;
                return table.get(id);
            }

            @Override
            public Position position(R row) {
                return new Position(key, row.id());
            }
        };
    }
}
