package io.truecount.app.cli;

import io.truecount.app.TruecountApplication;
import io.truecount.app.config.ActiveConfig;
import io.truecount.app.config.TruecountConfig;
import io.truecount.app.db.Database;
import io.truecount.app.sync.SyncProgress;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the Spring application for a command, with a validated configuration and an open database. */
final class ApplicationLauncher {

    private ApplicationLauncher() {}

    static ConfigurableApplicationContext start(
            TruecountConfig config,
            Database database,
            CommonOptions common,
            boolean server,
            SyncProgress progress,
            Map<String, Object> extra) {
        Map<String, Object> properties = new LinkedHashMap<>(database.springProperties());
        properties.put("spring.main.banner-mode", "off");
        properties.put("truecount.scheduling", server);
        if (!common.verbose) {
            properties.put("logging.level.root", server ? "INFO" : "WARN");
            // A failed start is reported by the command in one line; Spring would log it again with a stack trace.
            properties.put("logging.level.org.springframework.boot.SpringApplication", "OFF");
            properties.put("logging.level.org.springframework.boot.diagnostics", "OFF");
            properties.put("logging.level.org.springframework.context", "ERROR");
            properties.put("logging.level.org.springframework.boot.web.servlet.context", "ERROR");
        }
        properties.putAll(extra);
        try {
            return builder(config, server, progress, common, properties).run();
        } catch (RuntimeException e) {
            if (causedBy(e, SQLException.class)) {
                throw new IllegalStateException(
                        "cannot use the database " + redact(database.jdbcUrl()) + ": " + rootMessage(e), e);
            }
            throw e;
        }
    }

    private static SpringApplicationBuilder builder(
            TruecountConfig config,
            boolean server,
            SyncProgress progress,
            CommonOptions common,
            Map<String, Object> properties) {
        return new SpringApplicationBuilder(TruecountApplication.class)
                .web(server ? WebApplicationType.SERVLET : WebApplicationType.NONE)
                .properties(properties)
                .initializers(context -> {
                    context.getBeanFactory().registerSingleton("activeConfig", ActiveConfig.of(config));
                    if (progress != null) {
                        context.getBeanFactory().registerSingleton("syncProgress", progress);
                    }
                })
                .logStartupInfo(common.verbose)
                // Commands close the context themselves, before the database it uses (see ServeCommand).
                .registerShutdownHook(false);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** A JDBC URL may carry a password; it never reaches a message. */
    static String redact(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
