package io.truecount.app.ops;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Where a worker's threads go through to claim work, so that a shutdown can close it (nobody claims anymore) and then
 * wait, bounded, until the threads still inside have left.
 */
public final class WorkGate {

    private int inside;
    private boolean closed;

    /** Enters to claim and do work; false once closed (then do not call {@link #leave()}). */
    public synchronized boolean enter() {
        if (closed) {
            return false;
        }
        inside++;
        return true;
    }

    public synchronized void leave() {
        if (--inside == 0) {
            notifyAll();
        }
    }

    public synchronized void close() {
        closed = true;
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    /** Waits until no thread is inside; false when {@code timeout} ran out first. */
    public synchronized boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inside > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
