package io.truecount.app.config;

import io.truecount.core.contract.ContractLine;
import io.truecount.core.contract.CountMode;
import io.truecount.core.contract.FlatLine;
import io.truecount.core.contract.PerAssetLine;
import io.truecount.core.observation.AssetClass;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the lines of one contract: what every line has (type, id, description, taxable) and the asset-based and flat
 * types here; licence, user and tiered lines in {@link UsageLineReader}; time-based lines in {@link TimeLineReader}.
 */
final class LineReader {

    static final List<String> TYPES = List.of(
            "flat",
            "per-asset",
            "per-license",
            "per-user",
            "tiered",
            "block-hours",
            "time-and-materials",
            "prepaid-hours");
    private static final List<String> COMMON_KEYS = List.of("type", "id", "description", "taxable");
    /** The keys of each type, in the order messages list them. */
    private static final Map<String, List<String>> KEYS = keysByType();

    /** What every line has; {@code description} is null when the line derives its own. */
    record Head(String id, String description, boolean taxable) {

        String describe(String derived) {
            return description != null ? description : derived;
        }
    }

    private final Problems problems;
    private final Values values;
    private final LineFields fields;
    private final UsageLineReader usage;
    private final TimeLineReader time;

    LineReader(Reading reading, Values values) {
        this.problems = reading.problems();
        this.values = values;
        this.fields = new LineFields(reading, values);
        this.usage = new UsageLineReader(reading, values, fields);
        this.time = new TimeLineReader(reading, values, fields);
    }

    /**
     * @param start the contract's start; null when invalid (then dates in lines are not compared with it)
     * @param end the contract's last day; null when open-ended or invalid
     * @return the valid lines; invalid ones are reported and left out
     */
    List<ContractLine> readAll(Section contract, List<Node> items, LocalDate start, LocalDate end) {
        List<ContractLine> lines = new ArrayList<>();
        Map<String, String> lineIds = new HashMap<>();
        DrawDowns drawDowns = new DrawDowns();
        for (int i = 0; i < items.size(); i++) {
            Section s = open(contract, items.get(i), i + 1);
            ContractLine line = s == null ? null : read(s, contract.label(), i + 1, lineIds, start, end);
            if (line != null) {
                lines.add(line);
                drawDowns.add(s, line);
            }
        }
        return lines;
    }

    private Section open(Section contract, Node node, int position) {
        String peekedType = ContractReader.peek(node, "type");
        String peekedId = ContractReader.peek(node, "id");
        String label = "line " + (peekedId != null ? "'" + peekedId + "'" : position) + " of " + contract.label();
        // Keys are checked against the line's type; an unknown type is reported alone, its keys cannot be judged.
        return Section.open(reading(), contract.file(), label, node, node, KEYS.get(peekedType));
    }

    private ContractLine read(
            Section s,
            String contractLabel,
            int position,
            Map<String, String> lineIds,
            LocalDate start,
            LocalDate end) {
        int errorsBefore = problems.count();
        String type = values.choice(s.required("type"), "line type", TYPES);
        String id = id(s, contractLabel, position, lineIds);
        String description = values.text(s.scalar("description"));
        Boolean taxable = s.has("taxable") ? values.bool(s.scalar("taxable"), "taxable") : Boolean.TRUE;
        if (type == null) {
            return null;
        }
        Head head = new Head(id, description, taxable == null || taxable);
        ContractLine line =
                switch (type) {
                    case "flat" -> flat(s, head);
                    case "per-asset" -> perAsset(s, head);
                    case "per-license" -> usage.perLicense(s, head);
                    case "per-user" -> usage.perUser(s, head);
                    case "tiered" -> usage.tiered(s, head);
                    case "block-hours" -> time.blockHours(s, head);
                    case "time-and-materials" -> time.timeAndMaterials(s, head);
                    case "prepaid-hours" -> time.prepaidHours(s, head, start, end);
                    default -> throw new IllegalStateException("line type " + type);
                };
        return problems.count() > errorsBefore ? null : line;
    }

    private ContractLine flat(Section s, Head head) {
        BigDecimal amount = values.nonNegative(s.required("amount"), "amount");
        return amount == null ? null : new FlatLine(head.id(), head.describe("Flat fee"), head.taxable(), amount);
    }

    private ContractLine perAsset(Section s, Head head) {
        int errorsBefore = problems.count();
        Set<AssetClass> classes = fields.assetClasses(s);
        BigDecimal unitPrice = values.nonNegative(s.required("unit-price"), "unit-price");
        BigDecimal minimum = values.quantity(s.scalar("minimum-quantity"), "minimum-quantity");
        BigDecimal contracted = values.quantity(s.scalar("contracted-quantity"), "contracted-quantity");
        CountMode count = fields.countMode(s);
        if (problems.count() > errorsBefore) {
            return null;
        }
        return new PerAssetLine(
                head.id(),
                head.describe(LineFields.managed(classes)),
                head.taxable(),
                classes,
                unitPrice,
                minimum,
                contracted,
                count);
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

    private Reading reading() {
        return fields.reading();
    }

    private static Map<String, List<String>> keysByType() {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        keys.put("flat", keys("amount"));
        keys.put("per-asset", keys("asset-classes", "count", "unit-price", "minimum-quantity", "contracted-quantity"));
        keys.put(
                "per-license",
                keys(
                        "sku",
                        "skus",
                        "count",
                        "unit-price",
                        "cost",
                        "markup-percent",
                        "minimum-quantity",
                        "contracted-quantity"));
        keys.put("per-user", keys("unit-price", "skus", "exclude-upn", "minimum-quantity", "contracted-quantity"));
        keys.put("tiered", keys("asset-classes", "sku", "skus", "count", "mode", "tiers"));
        keys.put("block-hours", keys("hours", "price", "overage-rate", "work-types"));
        keys.put("time-and-materials", keys("rates", "default-rate", "increment-minutes", "covered-work-types"));
        keys.put("prepaid-hours", keys("opening-hours", "top-ups", "overage-rate", "increment-minutes", "work-types"));
        return Collections.unmodifiableMap(keys);
    }

    private static List<String> keys(String... typeKeys) {
        return Stream.concat(COMMON_KEYS.stream(), Stream.of(typeKeys)).toList();
    }
}
