package io.truecount.app.config;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Turns an {@code include:} value (a path or a glob, relative to the including file's directory) into files. */
final class IncludeGlob {

    private IncludeGlob() {}

    static boolean isGlob(String pattern) {
        return pattern.chars().anyMatch(c -> "*?[{".indexOf(c) >= 0);
    }

    /**
     * A plain path as is (whether it exists is found out when reading it); a glob's matching regular files, sorted by
     * path. The directories before the first glob segment are literal, so the walk starts there.
     */
    static List<Path> expand(Path includingFile, String pattern) throws IOException {
        if (!isGlob(pattern)) {
            return List.of(includingFile.resolveSibling(pattern).normalize());
        }
        String[] segments = pattern.split("/");
        Path base = pattern.startsWith("/") ? Path.of("/") : siblingDirectory(includingFile);
        int first = 0;
        while (first < segments.length - 1 && !isGlob(segments[first])) {
            base = segments[first].isEmpty() ? base : base.resolve(segments[first]);
            first++;
        }
        String rest = String.join("/", Arrays.copyOfRange(segments, first, segments.length));
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        int depth = rest.contains("**") ? Integer.MAX_VALUE : segments.length - first;
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        Path from = base;
        try (Stream<Path> files = Files.walk(from, depth)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> matcher.matches(from.relativize(f)))
                    .map(Path::normalize)
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
        }
    }

    private static Path siblingDirectory(Path file) {
        Path parent = file.getParent();
        return parent != null ? parent : Path.of("");
    }
}
