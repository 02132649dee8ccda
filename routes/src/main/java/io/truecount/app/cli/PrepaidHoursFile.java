package io.truecount.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.truecount.core.billing.PrepaidStatement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code DIR/prepaid-hours.json}, the prepaid balances a {@code cycle} exported, back into the billing core's
 * statements. Decimals are JSON strings and are read exactly from their text.
 */
final class PrepaidHoursFile {

    static final String NAME = "prepaid-hours.json";

    /** The export's period and its statements, in export order. */
    record Contents(YearMonth period, List<PrepaidStatement> statements) {}

    private PrepaidHoursFile() {}

    static Contents read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no " + file + ": run `truecount cycle` with --out "
                    + (file.getParent() == null ? "." : file.getParent()) + " first");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            List<PrepaidStatement> statements = new ArrayList<>();
            for (JsonNode balance : array(root, "balances")) {
                List<PrepaidStatement.Month> months = new ArrayList<>();
                for (JsonNode month : array(balance, "months")) {
                    months.add(new PrepaidStatement.Month(
                            YearMonth.parse(text(month, "month")),
                            decimal(month, "opening"),
                            decimal(month, "toppedUp"),
                            decimal(month, "used"),
                            decimal(month, "overage"),
                            decimal(month, "closing")));
                }
                statements.add(new PrepaidStatement(
                        text(balance, "customer"), text(balance, "contract"), text(balance, "line"), months));
            }
            return new Contents(YearMonth.parse(text(root, "period")), statements);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " is not a prepaid-hours export: " + e.getMessage(), e);
        }
    }

    private static Iterable<JsonNode> array(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw new IllegalArgumentException("'" + field + "' is not a list");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' is not a string");
        }
        return value.asText();
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        return new BigDecimal(text(node, field));
    }
}
