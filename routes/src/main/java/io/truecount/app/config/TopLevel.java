package io.truecount.app.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The top-level keys of all files merged: {@code connectors} and {@code customers} by id (an id defined twice is an
 * error naming both places), {@code contracts} concatenated, {@code company} exactly once.
 */
final class TopLevel {

    /** A keyed definition and where it is. */
    record Entry(String id, Path file, Node key, Node value) {

        /** @return null when the value is not a mapping (reported) */
        Section open(Reading reading, String label, List<String> allowed) {
            return Section.open(reading, file, label, key, value, allowed);
        }

        String where() {
            return Problems.where(file, key);
        }
    }

    /** A list item and the file it is in. */
    record Item(Path file, Node node) {}

    private final Problems problems;
    private Entry company;
    private final Map<String, Entry> connectors = new LinkedHashMap<>();
    private final Map<String, Entry> customers = new LinkedHashMap<>();
    private final List<Item> contracts = new ArrayList<>();

    private TopLevel(Problems problems) {
        this.problems = problems;
    }

    static TopLevel merge(Reading reading, List<ConfigFile> files) {
        TopLevel merged = new TopLevel(reading.problems());
        for (ConfigFile file : files) {
            merged.add(file.top());
        }
        return merged;
    }

    /** Null when no file defines it. */
    Entry company() {
        return company;
    }

    /** In order: a file's own before those of the files it includes. */
    Map<String, Entry> connectors() {
        return connectors;
    }

    Map<String, Entry> customers() {
        return customers;
    }

    List<Item> contracts() {
        return contracts;
    }

    private void add(Section top) {
        Node companyKey = top.keyNode("company");
        if (companyKey != null && company != null) {
            problems.at(
                    top.file(),
                    companyKey,
                    "'company' is already defined at " + company.where() + "; it must appear exactly once");
        } else if (companyKey != null) {
            company = new Entry("company", top.file(), companyKey, top.value("company"));
        }
        addEntries(top, "connectors", "connector", connectors);
        addEntries(top, "customers", "customer", customers);
        List<Node> items = top.list("contracts");
        if (items != null) {
            items.forEach(item -> contracts.add(new Item(top.file(), item)));
        }
    }

    private void addEntries(Section top, String key, String noun, Map<String, Entry> into) {
        Section map = top.section(key, key, null);
        if (map == null) {
            return;
        }
        for (String id : map.keys()) {
            Entry entry = new Entry(id, top.file(), map.keyNode(id), map.value(id));
            Entry first = into.putIfAbsent(id, entry);
            if (first != null) {
                problems.at(
                        top.file(),
                        entry.key(),
                        "duplicate " + noun + " id '" + id + "' (first at " + first.where() + ")");
            }
        }
    }
}
