package io.truecount.app.cli;

import picocli.CommandLine.Command;

/** The {@code truecount} command and its subcommands (OUTPUTS.md). */
@Command(
        name = "truecount",
        mixinStandardHelpOptions = true,
        version = "Truecount 0.1.0",
        description = "Billing connector platform for managed service providers.",
        subcommands = {
            ValidateCommand.class,
            CycleCommand.class,
            SyncCommand.class,
            InvoiceCommand.class,
            PrepaidCommand.class,
            MappingsCommand.class,
            CheckCommand.class,
            PushCommand.class,
            WebhooksCommand.class,
            NoticesCommand.class,
            TokenCommand.class,
            ServeCommand.class
        })
public class TruecountCommand {}
