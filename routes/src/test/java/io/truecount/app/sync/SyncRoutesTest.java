package io.truecount.app.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.truecount.app.config.ActiveConfig;
import io.truecount.app.config.TruecountConfig;
import io.truecount.app.testing.TestDatabase;
import io.truecount.connector.ConnectorSettings;
import io.truecount.connector.Secret;
import io.truecount.core.contract.Address;
import io.truecount.core.contract.Company;
import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The sync routes in a running application: ids from templates, a real connector against stubs, runs stored. */
@CamelSpringBootTest
@SpringBootTest(properties = {"truecount.scheduling=true", "spring.main.web-application-type=none"})
class SyncRoutesTest {

    private static final TestDatabase DB = TestDatabase.startMigrated();
    private static final WireMockServer NINJA = start();

    @Autowired
    CamelContext camel;

    @Autowired
    ProducerTemplate producer;

    @Autowired
    JdbcTemplate jdbc;

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        return server;
    }

    @AfterAll
    static void stop() throws Exception {
        NINJA.stop();
        DB.close();
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DB::jdbcUrl);
    }

    @TestConfiguration
    static class Config {
        @Bean
        ActiveConfig activeConfig() {
            ConnectorSettings ninja = new ConnectorSettings(
                    "ninja",
                    "ninjaone",
                    URI.create(NINJA.baseUrl()),
                    null,
                    Map.of(
                            "client-id", new Secret("id", "literal"),
                            "client-secret", new Secret("s3cret", "env NINJA_SECRET")),
                    "0 0 2 * * ?",
                    30,
                    Map.of(),
                    null,
                    Map.of("retry.max-attempts", "2", "retry.backoff-millis", "10"));
            Company company = new Company(
                    "Zylker",
                    Currency.getInstance("USD"),
                    ZoneId.of("America/New_York"),
                    "ZY-",
                    new Address("1 Main St", null, "Springfield", "12345", null, "US"),
                    "US123",
                    30);
            return ActiveConfig.of(new TruecountConfig(
                    Path.of("truecount.yaml"), company, Map.of("ninja", ninja), Map.of(), List.of()));
        }
    }

    @BeforeEach
    void stubNinjaOne() {
        NINJA.resetAll();
        NINJA.stubFor(post(urlPathEqualTo("/ws/oauth/token"))
                .willReturn(okJson("{\"access_token\":\"t1\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
        NINJA.stubFor(get(urlPathEqualTo("/v2/organizations")).willReturn(okJson("[{\"id\":12,\"name\":\"Acme\"}]")));
        NINJA.stubFor(get(urlPathEqualTo("/v2/devices-detailed"))
                .willReturn(okJson("[{\"id\":1042,\"organizationId\":12,\"nodeClass\":\"WINDOWS_SERVER\","
                        + "\"approvalStatus\":\"APPROVED\",\"displayName\":\"ACME-DC01\",\"lastContact\":1715600000.5,"
                        + "\"macAddresses\":[\"00:11:22:33:44:55\"],\"system\":{\"serialNumber\":\"SN1\"}}]")));
    }

    @Test
    void routesAreBuiltFromTemplates_withIdsPerConnector() {
        assertThat(camel.getRoute(RouteIds.sync("ninja"))).isNotNull();
        assertThat(camel.getRoute(RouteIds.sync("ninja")).getEndpoint().getEndpointUri())
                .isEqualTo("direct://sync-ninja");
        // Schedules are the clustered scheduler's (io.truecount.app.schedule), not a Camel route per instance.
        assertThat(camel.getRoutes())
                .noneMatch(r -> r.getEndpoint().getEndpointUri().startsWith("quartz"));
    }

    @Test
    void onDemandSync_storesWhatTheSourceReported() {
        SyncResult result = producer.requestBody(RouteIds.syncEndpoint("ninja"), null, SyncResult.class);
        assertThat(result.succeeded()).as(result.error()).isTrue();
        assertThat(result.stats().records()).isEqualTo(2);
        assertThat(jdbc.queryForObject("select status from sync_run where id = ?", String.class, result.runId()))
                .isEqualTo("SUCCEEDED");
        assertThat(jdbc.queryForList(
                        "select external_id || '/' || asset_class || '/' || serial_number from asset_observation"
                                + " where sync_run_id = ?",
                        String.class,
                        result.runId()))
                .containsExactly("1042/SERVER/SN1");
    }

    @Test
    void revokedCredentials_areAFailedRun_namingTheProblemButNotTheSecret() {
        // The application may hold a token from an earlier sync: the API refuses it, and the token endpoint refuses
        // to issue a new one.
        NINJA.stubFor(
                get(urlPathEqualTo("/v2/organizations")).willReturn(aResponse().withStatus(401)));
        NINJA.stubFor(post(urlPathEqualTo("/ws/oauth/token"))
                .willReturn(aResponse().withStatus(401).withBody("{\"error\":\"invalid_client\"}")));
        SyncResult result = producer.requestBody(RouteIds.syncEndpoint("ninja"), null, SyncResult.class);
        assertThat(result.succeeded()).isFalse();
        assertThat(result.error()).contains("ninja").contains("invalid_client").doesNotContain("s3cret");
        assertThat(jdbc.queryForObject("select status from sync_run where id = ?", String.class, result.runId()))
                .isEqualTo("FAILED");
        assertThat(jdbc.queryForObject(
                        "select count(*) from asset_observation where sync_run_id = ?", Integer.class, result.runId()))
                .isZero();
    }
}
