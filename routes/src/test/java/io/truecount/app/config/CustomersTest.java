package io.truecount.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.connector.ConnectorRole;
import io.truecount.core.contract.TaxRule;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomersTest {

    private static final String CONNECTORS =
            """
            connectors:
              ninja: { type: ninjaone, credentials: { client-id: a, client-secret: "${S:-s}" } }
              books: { type: xero, credentials: { client-id: a, client-secret: "${S:-s}", tenant-id: t } }
            """;

    @TempDir
    Path dir;

    private TestConfigs configs() {
        FakeConnectorType xero =
                new FakeConnectorType("xero", ConnectorRole.ACCOUNTING, URI.create("https://api.xero.com"));
        return new TestConfigs(dir, Map.of(), List.of(FakeConnectorType.ninjaone(), xero));
    }

    @Test
    void taxCategory_mustAgreeWithTheRate() {
        List<String> errors = configs()
                .errorsOfRoot(
                        """
                customers:
                  a: { name: A, tax: { rate: 0, category: S } }
                  b: { name: B, tax: { category: S } }
                  c: { name: C, tax: { rate: "0.5", category: E } }
                  d: { name: D, tax: { rate: 7, category: S, exemption-reason: Export } }
                  e: { name: E, tax: { rate: -1, category: Z } }
                """);

        assertThat(errors)
                .containsExactly(
                        "truecount.yaml:2:30: tax category S needs a rate above 0",
                        "truecount.yaml:3:17: missing required key 'rate' in tax of customer 'b'",
                        "truecount.yaml:4:30: tax category E needs rate 0",
                        "truecount.yaml:5:46: 'exemption-reason' applies only to tax category E",
                        "truecount.yaml:6:30: 'rate' must not be negative: '-1'");
    }

    @Test
    void zeroRatedTax_mayOmitTheRate() throws ConfigException {
        TruecountConfig config = configs().loadRoot("customers:\n  a: { name: A, tax: { category: Z } }\n");

        assertThat(config.customers().get("a").tax()).isEqualTo(new TaxRule(BigDecimal.ZERO, "Z", null));
    }

    @Test
    void references_mustNameAConnectorOfTheRightRole() {
        List<String> errors = configs()
                .errorsOfRoot(
                        CONNECTORS
                                + """
                customers:
                  a:
                    name: A
                    sources: { ninja: "1", books: "2", m365: "3" }
                    accounting: { books: "58", ninja: "4", qbo: "5" }
                """);

        assertThat(errors)
                .containsExactly(
                        "truecount.yaml:7:28: connector 'books' (xero) is not a source; allowed: ninja",
                        "truecount.yaml:7:40: unknown connector 'm365' in sources; allowed: ninja",
                        "truecount.yaml:8:32: connector 'ninja' (ninjaone) is not an accounting or payments"
                                + " connector; allowed: books",
                        "truecount.yaml:8:44: unknown connector 'qbo' in accounting; allowed: books");
    }

    @Test
    void sourcesAndAccounting_areReadAsTexts() throws ConfigException {
        TruecountConfig config = configs()
                .loadRoot(
                        CONNECTORS
                                + """
                customers:
                  a: { name: A, sources: { ninja: [12, "007"] }, accounting: { books: 58 } }
                """);

        assertThat(config.customers().get("a").sources()).isEqualTo(Map.of("ninja", List.of("12", "007")));
        assertThat(config.customers().get("a").accounting()).isEqualTo(Map.of("books", "58"));
    }

    @Test
    void externalIdMappedToTwoCustomers_isAnError() {
        List<String> errors = configs()
                .errorsOfRoot(
                        CONNECTORS
                                + """
                customers:
                  a: { name: A, sources: { ninja: ["12", "13"] } }
                  b: { name: B, sources: { ninja: "12" } }
                """);

        assertThat(errors)
                .containsExactly("truecount.yaml:6:35: external id '12' of connector 'ninja' is already mapped to"
                        + " customer 'a' at truecount.yaml:5:36");
    }

    @Test
    void missingNameUnknownKeyAndBadPercent_areAllReported() {
        List<String> errors = configs()
                .errorsOfRoot(
                        """
                customers:
                  a:
                    currency: usd
                    max-drop-percent: 120
                    contact: ops@a.example
                """);

        assertThat(errors)
                .containsExactly(
                        "truecount.yaml:2:3: missing required key 'name' in customer 'a'",
                        "truecount.yaml:3:15: unknown currency 'usd'; expected an ISO 4217 code such as USD",
                        "truecount.yaml:4:23: 'max-drop-percent' must be at most 100",
                        "truecount.yaml:5:5: unknown key 'contact' in customer 'a'; allowed: name, currency, tax,"
                                + " address, sources, accounting, max-drop-percent, billing-email");
    }
}
