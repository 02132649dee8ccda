package io.truecount.app.ops;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Operations settings of the server, beside {@code TruecountProperties} under the same {@code truecount} prefix.
 *
 * @param logFormat text or json; decided before Spring starts (see {@link LogFormat}), recorded here so that it is
 *     documented and visible to the application
 * @param shutdownGrace how long a stopping server lets claimed pushes and webhook events finish before it goes
 *     anyway; below {@code spring.lifecycle.timeout-per-shutdown-phase}, which would otherwise cut it short
 */
@ConfigurationProperties("truecount")
public record OperationsProperties(
        @DefaultValue("text") LogFormat logFormat, @DefaultValue("20s") Duration shutdownGrace) {}
