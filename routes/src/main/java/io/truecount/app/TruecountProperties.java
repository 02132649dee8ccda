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
 */
@ConfigurationProperties("truecount")
public record TruecountProperties(
        @DefaultValue("false") boolean scheduling, @DefaultValue("4") int syncConcurrency, Instant fixedClock) {}
