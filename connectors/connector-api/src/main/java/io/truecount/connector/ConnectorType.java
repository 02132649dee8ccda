package io.truecount.connector;

import io.truecount.connector.http.ResilienceOptions;
import io.truecount.connector.push.SinkConnector;
import io.truecount.connector.webhook.WebhookReceiver;
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

    /**
     * Keys this type reads from {@link ConnectorSettings#options()}, so configuration can reject unknown ones. The
     * runtime's retry, timeout and circuit-breaker keys ({@link ResilienceOptions#KEYS}) apply to every type.
     */
    default Set<String> optionKeys() {
        return ResilienceOptions.KEYS;
    }

    /**
     * Why a value the admin gave one of this type's own options (those of {@link #optionKeys()} beyond the runtime's
     * and the common keys) is not valid, or null when it is. Configuration reports it at the value's file and line.
     * The default takes whole numbers of at least 0, which is what most options are (counts, hours, sizes).
     */
    default String optionProblem(String key, String value) {
        try {
            return Long.parseLong(value.strip()) >= 0 ? null : "'" + key + "' must be a whole number of at least 0";
        } catch (NumberFormatException e) {
            return "'" + key + "' must be a whole number of at least 0: '" + value + "'";
        }
    }

    /** The vendor's default host, used when the YAML gives no {@code base-url}. */
    URI defaultBaseUrl();

    /** Builds a source connector; only called for valid settings of a type whose {@link #role()} is a source. */
    default SourceConnector createSource(ConnectorSettings settings, ConnectorRuntime runtime) {
        throw new UnsupportedOperationException(name() + " is not a source");
    }

    /** Builds a sink (accounting, payments, files); only called for types whose role is a sink. */
    default SinkConnector createSink(ConnectorSettings settings, ConnectorRuntime runtime) {
        throw new UnsupportedOperationException(name() + " is not a sink");
    }

    /** Whether connectors of this type receive webhooks ({@code POST /webhooks/<connector id>}). */
    default boolean receivesWebhooks() {
        return false;
    }

    /** Builds the webhook receiver of a connector of this type; only called when {@link #receivesWebhooks()}. */
    default WebhookReceiver createWebhookReceiver(ConnectorSettings settings, ConnectorRuntime runtime) {
        throw new UnsupportedOperationException(name() + " receives no webhooks");
    }
}
