package io.truecount.connector.xero;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MsDateTest {

    @Test
    void msJsonDate_withOffset_isTheUtcInstant() {
        assertThat(MsDate.instant("/Date(1552327126164+0000)/")).contains(Instant.ofEpochMilli(1552327126164L));
        assertThat(MsDate.instant("/Date(1552327126164)/")).contains(Instant.ofEpochMilli(1552327126164L));
    }

    @Test
    void invoiceDate_isTheUtcCalendarDay() {
        assertThat(MsDate.date("/Date(1552262400000+0000)/")).contains(LocalDate.of(2019, 3, 11));
        assertThat(MsDate.date("2019-03-11T00:00:00")).contains(LocalDate.of(2019, 3, 11));
    }

    @Test
    void otherText_isEmpty() {
        assertThat(MsDate.instant("yesterday")).isEmpty();
        assertThat(MsDate.date(null)).isEmpty();
        assertThat(MsDate.date("/Date(abc)/")).isEmpty();
    }
}
