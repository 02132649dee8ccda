package io.truecount.bench;

import io.truecount.sim.stripe.StripeEvents;
import io.truecount.sim.stripe.StripeEvents.Delivery;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Posts the traffic at the server with {@code concurrency} threads, each its own {@link HttpClient} (HTTP/1.1, kept
 * alive), taking the next post in order until none is left. Every post's latency is send → response complete; any
 * answer but 2xx, and any I/O failure, is an error.
 */
final class WebhookLoad {

    /**
     * @param latencyNanos of every post, in posting order
     * @param statuses how many posts got each status (-1: no answer, I/O failure)
     * @param firstError the first error, for the report; null without errors
     */
    record Figures(int posts, Duration wall, long[] latencyNanos, Map<Integer, Integer> statuses, String firstError) {

        int errors() {
            return statuses.entrySet().stream()
                    .filter(e -> e.getKey() < 200 || e.getKey() > 299)
                    .mapToInt(Map.Entry::getValue)
                    .sum();
        }

        double perSecond() {
            return posts / (wall.toNanos() / 1e9);
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private WebhookLoad() {}

    static Figures post(WebhookTraffic traffic, URI endpoint, int concurrency) throws InterruptedException {
        long[] latencies = new long[traffic.posts()];
        int[] statuses = new int[traffic.posts()];
        AtomicInteger next = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            HttpClient client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            Thread thread = new Thread(
                    () -> {
                        awaitQuietly(start);
                        for (int post = next.getAndIncrement();
                                post < latencies.length;
                                post = next.getAndIncrement()) {
                            send(client, endpoint, traffic, post, latencies, statuses, firstError);
                        }
                    },
                    "webhook-client-" + t);
            threads.add(thread);
            thread.start();
        }
        long started = System.nanoTime();
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - started);
        Map<Integer, Integer> counts = new TreeMap<>();
        for (int status : statuses) {
            counts.merge(status, 1, Integer::sum);
        }
        return new Figures(latencies.length, wall, latencies, counts, firstError.get());
    }

    private static void send(
            HttpClient client,
            URI endpoint,
            WebhookTraffic traffic,
            int post,
            long[] latencies,
            int[] statuses,
            AtomicReference<String> firstError) {
        Delivery delivery = traffic.delivery(post, System.currentTimeMillis() / 1000);
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(TIMEOUT)
                .header(StripeEvents.HEADER, delivery.signature())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()))
                .build();
        long sent = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            statuses[post] = response.statusCode();
            if (response.statusCode() < 200 || response.statusCode() > 299) {
                firstError.compareAndSet(
                        null, delivery.eventId() + ": HTTP " + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            statuses[post] = -1;
            firstError.compareAndSet(null, delivery.eventId() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            statuses[post] = -1;
        }
        latencies[post] = System.nanoTime() - sent;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
