package io.truecount.app.schedule;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The server's scheduling settings ({@code truecount.scheduler.*}). Quartz's own cluster settings take
 * {@code checkin-interval-millis}, {@code misfire-threshold-millis} and {@code instance-id} from the same prefix in
 * {@code application.properties}.
 *
 * @param exportsDir where the scheduled (and API-triggered) billing cycles write their exports
 * @param watchConfig reload the configuration when one of its files changes
 * @param watchDebounceMillis how long the files must stay quiet before a reload: an editor's save is several events
 */
@ConfigurationProperties("truecount.scheduler")
public record ScheduleProperties(
        @DefaultValue("./out") Path exportsDir,
        @DefaultValue("true") boolean watchConfig,
        @DefaultValue("1000") long watchDebounceMillis) {}
