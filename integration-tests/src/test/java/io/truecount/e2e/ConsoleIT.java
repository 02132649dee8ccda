package io.truecount.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.truecount.bench.ServerProcess;
import io.truecount.sim.ninjaone.NinjaOneSimulator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console in a real browser: Debian's chromium, headless, driven through its chromedriver, against
 * {@code truecount serve} (the runnable jar in its own process) after a billing cycle. An approver logs in, reviews
 * discrepancies, approves an invoice and holds another; a viewer sees no decision buttons.
 */
class ConsoleIT {

    private static final Path JAR = Path.of("../routes/target/truecount-exec.jar");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void approverReviewsDiscrepancies_approvesAndHoldsInvoices_viewerOnlyReads() throws Exception {
        assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "no browser: the console's browser test needs Debian's chromium and chromedriver"
                        + " (apt-get install chromium chromium-driver)");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start();
                NinjaOneSimulator ninja = NinjaOneSimulator.start(SmallMsp.data())) {
            String db = postgres.getJdbcUrl("postgres", "postgres");
            Path config = SmallMsp.writeConfig(dir, ninja.baseUrl(), ninja.clientId(), ninja.clientSecret());
            CliRun cycle = CliRun.of(
                    "cycle",
                    "--config",
                    config.toString(),
                    "--period",
                    "2026-10",
                    "--as-of",
                    SmallMsp.AS_OF.toString(),
                    "--out",
                    dir.resolve("out").toString(),
                    "--db",
                    db);
            assertThat(cycle.exitCode()).as(cycle.stderr()).isZero();
            String approver = token(config, db, "alice", "approver");
            String viewer = token(config, db, "victor", "viewer");

            try (ServerProcess server = ServerProcess.start(
                    JAR, "-Xmx512m", config, db, dir.resolve("serve.log"), Duration.ofSeconds(120))) {
                String base = server.uri("").toString();
                WebDriver browser = browser();
                try {
                    logIn(browser, base, approver);
                    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
                    wait.until(ExpectedConditions.attributeToBe(By.id("view"), "data-ready", "dashboard"));
                    assertThat(browser.findElement(By.id("who")).getText()).isEqualTo("alice (approver)");
                    assertThat(browser.findElements(By.cssSelector("svg.chart rect")))
                            .isNotEmpty();

                    reviewDiscrepancies(browser, wait, base, approver);
                    approveAndHold(browser, wait, base, approver);

                    browser.findElement(By.cssSelector("#logout button")).click();
                    wait.until(ExpectedConditions.urlContains("/login"));

                    logIn(browser, base, viewer);
                    wait.until(ExpectedConditions.attributeToBe(By.id("view"), "data-ready", "dashboard"));
                    browser.get(base + "/#invoices?status=");
                    wait.until(ExpectedConditions.attributeToBe(By.id("view"), "data-ready", "invoices"));
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-invoice]")));
                    assertThat(browser.findElements(By.id("bulk-approve"))).isEmpty();
                    assertThat(browser.findElements(By.cssSelector("input[name=pick]")))
                            .isEmpty();
                } catch (Throwable e) {
                    Path shot = Path.of("target", "ConsoleIT-failure.png");
                    Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
                    throw new AssertionError(
                            e.getMessage() + "\nscreenshot: " + shot.toAbsolutePath() + "\nserver log: " + server.log(),
                            e);
                } finally {
                    browser.quit();
                }
            }
        }
    }

    private void reviewDiscrepancies(WebDriver browser, WebDriverWait wait, String base, String token)
            throws Exception {
        browser.get(base + "/#reconciliation");
        wait.until(ExpectedConditions.attributeToBe(By.id("view"), "data-ready", "reconciliation"));
        new Select(browser.findElement(By.id("customer"))).selectByValue("acme");
        wait.until(ExpectedConditions.urlContains("customer=acme"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-item]")));
        List<WebElement> rows = browser.findElements(By.cssSelector("tr[data-item]"));
        assertThat(rows).as("acme's open discrepancies").hasSizeGreaterThanOrEqualTo(2);
        String acknowledged = rows.get(0).getDomAttribute("data-item");
        String dismissed = rows.get(1).getDomAttribute("data-item");

        rows.get(0)
                .findElement(By.cssSelector("button[data-action=acknowledge]"))
                .click();
        answer(wait, "seen, replacing the laptop next week");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("tr[data-item='" + acknowledged + "']"), 0));

        browser.findElement(By.cssSelector("tr[data-item='" + dismissed + "'] button[data-action=dismiss]"))
                .click();
        answer(wait, "re-imaged machine, one device");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("tr[data-item='" + dismissed + "']"), 0));

        new Select(browser.findElement(By.id("state"))).selectByValue("dismissed");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("tr[data-item='" + dismissed + "'] td.state"), "re-imaged machine, one device"));

        JsonNode items = get(base, token, "/api/reconciliation?customer=acme&state=");
        assertThat(stateOf(items, acknowledged)).isEqualTo("acknowledged");
        assertThat(stateOf(items, dismissed)).isEqualTo("dismissed");
    }

    private void approveAndHold(WebDriver browser, WebDriverWait wait, String base, String token) throws Exception {
        JsonNode drafts = get(base, token, "/api/invoices?status=DRAFT");
        assertThat(drafts).hasSize(2);
        String first = drafts.get(0).get("number").asText();
        String second = drafts.get(1).get("number").asText();

        browser.get(base + "/#invoices");
        wait.until(ExpectedConditions.attributeToBe(By.id("view"), "data-ready", "invoices"));
        browser.findElement(By.linkText(first)).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("view"), "data-ready", "invoice"));
        assertThat(browser.findElement(By.id("invoice-status")).getText()).isEqualTo("DRAFT");
        browser.findElement(By.cssSelector("button[data-action=approve]")).click();
        answer(wait, "counts checked");
        wait.until(ExpectedConditions.textToBe(By.id("invoice-status"), "APPROVED"));
        assertThat(get(base, token, "/api/invoices/" + first).get("status").asText())
                .isEqualTo("APPROVED");

        browser.get(base + "/#invoices?status=DRAFT");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-invoice='" + second + "']")));
        browser.findElement(By.cssSelector("input[name=pick][value='" + second + "']"))
                .click();
        browser.findElement(By.id("bulk-hold")).click();
        answer(wait, "customer disputes the server count");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("tr[data-invoice='" + second + "']"), 0));
        JsonNode held = get(base, token, "/api/invoices/" + second);
        assertThat(held.get("status").asText()).isEqualTo("HELD");

        JsonNode audit = get(base, token, "/api/audit?actor=alice");
        assertThat(audit.findValuesAsText("action"))
                .contains("invoice.approve", "invoice.hold", "reconciliation.acknowledge", "reconciliation.dismiss");
    }

    private static void logIn(WebDriver browser, String base, String token) {
        browser.get(base + "/");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("token")).sendKeys(token);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
    }

    /** The console asks for reasons with the browser's prompt. */
    private static void answer(WebDriverWait wait, String reason) {
        Alert prompt = wait.until(ExpectedConditions.alertIsPresent());
        prompt.sendKeys(reason);
        prompt.accept();
    }

    private WebDriver browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,900",
                "--user-data-dir=" + dir.resolve("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    private static String token(Path config, String db, String name, String role) {
        CliRun run = CliRun.of("token", "create", name, "--role", role, "--config", config.toString(), "--db", db);
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        return run.stdout()
                .lines()
                .map(String::trim)
                .filter(line -> line.startsWith("tc_"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no token printed: " + run.stdout()));
    }

    private static JsonNode get(String base, String token, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String stateOf(JsonNode items, String id) {
        for (JsonNode item : items) {
            if (item.get("id").asText().equals(id)) {
                return item.get("state").asText();
            }
        }
        throw new AssertionError("no reconciliation item " + id + " in " + items);
    }
}
