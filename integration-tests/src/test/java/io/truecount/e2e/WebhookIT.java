package io.truecount.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.bench.ServerProcess;
import io.truecount.sim.esign.DocuSignDeliveries;
import io.truecount.sim.esign.DropboxSignDeliveries;
import io.truecount.sim.esign.PandaDocDeliveries;
import io.truecount.sim.esign.SignedDelivery;
import io.truecount.sim.gocardless.GoCardlessEvents;
import io.truecount.sim.gocardless.GoCardlessSimulator;
import io.truecount.sim.gocardless.SimPayment;
import io.truecount.sim.ninjaone.NinjaOneSimulator;
import io.truecount.sim.stripe.StripeEvents;
import io.truecount.sim.stripe.StripeInvoice;
import io.truecount.sim.stripe.StripeSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webhooks as the vendors deliver them, to {@code truecount serve} in its own process: every event twice, some out of
 * order, some with a bad signature. Each event has exactly one effect; a bad one is refused with the vendor's status
 * and leaves nothing behind; a payment after a failure wins and a late failure does not undo a payment; a signed
 * contract is billed by the next cycle.
 */
class WebhookIT {

    private static final Path JAR = Path.of("../routes/target/truecount-exec.jar");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String DOCUSIGN_KEY = "docusign-connect-key-1";
    private static final String DROPBOX_KEY = "dropbox-api-key";
    private static final String PANDADOC_KEY = "pandadoc-webhook-key";

    @RegisterExtension
    static final E2eDatabase postgres = new E2eDatabase();

    @TempDir
    Path dir;

