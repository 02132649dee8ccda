package io.truecount.connector.testing;

import io.truecount.connector.ConnectorSettings;
import io.truecount.connector.Secret;
import io.truecount.core.observation.AssetClass;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** Builds {@link ConnectorSettings} for tests: fast retries and short timeouts unless a test sets its own. */
public final class TestSettings {

    private final String type;
    private final Map<String, Secret> credentials = new HashMap<>();
    private final Map<String, AssetClass> assetClasses = new HashMap<>();
    private final Map<String, String> options = new HashMap<>();
    private String id = "test";
    private URI baseUrl;
    private URI authUrl;
    private Double requestsPerSecond;

    TestSettings(String type, URI baseUrl) {
        this.type = type;
        this.baseUrl = baseUrl;
        options.put("retry.backoff-millis", "5");
        options.put("retry.max-wait-seconds", "5");
        options.put("timeout-seconds", "5");
    }

    public TestSettings id(String value) {
        id = value;
        return this;
    }

    public TestSettings baseUrl(URI value) {
        baseUrl = value;
        return this;
    }

    public TestSettings authUrl(URI value) {
        authUrl = value;
        return this;
    }

    /** A credential whose origin names the test, as an env or file reference would. */
    public TestSettings credential(String key, String value) {
        credentials.put(key, new Secret(value, "test " + key));
        return this;
    }

    public TestSettings assetClass(String vendorValue, AssetClass assetClass) {
        assetClasses.put(vendorValue, assetClass);
        return this;
    }

    public TestSettings option(String key, String value) {
        options.put(key, value);
        return this;
    }

    public TestSettings requestsPerSecond(double value) {
        requestsPerSecond = value;
        return this;
    }

    public ConnectorSettings build() {
        return new ConnectorSettings(
                id, type, baseUrl, authUrl, credentials, null, null, assetClasses, requestsPerSecond, options);
    }
}
