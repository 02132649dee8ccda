package io.truecount.connector;

import java.net.URI;
import java.util.Set;

/**
 * A built-in connector type, found with {@link java.util.ServiceLoader} so that adding a vendor module adds its type
 * without touching the application. See {@code connectors/README.md}.
 */
public interface ConnectorType {

    /** The {@code type:} value admins write ({@code ninjaone}). */
    String name();

    /** What this type is for; only source types are synced. */
    ConnectorRole role();

    /** Credential keys that must be present. */
    Set<String> requiredCredentials();

    /** Credential keys that may be present. */
    default Set<String> optionalCredentials() {
        return Set.of();
    }

    /** The vendor's default host, used when the YAML gives no {@code base-url}. */
    URI defaultBaseUrl();

    /** Builds a source connector; only called for valid settings of this type. */
    SourceConnector createSource(ConnectorSettings settings, ConnectorRuntime runtime);
}
