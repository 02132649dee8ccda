package io.truecount.app.contract;

import java.util.List;

/**
 * What applying one signature event did.
 *
 * @param changes one per contract whose document the event is about; empty when no contract names the document
 * @param documentId the document the event is about
 */
public record SignatureUpdate(String connectorId, String documentId, List<Change> changes) {

    /**
     * @param recorded false when this event had been applied before (nothing stored twice)
     */
    public record Change(String contractId, SignatureState before, SignatureState after, boolean recorded) {

        public boolean changed() {
            return before != after;
        }
    }

    public SignatureUpdate {
        changes = List.copyOf(changes);
    }

    /** No configured contract names the document: the caller records the event as ignored. */
    public boolean unknownDocument() {
        return changes.isEmpty();
    }

    /** One line for the event's outcome ({@code contract acme-managed: PENDING -> COMPLETED}). */
    public String describe() {
        if (unknownDocument()) {
            return "no contract has document '" + documentId + "' of connector " + connectorId;
        }
        return String.join(
                "; ",
                changes.stream()
                        .map(c -> "contract " + c.contractId() + ": "
                                + (c.changed()
                                        ? c.before() + " -> " + c.after()
                                        : "stays " + c.after() + (c.recorded() ? " (recorded)" : " (seen before)")))
                        .toList());
    }
}
