package io.truecount.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every {@code /api} endpoint the application maps, called with no token, a revoked token and each role. The expected
 * roles are this test's own lists, written from the API contract independently of {@link AccessRules}: an endpoint in
 * none of them fails the test, so a new endpoint cannot ship unclassified.
 */
class ApiAccessTest extends ServerTest {

    /** Admin only. Path variables are written {@code {}}: their names are the controllers' business. */
    static final Set<String> ADMIN = Set.of(
            "GET /api/tokens",
            "POST /api/tokens",
            "DELETE /api/tokens/{}",
            "POST /api/invoices/{}/void",
            "POST /api/webhooks/events/{}/replay",
            "POST /api/config/reload");

    /** Approver (and admin). */
    static final Set<String> APPROVER = Set.of(
            "POST /api/connectors/{}/sync",
            "POST /api/cycles",
            "POST /api/reconciliation/{}/acknowledge",
            "POST /api/reconciliation/{}/dismiss",
            "POST /api/invoices/{}/approve",
            "POST /api/invoices/{}/hold",
            "POST /api/invoices/{}/release",
            "POST /api/invoices/{}/push",
            "POST /api/invoices/approve",
            "POST /api/invoices/hold");

    /** Viewer (everyone with a token): the contract's reads, the OpenAPI document and page, who-am-I. */
    static final Set<String> VIEWER = Set.of(
            "GET /api/connectors",
            "GET /api/connectors/{}/runs",
            "GET /api/schedules",
            "GET /api/cycles",
            "GET /api/customers",
            "GET /api/customers/{}",
            "GET /api/mappings",
            "GET /api/contracts",
            "GET /api/reconciliation",
            "GET /api/invoices",
            "GET /api/invoices/{}",
            "GET /api/dashboard",
            "GET /api/webhooks/events",
            "GET /api/webhooks/dead",
            "GET /api/audit",
            "GET /api/me",
            "GET /api/openapi.json",
            "GET /api/openapi.json.yaml",
            "GET /api/openapi.json/swagger-config",
            "GET /api/docs");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private NewToken viewer;
    private NewToken approver;
    private NewToken admin;
    private NewToken revoked;

    @BeforeEach
    void tokens() {
        viewer = token(Role.VIEWER);
        approver = token(Role.APPROVER);
        admin = token(Role.ADMIN);
        revoked = token(Role.ADMIN);
        tokens.revoke(revoked.name(), "test", null);
    }

    @Test
    void everyApiEndpoint_isClassified_andRefusesWhatItsRoleMayNotDo() {
        List<String> endpoints = apiEndpoints();
        assertThat(endpoints).as("the tokens API at least").contains("GET /api/tokens", "DELETE /api/tokens/{}");
        assertThat(endpoints)
                .as("every /api endpoint must be in this test's ADMIN, APPROVER or VIEWER list")
                .allMatch(e -> ADMIN.contains(e) || APPROVER.contains(e) || VIEWER.contains(e));

        List<String> wrong = new ArrayList<>();
        for (String endpoint : endpoints) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = endpoint.substring(endpoint.indexOf(' ') + 1).replace("{}", "1");
            expect(wrong, endpoint, "no token", call(method, path, null), 401);
            expect(wrong, endpoint, "revoked token", call(method, path, revoked), 401);
            allowed(wrong, endpoint, "admin", call(method, path, admin), true);
            allowed(wrong, endpoint, "approver", call(method, path, approver), !ADMIN.contains(endpoint));
            allowed(wrong, endpoint, "viewer", call(method, path, viewer), VIEWER.contains(endpoint));
        }
        assertThat(wrong).as("answers that break the role table").isEmpty();
    }

    @Test
    void unauthenticatedApiAnswer_isProblemJson_notARedirect() {
        Http.Response response = http().get("/api/tokens");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":401");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void wrongRole_isProblemJsonNamingTheRoleNeeded() {
        Http.Response response = http().send("GET", "/api/tokens", null, bearer(approver));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).contains("\"status\":403").contains("admin role");
    }

    @Test
    void me_namesTheCallerAndRole() {
        Http.Response response = http().send("GET", "/api/me", null, bearer(approver));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"name\":\"" + approver.name() + "\",\"role\":\"approver\"}");
    }

    @Test
    void aBearerTokenNeverFallsBackToAnotherCredential() {
        Http.Response response = http().send("GET", "/api/tokens", null, Map.of("Authorization", "Bearer tc_nope"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("tc_nope");
    }

    private Http.Response call(String method, String path, NewToken token) {
        Map<String, String> headers = new java.util.HashMap<>(Map.of("Content-Type", "application/json"));
        if (token != null) {
            headers.putAll(bearer(token));
        }
        return http().send(method, path, method.equals("GET") ? null : "{}", headers);
    }

    private static void expect(List<String> wrong, String endpoint, String who, Http.Response r, int status) {
        if (r.status() != status) {
            wrong.add(endpoint + " with " + who + ": " + r.status() + ", expected " + status);
        }
    }

    private static void allowed(List<String> wrong, String endpoint, String who, Http.Response r, boolean allowed) {
        boolean refused = r.status() == 401 || r.status() == 403;
        if (allowed && refused) {
            wrong.add(endpoint + " with " + who + ": " + r.status() + ", expected it let through");
        } else if (!allowed && r.status() != 403) {
            wrong.add(endpoint + " with " + who + ": " + r.status() + ", expected 403");
        }
    }

    /** "METHOD /path/{}" for every handler mapping under /api; a mapping without methods is listed for each. */
    private List<String> apiEndpoints() {
        Set<String> endpoints = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (methods.isEmpty()) {
                methods = Set.of(
                        RequestMethod.GET,
                        RequestMethod.POST,
                        RequestMethod.PUT,
                        RequestMethod.PATCH,
                        RequestMethod.DELETE);
            }
            for (String pattern : info.getPatternValues()) {
                if (pattern.equals("/api") || pattern.startsWith("/api/")) {
                    for (RequestMethod method : methods) {
                        endpoints.add(method.name() + " " + pattern.replaceAll("\\{[^}]*}", "{}"));
                    }
                }
            }
        });
        return new ArrayList<>(endpoints);
    }
}
