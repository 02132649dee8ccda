package io.truecount.app.cli;

import io.truecount.app.config.TruecountConfig;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code truecount validate}: only loads and checks the configuration; no database, no network. */
@Command(name = "validate", description = "Validate the configuration and print every error as FILE:LINE:COLUMN.")
class ValidateCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Optional<TruecountConfig> config = common.loadConfig(spec.commandLine().getErr());
        if (config.isEmpty()) {
            return ExitCodes.INVALID_CONFIG;
        }
        out.printf(
                "%s: valid (%d connectors, %d customers, %d contracts)%n",
                common.config,
                config.get().connectors().size(),
                config.get().customers().size(),
                config.get().contracts().size());
        return ExitCodes.OK;
    }
}
