package io.truecount.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pom's enforcer keeps frameworks off the core's classpath; this keeps the JDK's own I/O-bound APIs out of its
 * code, so the core stays a pure function of its inputs.
 */
class CorePurityTest {

    private static final Pattern FORBIDDEN = Pattern.compile(
            "^import (static )?(java\\.sql|javax\\.sql|java\\.net|java\\.io\\.File|java\\.nio\\.file|"
                    + "org\\.springframework|org\\.apache\\.camel|com\\.fasterxml|okhttp3)\\b.*",
            Pattern.MULTILINE);

    @Test
    void mainSources_importNoFrameworkAndNoIo() throws IOException {
        Path main = Path.of("src/main/java");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(main)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .flatMap(p -> FORBIDDEN.matcher(read(p)).results().map(m -> main.relativize(p) + ": " + m.group()))
                    .toList();
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void theCheckWouldCatchAnOffender() {
        assertThat(FORBIDDEN.matcher("import java.sql.Connection;").find()).isTrue();
        assertThat(FORBIDDEN.matcher("import java.math.BigDecimal;").find()).isFalse();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
