package io.truecount.sim.autotask;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One entity's rows by id, with sorted indexes on the date-time fields queries filter by, so that a page is found by
 * slicing rather than scanning 150,000 entries. Not thread-safe: {@link AutotaskData} locks around it.
 */
final class Table<R extends Row> {

    private final String entity;
    private final List<String> fields;
    private final TreeMap<Long, R> rows = new TreeMap<>();
    private final Map<String, TreeMap<Instant, Set<Long>>> indexes = new HashMap<>();

    Table(String entity, List<String> fields, String... indexedFields) {
        this.entity = entity;
        this.fields = fields;
        for (String field : indexedFields) {
            indexes.put(field, new TreeMap<>());
        }
    }

    String entity() {
        return entity;
    }

    /** The entity's field names, for IncludeFields and filters. */
    List<String> fields() {
        return fields;
    }

    int size() {
        return rows.size();
    }

    R get(long id) {
        return rows.get(id);
    }

    Collection<R> all() {
        return rows.values();
    }

    void put(R row) {
        R old = rows.put(row.id(), row);
        if (old != null) {
            unindex(old);
        }
        indexes.forEach((field, index) -> {
            Instant value = (Instant) row.field(field);
            if (value != null) {
                index.computeIfAbsent(value, v -> new TreeSet<>()).add(row.id());
            }
        });
    }

    R remove(long id) {
        R old = rows.remove(id);
        if (old != null) {
            unindex(old);
        }
        return old;
    }

    /** Rows after the id, in id order: a full listing's next page. */
    NavigableMap<Long, R> after(long id) {
        return rows.tailMap(id, false);
    }

    boolean indexed(String field) {
        return indexes.containsKey(field);
    }

    /** The field's index: value to the ids that have it, each set sorted. */
    NavigableMap<Instant, Set<Long>> index(String field) {
        return indexes.get(field);
    }

    private void unindex(R row) {
        indexes.forEach((field, index) -> {
            Instant value = (Instant) row.field(field);
            Set<Long> at = value == null ? null : index.get(value);
            if (at != null) {
                at.remove(row.id());
                if (at.isEmpty()) {
                    index.remove(value);
                }
            }
        });
    }
}
