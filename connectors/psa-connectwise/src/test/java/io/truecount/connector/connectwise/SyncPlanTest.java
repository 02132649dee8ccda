package io.truecount.connector.connectwise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which runs read everything and which read only changes, from the cursors of the last successful run. */
class SyncPlanTest {

    private static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");

    @Test
    void noCursors_isAFullRead_sweepingFromTheFirstOfLastMonth() {
        SyncPlan plan = SyncPlan.of(Map.of(), NOW, 168, 1);

        assertThat(plan.full()).isTrue();
        assertThat(plan.changedSince()).isNull();
        assertThat(plan.sweepFrom()).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
    }

    @Test
    void aRecentFullRead_andAWatermark_readChangesSinceTheWatermarkLessTheOverlap() {
        SyncPlan plan = SyncPlan.of(
                Map.of("lastUpdated", "2026-03-15T09:30:00.250Z", "fullReadAt", "2026-03-14T10:00:00Z"), NOW, 168, 0);

        assertThat(plan.full()).isFalse();
        assertThat(plan.changedSince()).isEqualTo("lastUpdated > [2026-03-15T09:25:00Z]");
        assertThat(plan.sweep()).isEqualTo("timeStart >= [2026-03-01T00:00:00Z]");
    }

    @Test
    void aFullReadDue_orUnreadableCursors_orFullSyncHoursZero_decideAsDocumented() {
        Map<String, String> weekOld =
                Map.of("lastUpdated", "2026-03-15T09:00:00Z", "fullReadAt", "2026-03-08T10:00:00Z");
        assertThat(SyncPlan.of(weekOld, NOW, 168, 1).full()).isTrue();
        assertThat(SyncPlan.of(weekOld, NOW, 0, 1).full()).isFalse();
        assertThat(SyncPlan.of(Map.of("lastUpdated", "yesterday", "fullReadAt", "2026-03-15T09:00:00Z"), NOW, 168, 1)
                        .full())
                .isTrue();
    }
}
