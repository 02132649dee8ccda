package io.truecount.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code config/invalid/} holds one mistake of each kind: all are reported at once, in file and line order. */
class InvalidConfigTest {

    private static final String DIR = "src/test/resources/config/invalid/";
    private static final String ROOT = DIR + "truecount.yaml";
    private static final String XERO_SECRET = "xero-env-secret-value";

    private List<ConfigError> errors() {
        ConfigLoader loader = new ConfigLoader(
                Map.of("NINJA_ID", "ninja-client-id", "XERO_SECRET", XERO_SECRET)::get,
                List.of(FakeConnectorType.ninjaone()));
        return assertThatExceptionOfType(ConfigException.class)
                .isThrownBy(() -> loader.load(Path.of(ROOT)))
                .actual()
                .errors();
    }

    @Test
    void everyMistake_isReportedWithFileLineAndColumn() {
        assertThat(errors())
                .extracting(ConfigError::toString)
                .containsExactly(
                        ROOT + ":4:1: missing required key 'tax-id' in company",
                        ROOT + ":6:13: unknown currency 'USX'; expected an ISO 4217 code such as USD",
                        ROOT
                                + ":7:13: unknown timezone 'America/NewYork'; expected a region id such as America/New_York",
                        ROOT + ":9:41: unknown country 'USA'; expected an ISO 3166-1 alpha-2 code such as US",
                        ROOT + ":10:3: unknown key 'taxId' in company; allowed: name, currency, timezone,"
                                + " invoice-prefix, address, tax-id, payment-terms-days",
                        ROOT + ":15:61: 'client-secret' must not be written literally: give ${ENV_VAR} or file:PATH",
                        ROOT + ":16:15: 'schedule' is not a valid Quartz cron expression: '0 0 2 * *'",
                        ROOT + ":17:23: 'stale-after-days' must be a whole number of at least 1: '0'",
                        ROOT + ":19:11: connector type 'xero' is not available in this version (available: ninjaone)",
                        ROOT + ":20:5: missing credentials for xero: tenant-id",
                        ROOT + ":20:69: unknown key 'tenant' in credentials of connector 'books';"
                                + " allowed: client-id, client-secret, tenant-id",
                        ROOT + ":22:11: unknown connector type 'ninja-one'; allowed: ninjaone, datto-rmm, atera,"
                                + " microsoft-graph, connectwise-manage, autotask, halopsa, quickbooks-online, xero,"
                                + " ubl-files, csv-files, stripe, gocardless, docusign, dropbox-sign, pandadoc",
                        ROOT + ":27:36: unknown tax category 'X'; allowed: S, Z, E",
                        ROOT + ":28:29: unknown connector 'm365' in sources; allowed: ninja, rmm2",
                        ROOT + ":31:15: environment variable BETA_CURRENCY is not set",
                        ROOT + ":32:18: tax category Z needs rate 0",
                        ROOT + ":33:16: connector 'books' (xero) is not a source; allowed: ninja, rmm2",
                        ROOT + ":38:12: 'start' must be a date YYYY-MM-DD: '2026-13-01'",
                        ROOT + ":39:12: unknown cycle 'montly'; allowed: monthly, quarterly, annual",
                        ROOT + ":40:14: unknown billing 'upfront'; allowed: advance, arrears",
                        ROOT + ":43:38: unknown asset class 'laptop'; allowed: workstation, server, network, mobile,"
                                + " other",
                        ROOT + ":44:21: 'unit-price' must not be negative: '-45.10'",
                        ROOT + ":45:27: 'minimum-quantity' must be a whole number: '2.5'",
                        ROOT + ":46:62: the last tier of line 2 of contract 'acme-managed' must not have 'up-to': it"
                                + " prices every unit above the tier before it",
                        ROOT + ":47:51: 'increment-minutes' must be a whole number of at least 1: '0'",
                        ROOT + ":48:15: unknown line type 'hourly'; allowed: flat, per-asset, per-license, per-user,"
                                + " tiered, block-hours, time-and-materials, prepaid-hours",
                        ROOT + ":50:15: unknown customer 'nobody' in contract 'ghost'; allowed: acme, beta",
                        ROOT + ":52:10: 'end' 2025-12-31 is before 'start' 2026-01-01",
                        ROOT + ":54:29: unknown connector 'docusign' in signature of contract 'ghost'; allowed: none"
                                + " (define a connector of type docusign, dropbox-sign, pandadoc)",
                        ROOT + ":56:31: 'amount' must be a decimal number: 'abc'",
                        ROOT + ":58:17: 'auto-approve' must be true or false: 'maybe'",
                        DIR + "parts/acme-again.yaml:2:3: duplicate customer id 'acme' (first at " + ROOT + ":25:3)",
                        DIR + "parts/acme-again.yaml:6:9: duplicate contract id 'acme-managed' (first at " + ROOT
                                + ":36:9)",
                        DIR + "parts/acme-again.yaml:13:1: 'approval' is already defined at " + ROOT
                                + ":57:1; it must appear at most once",
                        DIR + "loop.yaml:1:10: include cycle: " + ROOT + " -> " + DIR + "loop.yaml -> " + ROOT);
    }

    @Test
    void secretValues_neverAppearInErrors() {
        ConfigException e = assertThatExceptionOfType(ConfigException.class)
                .isThrownBy(() -> new ConfigLoader(
                                Map.of("NINJA_ID", "ninja-client-id", "XERO_SECRET", XERO_SECRET)::get,
                                List.of(FakeConnectorType.ninjaone()))
                        .load(Path.of(ROOT)))
                .actual();
        assertThat(e.getMessage()).doesNotContain(XERO_SECRET).doesNotContain("hunter2-literal");
        assertThat(e.errors()).extracting(ConfigError::message).noneMatch(m -> m.contains("hunter2"));
    }
}
