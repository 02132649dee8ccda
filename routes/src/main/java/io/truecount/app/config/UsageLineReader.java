package io.truecount.app.config;

import io.truecount.app.config.LineReader.Head;
import io.truecount.core.contract.ContractLine;
import io.truecount.core.contract.CountMode;
import io.truecount.core.contract.LicenseBasis;
import io.truecount.core.contract.Measure;
import io.truecount.core.contract.PerLicenseLine;
import io.truecount.core.contract.PerUserLine;
import io.truecount.core.contract.TieredLine;
import io.truecount.core.observation.AssetClass;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the lines priced by a count other than plain assets: {@code per-license}, {@code per-user} and
 * {@code tiered}. Each method returns null when the line is invalid (reported); the caller discards the line on any
 * error recorded while reading it.
 */
final class UsageLineReader {

    private static final List<String> MODES = List.of("graduated", "volume");
    private static final List<String> TIER_KEYS = List.of("up-to", "unit-price");

    /** The price of a licence: {@code unitPrice}, or {@code cost} with {@code markupPercent}. */
    private record Price(BigDecimal unitPrice, BigDecimal cost, BigDecimal markupPercent) {}

    private final Reading reading;
    private final Problems problems;
    private final Values values;
    private final LineFields fields;

    UsageLineReader(Reading reading, Values values, LineFields fields) {
        this.reading = reading;
        this.problems = reading.problems();
        this.values = values;
        this.fields = fields;
    }

    ContractLine perLicense(Section s, Head head) {
        int errorsBefore = problems.count();
        List<String> skus = fields.skus(s);
        LicenseBasis basis = fields.licenseBasis(s);
        Price price = price(s);
        BigDecimal minimum = values.quantity(s.scalar("minimum-quantity"), "minimum-quantity");
        BigDecimal contracted = values.quantity(s.scalar("contracted-quantity"), "contracted-quantity");
        if (problems.count() > errorsBefore) {
            return null;
        }
        return new PerLicenseLine(
                head.id(),
                head.describe(LineFields.microsoft365(skus)),
                head.taxable(),
                skus,
                basis,
                price.unitPrice(),
                price.cost(),
                price.markupPercent(),
                minimum,
                contracted);
    }

    ContractLine perUser(Section s, Head head) {
        int errorsBefore = problems.count();
        BigDecimal unitPrice = values.nonNegative(s.required("unit-price"), "unit-price");
        List<String> skus = fields.names(s, "skus", "SKU", true);
        List<String> excludeUpn = fields.names(s, "exclude-upn", "UPN glob", false);
        BigDecimal minimum = values.quantity(s.scalar("minimum-quantity"), "minimum-quantity");
        BigDecimal contracted = values.quantity(s.scalar("contracted-quantity"), "contracted-quantity");
        if (problems.count() > errorsBefore) {
            return null;
        }
        return new PerUserLine(
                head.id(),
                head.describe("Microsoft 365 users"),
                head.taxable(),
                unitPrice,
                skus,
                excludeUpn,
                minimum,
                contracted);
    }

    ContractLine tiered(Section s, Head head) {
        int errorsBefore = problems.count();
        Measure measure = null;
        String derived = null;
        boolean assets = s.keyNode("asset-classes") != null;
        if (assets && LineFields.namesSkus(s)) {
            s.errorAt(
                    s.keyNode("sku") != null ? "sku" : "skus",
                    "give either 'asset-classes' or 'sku'/'skus' in " + s.label() + ", not both");
        } else if (assets) {
            Set<AssetClass> classes = fields.assetClasses(s);
            CountMode count = fields.countMode(s);
            measure = classes.isEmpty() ? null : new Measure.Assets(classes, count);
            derived = LineFields.managed(classes);
        } else if (LineFields.namesSkus(s)) {
            List<String> skus = fields.skus(s);
            LicenseBasis basis = fields.licenseBasis(s);
            measure = skus.isEmpty() ? null : new Measure.Licenses(skus, basis);
            derived = LineFields.microsoft365(skus);
        } else {
            problems.at(
                    s.file(),
                    s.owner(),
                    "missing what " + s.label() + " counts: give 'asset-classes', or 'sku' or 'skus'");
        }
        String mode = values.choice(s.required("mode"), "mode", MODES);
        List<TieredLine.Tier> tiers = tiers(s);
        if (problems.count() > errorsBefore || measure == null) {
            return null;
        }
        return new TieredLine(
                head.id(),
                head.describe(derived),
                head.taxable(),
                measure,
                TieredLine.Mode.valueOf(mode.toUpperCase(Locale.ROOT)),
                tiers);
    }

