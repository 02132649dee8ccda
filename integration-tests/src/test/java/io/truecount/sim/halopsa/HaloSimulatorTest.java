package io.truecount.sim.halopsa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.truecount.sim.msp.SampleMsp;
import io.truecount.sim.vendor.Mode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HaloSimulatorTest {

    private static final Instant AS_OF = Instant.parse("2026-10-31T12:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final HandClock clock = new HandClock(AS_OF);
    private HaloSimulator halo;

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        private final AtomicReference<Instant> now;

        HandClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void advance(Duration duration) {
            now.updateAndGet(i -> i.plus(duration));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    /** Acme (7): ticket 1234 with a logged action and two timed ones; ticket 1300 with one. Borg (8): none. */
    static HaloData small() {
        Instant oct5 = Instant.parse("2026-10-05T14:00:00Z");
        return HaloData.builder()
                .client(7, "Acme Dental")
                .client(8, "Borg Legal")
                .ticket(1234, 7, "VPN down", "P2 High", "Network")
                .systemAction(1234, "Ticket Logged", oct5)
                .action(1234, "Remote Support", "Jane Doe", oct5.plusSeconds(600), "1.5", true)
                .action(1234, "Onsite", "Sam Roe", oct5.plusSeconds(7200), "2", false)
                .ticket(1300, 7, "Printer offline", "P4 Low", "Hardware")
                .action(1300, "Phone Call", "Jane Doe", Instant.parse("2026-10-09T09:00:00Z"), "0.25", true)
                .build();
    }

    @BeforeEach
    void start() {
        halo = HaloSimulator.builder(small()).clock(clock).tenant("acme-msp").start();
    }

    @AfterEach
    void stop() {
        halo.close();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private HttpResponse<String> token(String query, String form) {
        return send(HttpRequest.newBuilder(URI.create(halo.baseUrl() + "/auth/token" + query))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    }

    private String bearer() {
        HttpResponse<String> token = token(
                "?tenant=acme-msp",
                "grant_type=client_credentials&client_id=" + halo.clientId() + "&client_secret=" + halo.clientSecret()
                        + "&scope=all");
        assertThat(token.statusCode()).isEqualTo(200);
        return json(token.body()).get("access_token").asText();
    }

    private HttpResponse<String> get(String pathAndQuery, String token) {
        return send(HttpRequest.newBuilder(URI.create(halo.apiUrl() + pathAndQuery))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build());
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private List<String> ids(String pathAndQuery, String key, String token) {
        HttpResponse<String> response = get(pathAndQuery, token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        for (JsonNode record : json(response.body()).get(key)) {
            ids.add(
                    record.has("ticket_id")
                            ? record.get("ticket_id").asText() + "/"
                                    + record.get("id").asText()
                            : record.get("id").asText());
        }
        return ids;
    }

    @Test
    void token_isClientCredentialsForTheTenant_withScopeAll_andExpires() {
        JsonNode token = json(token(
                        "?tenant=acme-msp",
                        "grant_type=client_credentials&client_id=" + halo.clientId() + "&client_secret="
                                + halo.clientSecret() + "&scope=all")
                .body());
        assertThat(token.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(token.get("expires_in").asLong()).isEqualTo(3600);

        String form = "grant_type=client_credentials&client_id=" + halo.clientId() + "&client_secret=";
        assertThat(token("", form + halo.clientSecret()).statusCode()).isEqualTo(400);
        assertThat(json(token("?tenant=acme-msp", form + "wrong").body())
                        .get("error")
                        .asText())
                .isEqualTo("invalid_client");
        assertThat(json(token("?tenant=acme-msp", form + halo.clientSecret() + "&scope=read")
                                .body())
                        .get("error")
                        .asText())
                .isEqualTo("invalid_scope");

        String bearer = token.get("access_token").asText();
        assertThat(get("/Client", bearer).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(61));
        HttpResponse<String> expired = get("/Client", bearer);
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(get("/Client", "made-up").statusCode()).isEqualTo(401);
    }

    @Test
    void listings_arePagedWithPageinate_andCountEveryRecord() {
        String bearer = bearer();
        HttpResponse<String> first = get("/Actions?pageinate=true&page_size=2&page_no=1", bearer);
        JsonNode page = json(first.body());
        assertThat(page.get("record_count").asInt()).isEqualTo(4);
        assertThat(ids("/Actions?pageinate=true&page_size=2&page_no=1", "actions", bearer))
                .containsExactly("1234/1", "1234/2");
        assertThat(ids("/Actions?pageinate=true&page_size=2&page_no=2", "actions", bearer))
                .containsExactly("1234/3", "1300/1");
        assertThat(ids("/Actions?pageinate=true&page_size=2&page_no=3", "actions", bearer))
                .isEmpty();
        assertThat(ids("/Client?pageinate=true&page_size=50&page_no=1", "clients", bearer))
                .containsExactly("7", "8");
        assertThat(ids("/Client?count=1", "clients", bearer)).containsExactly("7");
        assertThat(get("/Tickets?pageinate=true&page_size=0&page_no=1", bearer).statusCode())
                .isEqualTo(400);
    }

    @Test
    void actions_filterOnTicket_andExcludesysHidesHalosOwnActions() {
        String bearer = bearer();
        assertThat(ids(
                        "/Actions?pageinate=true&page_size=10&page_no=1&ticket_id=1234&excludesys=true",
                        "actions",
                        bearer))
                .containsExactly("1234/2", "1234/3");
        assertThat(ids("/Actions?ticket_id=1234", "actions", bearer)).containsExactly("1234/1", "1234/2", "1234/3");
        assertThat(ids("/Actions?ticket_id=999", "actions", bearer)).isEmpty();
        assertThat(halo.ticketsWhoseActionsWereRead()).containsExactly(1234L, 1234L, 999L);

        JsonNode action = json(get("/Actions?ticket_id=1234&excludesys=true", bearer)
                        .body())
                .get("actions")
                .get(0);
        assertThat(action.get("timetaken").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(action.get("actisbillable").asBoolean()).isTrue();
        assertThat(action.get("who").asText()).isEqualTo("Jane Doe");
        assertThat(action.get("datetime").asText()).isEqualTo("2026-10-05T14:10:00");
    }

    @Test
    void anEditMovesItsTicketsLastActionDate_aDeletionDoesNot_andAnAdditionDoes() {
        // Halo's tokens last an hour: the test takes a new one after moving the clock by an hour.
        String bearer = bearer();
        String since = "/Tickets?pageinate=true&page_size=10&page_no=1&datesearch=lastactiondate&startdate=";
        assertThat(ids(since + "2026-10-09T00:00:00", "tickets", bearer)).containsExactly("1300");
        assertThat(ids(since + "2026-10-31T00:00:00", "tickets", bearer)).isEmpty();

        clock.advance(Duration.ofHours(1));
        bearer = bearer();
        halo.editAction(1234, 2, "1.75");
        halo.deleteAction(1300, 1);
        assertThat(ids(since + "2026-10-31T12:30:00", "tickets", bearer)).containsExactly("1234");
        JsonNode edited = json(get("/Actions?ticket_id=1234&excludesys=true", bearer)
                        .body())
                .get("actions")
                .get(0);
        assertThat(edited.get("timetaken").decimalValue()).isEqualByComparingTo("1.75");
        assertThat(edited.get("last_updated").asText()).isEqualTo("2026-10-31T13:00:00");
        assertThat(ids("/Actions?excludesys=true&count=50", "actions", bearer)).containsExactly("1234/2", "1234/3");

        clock.advance(Duration.ofHours(1));
        bearer = bearer();
        long added = halo.addAction(1300, "Remote Support", "Ana Lima", Instant.parse("2026-10-31T13:30:00Z"), "0.5");
        assertThat(added).isEqualTo(2);
        assertThat(ids(since + "2026-10-31T13:30:00Z", "tickets", bearer)).containsExactly("1300");
        assertThat(halo.data().lastActionDate(1300)).isEqualTo(AS_OF.plus(Duration.ofHours(2)));
    }

    @Test
    void everyMode_misbehavesAsDocumented() {
        String bearer = bearer();
        halo.mode(Mode.THROTTLE);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> response = get("/Client", bearer);
            statuses.add(response.statusCode());
            if (response.statusCode() == 429) {
                assertThat(response.headers().firstValue("Retry-After")).contains("1");
            }
        }
        assertThat(statuses).containsExactly(200, 200, 429, 200);

        halo.mode(Mode.FLAKY_5XX);
        assertThat(List.of(
                        get("/Client", bearer).statusCode(),
                        get("/Client", bearer).statusCode(),
                        get("/Client", bearer).statusCode()))
                .containsExactly(200, 200, 503);

        halo.mode(Mode.FAIL_5XX);
        assertThat(List.of(
                        get("/Client", bearer).statusCode(),
                        get("/Client", bearer).statusCode()))
                .containsExactly(503, 500);

        halo.mode(Mode.TOKEN_EXPIRY);
        for (int i = 0; i < 3; i++) {
            assertThat(get("/Client", bearer).statusCode()).isEqualTo(200);
        }
        assertThat(get("/Client", bearer).statusCode()).isEqualTo(401);
        assertThat(get("/Client", bearer()).statusCode()).isEqualTo(200);

        halo.mode(Mode.MALFORMED_PAGE);
        String body =
                get("/Actions?pageinate=true&page_size=2&page_no=2", bearer()).body();
        assertThat(body).startsWith("{\"record_count\":4");
        assertThat(catchThrowableOfJson(body)).isNotNull();
        assertThat(json(get("/Actions?pageinate=true&page_size=2&page_no=1", bearer())
                                .body())
                        .get("actions"))
                .hasSize(2);

        halo.mode(Mode.NORMAL);
        assertThat(get("/Client", bearer).statusCode()).isEqualTo(200);
    }

    @Test
    void slowMode_delaysEveryResponse() {
        halo.close();
        halo = HaloSimulator.builder(small()).slowDelay(Duration.ofMillis(300)).start();
        halo.mode(Mode.SLOW);
        long started = System.nanoTime();
        HttpResponse<String> token = token(
                "",
                "grant_type=client_credentials&client_id=" + halo.clientId() + "&client_secret=" + halo.clientSecret());
        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    private static Throwable catchThrowableOfJson(String body) {
        try {
            JSON.readTree(body);
            return null;
        } catch (IOException e) {
            return e;
        }
    }

    @Test
    void aGeneratedInstance_isDeterministic_andScalesTo2000ClientsAnd150000Actions() {
        SampleMsp msp = SampleMsp.generate(7, 2000, 4, AS_OF);
        long started = System.nanoTime();
        HaloData big = HaloData.from(msp, 75);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(big.clientCount()).isEqualTo(2001);
        assertThat(big.timedActionCount()).isBetween(140_000, 160_000);
        assertThat(took).isLessThan(Duration.ofSeconds(10));
        assertThat(big.clientIdOf(msp.customers().get(0).id())).isEqualTo("12");

        HaloData again = HaloData.from(msp, 75);
        assertThat(again.timedActionCount()).isEqualTo(big.timedActionCount());
        assertThat(again.ticketCount()).isEqualTo(big.ticketCount());
        assertThat(again.actions(null, true, 100_000, 3)).isEqualTo(big.actions(null, true, 100_000, 3));

        try (HaloSimulator served = HaloSimulator.start(big)) {
            String bearer = bearer2(served);
            long pageStarted = System.nanoTime();
            JsonNode page =
                    json(get(served, "/Actions?pageinate=true&excludesys=true&page_size=100&page_no=1400", bearer)
                            .body());
            assertThat(Duration.ofNanos(System.nanoTime() - pageStarted)).isLessThan(Duration.ofSeconds(2));
            assertThat(page.get("actions")).hasSize(100);
            assertThat(page.get("record_count").asInt()).isGreaterThan(140_000);
        }
    }

    private static String bearer2(HaloSimulator served) {
        HttpResponse<String> token = send(HttpRequest.newBuilder(URI.create(served.baseUrl() + "/auth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=" + served.clientId()
                        + "&client_secret=" + served.clientSecret() + "&scope=all"))
                .build());
        return json(token.body()).get("access_token").asText();
    }

    private static HttpResponse<String> get(HaloSimulator served, String pathAndQuery, String token) {
        return send(HttpRequest.newBuilder(URI.create(served.apiUrl() + pathAndQuery))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build());
    }
}
