package io.truecount.connector.quickbooks;

import io.truecount.connector.ConnectorRole;
import io.truecount.connector.ConnectorRuntime;
import io.truecount.connector.ConnectorSettings;
import io.truecount.connector.ConnectorType;
import io.truecount.connector.http.ResilienceOptions;
import io.truecount.connector.push.SinkConnector;
import java.net.URI;
import java.util.HashSet;
import java.util.Set;

/** {@code type: quickbooks-online}, found through {@code META-INF/services/io.truecount.connector.ConnectorType}. */
public final class QuickBooksConnectorType implements ConnectorType {

    static final String NAME = "quickbooks-online";
    static final String CLIENT_ID = "client-id";
    static final String CLIENT_SECRET = "client-secret";
    static final String REFRESH_TOKEN = "refresh-token";
    static final String REALM_ID = "realm-id";
    /** The QuickBooks product or service every line is booked to (default {@value #DEFAULT_ITEM_ID}). */
    static final String ITEM_ID = "item-id";

    static final String DEFAULT_ITEM_ID = "1";
    static final URI DEFAULT_BASE_URL = URI.create("https://quickbooks.api.intuit.com");
    static final URI DEFAULT_AUTH_URL = URI.create("https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ConnectorRole role() {
        return ConnectorRole.ACCOUNTING;
    }

    @Override
    public Set<String> requiredCredentials() {
        return Set.of(CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN, REALM_ID);
    }

    @Override
    public Set<String> optionKeys() {
        Set<String> keys = new HashSet<>(ResilienceOptions.KEYS);
        keys.add(ITEM_ID);
        return Set.copyOf(keys);
    }

    /** QuickBooks entity ids are digit strings ({@code "1"}, {@code "58"}). */
    @Override
    public String optionProblem(String key, String value) {
        if (ITEM_ID.equals(key)) {
            return value.strip().matches("\\d+")
                    ? null
                    : "'" + ITEM_ID + "' must be the Id of a QuickBooks product or service (digits), not '" + value
                            + "'";
        }
        return ConnectorType.super.optionProblem(key, value);
    }

    @Override
    public URI defaultBaseUrl() {
        return DEFAULT_BASE_URL;
    }

    @Override
    public SinkConnector createSink(ConnectorSettings settings, ConnectorRuntime runtime) {
        return QuickBooksSink.create(settings, runtime);
    }
}
