package io.truecount.app.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.app.testing.NoticeFixture;
import io.truecount.app.testing.TestDatabase;
import io.truecount.connector.webhook.WebhookEffect.Signature;
import io.truecount.connector.webhook.WebhookEffect.SignatureKind;
import io.truecount.core.contract.Contract;
import io.truecount.core.contract.SignatureRequirement;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ContractSignaturesTest {

    private static final SignatureRequirement ENVELOPE = new SignatureRequirement("sign", "env-1");
    private static TestDatabase db;

    private NoticeFixture fixture;

    @BeforeAll
    static void start() {
        db = TestDatabase.startMigrated();
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    @BeforeEach
    void setUp() {
        fixture = new NoticeFixture(db.dataSource());
        fixture.contract("acme-managed", "2026-01-01", "2026-12-31", false, ENVELOPE);
        fixture.contract("acme-backup", "2026-01-01", null, false, null);
    }

    private static Signature event(SignatureKind kind, String at) {
        return new Signature(kind, "env-1", Instant.parse(at), "dana@acme.example");
    }

    private SignatureUpdate apply(SignatureKind kind, String at, String eventId) {
        return fixture.tx.execute(s -> fixture.signatures().apply("sign", event(kind, at), eventId));
    }

    private SignatureState state() {
        return fixture.signatures().state(fixture.contracts.get(0));
    }

    @Test
    void noEventYet_contractIsPending_andNotBilled() {
        ContractStates.Current current = fixture.states().current();

        assertThat(state()).isEqualTo(SignatureState.PENDING);
        assertThat(current.billable()).extracting(Contract::id).containsExactly("acme-backup");
        assertThat(current.unbilled())
                .containsExactly("contract acme-managed: awaiting signature (docusign envelope env-1)");
    }

    @Test
    void completed_billsTheContract() {
        SignatureUpdate update = apply(SignatureKind.COMPLETED, "2026-02-03T10:00:00Z", "evt-1");

        assertThat(update.unknownDocument()).isFalse();
        assertThat(update.changes())
                .containsExactly(new SignatureUpdate.Change(
                        "acme-managed", SignatureState.PENDING, SignatureState.COMPLETED, true));
        assertThat(fixture.states().current().billable())
                .extracting(Contract::id)
                .containsExactly("acme-managed", "acme-backup");
        assertThat(fixture.states().current().unbilled()).isEmpty();
    }

    @Test
    void declineAfterCompletion_doesNotUndoIt_butIsKeptAsHistory() {
        apply(SignatureKind.COMPLETED, "2026-02-03T10:00:00Z", "evt-1");
        SignatureUpdate late = apply(SignatureKind.VOIDED, "2026-02-05T10:00:00Z", "evt-2");

        assertThat(late.changes().get(0).changed()).isFalse();
        assertThat(late.describe()).isEqualTo("contract acme-managed: stays COMPLETED (recorded)");
        assertThat(state()).isEqualTo(SignatureState.COMPLETED);
        assertThat(fixture.jdbc.queryForList("select status from contract_signature order by at", String.class))
                .containsExactly("COMPLETED", "VOIDED");
    }

    @Test
    void completionArrivingAfterAnEarlierDecline_wins() {
        apply(SignatureKind.DECLINED, "2026-02-03T10:00:00Z", "evt-1");
        assertThat(state()).isEqualTo(SignatureState.DECLINED);
        assertThat(fixture.states().current().unbilled())
                .containsExactly("contract acme-managed: signature declined (docusign envelope env-1)");

        apply(SignatureKind.COMPLETED, "2026-02-04T10:00:00Z", "evt-2");
        assertThat(state()).isEqualTo(SignatureState.COMPLETED);
    }

    @Test
    void voided_keepsItUnbilled_withTheReason() {
        apply(SignatureKind.VOIDED, "2026-02-03T10:00:00Z", "evt-1");

        assertThat(fixture.states().current().unbilled())
                .containsExactly("contract acme-managed: signature voided (docusign envelope env-1)");
    }

    @Test
    void sameEventTwice_isStoredOnce() {
        apply(SignatureKind.COMPLETED, "2026-02-03T10:00:00Z", "evt-1");
        SignatureUpdate again = apply(SignatureKind.COMPLETED, "2026-02-03T10:00:00Z", "evt-1");

        assertThat(again.changes().get(0).recorded()).isFalse();
        assertThat(fixture.jdbc.queryForObject("select count(*) from contract_signature", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void documentNoContractNames_isReportedAndNothingStored() {
        SignatureUpdate update = fixture.tx.execute(s -> fixture.signatures()
                .apply("sign", new Signature(SignatureKind.COMPLETED, "env-other", Instant.EPOCH, null), "evt-9"));

        assertThat(update.unknownDocument()).isTrue();
        assertThat(update.describe()).isEqualTo("no contract has document 'env-other' of connector sign");
        assertThat(fixture.jdbc.queryForObject("select count(*) from contract_signature", Integer.class))
                .isZero();
    }

    @Test
    void sameDocumentOnAnotherConnector_doesNotCount() {
        SignatureUpdate update = fixture.tx.execute(s -> fixture.signatures()
                .apply("other-sign", event(SignatureKind.COMPLETED, "2026-02-03T10:00:00Z"), "evt-1"));

        assertThat(update.unknownDocument()).isTrue();
        assertThat(state()).isEqualTo(SignatureState.PENDING);
    }

    @Test
    void renewedContract_billsToItsRenewedEnd() {
        Contract renewing = fixture.contract("acme-renewing", "2026-01-01", "2026-11-30", true, null);
        ContractRenewals renewals = new ContractRenewals(fixture.jdbc, NoticeFixture.CLOCK);

        assertThat(renewals.renew(renewing, LocalDate.of(2026, 12, 15))).hasSize(1);
        assertThat(renewals.renew(renewing, LocalDate.of(2026, 12, 15)))
                .as("idempotent")
                .isEmpty();
        assertThat(fixture.states().current().billable())
                .filteredOn(c -> c.id().equals("acme-renewing"))
                .extracting(Contract::end)
                .containsExactly(LocalDate.of(2027, 10, 31));
    }
}
