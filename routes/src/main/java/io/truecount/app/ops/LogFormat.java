package io.truecount.app.ops;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * How the server writes its log lines on stderr: {@code text} for people ({@code logback.xml}), {@code json} for log
 * collectors ({@code logback-json.xml}: one Logstash-style object per line, MDC correlation ids as fields).
 *
 * <p>Chosen before Spring starts, because the embedded PostgreSQL and the configuration loader log before it does:
 * {@code --log-format}, else the {@code truecount.log-format} system property, else {@code TRUECOUNT_LOG_FORMAT}, else
 * text. Text stays the default even when stderr is not a terminal: the one-shot commands write progress for people on
 * stderr, and a container sets {@code TRUECOUNT_LOG_FORMAT=json} explicitly (docker/Dockerfile).
 */
public enum LogFormat {
    TEXT("logback.xml"),
    JSON("logback-json.xml");

    static final String PROPERTY = "truecount.log-format";
    static final String VARIABLE = "TRUECOUNT_LOG_FORMAT";

    private final String resource;

    LogFormat(String resource) {
        this.resource = resource;
    }

    /**
     * @param option the command line's choice, or null
     * @param environment environment variables (System::getenv)
     * @throws IllegalArgumentException naming the allowed values when a setting is not one of them
     */
    public static LogFormat resolve(LogFormat option, Function<String, String> environment) {
        if (option != null) {
            return option;
        }
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return parse(property, PROPERTY);
        }
        String variable = environment.apply(VARIABLE);
        if (variable != null && !variable.isBlank()) {
            return parse(variable, VARIABLE);
        }
        return TEXT;
    }

    private static LogFormat parse(String value, String source) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + " must be text or json, not '" + value + "'", e);
        }
    }

    /**
     * Switches this process's logging to the format now (nothing to do for text, logback's default), and returns the
     * Spring properties that keep it when Spring reconfigures logging on start.
     */
    public Map<String, Object> apply() {
        if (this == TEXT) {
            return Map.of(PROPERTY, "text");
        }
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext context) {
            URL config = LogFormat.class.getClassLoader().getResource(resource);
            if (config == null) {
                throw new IllegalStateException(resource + " is missing from the application");
            }
            context.reset();
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            try {
                configurator.doConfigure(config);
            } catch (JoranException e) {
                throw new IllegalStateException("cannot configure JSON logging: " + e.getMessage(), e);
            }
        }
        return Map.of(PROPERTY, "json", "logging.config", "classpath:" + resource);
    }
}
