package io.truecount.connector.xero;

import io.truecount.connector.ConnectorRole;
import io.truecount.connector.ConnectorRuntime;
import io.truecount.connector.ConnectorSettings;
import io.truecount.connector.ConnectorType;
import io.truecount.connector.http.ResilienceOptions;
import io.truecount.connector.push.SinkConnector;
import java.net.URI;
import java.util.HashSet;
import java.util.Set;

/** {@code type: xero}: approved invoices to one Xero organisation through a custom connection. */
public final class XeroConnectorType implements ConnectorType {

    static final String NAME = "xero";
    static final String CLIENT_ID = "client-id";
    static final String CLIENT_SECRET = "client-secret";
    static final String TENANT_ID = "tenant-id";

    static final URI DEFAULT_BASE_URL = URI.create("https://api.xero.com/api.xro/2.0");
    static final URI DEFAULT_AUTH_URL = URI.create("https://identity.xero.com/connect/token");

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
        return Set.of(CLIENT_ID, CLIENT_SECRET, TENANT_ID);
    }

    @Override
    public Set<String> optionKeys() {
        Set<String> keys = new HashSet<>(ResilienceOptions.KEYS);
        keys.addAll(XeroOptions.KEYS);
        return Set.copyOf(keys);
    }

    @Override
    public String optionProblem(String key, String value) {
        return XeroOptions.problem(key, value);
    }

    @Override
    public URI defaultBaseUrl() {
        return DEFAULT_BASE_URL;
    }

    @Override
    public SinkConnector createSink(ConnectorSettings settings, ConnectorRuntime runtime) {
        return XeroSink.create(settings, runtime);
    }
}
