package io.truecount.app.cli;

import io.truecount.app.config.TruecountConfig;
import io.truecount.app.db.Database;
import io.truecount.app.ops.LogFormat;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code truecount serve}: the long-running server with scheduled syncs and {@code /actuator/health}. */
@Command(name = "serve", description = "Run the server: scheduled syncs, webhooks, health endpoint.")
class ServeCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "HTTP port (default 8080).")
    int port;

    @Option(
            names = "--log-format",
            paramLabel = "FORMAT",
            description = "Log lines on stderr as text or json (one object per line, with correlation ids)."
                    + " Default: TRUECOUNT_LOG_FORMAT, else text.")
    LogFormat logFormat;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        // Before anything logs: the configuration loader and the embedded PostgreSQL log before Spring starts.
        Map<String, Object> properties =
                new LinkedHashMap<>(LogFormat.resolve(logFormat, System::getenv).apply());
        properties.put("server.port", port);
        Optional<TruecountConfig> config = common.loadConfig(err);
        if (config.isEmpty()) {
            return ExitCodes.INVALID_CONFIG;
        }
        Database database = common.openDatabase();
        ConfigurableApplicationContext context =
                ApplicationLauncher.start(config.get(), database, common, true, null, properties);
        // One shutdown hook, in order: the context closes gracefully (running syncs finish, the web server drains),
        // then the database it used. Spring's own hook is off (ApplicationLauncher) so the two cannot race.
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            context.close();
            database.close();
            stopped.countDown();
        }));
        stopped.await();
        return ExitCodes.OK;
    }
}
