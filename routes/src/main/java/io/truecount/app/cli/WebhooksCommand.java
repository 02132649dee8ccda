package io.truecount.app.cli;

import io.truecount.app.webhook.Inbox;
import io.truecount.app.webhook.InboxWorker;
import io.truecount.app.webhook.StoredEvent;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code truecount webhooks}: the inbox of received webhook events and its dead letters (an extension). */
@Command(
        name = "webhooks",
        mixinStandardHelpOptions = true,
        description = "List received webhook events and dead letters; replay a dead letter.",
        subcommands = {WebhooksCommand.ListEvents.class, WebhooksCommand.Replay.class})
class WebhooksCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.INVALID_CONFIG;
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "List events, newest first: dead letters with --dead, else processed ones.",
            footer = LedgerCommand.EXIT_CODES)
    static class ListEvents extends LedgerCommand {

        @Option(names = "--dead", description = "Dead letters: events that failed every attempt.")
        boolean dead;

        @Option(names = "--limit", defaultValue = "50", paramLabel = "N", description = "At most N (default 50).")
        int limit;

        @Override
        int run(Ledger ledger, PrintWriter out) {
            List<StoredEvent> events = ledger.beans().getBean(Inbox.class).list(dead ? "DEAD" : "PROCESSED", limit);
            if (events.isEmpty()) {
                out.println(dead ? "No dead letters." : "No processed events.");
            }
            for (StoredEvent e : events) {
                out.printf(
                        "%d  %s  %s  %s  %s  attempts %d  %s%n",
                        e.id(),
                        e.receivedAt(),
                        e.connectorId(),
                        e.eventId(),
                        e.type(),
                        e.attempts(),
                        dead ? "error: " + e.lastError() : e.outcome());
            }
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "replay",
            mixinStandardHelpOptions = true,
            description = "Process a dead letter (or a processed event) again, now.",
            footer = LedgerCommand.EXIT_CODES)
    static class Replay extends LedgerCommand {

        @Parameters(paramLabel = "ID", description = "The event's id in the inbox (first column of list).")
        long id;

        @Override
        int run(Ledger ledger, PrintWriter out) {
            Inbox inbox = ledger.beans().getBean(Inbox.class);
            Clock clock = ledger.beans().getBean(Clock.class);
            boolean reset = ledger.inTransaction(() -> inbox.replay(id, clock.instant()));
            if (!reset) {
                throw new IllegalArgumentException("no dead or processed webhook event " + id);
            }
            ledger.beans().getBean(InboxWorker.class).drain();
            StoredEvent after = inbox.find(id).orElseThrow();
            out.printf(
                    "%d  %s  %s  %s%n",
                    id,
                    after.eventId(),
                    after.state(),
                    after.state().equals("PROCESSED") ? after.outcome() : "error: " + after.lastError());
            return after.state().equals("PROCESSED") ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }
}
