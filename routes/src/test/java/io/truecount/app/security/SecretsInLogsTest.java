package io.truecount.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.app.TruecountApplication;
import io.truecount.app.config.ActiveConfig;
import io.truecount.app.config.ConfigException;
import io.truecount.app.config.ConfigLoader;
import io.truecount.app.config.TruecountConfig;
import io.truecount.app.testing.TestDatabase;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A server with a connector secret and an admin token from {@code TRUECOUNT_ADMIN_TOKEN}, started inside the output
 * capture with security and web logging at DEBUG: logins (failed and good), API calls with good and bad tokens, a token
 * created and revoked. Neither a secret nor a token (nor a token's hash) appears anywhere in the output.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsInLogsTest {

    private static final String CONNECTOR_SECRET = "ninja-s3cret-" + UUID.randomUUID();
    private static final String ADMIN_TOKEN = "bootstrap-" + UUID.randomUUID() + UUID.randomUUID();
    private static final String WRONG_TOKEN = "tc_wrong-" + UUID.randomUUID();

    @Test
    void noSecretOrTokenReachesTheLog(CapturedOutput output) throws Exception {
        String created;
        try (TestDatabase db = TestDatabase.startMigrated();
                ConfigurableApplicationContext app = start(db)) {
            Http browser = new Http(app.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
            Map<String, String> admin = Map.of("Authorization", "Bearer " + ADMIN_TOKEN);

            assertThat(browser.get("/login").status()).isEqualTo(200);
            assertThat(login(browser, WRONG_TOKEN).status()).isEqualTo(401);
            Http.Response login = login(browser, ADMIN_TOKEN);
            assertThat(login.status())
                    .as("the bootstrapped admin token logs in")
                    .isEqualTo(303);
            assertThat(login.setCookie("JSESSIONID")).contains("Secure").contains("HttpOnly");
            assertThat(browser.get("/").setCookie("XSRF-TOKEN"))
                    .as("a fresh CSRF token after login")
                    .contains("Secure");
            Http.Response made = browser.send(
                    "POST",
                    "/api/tokens",
                    "{\"name\":\"script\",\"role\":\"viewer\"}",
                    Map.of("Content-Type", "application/json", "X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN")));
            assertThat(made.status()).isEqualTo(201);
            created = made.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
            assertThat(new Http(port(app))
                            .send("GET", "/api/tokens", null, admin)
                            .status())
                    .isEqualTo(200);
            assertThat(new Http(port(app))
                            .send("GET", "/api/tokens", null, Map.of("Authorization", "Bearer " + created))
                            .status())
                    .isEqualTo(403);
            assertThat(new Http(port(app))
                            .send("GET", "/api/tokens", null, Map.of("Authorization", "Bearer " + WRONG_TOKEN))
                            .status())
                    .isEqualTo(401);
            assertThat(new Http(port(app))
                            .send("DELETE", "/api/tokens/script", null, admin)
                            .status())
                    .isEqualTo(204);
            browser.send("POST", "/logout", null, Map.of("X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN")));
        }

        String log = output.getAll();
        assertThat(log)
                .as("the capture saw the server")
                .contains("Console login failed")
                .contains("Refused GET");
        assertThat(created).startsWith("tc_");
        for (String secret : new String[] {CONNECTOR_SECRET, ADMIN_TOKEN, WRONG_TOKEN, created}) {
            assertThat(log).doesNotContain(secret).doesNotContain(ApiTokens.sha256(secret));
        }
    }

    private static ConfigurableApplicationContext start(TestDatabase db) throws ConfigException {
        TruecountConfig config = new ConfigLoader(Map.of("NINJA_SECRET", CONNECTOR_SECRET)::get)
                .load(
                        ServerTest.writeConfig(
                                ServerTest.CONFIG
                                        + """
                        connectors:
                          ninja:
                            type: ninjaone
                            credentials: { client-id: abc, client-secret: "${NINJA_SECRET}" }
                        """));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", db.jdbcUrl());
        properties.put("server.port", 0);
        properties.put("truecount.scheduling", false);
        properties.put("truecount.security.secure-cookies", true);
        properties.put(AdminTokenBootstrap.VARIABLE, ADMIN_TOKEN);
        properties.put("logging.level.io.truecount", "DEBUG");
        properties.put("logging.level.org.springframework.security", "DEBUG");
        properties.put("logging.level.org.springframework.web", "DEBUG");
        return new SpringApplicationBuilder(TruecountApplication.class)
                .web(WebApplicationType.SERVLET)
                .properties(properties)
                .initializers(
                        context -> context.getBeanFactory().registerSingleton("activeConfig", ActiveConfig.of(config)))
                .run();
    }

    private static int port(ConfigurableApplicationContext app) {
        return app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    private static Http.Response login(Http browser, String token) {
        return browser.send(
                "POST",
                "/login",
                "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&_csrf="
                        + URLEncoder.encode(browser.cookie("XSRF-TOKEN"), StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
    }
}
