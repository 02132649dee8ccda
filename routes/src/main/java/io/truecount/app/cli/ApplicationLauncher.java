package io.truecount.app.cli;

import io.truecount.app.TruecountApplication;
import io.truecount.app.config.TruecountConfig;
import io.truecount.app.db.Database;
import io.truecount.app.sync.SyncProgress;
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
        }
        properties.putAll(extra);
        return new SpringApplicationBuilder(TruecountApplication.class)
                .web(server ? WebApplicationType.SERVLET : WebApplicationType.NONE)
                .properties(properties)
                .initializers(context -> {
                    context.getBeanFactory().registerSingleton("truecountConfig", config);
                    if (progress != null) {
                        context.getBeanFactory().registerSingleton("syncProgress", progress);
                    }
                })
                .logStartupInfo(common.verbose)
                // Commands close the context themselves, before the database it uses (see ServeCommand).
                .registerShutdownHook(false)
                .run();
    }
}
