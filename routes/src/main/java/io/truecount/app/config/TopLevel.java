package io.truecount.app.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The top-level keys of all files merged: {@code connectors} and {@code customers} by id (an id defined twice is an
 * error naming both places), {@code contracts} concatenated, {@code company} exactly once, {@code approval} at most
 * once, and so are the notice extensions {@code dunning}, {@code renewals} and {@code mail} and the schedule
 * extension {@code invoice-run}.
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
    private Entry approval;
    private Entry dunning;
    private Entry renewals;
    private Entry mail;
    private Entry invoiceRun;
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

    /** Null when no file defines it. */
    Entry approval() {
        return approval;
    }

    /** Null when no file defines it. */
    Entry dunning() {
        return dunning;
    }

    /** Null when no file defines it. */
    Entry renewals() {
        return renewals;
    }

    /** Null when no file defines it. */
    Entry mail() {
        return mail;
    }

    /** Null when no file defines it. */
    Entry invoiceRun() {
        return invoiceRun;
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
        company = single(top, "company", company, "exactly once");
        approval = single(top, "approval", approval, "at most once");
        dunning = single(top, "dunning", dunning, "at most once");
        renewals = single(top, "renewals", renewals, "at most once");
        mail = single(top, "mail", mail, "at most once");
        invoiceRun = single(top, "invoice-run", invoiceRun, "at most once");
        addEntries(top, "connectors", "connector", connectors);
        addEntries(top, "customers", "customer", customers);
        List<Node> items = top.list("contracts");
        if (items != null) {
            items.forEach(item -> contracts.add(new Item(top.file(), item)));
        }
    }

    /** The key's entry in this file, unless another file defined it first (reported). */
    private Entry single(Section top, String key, Entry first, String howOften) {
        Node keyNode = top.keyNode(key);
        if (keyNode == null) {
            return first;
        }
        if (first != null) {
            problems.at(
                    top.file(),
                    keyNode,
                    "'" + key + "' is already defined at " + first.where() + "; it must appear " + howOften);
            return first;
        }
        return new Entry(key, top.file(), keyNode, top.value(key));
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
