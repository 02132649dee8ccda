package io.truecount.sim.xero;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Xero's per-tenant call limits (developer.xero.com/faq/limits): a rolling minute and a day. Every API call counts;
 * the limits are only enforced when asked ({@link io.truecount.sim.vendor.Mode#THROTTLE}), but the remaining counts
 * are always reported, as Xero does in {@code X-MinLimit-Remaining} and {@code X-DayLimit-Remaining}.
 */
final class RateWindow {

    /**
     * @param refused whether the call is over the limit and not served
     * @param retryAfterSeconds when refused, how long until the oldest counted call leaves the window
     */
    record Usage(boolean refused, int minuteRemaining, int dayRemaining, long retryAfterSeconds) {}

    private final int perWindow;
    private final Duration window;
    private final int perDay;
    private final Deque<Instant> recent = new ArrayDeque<>();
    private int today;

    RateWindow(int perWindow, Duration window, int perDay) {
        this.perWindow = perWindow;
        this.window = window;
        this.perDay = perDay;
    }

    synchronized Usage take(Instant now, boolean enforce) {
        while (!recent.isEmpty() && !recent.peekFirst().plus(window).isAfter(now)) {
            recent.removeFirst();
        }
        if (enforce && recent.size() >= perWindow) {
            long millis = Duration.between(now, recent.peekFirst().plus(window)).toMillis();
            return new Usage(true, 0, Math.max(0, perDay - today), Math.max(1, (millis + 999) / 1000));
        }
        recent.addLast(now);
        today++;
        return new Usage(false, Math.max(0, perWindow - recent.size()), Math.max(0, perDay - today), 0);
    }
}
