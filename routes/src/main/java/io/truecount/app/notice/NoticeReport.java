package io.truecount.app.notice;

import java.util.ArrayList;
import java.util.List;

/** What one notices run did: one line per thing sent, renewed, skipped for a reason, or failed. */
public final class NoticeReport {

    private final List<String> lines = new ArrayList<>();
    private int failures;

    void done(String line) {
        lines.add(line);
    }

    void failed(String line) {
        lines.add("FAILED " + line);
        failures++;
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** Notices that could not be sent (or claimed); the command exits 1 when there are any. */
    public int failures() {
        return failures;
    }
}
