package io.truecount.app.api;

import io.truecount.app.TruecountApplication;
import io.truecount.app.config.ActiveConfig;
import io.truecount.app.config.ConfigLoader;
import io.truecount.app.config.TruecountConfig;
import io.truecount.app.db.Database;
import io.truecount.app.testing.TestDatabase;
import io.truecount.core.contract.TaxRule;
import io.truecount.core.invoice.Invoice;
import io.truecount.core.invoice.InvoiceDraft;
import io.truecount.core.invoice.InvoiceLedger;
import io.truecount.core.invoice.InvoiceLine;
import io.truecount.core.invoice.InvoiceStore;
import io.truecount.core.invoice.SourceRef;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;

/**
 * The web application on a real PostgreSQL, as {@code truecount serve} starts it (without schedules), with MockMvc on
 * its dispatcher. Requests run without the security filters: who is asking is set per request, as the token filter
 * would set it, because enforcing roles is the security package's job and its tests'.
 */
final class ApiFixture implements AutoCloseable {

    static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    static final Currency USD = Currency.getInstance("USD");

    /** Secret values of the configuration: no API answer may contain one. */
    static final Map<String, String> SECRETS = Map.of(
            "NINJA_SECRET", "ninja-client-secret-5f2c9",
            "QBO_SECRET", "qbo-client-secret-77aa1",
            "QBO_REFRESH", "qbo-refresh-token-0c3e8",
            "SMTP_PASSWORD", "smtp-password-a91d4");

    static final String CONFIG =
            """
            company:
              name: Zylker Managed Services
              currency: USD
              timezone: UTC
              invoice-prefix: ZY-
              address: { line1: 1 Main St, city: Springfield, country: US }
              tax-id: US123456789
            connectors:
              ninja:
                type: ninjaone
                base-url: http://127.0.0.1:9
                auth-url: http://127.0.0.1:9/ws/oauth/token
                credentials: { client-id: ninja-client, client-secret: "${NINJA_SECRET}" }
                retry: { max-attempts: 1, backoff-millis: 10, max-wait-seconds: 1 }
                timeout-seconds: 2
              books:
                type: quickbooks-online
                base-url: http://127.0.0.1:9
                auth-url: http://127.0.0.1:9/oauth
                credentials:
                  client-id: qbo-client
                  client-secret: "${QBO_SECRET}"
                  refresh-token: "${QBO_REFRESH}"
                  realm-id: "4620816365"
            customers:
              acme:
                name: Acme Dental
                billing-email: ap@acme.example
                tax: { rate: "8.25", category: S }
                address: { line1: 9 Elm Rd, city: Springfield }
                sources: { ninja: ["12"] }
                accounting: { books: "58" }
              beta:
                name: Beta Bakery
                address: { line1: 2 Oak St, city: Springfield }
            contracts:
              - id: acme-managed
                customer: acme
                start: 2026-01-01
                cycle: monthly
                billing: arrears
                lines:
                  - id: workstations
                    type: per-asset
                    asset-classes: [workstation]
                    unit-price: "45.00"
              - id: beta-old
                customer: beta
                start: 2025-01-01
                end: 2025-12-31
                cycle: monthly
                lines:
                  - { id: support, type: flat, amount: "100.00", description: Support }
            dunning: { reminder-days: [3], from: billing@msp.example }
            mail: { host: 127.0.0.1, port: 9, username: billing, password: "${SMTP_PASSWORD}" }
            """;

    final TestDatabase db;
    final Path dir;
    final TruecountConfig config;
    final ConfigurableApplicationContext app;
    final MockMvc mvc;
    final JdbcTemplate jdbc;
    final TransactionTemplate tx;
    final InvoiceStore store;

    ApiFixture(Path dir) throws Exception {
        this.dir = dir;
        this.db = TestDatabase.startMigrated();
        Path file = Files.writeString(dir.resolve("truecount.yaml"), CONFIG);
        this.config = new ConfigLoader(SECRETS::get).load(file);
        Map<String, Object> properties =
                new LinkedHashMap<>(Database.server(db.jdbcUrl()).springProperties());
        properties.put("server.port", "0");
        properties.put("truecount.scheduling", "false");
        properties.put("truecount.fixed-clock", "2026-11-10T12:00:00Z");
        properties.put("logging.level.root", "WARN");
        // One failed delivery leaves a push FAILED at once: the pinned clock would never make a retry due.
        properties.put("truecount.push.max-attempts", "1");
        this.app = new SpringApplicationBuilder(TruecountApplication.class)
                .web(WebApplicationType.SERVLET)
                .properties(properties)
                .initializers(
                        context -> context.getBeanFactory().registerSingleton("activeConfig", ActiveConfig.of(config)))
                .registerShutdownHook(false)
                .run();
        this.mvc =
                MockMvcBuilders.webAppContextSetup((WebApplicationContext) app).build();
        this.jdbc = app.getBean(JdbcTemplate.class);
        this.tx = app.getBean(TransactionTemplate.class);
        this.store = app.getBean(InvoiceStore.class);
    }

    /** Performs a request as the named token would ({@code null}: nobody authenticated). */
    ResultActions as(String actor, RequestBuilder request) throws Exception {
        if (actor != null) {
            SecurityContextHolder.getContext()
                    .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                            actor, null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        }
        try {
            return mvc.perform(request);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** Empties what the tests write; configuration-derived state stays. */
    void reset() {
        jdbc.execute("truncate invoice, invoice_sequence, audit_log, reconciliation_decision, billing_run,"
                + " webhook_event, push cascade");
    }

    /** October drafts for acme (with device sources) and beta; returns them in customer order. */
    List<Invoice> drafts() {
        InvoiceLedger ledger = new InvoiceLedger(store, config.company(), app.getBean(Clock.class));
        return tx.execute(s -> ledger.converge(OCTOBER, List.of(draft("acme", 3), draft("beta", 2)), Set.of(), "test")
                .invoices());
    }

    private static InvoiceDraft draft(String customer, int devices) {
        List<SourceRef> sources = IntStream.rangeClosed(1, devices)
                .mapToObj(i -> new SourceRef(SourceRef.ASSET, "ninja", "dev-" + i, customer.toUpperCase() + "-PC-" + i))
                .toList();
        BigDecimal quantity = BigDecimal.valueOf(devices);
        return new InvoiceDraft(
                customer,
                USD,
                OCTOBER.atDay(1),
                OCTOBER.atEndOfMonth(),
                List.of(new InvoiceLine(
                        customer + "-managed",
                        "workstations",
                        "Managed workstation",
                        quantity,
                        InvoiceLine.Unit.EACH,
                        new BigDecimal("45.00"),
                        quantity.multiply(new BigDecimal("45.00")),
                        true,
                        sources)),
                new TaxRule(new BigDecimal("8.25"), "S", null),
                null);
    }

    @Override
    public void close() throws Exception {
        app.close();
        db.close();
    }
}
