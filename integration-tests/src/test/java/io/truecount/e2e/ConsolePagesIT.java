package io.truecount.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The console's pages in headless chromium against {@link ConsoleStub} (the API contract answered from memory): every view
 * renders without a script error, decisions are sent with the CSRF header and show their new state, problem details
 * are shown as a readable message, and a viewer is offered no decisions. {@link ConsoleIT} does the same against the
 * real server.
 */
class ConsolePagesIT {

    private ConsoleStub stub;
    private Browser browser;

    @RegisterExtension
    final ScreenshotOnFailure screenshots = new ScreenshotOnFailure(() -> browser);

    @TempDir
    Path profile;

    @BeforeEach
    void start() throws Exception {
        Browser.assumeInstalled();
        stub = ConsoleStub.start();
        browser = Browser.open(stub.base(), profile);
    }

    @AfterEach
    void stop() {
        if (browser != null) browser.close();
        if (stub != null) stub.close();
    }

    @Test
    void dashboard_showsWhoIsLoggedIn_connectorHealth_andSixMonthsAsAChart() {
        browser.load("", "dashboard");

        assertThat(browser.find("#user-name").getText()).isEqualTo("alice");
        assertThat(browser.find("#user-role").getText()).isEqualTo("approver");
        assertThat(browser.find("nav a[aria-current=page]").getText()).isEqualTo("Dashboard");
        assertThat(browser.find("main").getText())
                .contains("ninja", "ninjaone", "SUCCEEDED", "882.18", "282.18 USD (47.03%) vs last month");
        List<WebElement> bars = browser.all("svg.chart rect.bar");
        assertThat(bars).hasSize(6);
        // The tallest bar is this month's and it fills the plot; earlier months are proportionally lower.
        double current =
                Double.parseDouble(browser.find("svg.chart rect.bar.current").getDomAttribute("height"));
        double first = Double.parseDouble(bars.get(0).getDomAttribute("height"));
        assertThat(current).isGreaterThan(first);
        assertThat(first / current).isCloseTo(500.00 / 882.18, org.assertj.core.data.Offset.offset(0.01));
        assertThat(browser.find("svg.chart").getDomAttribute("aria-label"))
                .contains("2026-05 500.00", "2026-07 0,", "2026-10 882.18");
        assertThat(bars.get(2).getDomAttribute("height"))
                .as("July: nothing billed")
                .isEqualTo("0");
        assertThat(browser.severeConsoleMessages()).isEmpty();
    }

