package io.truecount.app.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the root file and, depth first, every file it includes: a file comes before the files it includes, and
 * those in include order (a glob's matches sorted by path). Files are composed to SnakeYAML node trees, not
 * constructed to objects, so that every value keeps its line and column.
 */
final class ConfigFiles {

    private final Reading reading;
    private final Problems problems;
    private final SecretLiterals secretLiterals;
    private final List<ConfigFile> loaded = new ArrayList<>();
    /** The files being visited, root last: an include of one of them is a cycle. */
    private final Deque<Path> chain = new ArrayDeque<>();
    /** Every file visited, by absolute path, to where it was included: a second include would define it all twice. */
    private final Map<Path, String> includedFrom = new HashMap<>();

    private boolean incomplete;

    ConfigFiles(Reading reading) {
        this.reading = reading;
        this.problems = reading.problems();
        this.secretLiterals = new SecretLiterals(problems);
    }

    /** The files that could be read, root first; unreadable ones are reported. */
    List<ConfigFile> load(Path root) {
        visit(root, null);
        return loaded;
    }

    /** Whether some file could not be read or parsed, so keys missing from the whole are not worth reporting. */
    boolean incomplete() {
        return incomplete;
    }

    /** @param site the include value naming this file; null for the root */
    private void visit(Path file, Scalar site) {
        Path identity = identity(file);
        if (chain.stream().anyMatch(f -> identity(f).equals(identity))) {
            problems.at(site.file(), site.node(), "include cycle: " + cycle(file));
            return;
        }
        if (includedFrom.containsKey(identity)) {
            problems.at(
                    site.file(), site.node(), "'" + file + "' is already included at " + includedFrom.get(identity));
            return;
        }
        includedFrom.put(identity, site == null ? file.toString() : Problems.where(site.file(), site.node()));
        problems.visiting(file);
        Node node = compose(file, site);
        if (Reading.isNull(node)) {
            return;
        }
        secretLiterals.check(file, node);
        Section top = Section.open(reading, file, "the top level", node, node, ConfigFile.TOP_KEYS);
        if (top == null) {
            incomplete = true;
            return;
        }
        loaded.add(new ConfigFile(file, top));
        chain.push(file);
        for (Scalar include : includes(top)) {
            expand(include).forEach(target -> visit(target, include));
        }
        chain.pop();
    }

    private List<Path> expand(Scalar include) {
        try {
            List<Path> targets = IncludeGlob.expand(include.file(), include.value());
            if (targets.isEmpty()) {
                problems.at(include.file(), include.node(), "include " + include.shown() + " matches no file");
            }
            return targets;
        } catch (IOException e) {
            problems.at(
                    include.file(),
                    include.node(),
                    "cannot list include " + include.shown() + ": " + Problems.reason(e));
            incomplete = true;
            return List.of();
        }
    }

    private Node compose(Path file, Scalar site) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new Yaml(new LoaderOptions()).compose(reader);
        } catch (MarkedYAMLException e) {
            // Only the problem, never e.getMessage(): that quotes the offending source line, which may hold a secret.
            problems.at(file, e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark(), syntax(e));
        } catch (YAMLException e) {
            problems.atStart(file, "cannot read file: " + e.getClass().getSimpleName());
        } catch (IOException e) {
            if (site == null) {
                problems.atStart(file, "cannot read file: " + Problems.reason(e));
            } else {
                problems.at(
                        site.file(), site.node(), "cannot read included file '" + file + "': " + Problems.reason(e));
            }
        }
        incomplete = true;
        return null;
    }

    private static String syntax(MarkedYAMLException e) {
        return "YAML syntax error: " + (e.getProblem() != null ? e.getProblem() : e.getContext());
    }

    private List<Scalar> includes(Section top) {
        Node value = top.value(ConfigFile.INCLUDE);
        if (value == null) {
            return List.of();
        }
        List<Node> items = value instanceof SequenceNode sequence ? sequence.getValue() : List.of(value);
        List<Scalar> includes = new ArrayList<>();
        for (Node item : items) {
            Scalar scalar = reading.scalar(top.file(), item, "'include'");
            if (scalar != null && scalar.value().isBlank()) {
                problems.at(top.file(), item, "'include' must name a file or a glob");
            } else if (scalar != null) {
                includes.add(scalar);
            }
        }
        return includes;
    }

    /** {@code a.yaml -> b.yaml -> a.yaml}, from the file included again down to the one including it. */
    private String cycle(Path file) {
        List<Path> visiting = new ArrayList<>(chain);
        Collections.reverse(visiting);
        int start = 0;
        while (!identity(visiting.get(start)).equals(identity(file))) {
            start++;
        }
        return visiting.subList(start, visiting.size()).stream()
                        .map(Path::toString)
                        .collect(Collectors.joining(" -> "))
                + " -> " + file;
    }

    private static Path identity(Path file) {
        return file.toAbsolutePath().normalize();
    }
}
