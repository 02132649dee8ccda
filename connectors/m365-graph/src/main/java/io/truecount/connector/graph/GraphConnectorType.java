package io.truecount.connector.graph;

import io.truecount.connector.ConnectorRole;
import io.truecount.connector.ConnectorRuntime;
import io.truecount.connector.ConnectorSettings;
import io.truecount.connector.ConnectorType;
import io.truecount.connector.SourceConnector;
import io.truecount.connector.concurrent.PerOrganization;
import io.truecount.connector.http.ResilienceOptions;
import java.net.URI;
import java.util.HashSet;
import java.util.Set;

/** {@code type: microsoft-graph}, found through {@code META-INF/services/io.truecount.connector.ConnectorType}. */
public final class GraphConnectorType implements ConnectorType {

    static final String NAME = "microsoft-graph";
    static final String CLIENT_ID = "client-id";
    static final String CLIENT_SECRET = "client-secret";
    /** The MSP's own tenant: when given, customer tenants are discovered through GDAP. */
    static final String PARTNER_TENANT_ID = "partner-tenant-id";
    /** Users per page: {@code Prefer: odata.maxpagesize} on delta queries, {@code $top} on plain lists. */
    static final String PAGE_SIZE = "page-size";
    /** The Entra ID host tokens are asked from, {@code {login-url}/{tenant}/oauth2/v2.0/token}. */
    static final String LOGIN_URL = "login-url";

    static final URI DEFAULT_BASE_URL = URI.create("https://graph.microsoft.com");
    static final URI DEFAULT_LOGIN_URL = URI.create("https://login.microsoftonline.com");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ConnectorRole role() {
        return ConnectorRole.M365;
    }

    @Override
    public Set<String> requiredCredentials() {
        return Set.of(CLIENT_ID, CLIENT_SECRET);
    }

    @Override
    public Set<String> optionalCredentials() {
        return Set.of(PARTNER_TENANT_ID);
    }

    @Override
    public Set<String> optionKeys() {
        Set<String> keys = new HashSet<>(ResilienceOptions.KEYS);
        keys.add(PerOrganization.CONCURRENCY);
        keys.add(PAGE_SIZE);
        keys.add(LOGIN_URL);
        return Set.copyOf(keys);
    }

    @Override
    public URI defaultBaseUrl() {
        return DEFAULT_BASE_URL;
    }

    @Override
    public SourceConnector createSource(ConnectorSettings settings, ConnectorRuntime runtime) {
        return GraphConnector.create(settings, runtime);
    }
}
