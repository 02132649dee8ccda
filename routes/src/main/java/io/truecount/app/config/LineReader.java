package io.truecount.app.config;

import io.truecount.core.contract.ContractLine;
import io.truecount.core.contract.FlatLine;
import io.truecount.core.contract.PerAssetLine;
import io.truecount.core.observation.AssetClass;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads one contract line. CONFIG.md defines seven line types; this version implements {@code flat} and
 * {@code per-asset} and rejects the others by name, so that an admin can tell "not yet" from a typo.
 */
final class LineReader {

    static final List<String> TYPES =
            List.of("flat", "per-asset", "per-license", "per-user", "tiered", "block-hours", "time-and-materials");
    private static final Set<String> IMPLEMENTED = Set.of("flat", "per-asset");
    private static final List<String> COMMON_KEYS = List.of("type", "id", "description", "taxable");
    private static final List<String> FLAT_KEYS = keys("amount");
    private static final List<String> PER_ASSET_KEYS =
            keys("asset-classes", "unit-price", "minimum-quantity", "contracted-quantity");
    private static final List<String> CLASS_NAMES =
            Arrays.stream(AssetClass.values()).map(AssetClass::configName).toList();

    private final Reading reading;
    private final Problems problems;
    private final Values values;

    LineReader(Reading reading, Values values) {
        this.reading = reading;
        this.problems = reading.problems();
        this.values = values;
    }

    /**
     * @param position 1-based position in the contract: the default id
     * @param lineIds ids used so far in this contract, to where they are
     * @return the line; null when invalid or of a type not available (reported)
     */
    ContractLine read(Section contract, Node node, int position, Map<String, String> lineIds) {
        String peekedType = ContractReader.peek(node, "type");
        String peekedId = ContractReader.peek(node, "id");
        String label = "line " + (peekedId != null ? "'" + peekedId + "'" : position) + " of " + contract.label();
        // Keys are checked only for implemented types: the others are rejected as a whole.
        List<String> allowed =
                "flat".equals(peekedType) ? FLAT_KEYS : "per-asset".equals(peekedType) ? PER_ASSET_KEYS : null;
        Section s = Section.open(reading, contract.file(), label, node, node, allowed);
        if (s == null) {
            return null;
        }
        int errorsBefore = problems.count();
        String type = values.choice(s.required("type"), "line type", TYPES);
        if (type != null && !IMPLEMENTED.contains(type)) {
            s.errorAtValue("type", "line type '" + type + "' is not available in this version");
            return null;
        }
        String id = id(s, contract.label(), position, lineIds);
        String description = values.text(s.scalar("description"));
        Boolean taxable = s.has("taxable") ? values.bool(s.scalar("taxable"), "taxable") : Boolean.TRUE;
        ContractLine line = null;
        if ("flat".equals(type)) {
            BigDecimal amount = values.nonNegative(s.required("amount"), "amount");
            line = problems.count() > errorsBefore
                    ? null
                    : new FlatLine(id, description != null ? description : "Flat fee", taxable, amount);
        } else if ("per-asset".equals(type)) {
            line = perAsset(s, id, description, taxable, errorsBefore);
        }
        return line;
    }

    private ContractLine perAsset(Section s, String id, String description, Boolean taxable, int errorsBefore) {
        Set<AssetClass> classes = assetClasses(s);
        BigDecimal unitPrice = values.nonNegative(s.required("unit-price"), "unit-price");
        BigDecimal minimum = values.quantity(s.scalar("minimum-quantity"), "minimum-quantity");
        BigDecimal contracted = values.quantity(s.scalar("contracted-quantity"), "contracted-quantity");
        if (problems.count() > errorsBefore) {
            return null;
        }
        String derived =
                "Managed " + classes.stream().map(AssetClass::configName).collect(Collectors.joining(", "));
        return new PerAssetLine(
                id, description != null ? description : derived, taxable, classes, unitPrice, minimum, contracted);
    }

    /** The classes in the order written, which the derived description keeps. */
    private Set<AssetClass> assetClasses(Section s) {
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

    /** The given id, or the line's 1-based position; either must be unique in the contract. */
    private String id(Section s, String contractLabel, int position, Map<String, String> lineIds) {
        Scalar given = s.has("id") ? s.required("id") : null;
        String id = given != null ? given.value() : String.valueOf(position);
        Node at = given != null ? given.node() : s.owner();
        String first = lineIds.putIfAbsent(id, Problems.where(s.file(), at));
        if (first != null) {
            problems.at(
                    s.file(), at, "duplicate line id '" + id + "' in " + contractLabel + " (first at " + first + ")");
        }
        return id;
    }

    private static List<String> keys(String... typeKeys) {
        return Stream.concat(COMMON_KEYS.stream(), Stream.of(typeKeys)).toList();
    }
}
