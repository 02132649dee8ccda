package io.truecount.app.cli;

import io.truecount.app.config.TruecountConfig;
import io.truecount.app.sync.SourceConnectors;
import io.truecount.connector.ConnectorSettings;
import io.truecount.connector.SourceException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.camel.impl.DefaultCamelContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code truecount check}: proves each source connector's credentials and reachability with the cheapest call its
 * vendor offers. Needs no database and stores nothing.
 */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = "Test the connection of every source connector: credentials and reachability.",
        footer = "%nExit codes: 0 every connector answered; 3 at least one did not (one line each says why);"
                + " 2 invalid configuration.")
class CheckCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Optional<TruecountConfig> config = common.loadConfig(spec.commandLine().getErr());
        if (config.isEmpty()) {
            return ExitCodes.INVALID_CONFIG;
        }
        int failed = 0;
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.start();
            SourceConnectors connectors = new SourceConnectors(config.get(), camel, Clock.systemUTC());
            for (ConnectorSettings source : config.get().sources()) {
                Instant started = Instant.now();
                String label = source.id() + " (" + source.type() + ")";
                try {
                    connectors.get(source.id()).checkConnection();
                    out.printf("  %-32s ok      %s%n", label, seconds(started));
                } catch (SourceException e) {
                    failed++;
                    out.printf("  %-32s FAILED  %s%n", label, e.getMessage());
                }
            }
        }
        out.printf(
                "%d of %d source connectors answered%n",
                config.get().sources().size() - failed, config.get().sources().size());
        out.flush();
        return failed == 0 ? ExitCodes.OK : ExitCodes.SOURCE_FAILED;
    }

    private static String seconds(Instant started) {
        return String.format("%.1fs", Duration.between(started, Instant.now()).toMillis() / 1000.0);
    }
}
