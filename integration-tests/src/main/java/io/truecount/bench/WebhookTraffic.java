package io.truecount.bench;

import io.truecount.sim.stripe.StripeEvents;
import io.truecount.sim.stripe.StripeEvents.Delivery;
import io.truecount.sim.stripe.StripeInvoice;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * What the bench posts: {@code events} distinct Stripe events about the pushed invoices (half {@code invoice.paid},
 * 30% {@code invoice.payment_failed}, 20% {@code charge.refunded}), and redeliveries of some of them later in the
 * order. Failures are mostly created before payments, but their ranges overlap, so some failures arrive for invoices
 * already paid. Every event is signed when it is first posted (Stripe allows 300 s between signing and receipt); a
 * redelivery then posts the very same bytes and signature.
 */
final class WebhookTraffic {

    private final StripeEvents signer;
    private final List<Delivery> events;
    private final int[] order;
    private final AtomicReferenceArray<Delivery> signed;

    private WebhookTraffic(StripeEvents signer, List<Delivery> events, int[] order) {
        this.signer = signer;
        this.events = events;
        this.order = order;
        this.signed = new AtomicReferenceArray<>(events.size());
    }

    static WebhookTraffic plan(WebhookSettings settings, List<StripeInvoice> invoices, String secret, long nowEpoch) {
        Random random = new Random(settings.seed());
        StripeEvents signer = new StripeEvents(secret);
        List<Delivery> events = new ArrayList<>(settings.events());
        for (int i = 0; i < settings.events(); i++) {
            StripeInvoice invoice = invoices.get(random.nextInt(invoices.size()));
            String id = "evt_bench" + settings.seed() + "x" + i;
            int kind = random.nextInt(10);
            if (kind < 5) {
                events.add(signer.invoicePaid(id, invoice, nowEpoch - random.nextInt(1800)));
            } else if (kind < 8) {
                events.add(signer.paymentFailed(id, invoice, "card_declined", nowEpoch - 900 - random.nextInt(2700)));
            } else {
                long refunded = 1 + (long) (random.nextDouble() * Math.max(1, invoice.total() - 1));
                events.add(signer.chargeRefunded(
                        id, "ch_" + invoice.id(), invoice, refunded, nowEpoch - random.nextInt(900)));
            }
        }
        return new WebhookTraffic(signer, events, order(settings, random));
    }

    /**
     * The posting order, as indexes into the events: every event once, shuffled, and each redelivery at least
     * {@code concurrency} posts after the first delivery of its event (so the first is usually answered already), at
     * most a twentieth of the run later.
     */
    private static int[] order(WebhookSettings settings, Random random) {
        int n = settings.events();
        List<Integer> shuffled = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            shuffled.add(i);
        }
        Collections.shuffle(shuffled, random);
        record Slot(double at, int event) {}
        List<Slot> slots = new ArrayList<>(n + settings.duplicates());
        for (int position = 0; position < n; position++) {
            slots.add(new Slot(position, shuffled.get(position)));
        }
        for (int d = 0; d < settings.duplicates(); d++) {
            int position = random.nextInt(n);
            int later = settings.concurrency() + random.nextInt(Math.max(1, n / 20));
            slots.add(new Slot(position + later + 0.5, shuffled.get(position)));
        }
        slots.sort(Comparator.comparingDouble(Slot::at));
        return slots.stream().mapToInt(Slot::event).toArray();
    }

    /** Distinct events plus redeliveries. */
    int posts() {
        return order.length;
    }

    int distinct() {
        return events.size();
    }

    List<String> eventIds() {
        return events.stream().map(Delivery::eventId).toList();
    }

    /** The delivery of the {@code post}-th post, signed now if its event was not posted before. */
    Delivery delivery(int post, long nowEpoch) {
        int event = order[post];
        Delivery delivery = signed.get(event);
        if (delivery == null) {
            signed.compareAndSet(event, null, signer.resign(events.get(event), nowEpoch));
            delivery = signed.get(event);
        }
        return delivery;
    }
}
