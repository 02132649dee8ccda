package io.truecount.app.contract;

import io.truecount.connector.webhook.WebhookEffect.SignatureKind;
import java.util.List;

/** Where a contract's document is: nothing heard yet, or what the e-signature tool last reported that counts. */
public enum SignatureState {
    PENDING,
    COMPLETED,
    DECLINED,
    VOIDED;

    /**
     * Completion wins over everything, earlier or later: a document signed by everyone stays signed even when the tool
     * later reports a decline or a void (a resend, a cleanup). Otherwise the latest event decides.
     *
     * @param events the document's events, oldest first
     */
    static SignatureState of(List<SignatureKind> events) {
        if (events.contains(SignatureKind.COMPLETED)) {
            return COMPLETED;
        }
        return events.isEmpty()
                ? PENDING
                : valueOf(events.get(events.size() - 1).name());
    }

    /** Whether a contract in this state bills. */
    public boolean bills() {
        return this == COMPLETED;
    }
}