    @Test
    void everyEventHasOneEffect_badOnesAreRefused_outOfOrderEventsFollowTheStateRules() throws Exception {
        String db = postgres.freshJdbcUrl("webhooks");
        try (NinjaOneSimulator ninja = NinjaOneSimulator.start(SmallMsp.data());
                StripeSimulator stripe =
                        StripeSimulator.builder().customer("cus_acme").start();
                GoCardlessSimulator gocardless = GoCardlessSimulator.start()) {
            Path config = writeConfig(ninja, stripe, gocardless);
            CliRun first = cycle(config, db);
            assertThat(first.exitCode()).as(first.toString()).isZero();
            assertThat(first.stdout())
                    .contains("gamma-msa: awaiting signature")
                    .contains("delta-msa: awaiting signature")
                    .contains("epsilon-msa: awaiting signature");
            StripeInvoice acmeAtStripe = stripe.invoices().get(0);
            SimPayment betaAtGoCardless = gocardless.payments().get(0);
            String acme = number(db, "acme");
            String beta = number(db, "beta");

            try (ServerProcess server = ServerProcess.start(
                    JAR, "-Xmx512m", config, db, dir.resolve("serve.log"), Duration.ofSeconds(120))) {
                Instant now = Instant.now();
                long created = now.getEpochSecond();
                StripeEvents stripeEvents = new StripeEvents(stripe.webhookSecret());
                // Stripe signs a delivery when it sends it, which may be long after the event was created.
                StripeEvents.Delivery failed = stripeEvents.resign(
                        stripeEvents.paymentFailed("evt_failed_1", acmeAtStripe, "card_declined", created - 600),
                        created);
                StripeEvents.Delivery paid = stripe.pay(acmeAtStripe.id());
                StripeEvents.Delivery lateFailure = stripeEvents.resign(
                        stripeEvents.paymentFailed("evt_failed_late", acmeAtStripe, "card_declined", created - 900),
                        created);

                // Stripe: failure, then payment (twice), then a failure that happened earlier arrives late (twice).
                assertThat(post(server, "pay", failed.body(), Map.of(StripeEvents.HEADER, failed.signature())))
                        .isEqualTo(200);
                for (int i = 0; i < 2; i++) {
                    assertThat(post(server, "pay", paid.body(), Map.of(StripeEvents.HEADER, paid.signature())))
                            .isEqualTo(200);
                    assertThat(post(
                                    server,
                                    "pay",
                                    lateFailure.body(),
                                    Map.of(StripeEvents.HEADER, lateFailure.signature())))
                            .isEqualTo(200);
                }
                // Refused: a tampered body, a signature from another secret, a stale timestamp.
                StripeEvents.Delivery tampered = paid.withBody(paid.bodyText().replace("evt_", "evt_x"));
                assertThat(post(server, "pay", tampered.body(), Map.of(StripeEvents.HEADER, tampered.signature())))
                        .isEqualTo(401);
                StripeEvents.Delivery foreign =
                        new StripeEvents("whsec_someone_else").invoicePaid("evt_foreign", acmeAtStripe, created);
                assertThat(post(server, "pay", foreign.body(), Map.of(StripeEvents.HEADER, foreign.signature())))
                        .isEqualTo(401);
                StripeEvents.Delivery stale = stripeEvents.resign(
                        stripeEvents.invoicePaid("evt_stale", acmeAtStripe, created), created - 301);
                assertThat(post(server, "pay", stale.body(), Map.of(StripeEvents.HEADER, stale.signature())))
                        .isEqualTo(401);
                assertThat(post(server, "pay", new byte[2 * 1024 * 1024], Map.of(StripeEvents.HEADER, "t=1,v1=00")))
                        .as("a body over the limit")
                        .isEqualTo(413);

                // GoCardless: confirmed twice, a failure after it, a forged batch.
                GoCardlessEvents.Delivery confirmed = gocardless.confirm(betaAtGoCardless.id());
                GoCardlessEvents.Delivery failedLater =
                        gocardless.fail(betaAtGoCardless.id(), "insufficient_funds", "The customer had no funds");
                for (GoCardlessEvents.Delivery d : List.of(confirmed, confirmed, failedLater)) {
                    assertThat(post(server, "gc", d.body(), Map.of(GoCardlessEvents.SIGNATURE_HEADER, d.signature())))
                            .isEqualTo(200);
                }
                GoCardlessEvents.Delivery forged = confirmed.withSignature("0".repeat(64));
                assertThat(post(
                                server,
                                "gc",
                                forged.body(),
                                Map.of(GoCardlessEvents.SIGNATURE_HEADER, forged.signature())))
                        .isEqualTo(498);

                // E-signature: completed twice, a decline after completion, forged ones.
                DocuSignDeliveries docusign = new DocuSignDeliveries(DOCUSIGN_KEY);
                SignedDelivery envelope = docusign.completed("env-gamma", "gamma-msa", now.minusSeconds(60));
                SignedDelivery declinedLate = docusign.declined("env-gamma", "gamma-msa", now.minusSeconds(30));
                for (SignedDelivery d : List.of(envelope, envelope, declinedLate)) {
                    assertThat(post(server, "sign", d)).isEqualTo(200);
                }
                assertThat(post(server, "sign", envelope.forged("completed", "voided")))
                        .isEqualTo(401);

                DropboxSignDeliveries dropbox = new DropboxSignDeliveries(DROPBOX_KEY);
                SignedDelivery allSigned = dropbox.allSigned("sr-delta", "delta-msa", now.minusSeconds(60));
                for (int i = 0; i < 2; i++) {
                    HttpResponse<String> answer = send(server, "dropbox", allSigned);
                    assertThat(answer.statusCode()).isEqualTo(200);
                    assertThat(answer.body()).isEqualTo(DropboxSignDeliveries.ACKNOWLEDGEMENT);
                }
                assertThat(post(
                                server,
                                "dropbox",
                                new DropboxSignDeliveries("another-key").allSigned("sr-delta", "delta-msa", now)))
                        .isEqualTo(401);

                PandaDocDeliveries pandadoc = new PandaDocDeliveries(PANDADOC_KEY);
                SignedDelivery document = pandadoc.completed("doc-epsilon", "epsilon-msa", now.minusSeconds(60));
                assertThat(post(server, "panda", document)).isEqualTo(200);
                assertThat(post(server, "panda", document)).isEqualTo(200);
                assertThat(post(server, "panda", document.forged("document.completed", "document.draft")))
                        .isEqualTo(401);

                awaitInboxProcessed(db, server);
            }

            assertThat(Sql.count(db, "select count(*) from webhook_event where state <> 'PROCESSED'"))
                    .isZero();
            assertThat(Sql.count(
                            db,
                            "select count(*) from webhook_event where event_id like 'evt_x%'"
                                    + " or event_id in ('evt_foreign', 'evt_stale')"))
                    .as("nothing of a refused delivery is stored")
                    .isZero();
            assertThat(Sql.count(db, "select count(*) from webhook_event where connector_id = 'pay'"))
                    .isEqualTo(3);
            assertThat(Sql.count(db, "select count(*) from webhook_event where connector_id = 'gc'"))
                    .isEqualTo(2);
            assertThat(Sql.count(db, "select count(*) from payment_event where invoice_number = '" + acme + "'"))
                    .as("one history row per event, duplicates none")
                    .isEqualTo(3);
            assertThat(status(db, acme))
                    .as(
                            "paid after a failure wins; a late failure does not undo it: %s",
                            Sql.column(
                                    db,
                                    "select event_id || ' ' || coalesce(outcome, last_error) from webhook_event"
                                            + " order by id"))
                    .isEqualTo("PAID");
            assertThat(status(db, beta)).isEqualTo("PAID");
            assertThat(Sql.count(
                            db,
                            "select count(*) from invoice_transition where invoice_number = '" + acme
                                    + "' and to_status = 'PAID'"))
                    .isEqualTo(1);
            assertThat(Sql.count(db, "select count(*) from contract_signature"))
                    .as("completed once each, plus the late" + " decline as history")
                    .isEqualTo(4);

            CliRun second = cycle(config, db);
            assertThat(second.exitCode()).as(second.toString()).isZero();
            assertThat(second.stdout()).doesNotContain("awaiting signature");
            assertThat(Files.readString(dir.resolve("out").resolve("invoices.json")))
                    .contains("\"gamma\"")
                    .contains("\"delta\"")
                    .contains("\"epsilon\"");
        }
    }

