package io.truecount.app.config;

import io.truecount.core.contract.CountMode;
import io.truecount.core.contract.LicenseBasis;
import io.truecount.core.observation.AssetClass;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.Node;

/** Fields that several line types share: what they count, how, and lists of names. */
final class LineFields {

    static final List<String> CLASS_NAMES =
            Arrays.stream(AssetClass.values()).map(AssetClass::configName).toList();
    static final List<String> ASSET_COUNTS = List.of("period-end", "peak", "average");
    static final List<String> LICENSE_COUNTS = List.of("assigned", "purchased");

    private final Reading reading;
    private final Problems problems;
    private final Values values;

    LineFields(Reading reading, Values values) {
        this.reading = reading;
        this.problems = reading.problems();
        this.values = values;
    }

    Reading reading() {
        return reading;
    }

    /** The required {@code asset-classes}, in the order written, which the derived description keeps. */
    Set<AssetClass> assetClasses(Section s) {
        if (!s.has("asset-classes")) {
            s.missing("asset-classes");
            return Set.of();
        }
        List<Node> items = s.list("asset-classes");
        if (items == null) {
            return Set.of();
        }
        if (items.isEmpty()) {
            s.errorAt("asset-classes", "'asset-classes' in " + s.label() + " must name at least one class");
        }
        Set<AssetClass> classes = new LinkedHashSet<>();
        for (Node item : items) {
            Scalar name = reading.scalar(s.file(), item, "an asset class");
            String valid = values.choice(name, "asset class", CLASS_NAMES);
            if (valid != null) {
                classes.add(AssetClass.fromConfigName(valid));
            }
        }
        return classes;
    }

    /** {@code count:} of an asset-based line; the count at the as-of instant unless it says otherwise. */
    CountMode countMode(Section s) {
        String count = values.choice(s.scalar("count"), "count", ASSET_COUNTS);
        return count == null ? CountMode.PERIOD_END : CountMode.valueOf(constant(count));
    }

    /** {@code count:} of a licence-based line; assigned licences unless it says otherwise, as users consume them. */
    LicenseBasis licenseBasis(Section s) {
        String count = values.choice(s.scalar("count"), "count", LICENSE_COUNTS);
        return count == null ? LicenseBasis.ASSIGNED : LicenseBasis.valueOf(constant(count));
    }

    /** Whether the line names SKUs, by {@code sku} or {@code skus}. */
    static boolean namesSkus(Section s) {
        return s.keyNode("sku") != null || s.keyNode("skus") != null;
    }

    /** Exactly one of {@code sku} and {@code skus}: the SKU part numbers a licence-based line counts. */
    List<String> skus(Section s) {
        if (s.keyNode("sku") != null && s.keyNode("skus") != null) {
            s.errorAt("skus", "give either 'sku' or 'skus' in " + s.label() + ", not both");
            return List.of();
        }
        if (s.keyNode("sku") != null) {
            Scalar sku = s.required("sku");
            return sku == null ? List.of() : List.of(sku.value());
        }
        if (s.keyNode("skus") == null) {
            problems.at(s.file(), s.owner(), "missing required key 'sku' or 'skus' in " + s.label());
            return List.of();
        }
        if (!s.has("skus")) {
            s.missing("skus");
            return List.of();
        }
        return names(s, "skus", "SKU", true);
    }

    /**
     * The items of an optional list of names, each written once.
     *
     * @param emptyMeansAll whether leaving the key out means "all": then an empty list is an error, not a silent
     *     "none"
     */
    List<String> names(Section s, String key, String what, boolean emptyMeansAll) {
        List<Node> items = s.list(key);
        if (items == null) {
            return List.of();
        }
        if (items.isEmpty() && emptyMeansAll && s.keyNode(key) != null) {
            s.errorAt(key, "'" + key + "' in " + s.label() + " must name at least one " + what + "; omit it for all");
        }
        List<String> names = new ArrayList<>();
        for (Node item : items) {
            Scalar name = reading.scalar(s.file(), item, "a " + what);
            if (name == null) {
                continue;
            }
            if (name.value().isBlank()) {
                problems.at(s.file(), item, "a " + what + " in '" + key + "' must not be empty");
            } else if (names.contains(name.value())) {
                problems.at(s.file(), item, what + " " + name.shown() + " is listed twice in '" + key + "'");
            } else {
                names.add(name.value());
            }
        }
        return names;
    }

    /** "Managed workstation, server": what an asset-based line bills, for its derived description. */
    static String managed(Set<AssetClass> classes) {
        return "Managed " + classes.stream().map(AssetClass::configName).collect(Collectors.joining(", "));
    }

    /** "Microsoft 365 SPE_E3, EXCHANGESTANDARD": what a licence-based line bills, for its derived description. */
    static String microsoft365(List<String> skus) {
        return "Microsoft 365 " + String.join(", ", skus);
    }

    private static String constant(String configValue) {
        return configValue.replace('-', '_').toUpperCase(Locale.ROOT);
    }
}
