package io.truecount.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** How the log format is chosen, and what a JSON line carries: one object, the message, the correlation ids. */
class LogFormatTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream stderr = System.err;

    @AfterEach
    void backToText() throws Exception {
        System.setErr(stderr);
        System.clearProperty(LogFormat.PROPERTY);
        MDC.clear();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        new ContextInitializer(context).autoConfig();
    }

    @Test
    void theOptionWins_thenTheProperty_thenTheEnvironment_elseText() {
        Map<String, String> env = Map.of("TRUECOUNT_LOG_FORMAT", "json");

        assertThat(LogFormat.resolve(null, name -> null)).isEqualTo(LogFormat.TEXT);
        assertThat(LogFormat.resolve(null, env::get)).isEqualTo(LogFormat.JSON);
        assertThat(LogFormat.resolve(LogFormat.TEXT, env::get)).isEqualTo(LogFormat.TEXT);
        System.setProperty(LogFormat.PROPERTY, "Text");
        assertThat(LogFormat.resolve(null, env::get)).isEqualTo(LogFormat.TEXT);
    }

    @Test
    void anUnknownFormat_isOneLineNamingTheAllowedValues() {
        assertThatThrownBy(() -> LogFormat.resolve(null, Map.of("TRUECOUNT_LOG_FORMAT", "yaml")::get))
                .hasMessage("TRUECOUNT_LOG_FORMAT must be text or json, not 'yaml'");
    }

    @Test
    void json_isOneObjectPerLine_withTheCorrelationIdsAsFields_untilTheWorkIsDone() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));

        Map<String, Object> spring = LogFormat.JSON.apply();
        org.slf4j.Logger log = LoggerFactory.getLogger("io.truecount.app.push.PushWorker");
        try (Correlation push = Correlation.of("push", "7", "invoice", "ZY-202610-00001", "connector", "books")) {
            log.info("push {} confirmed", "ZY-202610-00001");
            try (Correlation nested = Correlation.of("connector", "pay")) {
                log.info("nested");
            }
            log.warn("line two\nof one message");
        }
        log.info("after");

        List<JsonNode> lines = captured.toString(StandardCharsets.UTF_8)
                .lines()
                .map(LogFormatTest::parse)
                .toList();
        assertThat(spring).containsEntry("logging.config", "classpath:logback-json.xml");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0).get("message").asText()).isEqualTo("push ZY-202610-00001 confirmed");
        assertThat(lines.get(0).get("level").asText()).isEqualTo("INFO");
        assertThat(lines.get(0).get("push").asText()).isEqualTo("7");
        assertThat(lines.get(0).get("invoice").asText()).isEqualTo("ZY-202610-00001");
        assertThat(lines.get(0).get("connector").asText()).isEqualTo("books");
        assertThat(lines.get(1).get("connector").asText()).isEqualTo("pay");
        assertThat(lines.get(2).get("connector").asText())
                .as("restored after the nested work")
                .isEqualTo("books");
        assertThat(lines.get(2).get("message").asText()).isEqualTo("line two\nof one message");
        assertThat(lines.get(3).has("push")).as("cleared after the work").isFalse();
        assertThat(lines.get(3).has("connector")).isFalse();
    }

    @Test
    void carried_givesAPoolThreadTheCallersIds_andTakesThemBack() throws Exception {
        Supplier<String> work;
        try (Correlation cycle = Correlation.of("cycle", "c-1")) {
            work = Correlation.carried(() -> MDC.get("cycle"));
        }
        String[] seen = new String[2];
        Thread pool = new Thread(() -> {
            MDC.put("cycle", "stale");
            seen[0] = work.get();
            seen[1] = MDC.get("cycle");
        });
        pool.start();
        pool.join();

        assertThat(seen).containsExactly("c-1", "stale");
        assertThat(MDC.get("cycle")).isNull();
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not a JSON object: " + line, e);
        }
    }
}
