package io.truecount.app.cli;

import picocli.CommandLine.Option;

/** Who made a decision about an invoice, for its history. */
class ActorOptions {

    @Option(
            names = "--actor",
            paramLabel = "WHO",
            defaultValue = "cli:${sys:user.name}",
            description = "Who is deciding, recorded in the invoice's history (default: ${DEFAULT-VALUE}).")
    String actor;
}
