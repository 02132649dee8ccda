package io.truecount.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The console's way in: login page, session cookie, CSRF on writes, logout; and what stays open without a login. */
class ConsoleLoginTest extends ServerTest {

    private static final Map<String, String> FORM = Map.of("Content-Type", "application/x-www-form-urlencoded");

    @Test
    void consolePages_redirectToLogin_whichNeedsNoLogin() {
        Http browser = http();

        Http.Response index = browser.get("/");
        Http.Response page = browser.get("/login");

        assertThat(index.status()).isEqualTo(302);
        assertThat(index.location()).endsWith("/login");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"token\"").contains("action=\"/login\"");
        assertThat(index.setCookie("XSRF-TOKEN"))
                .as("the login form's CSRF token")
                .contains("SameSite=Lax");
        assertThat(index.setCookie("XSRF-TOKEN"))
                .as("readable by the page's script")
                .doesNotContain("HttpOnly");
        assertThat(browser.cookie("XSRF-TOKEN")).isNotNull();
        assertThat(browser.get("/login.js").status()).isEqualTo(200);
        assertThat(browser.get("/login.css").status()).isEqualTo(200);
    }

    @Test
    void login_opensAnHttpOnlyLaxSession_withANewId() {
        NewToken viewer = token(Role.VIEWER);
        Http browser = http();
        browser.get("/login");

        Http.Response login = login(browser, viewer.token());

        assertThat(login.status()).isEqualTo(303);
        assertThat(login.location()).endsWith("/");
        String session = login.setCookie("JSESSIONID");
        assertThat(session).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");
        assertThat(browser.get("/").status()).as("the console after login").isNotIn(302, 401, 403);
        assertThat(browser.get("/api/tokens").status())
                .as("a viewer session on an admin endpoint")
                .isEqualTo(403);
        assertThat(browser.cookie("XSRF-TOKEN")).isNotNull();
    }

    @Test
    void failedLogin_is401_withoutSayingWhy_andWithoutTheToken() {
        NewToken revoked = token(Role.ADMIN);
        tokens.revoke(revoked.name(), "test", null);
        Http browser = http();
        browser.get("/login");

        Http.Response unknown = login(browser, "tc_wrong-guess-123");
        Http.Response wasRevoked = login(browser, revoked.token());
        Http.Response html = browser.send(
                "POST",
                "/login",
                form("tc_wrong-guess-123", browser.cookie("XSRF-TOKEN")),
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html"));

        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wasRevoked.status()).isEqualTo(401);
        assertThat(wasRevoked.body()).as("no hint which part was wrong").isEqualTo(unknown.body());
        assertThat(unknown.setCookie("JSESSIONID")).isNull();
        assertThat(html.status()).isEqualTo(401);
        assertThat(html.body()).contains("Login failed").doesNotContain("tc_wrong-guess-123");
    }

    @Test
    void loginWithoutCsrfToken_isRefused() {
        NewToken viewer = token(Role.VIEWER);

        Http.Response response = http().send("POST", "/login", "token=" + viewer.token(), FORM);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.setCookie("JSESSIONID")).isNull();
    }

    @Test
    void sessionWrites_needTheXsrfHeader_bearerWritesDoNot() {
        NewToken admin = token(Role.ADMIN);
        Http browser = loggedIn(admin);
        Map<String, String> json = Map.of("Content-Type", "application/json");

        Http.Response withoutHeader =
                browser.send("POST", "/api/tokens", "{\"name\":\"csrf-a\",\"role\":\"viewer\"}", json);
        Http.Response wrongHeader = browser.send(
                "POST",
                "/api/tokens",
                "{\"name\":\"csrf-b\",\"role\":\"viewer\"}",
                Map.of("Content-Type", "application/json", "X-XSRF-TOKEN", "forged"));
        Http.Response withHeader = browser.send(
                "POST",
                "/api/tokens",
                "{\"name\":\"csrf-c\",\"role\":\"viewer\"}",
                Map.of("Content-Type", "application/json", "X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN")));
        Http.Response bearer = http().send(
                        "POST",
                        "/api/tokens",
                        "{\"name\":\"csrf-d\",\"role\":\"viewer\"}",
                        Map.of("Content-Type", "application/json", "Authorization", "Bearer " + admin.token()));

        assertThat(withoutHeader.status()).isEqualTo(403);
        assertThat(withoutHeader.body()).contains("CSRF");
        assertThat(wrongHeader.status()).isEqualTo(403);
        assertThat(withHeader.status()).isEqualTo(201);
        assertThat(bearer.status()).isEqualTo(201);
        assertThat(tokens.list())
                .extracting(TokenInfo::name)
                .contains("csrf-c", "csrf-d")
                .doesNotContain("csrf-a", "csrf-b");
    }

    @Test
    void revokingAToken_endsItsConsoleSessions() {
        NewToken approver = token(Role.APPROVER);
        Http browser = loggedIn(approver);
        assertThat(browser.get("/api/tokens").status()).isEqualTo(403);

        tokens.revoke(approver.name(), "test", null);

        assertThat(browser.get("/api/tokens").status()).isEqualTo(401);
        assertThat(browser.get("/").status()).isEqualTo(302);
    }

    @Test
    void logout_endsTheSession() {
        NewToken admin = token(Role.ADMIN);
        Http browser = loggedIn(admin);
        assertThat(browser.get("/api/tokens").status()).isEqualTo(200);

        Http.Response refused = browser.send("POST", "/logout", null, Map.of());
        Http.Response logout =
                browser.send("POST", "/logout", null, Map.of("X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN")));

        assertThat(refused.status()).as("logout without the CSRF header").isEqualTo(403);
        assertThat(logout.status()).isEqualTo(302);
        assertThat(logout.location()).contains("/login");
        assertThat(browser.get("/api/tokens").status()).isEqualTo(401);
    }

    @Test
    void webhooksAndHealth_needNoLogin_metricsAndApiDocsDo() {
        NewToken viewer = token(Role.VIEWER);

        Http.Response webhook =
                http().send("POST", "/webhooks/no-such-connector", "{}", Map.of("Content-Type", "application/json"));
        Http.Response health = http().get("/actuator/health");
        Http.Response liveness = http().get("/actuator/health/liveness");
        Http.Response metrics = http().get("/actuator/prometheus");
        Http.Response docs = http().get("/api/openapi.json");

        assertThat(webhook.status())
                .as("a webhook is never refused for want of a login")
                .isNotIn(302, 401, 403);
        assertThat(health.status()).isEqualTo(200);
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(metrics.status()).isEqualTo(401);
        assertThat(docs.status()).isEqualTo(401);
        // 404 in a Spring test, which turns metrics export off; 200 in the server (SecretsInLogsTest).
        assertThat(http().send("GET", "/actuator/prometheus", null, bearer(viewer))
                        .status())
                .isNotIn(401, 403);
    }

    private Http loggedIn(NewToken token) {
        Http browser = http();
        browser.get("/login");
        assertThat(login(browser, token.token()).status()).isEqualTo(303);
        browser.get("/");
        return browser;
    }

    private static Http.Response login(Http browser, String token) {
        return browser.send("POST", "/login", form(token, browser.cookie("XSRF-TOKEN")), FORM);
    }

    private static String form(String token, String csrf) {
        return "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrf == null ? "" : csrf, StandardCharsets.UTF_8);
    }
}
