package io.truecount.app.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.truecount.core.reconciliation.ReconciliationItem;
import io.truecount.core.reconciliation.ReconciliationKind;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class ItemIdentityTest {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    private static String id(ReconciliationItem item) {
        return ItemIdentity.of(OCTOBER, item.kind(), item.field("customer"), item.fields());
    }

    private static ReconciliationItem mismatch(String line, String expected, String observed) {
        return ReconciliationItem.quantityMismatch(
                "acme", "acme-managed", line, new BigDecimal(expected), new BigDecimal(observed));
    }

    @Test
    void aChangedMeasurement_keepsTheId_evenWhenTheDirectionFlips() {
        String under = id(mismatch("workstations", "20", "23"));
        assertThat(id(mismatch("workstations", "20", "25"))).isEqualTo(under);
        assertThat(id(mismatch("workstations", "20", "18"))).isEqualTo(under);
        assertThat(under).matches("2026-10-[0-9a-f]{16}");
    }

    @Test
    void anotherLine_customerOrPeriod_isAnotherItem() {
        String workstations = id(mismatch("workstations", "20", "23"));
        assertThat(id(mismatch("servers", "20", "23"))).isNotEqualTo(workstations);
        ReconciliationItem item = mismatch("workstations", "20", "23");
        assertThat(ItemIdentity.of(OCTOBER, item.kind(), "beta", item.fields())).isNotEqualTo(workstations);
        assertThat(ItemIdentity.of(OCTOBER.plusMonths(1), item.kind(), "acme", item.fields()))
                .isNotEqualTo(workstations);
    }

    @Test
    void aSourceFailure_isNamedByItsConnector_notItsErrorText() {
        ReconciliationItem first = ReconciliationItem.sourceFailed("acme", "ninja", "HTTP 503");
        ReconciliationItem again = ReconciliationItem.sourceFailed("acme", "ninja", "connection refused");
        assertThat(id(again)).isEqualTo(id(first));
        assertThat(id(ReconciliationItem.sourceFailed("acme", "halo", "HTTP 503")))
                .isNotEqualTo(id(first));
        assertThat(first.kind()).isEqualTo(ReconciliationKind.SOURCE_FAILED);
    }

    @Test
    void periodOf_readsThePeriodBack_orIsUnknown() {
        assertThat(ItemIdentity.periodOf(id(mismatch("workstations", "1", "2"))))
                .isEqualTo(OCTOBER);
        assertThatThrownBy(() -> ItemIdentity.periodOf("x")).isInstanceOf(NoSuchElementException.class);
    }
}
