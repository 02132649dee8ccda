package io.truecount.sim.stripe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.truecount.connector.webhook.Signatures;
import io.truecount.connector.webhook.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Builds Stripe webhook deliveries the way Stripe sends them: an event envelope ({@code id}, {@code created},
 * {@code type}, {@code data.object}) and a {@code Stripe-Signature: t=…,v1=…} header with one {@code v1} per secret
 * (two during a rotation), HMAC-SHA256 of {@code t + "." + body}. The timestamp is the event's {@code created} unless
 * a delivery is {@linkplain #resign re-signed}, which is what a late retry by Stripe looks like.
 *
 * <pre>{@code
 * StripeEvents events = new StripeEvents("whsec_test");
 * Delivery d = events.invoicePaid("evt_1", stripe.invoices().get(0), now.getEpochSecond());
 * post("/webhooks/stripe", d.headers(), d.body());
 * }</pre>
 */
public final class StripeEvents {

    public static final String HEADER = "Stripe-Signature";

    private final List<String> secrets;

    /** @param secrets the endpoint secrets to sign with ({@code whsec_…}); at least one */
    public StripeEvents(String... secrets) {
        if (secrets.length == 0) {
            throw new IllegalArgumentException("a Stripe delivery needs at least one secret to be signed with");
        }
        this.secrets = List.of(secrets);
    }

    /**
     * One delivery: the exact body bytes and the {@code Stripe-Signature} value that signs them.
     *
     * @param signedAt the {@code t} of the signature, epoch seconds
     */
    public record Delivery(String eventId, String type, byte[] body, String signature, long signedAt) {

        public Delivery {
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(signature, "signature");
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The headers Stripe sends with it. */
        public Map<String, List<String>> headers() {
            return Map.of(HEADER, List.of(signature), "Content-Type", List.of("application/json; charset=utf-8"));
        }

        /** As the application's webhook controller hands it to the receiver. */
        public WebhookRequest request(Instant receivedAt) {
            return new WebhookRequest(headers(), Map.of(), "application/json; charset=utf-8", body, receivedAt);
        }

        /** The same signature over another body: what a tampered delivery looks like. */
        public Delivery withBody(String otherBody) {
            return new Delivery(eventId, type, otherBody.getBytes(StandardCharsets.UTF_8), signature, signedAt);
        }
    }

    /** {@code invoice.paid}: the invoice paid in full (charged by {@code ch_<invoice id>} if it names no charge). */
    public Delivery invoicePaid(String eventId, StripeInvoice invoice, long createdEpoch) {
        StripeInvoice paid = "paid".equals(invoice.status()) && invoice.charge() != null
                ? invoice
                : invoice.paid(invoice.charge() != null ? invoice.charge() : "ch_" + invoice.id());
        return event(eventId, "invoice.paid", StripeJson.invoice(paid), createdEpoch);
    }

    /** {@code invoice.payment_failed}: a collection attempt declined with the code ({@code card_declined}). */
    public Delivery paymentFailed(String eventId, StripeInvoice invoice, String declineCode, long createdEpoch) {
        ObjectNode object = StripeJson.invoice(invoice);
        object.put("attempt_count", 1);
        object.put("attempted", true);
        object.putObject("last_finalization_error").put("type", "card_error").put("code", declineCode);
        return event(eventId, "invoice.payment_failed", object, createdEpoch);
    }

    /** {@code charge.refunded}: the charge that paid the invoice, with {@code amountRefunded} minor units back. */
    public Delivery chargeRefunded(
            String eventId, String chargeId, StripeInvoice invoice, long amountRefunded, long createdEpoch) {
        ObjectNode charge = StripeJson.MAPPER.createObjectNode();
        charge.put("id", chargeId);
        charge.put("object", "charge");
        charge.put("amount", invoice.total());
        charge.put("amount_captured", invoice.total());
        charge.put("amount_refunded", amountRefunded);
        charge.put("currency", invoice.currency());
        charge.put("customer", invoice.customer());
        charge.put("invoice", invoice.id());
        charge.put("paid", true);
        charge.put("refunded", amountRefunded >= invoice.total());
        charge.put("status", "succeeded");
        charge.putObject("metadata");
        ObjectNode refund = StripeJson.MAPPER.createObjectNode();
        refund.put("id", "re_" + eventId);
        refund.put("object", "refund");
        refund.put("amount", amountRefunded);
        refund.put("charge", chargeId);
        refund.put("reason", "requested_by_customer");
        refund.put("status", "succeeded");
        charge.set("refunds", StripeJson.list("/v1/charges/" + chargeId + "/refunds", List.of(refund), false));
        return event(eventId, "charge.refunded", charge, createdEpoch);
    }

    /** {@code charge.dispute.created}: a dispute names only its charge. */
    public Delivery disputeCreated(
            String eventId, String chargeId, long amount, String currency, String reason, long createdEpoch) {
        ObjectNode dispute = StripeJson.MAPPER.createObjectNode();
        dispute.put("id", "dp_" + eventId);
        dispute.put("object", "dispute");
        dispute.put("amount", amount);
        dispute.put("charge", chargeId);
        dispute.put("currency", currency);
        dispute.put("created", createdEpoch);
        dispute.put("reason", reason);
        dispute.put("status", "needs_response");
        dispute.put("is_charge_refundable", true);
        dispute.putObject("metadata");
        return event(eventId, "charge.dispute.created", dispute, createdEpoch);
    }

    /** Any other event type with a small object, for "received but ignored". */
    public Delivery other(String eventId, String type, long createdEpoch) {
        ObjectNode object = StripeJson.MAPPER.createObjectNode();
        object.put("id", "obj_" + eventId);
        return event(eventId, type, object, createdEpoch);
    }

    /** The same body signed at another time: a retry Stripe sends later, or a stale replay. */
    public Delivery resign(Delivery delivery, long signedAt) {
        return new Delivery(
                delivery.eventId(), delivery.type(), delivery.body(), signature(signedAt, delivery.body()), signedAt);
    }

    /** {@code t=<signedAt>,v1=<hex>[,v1=<hex>…]}, one {@code v1} per secret. */
    public String signature(long signedAt, byte[] body) {
        byte[] prefix = (signedAt + ".").getBytes(StandardCharsets.UTF_8);
        byte[] signed = Arrays.copyOf(prefix, prefix.length + body.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        return "t=" + signedAt
                + secrets.stream()
                        .map(secret -> ",v1=" + Signatures.hex(Signatures.hmacSha256(secret, signed)))
                        .collect(Collectors.joining());
    }

    private Delivery event(String eventId, String type, ObjectNode object, long createdEpoch) {
        ObjectNode event = StripeJson.MAPPER.createObjectNode();
        event.put("id", eventId);
        event.put("object", "event");
        event.put("api_version", "2025-09-30.clover");
        event.put("created", createdEpoch);
        event.put("livemode", false);
        event.put("pending_webhooks", 1);
        ObjectNode request = event.putObject("request");
        request.putNull("id");
        request.putNull("idempotency_key");
        event.put("type", type);
        event.putObject("data").set("object", object);
        byte[] body = StripeJson.write(event).getBytes(StandardCharsets.UTF_8);
        return new Delivery(eventId, type, body, signature(createdEpoch, body), createdEpoch);
    }
}
