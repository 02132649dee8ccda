package io.truecount.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.truecount.sim.stripe.StripeEvents.Delivery;
import io.truecount.sim.stripe.StripeInvoice;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WebhookTrafficTest {

    private static final String SECRET = "whsec_bench_test";
    private static final List<StripeInvoice> INVOICES = List.of(
            StripeInvoice.of("in_1", "cus_1", "usd", 38862, "ZY-1"),
            StripeInvoice.of("in_2", "cus_2", "usd", 24678, "ZY-2"));

    @Test
    void settings_defaultsAndOverrides() {
        assertThat(WebhookSettings.parse()).isEqualTo(new WebhookSettings(20_000, 32, 5, 20261122L, 50));
        WebhookSettings small = WebhookSettings.parse("--events", "200", "--duplicates-percent", "10", "--seed", "7");
        assertThat(small).isEqualTo(new WebhookSettings(200, 32, 10, 7, 50));
        assertThat(small.duplicates()).isEqualTo(20);
        assertThatThrownBy(() -> WebhookSettings.parse("--events", "many"))
                .hasMessage("--events needs a whole number, got many");
        assertThatThrownBy(() -> WebhookSettings.parse("--duplicates-percent", "101"))
                .hasMessageContaining("between 0 and 100");
        assertThatThrownBy(() -> WebhookSettings.parse("--fast")).hasMessageStartingWith("unknown option --fast");
    }

    @Test
    void plan_postsEveryEventOnce_andRedeliversTheSameBytesAndSignatureLater() {
        WebhookSettings settings = WebhookSettings.parse("--events", "500", "--concurrency", "8");
        long now = Instant.parse("2026-11-22T12:00:00Z").getEpochSecond();
        WebhookTraffic traffic = WebhookTraffic.plan(settings, INVOICES, SECRET, now);

        assertThat(traffic.distinct()).isEqualTo(500);
        assertThat(traffic.posts()).isEqualTo(525);
        assertThat(new HashSet<>(traffic.eventIds())).hasSize(500);

        Map<String, Integer> firstPost = new HashMap<>();
        Map<String, Delivery> first = new HashMap<>();
        Set<String> types = new HashSet<>();
        int redeliveries = 0;
        for (int post = 0; post < traffic.posts(); post++) {
            Delivery delivery = traffic.delivery(post, now + post);
            types.add(delivery.type());
            if (first.containsKey(delivery.eventId())) {
                redeliveries++;
                Delivery earlier = first.get(delivery.eventId());
                assertThat(delivery.body()).isEqualTo(earlier.body());
                assertThat(delivery.signature()).isEqualTo(earlier.signature());
                assertThat(post - firstPost.get(delivery.eventId())).isGreaterThanOrEqualTo(8);
            } else {
                firstPost.put(delivery.eventId(), post);
                first.put(delivery.eventId(), delivery);
                // Signed when first posted, whatever the event's own created time.
                assertThat(delivery.signedAt()).isEqualTo(now + post);
            }
        }
        assertThat(redeliveries).isEqualTo(25);
        assertThat(types).containsExactlyInAnyOrder("invoice.paid", "invoice.payment_failed", "charge.refunded");
    }
}
