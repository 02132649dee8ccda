package io.truecount.core.contract;

import java.util.Objects;

/**
 * A contract that bills nothing until an e-signature tool reports its document completed ({@code signature:} in
 * CONFIG.md).
 *
 * @param connectorId the e-signature connector that reports on the document
 * @param documentId the vendor's id of the envelope, signature request or document
 */
public record SignatureRequirement(String connectorId, String documentId) {

    public SignatureRequirement {
        Objects.requireNonNull(connectorId, "connectorId");
        Objects.requireNonNull(documentId, "documentId");
    }
}
