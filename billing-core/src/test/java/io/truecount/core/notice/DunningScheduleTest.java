package io.truecount.core.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DunningScheduleTest {

    private static final LocalDate DUE = LocalDate.of(2026, 11, 30);
    private static final DunningSchedule SCHEDULE = new DunningSchedule(List.of(10, 3, 30));

    private static OptionalInt dueOn(String today, Integer... sent) {
        return SCHEDULE.due(DUE, LocalDate.parse(today), Set.of(sent));
    }

    @Test
    void steps_areSortedAscending() {
        assertThat(SCHEDULE.steps()).containsExactly(3, 10, 30);
    }

    @ParameterizedTest(name = "on {0} nothing sent yet: step {1}")
    @CsvSource({
        "2026-11-30, 0", // the due date itself is not overdue
        "2026-12-02, 0", // 2 days overdue: the first step is at 3
        "2026-12-03, 3",
        "2026-12-09, 3",
        "2026-12-10, 10", // 10 days: the 3-day step is skipped, not sent late
        "2026-12-30, 30",
        "2027-03-01, 30", // long overdue: still the latest step, once
    })
    void nothingSentYet_latestStepThatHasCome(String today, int expected) {
        OptionalInt step = dueOn(today);
        if (expected == 0) {
            assertThat(step).isEmpty();
        } else {
            assertThat(step).hasValue(expected);
        }
    }

    @Test
    void stepAlreadySent_isNotSentAgain() {
        assertThat(dueOn("2026-12-05", 3)).isEmpty();
    }

    @Test
    void earlierStepSent_laterStepComes_sendsTheLaterOne() {
        assertThat(dueOn("2026-12-10", 3)).hasValue(10);
        assertThat(dueOn("2026-12-31", 3, 10)).hasValue(30);
    }

    @Test
    void laterStepSent_earlierStepIsNeverSentAfterIt() {
        assertThat(dueOn("2026-12-31", 30)).isEmpty();
        assertThat(dueOn("2026-12-12", 10)).isEmpty();
    }

    @Test
    void daysOverdue_countsCalendarDaysAcrossYearEnd() {
        assertThat(DunningSchedule.daysOverdue(DUE, LocalDate.of(2027, 1, 1))).isEqualTo(32);
        assertThat(DunningSchedule.daysOverdue(DUE, LocalDate.of(2026, 11, 29))).isEqualTo(-1);
    }

    @Test
    void invalidSteps_areRejected() {
        assertThatThrownBy(() -> new DunningSchedule(List.of())).hasMessageContaining("at least one day");
        assertThatThrownBy(() -> new DunningSchedule(List.of(0, 3))).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> new DunningSchedule(List.of(3, 3))).hasMessageContaining("names 3 twice");
    }
}
