package io.truecount.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.truecount.bench.ServerProcess;
import io.truecount.sim.ninjaone.NinjaOneSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The web console against {@code truecount serve} (the runnable jar in its own process) in headless chromium: an
 * approver logs in with a token, reviews discrepancies of a real cycle (acknowledges one, dismisses another with a
 * reason), approves an invoice and bulk-holds two, and the API agrees afterwards; a viewer is offered no decisions;
 * logging out ends the session.
 */
class ConsoleIT {

    private static final Path JAR = Path.of("../routes/target/truecount-exec.jar");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final E2eDatabase postgres = new E2eDatabase();

    @RegisterExtension
    final ScreenshotOnFailure screenshots = new ScreenshotOnFailure(() -> this.browser);

    @TempDir
    Path dir;

    private Browser browser;
    private String base;

    /** After the screenshot of a failure is taken (the extension runs before this). */
    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void approverReviewsAndDecides_viewerOnlyLooks_logoutEndsTheSession() throws Exception {
        Browser.assumeInstalled();
        String db = postgres.freshJdbcUrl("console");
        try (NinjaOneSimulator ninja = NinjaOneSimulator.start(SmallMsp.data())) {
            Path config = SmallMsp.writeConfig(dir, ninja.baseUrl(), ninja.clientId(), ninja.clientSecret());
            // September (Acme only: Beta's contract starts in October) and October: three drafts, five discrepancies.
            cycle(config, db, "2026-09", "2026-10-01T03:59:59Z");
            cycle(config, db, "2026-10", SmallMsp.AS_OF.toString());
            String alice = token(config, db, "alice", "approver");
            String victor = token(config, db, "victor", "viewer");

            try (ServerProcess server = ServerProcess.start(
                    JAR, "-Xmx512m", config, db, dir.resolve("serve.log"), Duration.ofSeconds(120))) {
                base = server.webhookUri("x").resolve("/").toString().replaceAll("/$", "");
                browser = Browser.open(base, dir.resolve("chromium"));
                logIn(alice);
                assertThat(browser.find("#user-name").getText()).isEqualTo("alice");
                assertThat(browser.find("#user-role").getText()).isEqualTo("approver");
                assertThat(browser.all("svg.chart rect.bar"))
                        .as("six months per currency")
                        .hasSize(6);

                reviewDiscrepancies(alice);
                approveAndHold(alice);

                browser.load("#/audit", "audit");
                assertThat(browser.find("main").getText()).contains("alice", "retired");
                assertThat(severe()).isEmpty();

                logOut();
                logIn(victor);
                viewerSeesNoDecisions();
                logOut();
            }
        }
    }

    private void reviewDiscrepancies(String token) throws Exception {
        browser.load("#/reconciliation", "reconciliation");
        List<WebElement> open = browser.all("section.customer[data-customer=acme] li.item[data-state=open]");
        assertThat(open).as("Acme's over-billing, stale and duplicate devices").hasSizeGreaterThanOrEqualTo(2);
        String acknowledged = open.get(0).getDomAttribute("data-id");
        String dismissed = open.get(1).getDomAttribute("data-id");

        browser.find("li.item[data-id='" + acknowledged + "'] button.acknowledge")
                .click();
        browser.await(d -> "acknowledged".equals(item(acknowledged).getDomAttribute("data-state")));

        browser.find("li.item[data-id='" + dismissed + "'] button.dismiss").click();
        browser.giveReason("device was retired in September");
        browser.await(d -> "dismissed".equals(item(dismissed).getDomAttribute("data-state")));
        assertThat(item(dismissed).getText()).contains("dismissed by alice", "device was retired in September");

        // The API agrees, and a reload no longer lists them as open.
        assertThat(ids(api(token, "/api/reconciliation?state=acknowledged"))).contains(acknowledged);
        JsonNode gone = find(api(token, "/api/reconciliation?state=dismissed"), "id", dismissed);
        assertThat(gone.path("reason").asText()).isEqualTo("device was retired in September");
        assertThat(gone.path("actor").asText()).isEqualTo("alice");
        browser.load("#/reconciliation", "reconciliation");
        assertThat(browser.all("li.item"))
                .extracting(e -> e.getDomAttribute("data-id"))
                .doesNotContain(acknowledged, dismissed);
    }

