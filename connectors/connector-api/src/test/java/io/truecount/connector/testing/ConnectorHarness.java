package io.truecount.connector.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.truecount.connector.ConnectorRuntime;
import java.net.URI;
import java.time.Instant;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A started Camel context, a WireMock server on a free port and a {@link TestClock}, shared by the tests of one class.
 * Before each test the stubs, the request journal and the clock are reset. Register it on a static field:
 *
 * <pre>{@code @RegisterExtension static final ConnectorHarness harness = new ConnectorHarness();}</pre>
 */
public final class ConnectorHarness implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

    /** Where the clock stands at the start of every test. */
    public static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

    private final TestClock clock = new TestClock(START);
    private WireMockServer wireMock;
    private DefaultCamelContext camel;

    @Override
    public void beforeAll(ExtensionContext context) {
        wireMock = new WireMockServer(options().dynamicPort());
        wireMock.start();
        camel = new DefaultCamelContext();
        camel.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        camel.stop();
        wireMock.stop();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        wireMock.resetAll();
        clock.set(START);
    }

    public WireMockServer wireMock() {
        return wireMock;
    }

    /** The WireMock server's root, {@code http://localhost:<port>}. */
    public URI baseUrl() {
        return URI.create(wireMock.baseUrl());
    }

    public CamelContext camel() {
        return camel;
    }

    public TestClock clock() {
        return clock;
    }

    public ConnectorRuntime runtime() {
        return new ConnectorRuntime(camel, clock);
    }

    /** Settings of the given type pointing at WireMock, with millisecond retry waits and short timeouts. */
    public TestSettings settings(String type) {
        return new TestSettings(type, baseUrl());
    }
}
