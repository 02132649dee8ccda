package io.truecount.app;

import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The application's own settings (not the admin's YAML, which is {@code TruecountConfig}). Set by the CLI for each
 * command; also settable as {@code truecount.*} properties or {@code TRUECOUNT_*} environment variables.
 *
 * @param scheduling run Quartz-triggered sync routes (server mode)
 * @param syncConcurrency how many sources sync at the same time in a cycle
 * @param fixedClock pins the application clock to an instant (tests and reproducible demos); null = system clock
 * @param push how the outbox delivers invoices to sinks
 * @param webhooks how webhook events are received and processed
 */
@ConfigurationProperties("truecount")
public record TruecountProperties(
        @DefaultValue("false") boolean scheduling,
        @DefaultValue("4") int syncConcurrency,
        Instant fixedClock,
        @DefaultValue Push push,
        @DefaultValue Webhooks webhooks) {

    /**
     * @param leaseSeconds how long a worker may take to send one push before another worker treats it as abandoned
     *     (a crash after send) and reads the vendor back
     * @param maxAttempts sends and read-backs of one push before it is left FAILED for an admin
     * @param pollMillis how often the server's outbox route looks for due pushes
     */
    public record Push(
            @DefaultValue("120") int leaseSeconds,
            @DefaultValue("8") int maxAttempts,
            @DefaultValue("2000") long pollMillis) {}

    /**
     * @param maxBodyBytes bodies larger than this are refused with 413 before they are read further
     * @param maxAttempts processing attempts of one event before it becomes a dead letter
     * @param pollMillis how often the server's inbox route looks for due events (new ones are processed at once)
     * @param workers threads processing the inbox in this instance
     */
    public record Webhooks(
            @DefaultValue("1048576") int maxBodyBytes,
            @DefaultValue("5") int maxAttempts,
            @DefaultValue("1000") long pollMillis,
            @DefaultValue("4") int workers) {}
}
