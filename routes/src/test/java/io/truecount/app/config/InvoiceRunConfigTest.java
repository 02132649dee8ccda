package io.truecount.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.CronExpression;

/** The schedule extension {@code invoice-run:}. */
class InvoiceRunConfigTest {

    @TempDir
    Path dir;

    @Test
    void dayTimeAndPeriod_areRead_andMakeAMonthlyCron() throws ConfigException {
        TruecountConfig config = new TestConfigs(dir)
                .loadRoot(
                        """
                invoice-run: { day: 3, time: "6:30", period: current }
                """);

        InvoiceRunSettings run = config.invoiceRun();
        assertThat(run.day()).isEqualTo(3);
        assertThat(run.time()).isEqualTo(LocalTime.of(6, 30));
        assertThat(run.period()).isEqualTo(InvoiceRunSettings.Period.CURRENT);
        assertThat(run.cron()).isEqualTo("0 30 6 3 * ?");
        assertThat(CronExpression.isValidExpression(run.cron())).isTrue();
    }

    @Test
    void periodDefaultsToPrevious_andLastIsTheLastDayOfTheMonth() throws ConfigException {
        InvoiceRunSettings run = new TestConfigs(dir)
                .loadRoot("""
                invoice-run: { day: last, time: "23:00" }
                """)
                .invoiceRun();

        assertThat(run.period()).isEqualTo(InvoiceRunSettings.Period.PREVIOUS);
        assertThat(run.cron()).isEqualTo("0 0 23 L * ?");
        ZonedDateTime firstOfNovember = ZonedDateTime.of(2026, 11, 1, 6, 0, 0, 0, ZoneId.of("America/New_York"));
        assertThat(run.billedPeriod(firstOfNovember)).isEqualTo(YearMonth.of(2026, 10));
    }

    @Test
    void withoutTheBlock_cyclesRunOnlyOnDemand() throws ConfigException {
        assertThat(new TestConfigs(dir).loadRoot("").invoiceRun()).isNull();
    }

    @Test
    void badValues_areErrorsAtEachValue() {
        assertThat(
                        new TestConfigs(dir)
                                .errorsOfRoot(
                                        """
                invoice-run:
                  day: 31
                  time: "25:00"
                  period: next
                """))
                .containsExactly(
                        "truecount.yaml:2:8: 'day' in invoice-run must be 1 to 28 or 'last': '31'",
                        "truecount.yaml:3:9: 'time' in invoice-run must be HH:mm (24-hour, company timezone): '25:00'",
                        "truecount.yaml:4:11: unknown period 'next'; allowed: previous, current");
    }

    @Test
    void missingDayAndTime_areReported() {
        assertThat(new TestConfigs(dir)
                        .errorsOfRoot("""
                invoice-run: { period: previous }
                """))
                .containsExactly(
                        "truecount.yaml:1:1: missing required key 'day' in invoice-run",
                        "truecount.yaml:1:1: missing required key 'time' in invoice-run");
    }
}
