package io.truecount.connector.gocardless;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.truecount.connector.push.PushReceipt;
import io.truecount.core.invoice.Invoice;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaymentMappingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void body_isTheTotalInPence_againstTheMandate_withTheInvoiceNumberInMetadata() throws Exception {
        String body = JSON.writeValueAsString(
                PaymentMapping.body(Invoices.push(Invoices.october("ZY-202610-00001"), "MD0001")));

        assertThat(body)
                .isEqualTo("{\"payments\":{\"amount\":135070,\"currency\":\"GBP\","
                        + "\"description\":\"Invoice ZY-202610-00001, 2026-10-01 to 2026-10-31\","
                        + "\"metadata\":{\"truecount_invoice\":\"ZY-202610-00001\"},"
                        + "\"links\":{\"mandate\":\"MD0001\"}}}");
    }

    @Test
    void minorUnits_refusesInvoicesThatDoNotAddUp_orAreNotPositive() {
        Invoice october = Invoices.october("ZY-1");
        Invoice wrongTotal = Invoices.invoice("ZY-2", october.lines(), "1142.25", "208.45", "1350.71");
        Invoice wrongSubtotal = Invoices.invoice("ZY-3", october.lines(), "1142.24", "208.45", "1350.69");
        Invoice zero = Invoices.invoice(
                "ZY-4", List.of(Invoices.line("x", "Nothing", "0", "10.00", "0.00", true)), "0.00", "0.00", "0.00");

        assertThat(PaymentMapping.minorUnits(october)).isEqualTo(135_070L);
        assertThatThrownBy(() -> PaymentMapping.minorUnits(wrongTotal)).hasMessageContaining("does not add up");
        assertThatThrownBy(() -> PaymentMapping.minorUnits(wrongSubtotal)).hasMessageContaining("does not add up");
        assertThatThrownBy(() -> PaymentMapping.minorUnits(zero)).hasMessageContaining("must be positive");
    }

    @Test
    void idempotencyKey_isThePushKey_untilItIsTooLong_thenAStableShortenedOne() {
        String shortKey = "truecount-ZY-202610-00001-gc";
        String longKey = "truecount-" + "X".repeat(200) + "-gc";
        String otherLongKey = "truecount-" + "X".repeat(200) + "-gd";

        assertThat(PaymentMapping.idempotencyKey(shortKey)).isEqualTo(shortKey);
        assertThat(PaymentMapping.idempotencyKey(longKey))
                .hasSize(PaymentMapping.MAX_IDEMPOTENCY_KEY)
                .isEqualTo(PaymentMapping.idempotencyKey(longKey))
                .isNotEqualTo(PaymentMapping.idempotencyKey(otherLongKey));
    }

    @Test
    void differences_nameWhatAnExistingPaymentHasOtherwise() throws Exception {
        var request = Invoices.push(Invoices.october("ZY-202610-00001"), "MD0001");
        JsonNode same = JSON.readTree("{\"id\":\"PM1\",\"amount\":135070,\"currency\":\"GBP\","
                + "\"metadata\":{\"truecount_invoice\":\"ZY-202610-00001\"},\"links\":{\"mandate\":\"MD0001\"}}");
        JsonNode other = JSON.readTree("{\"id\":\"PM1\",\"amount\":99,\"currency\":\"GBP\","
                + "\"metadata\":{\"truecount_invoice\":\"ZY-202610-00001\"},\"links\":{\"mandate\":\"MD0002\"}}");

        assertThat(PaymentMapping.differences(same, request)).isEmpty();
        assertThat(PaymentMapping.differences(other, request))
                .containsExactly("amount is 99, not 135070", "mandate is MD0002, not MD0001");
    }

    @Test
    void receipt_linksToTheDashboard_onlyForGoCardlessHosts() throws Exception {
        JsonNode payment = JSON.readTree("{\"id\":\"PM123\"}");

        assertThat(PaymentMapping.receipt(payment, URI.create("https://api.gocardless.com")))
                .isEqualTo(new PushReceipt("PM123", null, "https://manage.gocardless.com/payments/PM123"));
        assertThat(PaymentMapping.receipt(payment, URI.create("https://api-sandbox.gocardless.com")))
                .isEqualTo(new PushReceipt("PM123", null, "https://manage-sandbox.gocardless.com/payments/PM123"));
        assertThat(PaymentMapping.receipt(payment, URI.create("http://localhost:8080")))
                .isEqualTo(new PushReceipt("PM123", null, null));
    }
}
