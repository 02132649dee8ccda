package io.truecount.connector.connectwise;

import io.truecount.connector.ConnectorRole;
import io.truecount.connector.ConnectorRuntime;
import io.truecount.connector.ConnectorSettings;
import io.truecount.connector.ConnectorType;
import io.truecount.connector.SourceConnector;
import io.truecount.connector.http.ResilienceOptions;
import java.net.URI;
import java.util.HashSet;
import java.util.Set;

/** {@code type: connectwise-manage}, found through {@code META-INF/services/io.truecount.connector.ConnectorType}. */
public final class ConnectWiseConnectorType implements ConnectorType {

    static final String NAME = "connectwise-manage";
    /** The company id the MSP logs in with ({@code zylker}), the first half of the API member's Basic user name. */
    static final String COMPANY = "company";

    static final String PUBLIC_KEY = "public-key";
    static final String PRIVATE_KEY = "private-key";
    /** The integration's clientId GUID from developer.connectwise.com, sent on every request. */
    static final String CLIENT_ID = "client-id";
    /** Records per page of every listing; ConnectWise serves at most 1000. */
    static final String PAGE_SIZE = "page-size";
    /** A run re-reads every entry when the last full read is older than this (default 168, a week). */
    static final String FULL_SYNC_HOURS = "full-sync-hours";
    /** How many whole months before the current one the deletion sweep covers (default 1: from the previous month). */
    static final String SWEEP_MONTHS = "sweep-months";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ConnectorRole role() {
        return ConnectorRole.PSA;
    }

    @Override
    public Set<String> requiredCredentials() {
        return Set.of(COMPANY, PUBLIC_KEY, PRIVATE_KEY, CLIENT_ID);
    }

    @Override
    public Set<String> optionKeys() {
        Set<String> keys = new HashSet<>(ResilienceOptions.KEYS);
        keys.add(PAGE_SIZE);
        keys.add(FULL_SYNC_HOURS);
        keys.add(SWEEP_MONTHS);
        return Set.copyOf(keys);
    }

    /**
     * None: the API lives on the MSP's regional or on-premises host under its codebase path
     * ({@code https://api-na.myconnectwise.net/v4_6_release/apis/3.0}), so the YAML must give {@code base-url}.
     */
    @Override
    public URI defaultBaseUrl() {
        return null;
    }

    @Override
    public SourceConnector createSource(ConnectorSettings settings, ConnectorRuntime runtime) {
        return ConnectWiseConnector.create(settings, runtime);
    }
}