    private Path writeConfig(NinjaOneSimulator ninja, StripeSimulator stripe, GoCardlessSimulator gocardless)
            throws Exception {
        Path config = SmallMsp.writeConfig(dir, ninja.baseUrl(), ninja.clientId(), ninja.clientSecret());
        Map<String, String> secrets = Map.of(
                "stripe-key", stripe.apiKey(),
                "stripe-whsec", stripe.webhookSecret(),
                "gc-token", gocardless.accessToken(),
                "gc-whsec", gocardless.webhookSecret(),
                "docusign", DOCUSIGN_KEY,
                "dropbox", DROPBOX_KEY,
                "panda", PANDADOC_KEY);
        for (Map.Entry<String, String> secret : secrets.entrySet()) {
            Files.writeString(dir.resolve("secrets").resolve(secret.getKey()), secret.getValue());
        }
        String connectors =
                """
                  pay:
                    type: stripe
                    base-url: %s
                    credentials: { api-key: "file:secrets/stripe-key", webhook-secret: "file:secrets/stripe-whsec" }
                  gc:
                    type: gocardless
                    base-url: %s
                    credentials: { access-token: "file:secrets/gc-token", webhook-secret: "file:secrets/gc-whsec" }
                  sign:
                    type: docusign
                    credentials: { hmac-keys: ["file:secrets/docusign"] }
                  dropbox:
                    type: dropbox-sign
                    credentials: { api-key: "file:secrets/dropbox" }
                  panda:
                    type: pandadoc
                    credentials: { webhook-key: "file:secrets/panda" }
                """
                        .formatted(stripe.baseUrl(), gocardless.baseUrl());
        String customers =
                """
                  gamma:
                    name: Gamma Clinic
                    address: { line1: 1 Oak St, city: Springfield }
                  delta:
                    name: Delta Books
                    address: { line1: 2 Oak St, city: Springfield }
                  epsilon:
                    name: Epsilon Labs
                    address: { line1: 3 Oak St, city: Springfield }
                """;
        String contracts = signed("gamma", "sign", "env-gamma")
                + signed("delta", "dropbox", "sr-delta")
                + signed("epsilon", "panda", "doc-epsilon");
        String yaml = Files.readString(config)
                .replace("\ncustomers:", connectors + "\ncustomers:\n" + customers)
                .replace("sources: { ninja: \"12\" }", "sources: { ninja: \"12\" }\n    accounting: { pay: cus_acme }")
                .replace(
                        "sources: { ninja: \"34\" }",
                        "sources: { ninja: \"34\" }\n    accounting: { gc: " + GoCardlessSimulator.USD_MANDATE + " }")
                .replace("\ncontracts:\n", "\ncontracts:\n" + contracts);
        Files.writeString(config, yaml);
        return config;
    }

    private static String signed(String customer, String connector, String document) {
        return """
                  - id: %s-msa
                    customer: %s
                    start: 2026-10-01
                    cycle: monthly
                    billing: advance
                    signature: { connector: %s, document-id: %s }
                    lines:
                      - { id: care, type: flat, amount: "300.00", description: Managed care }
                """
                .formatted(customer, customer, connector, document);
    }

    private CliRun cycle(Path config, String db) {
        return CliRun.of(
                "cycle",
                "--config",
                config.toString(),
                "--period",
                "2026-10",
                "--as-of",
                SmallMsp.AS_OF.toString(),
                "--out",
                dir.resolve("out").toString(),
                "--push",
                "--db",
                db);
    }

    private static int post(ServerProcess server, String connector, byte[] body, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.webhookUri(connector))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static int post(ServerProcess server, String connector, SignedDelivery delivery) throws Exception {
        return send(server, connector, delivery).statusCode();
    }

    private static HttpResponse<String> send(ServerProcess server, String connector, SignedDelivery delivery)
            throws Exception {
        URI base = server.webhookUri(connector);
        URI uri = URI.create(base.toString().replace(base.getPath(), delivery.pathAndQuery(base.getPath())));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Content-Type", delivery.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()));
        delivery.headers().forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitInboxProcessed(String db, ServerProcess server) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (Sql.count(db, "select count(*) from webhook_event where state = 'RECEIVED'") > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the inbox was not processed within 60 s:\n" + Files.readString(server.log()));
            }
            Thread.sleep(100);
        }
    }

    private static String number(String db, String customer) throws Exception {
        return Sql.column(db, "select number from invoice where customer_id = '" + customer + "'")
                .get(0);
    }

    private static String status(String db, String number) throws Exception {
        return Sql.column(db, "select status from invoice where number = '" + number + "'")
                .get(0);
    }
}