    /** Either {@code unit-price} or both {@code cost} and {@code markup-percent}. */
    private Price price(Section s) {
        boolean unit = s.keyNode("unit-price") != null;
        boolean markup = s.keyNode("cost") != null || s.keyNode("markup-percent") != null;
        if (unit && markup) {
            s.errorAt(
                    s.keyNode("cost") != null ? "cost" : "markup-percent",
                    "give either 'unit-price' or 'cost' and 'markup-percent' in " + s.label() + ", not both");
            return new Price(null, null, null);
        }
        if (unit) {
            return new Price(values.nonNegative(s.required("unit-price"), "unit-price"), null, null);
        }
        if (markup) {
            BigDecimal cost = values.nonNegative(s.required("cost"), "cost");
            BigDecimal markupPercent = values.nonNegative(s.required("markup-percent"), "markup-percent");
            return new Price(null, cost, markupPercent);
        }
        problems.at(
                s.file(),
                s.owner(),
                "missing price in " + s.label() + ": give 'unit-price', or 'cost' and 'markup-percent'");
        return new Price(null, null, null);
    }

    /** Every tier but the last bounded by {@code up-to}, strictly ascending; the last open-ended. */
    private List<TieredLine.Tier> tiers(Section s) {
        if (!s.has("tiers")) {
            s.missing("tiers");
            return List.of();
        }
        List<Node> items = s.list("tiers");
        if (items == null) {
            return List.of();
        }
        if (items.isEmpty()) {
            s.errorAt("tiers", "'tiers' in " + s.label() + " must have at least one tier");
        }
        List<TieredLine.Tier> tiers = new ArrayList<>();
        BigDecimal previous = null;
        int previousNumber = 0;
        for (int i = 0; i < items.size(); i++) {
            boolean last = i == items.size() - 1;
            String label = "tier " + (i + 1) + " of " + s.label();
            Section tier = Section.open(reading, s.file(), label, items.get(i), items.get(i), TIER_KEYS);
            if (tier == null) {
                continue;
            }
            BigDecimal unitPrice = values.nonNegative(tier.required("unit-price"), "unit-price");
            BigDecimal upTo = null;
            if (last && tier.keyNode("up-to") != null) {
                tier.errorAt(
                        "up-to",
                        "the last tier of " + s.label() + " must not have 'up-to': it prices every unit above the"
                                + " tier before it");
            } else if (!last && !tier.has("up-to")) {
                tier.errorAt("up-to", label + " needs 'up-to': only the last tier is open-ended");
            } else if (!last) {
                upTo = values.positiveQuantity(tier.scalar("up-to"), "up-to");
            }
            if (upTo != null && previous != null && upTo.compareTo(previous) <= 0) {
                tier.errorAtValue(
                        "up-to",
                        "'up-to' " + upTo.toPlainString() + " of " + label + " must be above the 'up-to' "
                                + previous.toPlainString() + " of tier " + previousNumber);
            } else if (upTo != null) {
                previous = upTo;
                previousNumber = i + 1;
            }
            if (unitPrice != null) {
                tiers.add(new TieredLine.Tier(upTo, unitPrice));
            }
        }
        return tiers;
    }
}
