package io.truecount.app.cli;

import io.truecount.app.config.ConfigException;
import io.truecount.app.config.ConfigLoader;
import io.truecount.app.config.TruecountConfig;
import java.io.PrintWriter;
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
        PrintWriter err = spec.commandLine().getErr();
        try {
            TruecountConfig config = new ConfigLoader(System::getenv).load(common.config);
            out.printf(
                    "%s: valid (%d connectors, %d customers, %d contracts)%n",
                    common.config,
                    config.connectors().size(),
                    config.customers().size(),
                    config.contracts().size());
            return ExitCodes.OK;
        } catch (ConfigException e) {
            e.errors().forEach(error -> err.println(error));
            err.printf("%d error(s)%n", e.errors().size());
            return ExitCodes.INVALID_CONFIG;
        }
    }
}
