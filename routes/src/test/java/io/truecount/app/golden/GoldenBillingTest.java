package io.truecount.app.golden;

import static io.truecount.app.golden.GoldenObservations.list;
import static io.truecount.app.golden.GoldenObservations.map;
import static io.truecount.app.golden.GoldenObservations.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.truecount.app.config.ConfigException;
import io.truecount.app.config.ConfigLoader;
import io.truecount.app.config.TruecountConfig;
import io.truecount.connector.ConnectorSettings;
import io.truecount.core.billing.BillingInput;
import io.truecount.core.billing.BillingOutcome;
import io.truecount.core.billing.BillingRun;
import io.truecount.core.billing.PrepaidStatement;
import io.truecount.core.counting.SourcePolicy;
import io.truecount.core.invoice.Invoice;
import io.truecount.core.invoice.InvoiceDraft;
import io.truecount.core.invoice.InvoiceLine;
import io.truecount.core.invoice.InvoiceStatus;
import io.truecount.core.money.Money;
import io.truecount.core.reconciliation.ReconciliationItem;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Golden billing cases, written as data: each {@code src/test/resources/golden/*.yaml} holds an admin configuration
 * (CONFIG.md), what the sources reported, and the invoices, reconciliation items and prepaid balances CONFIG.md says
 * they produce, computed by hand. The configuration goes through the real loader and the observations through the real
 * billing core. See {@code golden/README.md} for the format.
 */
class GoldenBillingTest {

    private static final String COMPANY =
            """

            company:
              name: Zylker Managed Services
              currency: USD
              timezone: America/New_York
              invoice-prefix: ZY-
              address: { line1: 1 Main St, city: Springfield, country: US }
              tax-id: US123456789
            """;

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> goldenCases() throws IOException, URISyntaxException {
        Path cases = Path.of(getClass().getResource("/golden").toURI());
        List<Path> files;
        try (Stream<Path> listed = Files.list(cases)) {
            files = listed.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).as("golden cases").isNotEmpty();
        return files.stream()
                .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> check(file)));
    }

    private void check(Path file) throws IOException {
        Map<String, Object> golden;
        try (InputStream in = Files.newInputStream(file)) {
            golden = textOnlyYaml().load(in);
        }
        TruecountConfig config = loadConfig(file, text(golden.get("config")));
        YearMonth period = YearMonth.parse(text(golden.get("period")));
        Instant asOf = Instant.parse(text(golden.get("as-of")));
        Map<String, Invoice> previous = new LinkedHashMap<>();
        for (Object item : list(golden.get("previous-invoices"))) {
            Invoice invoice = GoldenInvoices.previous(map(item), config);
            previous.put(invoice.customerId(), invoice);
        }
        BillingOutcome outcome = BillingRun.run(new BillingInput(
                config.company(),
                List.copyOf(config.customers().values()),
                config.contracts(),
                policies(config),
                period,
                asOf,
                GoldenObservations.read(map(golden.get("observations")), asOf),
                GoldenObservations.history(list(golden.get("history")), asOf),
                previous));

        Map<String, Object> expected = map(golden.get("expected"));
        checkInvoices(list(expected.get("invoices")), outcome.drafts());
        if (expected.containsKey("reconciliation")) {
            checkItems(list(expected.get("reconciliation")), outcome.items());
        }
        if (expected.containsKey("failed-customers")) {
            assertThat(outcome.failedCustomers())
                    .as("failed customers")
                    .containsExactlyInAnyOrderElementsOf(list(expected.get("failed-customers")).stream()
                            .map(GoldenObservations::text)
                            .toList());
        }
        if (expected.containsKey("prepaid")) {
            checkPrepaid(list(expected.get("prepaid")), outcome.prepaid());
        }
    }

    private TruecountConfig loadConfig(Path caseFile, String yaml) throws IOException {
        Path root = dir.resolve("truecount.yaml");
        Files.writeString(root, yaml.contains("\ncompany:") || yaml.startsWith("company:") ? yaml : yaml + COMPANY);
        try {
            return new ConfigLoader(name -> "golden-" + name, GoldenTypes.all()).load(root);
        } catch (ConfigException e) {
            return fail(caseFile.getFileName() + ": configuration invalid:\n"
                    + String.join(
                            "\n", e.errors().stream().map(Object::toString).toList()));
        }
    }

    private static List<SourcePolicy> policies(TruecountConfig config) {
        List<SourcePolicy> policies = new ArrayList<>();
        List<ConnectorSettings> sources = config.sources();
        for (int i = 0; i < sources.size(); i++) {
            Integer days = sources.get(i).staleAfterDays();
            policies.add(new SourcePolicy(sources.get(i).id(), i, Duration.ofDays(days == null ? 30 : days)));
        }
        return policies;
    }

    private static void checkInvoices(List<Object> expected, List<InvoiceDraft> drafts) {
        assertThat(drafts.stream().map(InvoiceDraft::customerId).toList())
                .as("customers invoiced")
                .containsExactlyElementsOf(
                        expected.stream().map(e -> text(map(e).get("customer"))).toList());
        for (int i = 0; i < expected.size(); i++) {
            Map<String, Object> want = map(expected.get(i));
            InvoiceDraft draft = drafts.get(i);
            String who = "invoice of " + draft.customerId();
            List<Object> lines = list(want.get("lines"));
            assertThat(draft.lines()).as(who + " line count: " + draft.lines()).hasSize(lines.size());
            for (int j = 0; j < lines.size(); j++) {
                GoldenInvoices.checkLine(
                        who + " line " + (j + 1),
                        map(lines.get(j)),
                        draft.lines().get(j));
                checkUnitPriceArithmetic(
                        who + " line " + (j + 1),
                        map(lines.get(j)),
                        draft.lines().get(j),
                        draft);
            }
            GoldenInvoices.checkDecimal(who + " subtotal", want.get("subtotal"), draft.subtotal());
            GoldenInvoices.checkDecimal(who + " tax", want.get("tax"), draft.taxAmount());
            GoldenInvoices.checkDecimal(who + " total", want.get("total"), draft.total());
            if (want.containsKey("tax-category")) {
                assertThat(draft.tax().category()).as(who + " tax category").isEqualTo(want.get("tax-category"));
            }
            if (want.containsKey("currency")) {
                assertThat(draft.currency().getCurrencyCode())
                        .as(who + " currency")
                        .isEqualTo(want.get("currency"));
            }
            if (want.containsKey("status")) {
                InvoiceStatus status = draft.held() ? InvoiceStatus.HELD : InvoiceStatus.DRAFT;
                assertThat(status.name()).as(who + " status").isEqualTo(want.get("status"));
            }
            if (want.containsKey("period-start")) {
                assertThat(draft.periodStart())
                        .as(who + " periodStart")
                        .isEqualTo(LocalDate.parse(text(want.get("period-start"))));
                assertThat(draft.periodEnd())
                        .as(who + " periodEnd")
                        .isEqualTo(LocalDate.parse(text(want.get("period-end"))));
            }
        }
    }

    /**
     * The check the EN 16931 schematron never makes: a line with a unit price bills quantity × unit price, unless the
     * case marks it prorated.
     */
    private static void checkUnitPriceArithmetic(
            String what, Map<String, Object> want, InvoiceLine line, InvoiceDraft draft) {
        if (line.unitPrice() != null && !"true".equals(text(want.get("prorated")))) {
            assertThat(line.amount())
                    .as(what + ": quantity × unit price")
                    .isEqualTo(Money.round(line.quantity().multiply(line.unitPrice()), draft.currency()));
        }
    }

    private static void checkItems(List<Object> expected, List<ReconciliationItem> items) {
        List<String> actual =
                items.stream().map(i -> i.kind() + " " + i.fields()).toList();
        assertThat(items)
                .as("reconciliation items: " + String.join("\n", actual))
                .hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            Map<String, Object> want = map(expected.get(i));
            ReconciliationItem item = items.get(i);
            int position = i + 1;
            assertThat(item.kind().name())
                    .as("item " + (i + 1) + " kind; actual:\n" + String.join("\n", actual))
                    .isEqualTo(want.get("kind"));
            want.forEach((field, value) -> {
                if (!field.equals("kind")) {
                    assertThat(item.field(field))
                            .as("item " + position + " (" + item.kind() + ") field " + field + "; actual: "
                                    + item.fields())
                            .isEqualTo(text(value));
                }
            });
        }
    }

    private static void checkPrepaid(List<Object> expected, List<PrepaidStatement> statements) {
        assertThat(statements).as("prepaid statements " + statements).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            Map<String, Object> want = map(expected.get(i));
            PrepaidStatement actual = statements.get(i);
            String who = "prepaid " + actual.customerId() + "/" + actual.contractId() + "/" + actual.lineId();
            assertThat(actual.customerId()).as(who).isEqualTo(want.get("customer"));
            GoldenInvoices.checkDecimal(who + " balance", want.get("balance"), actual.balance());
            List<Object> months = list(want.get("months"));
            if (!months.isEmpty()) {
                assertThat(actual.months())
                        .as(who + " months " + actual.months())
                        .hasSize(months.size());
                for (int m = 0; m < months.size(); m++) {
                    Map<String, Object> row = map(months.get(m));
                    PrepaidStatement.Month month = actual.months().get(m);
                    String at = who + " " + month.month();
                    assertThat(month.month().toString()).as(at).isEqualTo(row.get("month"));
                    GoldenInvoices.checkDecimal(at + " opening", row.get("opening"), month.opening());
                    GoldenInvoices.checkDecimal(at + " topped-up", row.get("topped-up"), month.toppedUp());
                    GoldenInvoices.checkDecimal(at + " used", row.get("used"), month.used());
                    GoldenInvoices.checkDecimal(at + " overage", row.get("overage"), month.overage());
                    GoldenInvoices.checkDecimal(at + " closing", row.get("closing"), month.closing());
                }
            }
        }
    }

    /** YAML where every scalar stays text (booleans and nulls aside): decimals are compared exactly, as written. */
    private static Yaml textOnlyYaml() {
        Resolver resolver = new Resolver() {
            @Override
            protected void addImplicitResolvers() {
                addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.BOOL, BOOL, "yYnNtTfFoO");
                addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.NULL, NULL, "~nN\0");
                addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.NULL, EMPTY, null);
            }
        };
        DumperOptions dump = new DumperOptions();
        return new Yaml(new SafeConstructor(new LoaderOptions()), new Representer(dump), dump, resolver);
    }

    static BigDecimal decimal(Object value) {
        return new BigDecimal(text(value));
    }
}