    private void approveAndHold(String token) throws Exception {
        JsonNode drafts = api(token, "/api/invoices?status=DRAFT");
        assertThat(drafts).as("two October invoices and Acme's September one").hasSize(3);
        String approve = null;
        List<String> hold = new ArrayList<>();
        for (JsonNode invoice : drafts) {
            boolean acmeOctober = "acme".equals(invoice.path("customer").asText())
                    && "2026-10".equals(invoice.path("period").asText());
            if (acmeOctober) approve = invoice.path("number").asText();
            else hold.add(invoice.path("number").asText());
        }
        assertThat(approve).isNotNull();
        String approved = approve;

        browser.load("#/invoices", "invoices");
        browser.find("tr[data-number='" + approved + "'] button.approve").click();
        browser.await(d -> "APPROVED".equals(row(approved).getDomAttribute("data-status")));
        JsonNode detail = api(token, "/api/invoices/" + approved);
        assertThat(detail.path("status").asText()).isEqualTo("APPROVED");
        assertThat(detail.path("transitions").toString()).contains("\"actor\":\"alice\"");

        for (String number : hold) {
            browser.find("input[type=checkbox][value='" + number + "']").click();
        }
        browser.find("#bulk-hold").click();
        browser.giveReason("waiting for the customer's PO");
        for (String number : hold) {
            browser.await(d -> "HELD".equals(row(number).getDomAttribute("data-status")));
            JsonNode held = api(token, "/api/invoices/" + number);
            assertThat(held.path("status").asText()).isEqualTo("HELD");
            assertThat(held.path("holdReason").asText()).isEqualTo("waiting for the customer's PO");
        }
        assertThat(browser.notice()).contains("2 held");

        // The detail shows where each line's quantity came from.
        browser.load("#/invoices/" + approved, "invoices");
        assertThat(browser.find("#invoice-status").getText()).isEqualTo("APPROVED");
        assertThat(browser.find("main").getText())
                .contains("acme-managed / workstations")
                // Acme's billable devices (CycleIT computes them by hand): 101-103 workstations, 104 the server.
                .contains("101", "102", "103", "104");
    }

    private void viewerSeesNoDecisions() {
        assertThat(browser.find("#user-role").getText()).isEqualTo("viewer");
        browser.load("#/invoices", "invoices");
        assertThat(browser.all("tr[data-number]")).hasSize(3);
        assertThat(browser.all("button.approve, #bulk-approve, #bulk-hold, input[type=checkbox]"))
                .isEmpty();
        browser.load("#/reconciliation?state=all", "reconciliation");
        assertThat(browser.all("li.item")).isNotEmpty();
        assertThat(browser.all("button.acknowledge, button.dismiss")).isEmpty();
        assertThat(severe()).isEmpty();
    }

    private void logIn(String token) {
        browser.go("/login");
        browser.find("input[name=token]").sendKeys(token);
        browser.find("form[action='/login'] button[type=submit]").click();
        browser.await(d -> "dashboard".equals(d.findElement(By.tagName("body")).getDomAttribute("data-view")));
        browser.severeConsoleMessages(); // the login page's own messages (a missing favicon) are not the console's
    }

    private void logOut() {
        browser.find("#logout button").click();
        browser.await(d -> d.getCurrentUrl().contains("/login"));
        browser.go("/");
        browser.await(d -> d.getCurrentUrl().contains("/login"));
    }

    private List<String> severe() {
        return browser.severeConsoleMessages().stream()
                .filter(m -> !m.contains("favicon.ico"))
                .toList();
    }

    private WebElement item(String id) {
        return browser.driver().findElement(By.cssSelector("li.item[data-id='" + id + "']"));
    }

    private WebElement row(String number) {
        return browser.driver().findElement(By.cssSelector("tr[data-number='" + number + "']"));
    }

    private JsonNode api(String token, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Accept", "application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(i -> ids.add(i.path("id").asText()));
        return ids;
    }

    private static JsonNode find(JsonNode list, String field, String value) {
        for (JsonNode n : list) {
            if (value.equals(n.path(field).asText())) return n;
        }
        throw new AssertionError("no " + field + "=" + value + " in " + list);
    }

    private void cycle(Path config, String db, String period, String asOf) {
        CliRun run = CliRun.of(
                "cycle",
                "--config",
                config.toString(),
                "--period",
                period,
                "--as-of",
                asOf,
                "--out",
                dir.resolve("out-" + period).toString(),
                "--db",
                db);
        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    /** {@code truecount token create NAME --role ROLE} prints the token alone on stdout. */
    private static String token(Path config, String db, String name, String role) {
        CliRun run = CliRun.of("token", "create", name, "--role", role, "--config", config.toString(), "--db", db);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return run.stdout().strip();
    }
}
