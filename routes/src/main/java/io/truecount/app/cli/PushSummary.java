package io.truecount.app.cli;

import io.truecount.app.push.PushRow;
import io.truecount.app.push.PushState;
import java.io.PrintWriter;
import java.util.List;

/** The pushes of a {@code cycle --push} or {@code push} run, one line each, then a count per state. */
final class PushSummary {

    private PushSummary() {}

    /** @return whether every push is CONFIRMED */
    static boolean print(PrintWriter out, List<PushRow> pushes) {
        out.println();
        if (pushes.isEmpty()) {
            out.println("Pushes: none (no approved invoice has a sink connector)");
            return true;
        }
        out.println("Pushes:");
        for (PushRow push : pushes) {
            out.println("  " + line(push));
        }
        long confirmed =
                pushes.stream().filter(p -> p.state() == PushState.CONFIRMED).count();
        out.println("  " + confirmed + " of " + pushes.size() + " confirmed");
        return confirmed == pushes.size();
    }

    static String line(PushRow push) {
        String head = String.format("%-18s -> %-12s %-9s", push.invoiceNumber(), push.connectorId(), push.state());
        return switch (push.state()) {
            case CONFIRMED ->
                head + " " + push.externalId()
                        + (push.externalNumber() == null
                                        || push.externalNumber().equals(push.externalId())
                                ? ""
                                : " (" + push.externalNumber() + ")");
            case FAILED -> head + " " + push.lastError();
            default ->
                head + " next attempt " + push.nextAttemptAt()
                        + (push.lastError() == null ? "" : "; last error: " + push.lastError());
        };
    }
}
