package io.truecount.app.config;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/** Collects every configuration error; sorts them by file (in loading order), line and column. */
final class Problems {

    private final List<ConfigError> errors = new ArrayList<>();
    private final Map<String, Integer> fileOrder = new HashMap<>();

    /** Registers a file in loading order, so its errors sort after those of the file that includes it. */
    void visiting(Path file) {
        fileOrder.putIfAbsent(file.toString(), fileOrder.size());
    }

    void at(Path file, Node node, String message) {
        at(file, node.getStartMark(), message);
    }

    void at(Path file, Mark mark, String message) {
        errors.add(new ConfigError(file.toString(), mark.getLine() + 1, mark.getColumn() + 1, message));
    }

    /** An error about a file as a whole (it cannot be read, or lacks a required key). */
    void atStart(Path file, String message) {
        errors.add(new ConfigError(file.toString(), 1, 1, message));
    }

    /** How many errors so far: a reader compares it before and after to know whether its part was valid. */
    int count() {
        return errors.size();
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    List<ConfigError> sorted() {
        return errors.stream()
                .sorted(Comparator.<ConfigError>comparingInt(e -> fileOrder.getOrDefault(e.file(), Integer.MAX_VALUE))
                        .thenComparing(ConfigError::file)
                        .thenComparingInt(ConfigError::line)
                        .thenComparingInt(ConfigError::column))
                .toList();
    }

    /** {@code FILE:LINE:COLUMN} of a node, for messages that name a second place. */
    static String where(Path file, Node node) {
        Mark mark = node.getStartMark();
        return file + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
    }

    /** Why a file could not be read, without its content. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
