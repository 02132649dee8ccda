package io.truecount.app.config;

import java.nio.file.Path;
import java.util.List;

/** One loaded YAML file: its top-level mapping, already checked for unknown and duplicate keys. */
record ConfigFile(Path path, Section top) {

    static final String INCLUDE = "include";

    /** The top-level keys, in the order CONFIG.md presents them, then the extensions. */
    static final List<String> TOP_KEYS = List.of(
            INCLUDE,
            "company",
            "connectors",
            "customers",
            "contracts",
            "approval",
            "dunning",
            "renewals",
            "mail",
            "invoice-run");
}