    @Test
    void reconciliation_acknowledgeAndDismissWithReason_showTheNewState() {
        browser.load("#/reconciliation", "reconciliation");
        assertThat(browser.all("section.customer h2"))
                .extracting(WebElement::getText)
                .containsExactly("acme", "Not mapped to a customer");

        browser.find("li.item[data-id=r-1] button.acknowledge").click();
        browser.await(d -> d.findElement(By.cssSelector("li.item[data-id=r-1]"))
                .getDomAttribute("data-state")
                .equals("acknowledged"));
        assertThat(browser.all("li.item[data-id=r-1] button")).isEmpty();

        browser.find("li.item[data-id=r-2] button.dismiss").click();
        // An empty reason is not accepted: the dialog stays open.
        browser.find("dialog[open] button[type=submit]").click();
        assertThat(browser.all("dialog[open]")).hasSize(1);
        browser.giveReason("device was retired in September");
        WebElement dismissed = browser.await(d -> {
            WebElement li = d.findElement(By.cssSelector("li.item[data-id=r-2]"));
            return "dismissed".equals(li.getDomAttribute("data-state")) ? li : null;
        });
        assertThat(dismissed.getText()).contains("dismissed by alice", "device was retired in September");

        assertThat(stub.writes())
                .extracting(ConsoleStub.Write::path, ConsoleStub.Write::xsrf, w -> w.body()
                        .path("reason")
                        .asText(null))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "/api/reconciliation/r-1/acknowledge", ConsoleStub.XSRF, null),
                        org.assertj.core.groups.Tuple.tuple(
                                "/api/reconciliation/r-2/dismiss",
                                ConsoleStub.XSRF,
                                "device was retired in September"));
        assertThat(browser.severeConsoleMessages()).isEmpty();
    }

    @Test
    void invoices_approveOne_bulkHoldTwoWithAReason_andShowARefusalReadably() {
        browser.load("#/invoices", "invoices");

        browser.find("tr[data-number=ZY-2026-0001] button.approve").click();
        browser.await(d -> "APPROVED"
                .equals(d.findElement(By.cssSelector("tr[data-number=ZY-2026-0001]"))
                        .getDomAttribute("data-status")));
        assertThat(stub.status("ZY-2026-0001")).isEqualTo("APPROVED");

        browser.find("input[type=checkbox][value=ZY-2026-0002]").click();
        browser.find("input[type=checkbox][value=ZY-2026-0003]").click();
        browser.find("#bulk-hold").click();
        browser.giveReason("waiting for the customer's PO");
        browser.await(d -> "HELD"
                .equals(d.findElement(By.cssSelector("tr[data-number=ZY-2026-0003]"))
                        .getDomAttribute("data-status")));
        assertThat(browser.find("tr[data-number=ZY-2026-0002]").getDomAttribute("data-status"))
                .isEqualTo("HELD");
        assertThat(browser.notice()).contains("2 held");
        ConsoleStub.Write hold = stub.writes().get(stub.writes().size() - 1);
        assertThat(hold.path()).isEqualTo("/api/invoices/hold");
        assertThat(hold.xsrf()).isEqualTo(ConsoleStub.XSRF);
        assertThat(hold.body().path("reason").asText()).isEqualTo("waiting for the customer's PO");
        assertThat(hold.body().path("numbers").toString()).isEqualTo("[\"ZY-2026-0002\",\"ZY-2026-0003\"]");
        assertThat(browser.severeConsoleMessages()).isEmpty();

        // The stub refuses this one with a 409 problem: the console shows its title and detail.
        browser.find("tr[data-number=ZY-2026-0004] button.approve").click();
        browser.await(d -> d.findElement(By.id("notice")).getText().contains("Conflict"));
        assertThat(browser.notice()).isEqualTo("Conflict: invoice ZY-2026-0004 is VOID and cannot be approved");
        assertThat(browser.find("#notice").getDomAttribute("role")).isEqualTo("alert");
        assertThat(browser.severeConsoleMessages()).allMatch(m -> m.contains("409"));
    }

    @Test
    void invoiceDetail_showsLinesWithTheirSources_andHistory() {
        browser.load("#/invoices/ZY-2026-0001", "invoices");
        assertThat(browser.find("#invoice-number").getText()).isEqualTo("ZY-2026-0001");
        assertThat(browser.find("main").getText())
                .contains("acme-managed / workstations", "ACME-A1", "ACME-A2", "180.00 USD", "cycle");
        assertThat(browser.all("main .actions button"))
                .extracting(WebElement::getText)
                .contains("Approve", "Hold");
        assertThat(browser.severeConsoleMessages()).isEmpty();
    }

    @Test
    void webhooksAndAudit_render_replayOnlyForAdmins() {
        browser.load("#/webhooks", "webhooks");
        assertThat(browser.find("main").getText()).contains("evt_2", "unknown invoice");
        assertThat(browser.all("button.replay")).as("an approver cannot replay").isEmpty();

        browser.view("#/audit", "audit");
        assertThat(browser.find("main").getText()).contains("invoice.approve", "ZY-2026-0001", "looks right");

        stub.role("admin");
        browser.load("#/webhooks", "webhooks");
        assertThat(browser.all("button.replay")).hasSize(1);
        assertThat(browser.severeConsoleMessages()).isEmpty();
    }

    @Test
    void viewer_isOfferedNoDecisions() {
        stub.role("viewer");
        browser.load("#/invoices", "invoices");
        assertThat(browser.find("#user-role").getText()).isEqualTo("viewer");
        assertThat(browser.all("tr[data-number]")).hasSize(4);
        assertThat(browser.all("button.approve, #bulk-approve, #bulk-hold, input[type=checkbox]"))
                .isEmpty();

        browser.view("#/reconciliation", "reconciliation");
        assertThat(browser.all("li.item")).hasSize(3);
        assertThat(browser.all("button.acknowledge, button.dismiss")).isEmpty();

        browser.view("#/invoices/ZY-2026-0001", "invoices");
        assertThat(browser.all("main .actions button")).isEmpty();
        assertThat(stub.writes()).isEmpty();
        assertThat(browser.severeConsoleMessages()).isEmpty();
    }
}
