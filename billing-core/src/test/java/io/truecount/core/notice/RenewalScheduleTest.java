package io.truecount.core.notice;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.core.notice.RenewalSchedule.Renewal;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RenewalScheduleTest {

    private static final LocalDate END = LocalDate.of(2026, 12, 31);
    private static final RenewalSchedule NOTICES = new RenewalSchedule(List.of(30, 60));

    private static OptionalInt noticeOn(String today, Integer... sent) {
        return NOTICES.noticeDue(END, LocalDate.parse(today), Set.of(sent));
    }

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    @ParameterizedTest(name = "on {0} nothing sent yet: notice {1}")
    @CsvSource({
        "2026-10-31, 0", // 61 days before the end
        "2026-11-01, 60", // exactly 60 days before
        "2026-11-30, 60",
        "2026-12-01, 30", // 30 days before: the 60-day notice is skipped, not sent late
        "2026-12-31, 30", // the last day still gets the closest notice
        "2027-01-01, 0", // ended: too late for notices
    })
    void nothingSentYet_closestNoticeThatHasCome(String today, int expected) {
        OptionalInt notice = noticeOn(today);
        if (expected == 0) {
            assertThat(notice).isEmpty();
        } else {
            assertThat(notice).hasValue(expected);
        }
    }

    @Test
    void noticeAlreadySent_isNotSentAgain_butTheNextOneIs() {
        assertThat(noticeOn("2026-11-15", 60)).isEmpty();
        assertThat(noticeOn("2026-12-02", 60)).hasValue(30);
        assertThat(noticeOn("2026-12-02", 30)).isEmpty();
    }

    @ParameterizedTest(name = "{0}..{1} is {2} months")
    @CsvSource({
        "2026-01-01, 2026-12-31, 12",
        "2026-01-15, 2026-07-14, 6",
        "2026-01-01, 2026-01-20, 1",
        "2026-01-01, 2026-01-31, 1",
        "2026-01-01, 2026-02-01, 2",
        "2025-03-01, 2026-02-28, 12",
        "2026-01-01, 2027-12-31, 24",
    })
    void termMonths_countsInclusiveCalendarMonths_startedMonthsWhole(String start, String end, int months) {
        assertThat(RenewalSchedule.termMonths(d(start), d(end))).isEqualTo(months);
    }

    @Test
    void endNotPassed_noRenewal() {
        assertThat(RenewalSchedule.renewalsDue(d("2026-01-01"), END, END, END)).isEmpty();
    }

    @Test
    void endPassed_extendsByOneTerm() {
        assertThat(RenewalSchedule.renewalsDue(d("2026-01-01"), END, END, d("2027-01-01")))
                .containsExactly(new Renewal(END, d("2027-12-31")));
    }

    @Test
    void alreadyRenewedThroughToday_noSecondExtension() {
        assertThat(RenewalSchedule.renewalsDue(d("2026-01-01"), END, d("2027-12-31"), d("2027-01-01")))
                .isEmpty();
    }

    @Test
    void twoTermsMissed_catchesUpOneTermAtATime() {
        assertThat(RenewalSchedule.renewalsDue(d("2026-07-01"), END, END, d("2027-07-15")))
                .containsExactly(new Renewal(END, d("2027-06-30")), new Renewal(d("2027-06-30"), d("2027-12-31")));
    }

    @Test
    void endOfFebruary_extendsToEndOfFebruaryInALeapYear() {
        assertThat(RenewalSchedule.renewalsDue(d("2027-03-01"), d("2028-02-29"), d("2028-02-29"), d("2028-03-01")))
                .containsExactly(new Renewal(d("2028-02-29"), d("2029-02-28")));
        assertThat(RenewalSchedule.renewalsDue(d("2026-03-01"), d("2027-02-28"), d("2027-02-28"), d("2027-03-01")))
                .containsExactly(new Renewal(d("2027-02-28"), d("2028-02-29")));
    }
}
