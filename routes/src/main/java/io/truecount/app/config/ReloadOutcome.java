package io.truecount.app.config;

import java.util.List;

/** What a reload did: the new file runs, it was the same, or it was refused and the old one keeps running. */
public sealed interface ReloadOutcome {

    /** @param changes one line per top-level difference, e.g. {@code connector ninja changed} */
    record Applied(List<String> changes) implements ReloadOutcome {}

    record Unchanged() implements ReloadOutcome {}

    /** @param errors every error of the new file, as {@code truecount validate} prints them */
    record Rejected(List<ConfigError> errors) implements ReloadOutcome {}
}
