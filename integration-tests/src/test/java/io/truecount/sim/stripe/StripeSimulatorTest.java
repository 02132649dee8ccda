package io.truecount.sim.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Stripe's idempotency as the simulator serves it, seen on the wire. */
class StripeSimulatorTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> post(StripeSimulator stripe, String form, String key) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(stripe.baseUrl() + "/v1/invoices"))
                        .header("Authorization", "Bearer " + stripe.apiKey())
                        .header("Idempotency-Key", key)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void sameKeySameParameters_replaysTheFirstAnswer_sameKeyOtherParameters_isAnIdempotencyError() throws Exception {
        try (StripeSimulator stripe =
                StripeSimulator.builder().customer("cus_1", "cus_2").start()) {
            HttpResponse<String> first = post(stripe, "customer=cus_1&currency=usd", "k");
            // Same parameters in another order are the same request.
            HttpResponse<String> again = post(stripe, "currency=usd&customer=cus_1", "k");
            HttpResponse<String> other = post(stripe, "customer=cus_2&currency=usd", "k");

            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(again.body()).isEqualTo(first.body());
            assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
            assertThat(other.statusCode()).isEqualTo(400);
            assertThat(other.body()).contains("\"type\":\"idempotency_error\"");
            assertThat(stripe.invoices()).hasSize(1);
        }
    }

    @Test
    void unknownCustomer_isStripesInvalidRequestError() throws Exception {
        try (StripeSimulator stripe = StripeSimulator.builder().start()) {
            HttpResponse<String> response = post(stripe, "customer=cus_nope&currency=usd", "k");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("invalid_request_error").contains("No such customer: 'cus_nope'");
        }
    }
}
