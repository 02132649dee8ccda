package io.truecount.app.contract;

import io.truecount.app.config.ActiveConfig;
import io.truecount.connector.webhook.WebhookEffect;
import io.truecount.connector.webhook.WebhookEffect.SignatureKind;
import io.truecount.core.contract.Contract;
import io.truecount.core.contract.SignatureRequirement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The e-signature state of contracts, kept in {@code contract_signature}. {@link #apply} is called by the webhook inbox
 * worker inside its own transaction: the plain {@link JdbcTemplate} joins it, so the event is marked processed exactly
 * when its effect is stored.
 */
@Component
public class ContractSignatures {

    private final JdbcTemplate jdbc;
    private final ActiveConfig config;
    private final Clock clock;

    public ContractSignatures(JdbcTemplate jdbc, ActiveConfig config, Clock clock) {
        this.jdbc = jdbc;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Records what an e-signature connector reported about a document, for every contract that names that document
     * under that connector.
     *
     * @param eventId the vendor's event id (the inbox's key): the same event applied twice is stored once
     */
    public SignatureUpdate apply(String connectorId, WebhookEffect.Signature effect, String eventId) {
        List<SignatureUpdate.Change> changes = new ArrayList<>();
        for (Contract contract : config.get().contracts()) {
            SignatureRequirement required = contract.signature();
            if (required == null
                    || !required.connectorId().equals(connectorId)
                    || !required.documentId().equals(effect.documentId())) {
                continue;
            }
            SignatureState before = state(contract.id(), required);
            int inserted = jdbc.update(
                    """
                    insert into contract_signature
                        (contract_id, connector_id, document_id, status, event_id, at, signer, recorded_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (contract_id, connector_id, event_id) do nothing
                    """,
                    contract.id(),
                    connectorId,
                    effect.documentId(),
                    effect.kind().name(),
                    eventId,
                    Timestamp.from(effect.occurredAt()),
                    effect.signer(),
                    Timestamp.from(clock.instant()));
            changes.add(
                    new SignatureUpdate.Change(contract.id(), before, state(contract.id(), required), inserted == 1));
        }
        return new SignatureUpdate(connectorId, effect.documentId(), changes);
    }

    /** The state of a contract's required document; {@link SignatureState#COMPLETED} for a contract that needs none. */
    public SignatureState state(Contract contract) {
        return contract.signature() == null ? SignatureState.COMPLETED : state(contract.id(), contract.signature());
    }

    /** Events of another document (the admin replaced the envelope) do not count for this one. */
    private SignatureState state(String contractId, SignatureRequirement required) {
        List<SignatureKind> events = jdbc.query(
                """
                select status from contract_signature
                where contract_id = ? and connector_id = ? and document_id = ?
                order by at, id
                """,
                (rs, i) -> SignatureKind.valueOf(rs.getString("status")),
                contractId,
                required.connectorId(),
                required.documentId());
        return SignatureState.of(events);
    }

    /** How summaries name a contract's document: {@code docusign envelope 4f3c…}. */
    public String describeDocument(SignatureRequirement required) {
        String type = config.get().connectors().containsKey(required.connectorId())
                ? config.get().connectors().get(required.connectorId()).type()
                : required.connectorId();
        String noun =
                switch (Objects.requireNonNullElse(type, "")) {
                    case "docusign" -> "envelope";
                    case "dropbox-sign" -> "signature request";
                    default -> "document";
                };
        return type + " " + noun + " " + required.documentId();
    }
}
