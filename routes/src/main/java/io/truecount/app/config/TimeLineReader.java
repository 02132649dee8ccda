package io.truecount.app.config;

import io.truecount.app.config.LineReader.Head;
import io.truecount.core.contract.BlockHoursLine;
import io.truecount.core.contract.ContractLine;
import io.truecount.core.contract.PrepaidHoursLine;
import io.truecount.core.contract.TimeAndMaterialsLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the lines that bill time entries: {@code block-hours}, {@code time-and-materials} and {@code prepaid-hours}.
 * Each method returns null when the line is invalid (reported); the caller discards the line on any error recorded
 * while reading it.
 */
final class TimeLineReader {

    private static final List<String> RULE_KEYS = List.of("work-type", "priority", "category", "rate");
    private static final List<String> TOP_UP_KEYS = List.of("date", "hours", "price");

    private final Reading reading;
    private final Problems problems;
    private final Values values;
    private final LineFields fields;

    TimeLineReader(Reading reading, Values values, LineFields fields) {
        this.reading = reading;
        this.problems = reading.problems();
        this.values = values;
        this.fields = fields;
    }

    ContractLine blockHours(Section s, Head head) {
        int errorsBefore = problems.count();
        BigDecimal hours = values.positive(s.required("hours"), "hours");
        BigDecimal price = values.nonNegative(s.required("price"), "price");
        BigDecimal overageRate = values.nonNegative(s.required("overage-rate"), "overage-rate");
        Set<String> workTypes = workTypes(s);
        if (problems.count() > errorsBefore) {
            return null;
        }
        String derived = "Block of " + hours.toPlainString() + " hours";
        return new BlockHoursLine(
                head.id(), head.describe(derived), head.taxable(), hours, price, overageRate, workTypes);
    }

    ContractLine timeAndMaterials(Section s, Head head) {
        int errorsBefore = problems.count();
        List<TimeAndMaterialsLine.RateRule> rates = rates(s);
        BigDecimal defaultRate = values.nonNegative(s.required("default-rate"), "default-rate");
        Integer increment = increment(s);
        Set<String> covered = new LinkedHashSet<>(fields.names(s, "covered-work-types", "work type", false));
        if (problems.count() > errorsBefore) {
            return null;
        }
        return new TimeAndMaterialsLine(
                head.id(), head.describe("Time and materials"), head.taxable(), rates, defaultRate, increment, covered);
    }

    /**
     * @param start the contract's start, before which no top-up may be dated; null when not known
     * @param end the contract's last day, after which no top-up may be dated; null when open-ended or not known
     */
    ContractLine prepaidHours(Section s, Head head, LocalDate start, LocalDate end) {
        int errorsBefore = problems.count();
        Scalar openingScalar = s.scalar("opening-hours");
        BigDecimal opening =
                openingScalar == null ? BigDecimal.ZERO : values.nonNegative(openingScalar, "opening-hours");
        List<PrepaidHoursLine.TopUp> topUps = topUps(s, start, end);
        BigDecimal overageRate = values.nonNegative(s.scalar("overage-rate"), "overage-rate");
        Integer increment = increment(s);
        Set<String> workTypes = workTypes(s);
        if (problems.count() > errorsBefore) {
            return null;
        }
        return new PrepaidHoursLine(
                head.id(),
                head.describe("Prepaid hours"),
                head.taxable(),
                opening,
                topUps,
                overageRate,
                increment,
                workTypes);
    }

    /** Rules in the order written: the first that matches an entry prices it. */
    private List<TimeAndMaterialsLine.RateRule> rates(Section s) {
        List<Node> items = s.list("rates");
        if (items == null) {
            return List.of();
        }
        List<TimeAndMaterialsLine.RateRule> rules = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String label = "rate " + (i + 1) + " of " + s.label();
            Section rule = Section.open(reading, s.file(), label, items.get(i), items.get(i), RULE_KEYS);
            if (rule == null) {
                continue;
            }
            String workType = optionalText(rule, "work-type");
            String priority = optionalText(rule, "priority");
            String category = optionalText(rule, "category");
            BigDecimal rate = values.nonNegative(rule.required("rate"), "rate");
            if (!rule.has("work-type") && !rule.has("priority") && !rule.has("category")) {
                // A rule that matches everything would shadow every rule after it and the default rate.
                problems.at(
                        s.file(),
                        items.get(i),
                        label + " names no 'work-type', 'priority' or 'category' and would match every entry;"
                                + " give that rate as 'default-rate'");
            }
            if (rate != null) {
                rules.add(new TimeAndMaterialsLine.RateRule(workType, priority, category, rate));
            }
        }
        return rules;
    }

    /** Top-ups, each within the contract: one dated outside it would never be billed. */
    private List<PrepaidHoursLine.TopUp> topUps(Section s, LocalDate start, LocalDate end) {
        List<Node> items = s.list("top-ups");
        if (items == null) {
            return List.of();
        }
        List<PrepaidHoursLine.TopUp> topUps = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String label = "top-up " + (i + 1) + " of " + s.label();
            Section topUp = Section.open(reading, s.file(), label, items.get(i), items.get(i), TOP_UP_KEYS);
            if (topUp == null) {
                continue;
            }
            LocalDate date = values.date(topUp.required("date"), "date");
            BigDecimal hours = values.positive(topUp.required("hours"), "hours");
            Scalar priceScalar = topUp.scalar("price");
            BigDecimal price = priceScalar == null ? BigDecimal.ZERO : values.nonNegative(priceScalar, "price");
            if (date != null && start != null && date.isBefore(start)) {
                topUp.errorAtValue("date", label + " is dated " + date + ", before the contract's start " + start);
            } else if (date != null && end != null && date.isAfter(end)) {
                topUp.errorAtValue("date", label + " is dated " + date + ", after the contract's end " + end);
            }
            if (date != null && hours != null && price != null) {
                topUps.add(new PrepaidHoursLine.TopUp(date, hours, price));
            }
        }
        return topUps;
    }

    private Integer increment(Section s) {
        Scalar increment = s.scalar("increment-minutes");
        return increment == null
                ? Integer.valueOf(TimeAndMaterialsLine.DEFAULT_INCREMENT_MINUTES)
                : values.integer(increment, "increment-minutes", 1);
    }

    private Set<String> workTypes(Section s) {
        return new LinkedHashSet<>(fields.names(s, "work-types", "work type", true));
    }

    private String optionalText(Section s, String key) {
        return s.has(key) ? values.text(s.required(key)) : null;
    }
}
