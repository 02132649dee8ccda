package io.truecount.app.config;

import java.util.List;

/**
 * Published after a reload replaced the configuration. Whatever was built from the old one (connectors with their
 * cached tokens, routes, schedules) rebuilds what changed.
 *
 * @param previous the configuration that was running
 * @param current the one running now
 * @param actor who asked for the reload ({@code file-watch} for a change on disk)
 * @param changes one line per top-level difference, named without values (no secret reaches an audit line)
 * @param reason why, when the admin said (the API's reload); null otherwise
 */
public record ConfigReplaced(
        TruecountConfig previous, TruecountConfig current, String actor, List<String> changes, String reason) {

    public ConfigReplaced(TruecountConfig previous, TruecountConfig current, String actor, List<String> changes) {
        this(previous, current, actor, changes, null);
    }
}
