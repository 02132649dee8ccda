package io.truecount.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./bench webhooks} at a tiny size: the server in its own JVM (the runnable jar, as {@code ServeIT}) takes
 * every signed event and redelivery, processes each event once, and the database shows no lost or duplicated event
 * or payment effect.
 */
class WebhookBenchIT {

    private static final Path JAR = Path.of("../routes/target/truecount-exec.jar");

    @TempDir
    Path dir;

    @Test
    void tinyRun_losesAndDuplicatesNothing() throws Exception {
        assertThat(JAR)
                .as("the runnable jar is built by the routes module's package phase")
                .exists();
        WebhookSettings settings = WebhookSettings.parse(
                "--events", "200", "--concurrency", "8", "--duplicates-percent", "10", "--customers", "3");

        WebhookBench.Result result = WebhookBench.run(settings, JAR, dir);

        String summary = WebhookBench.summary(result);
        System.out.println(summary);
        assertThat(result.invoices()).as(summary).isEqualTo(3);
        assertThat(result.load().posts()).as(summary).isEqualTo(220);
        assertThat(result.load().statuses()).as(summary).containsOnlyKeys(200);
        assertThat(result.drainedInTime()).as(summary).isTrue();
        WebhookAudit audit = result.audit();
        assertThat(audit.stored()).as(summary).isEqualTo(200);
        assertThat(audit.lost()).as(summary).isZero();
        assertThat(audit.duplicated()).as(summary).isZero();
        assertThat(audit.processed()).as(summary).isEqualTo(200);
        assertThat(audit.dead()).as(summary).isZero();
        // Every event names one of the pushed invoices, so each must have left exactly one payment history row.
        assertThat(audit.namingInvoice()).as(summary).isEqualTo(200);
        assertThat(audit.effects()).as(summary).isEqualTo(200);
        assertThat(audit.effectsMissing()).as(summary).isZero();
        assertThat(audit.effectsDuplicated()).as(summary).isZero();
        assertThat(audit.notPaid()).as(summary).isZero();
        assertThat(result.failures()).as(summary).isZero();
        assertThat(summary).contains("events/s sustained", "p99", "lost 0", "duplicated 0", "-> OK");
    }
}
