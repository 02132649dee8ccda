package io.truecount.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.truecount.sim.vendor.RecordedRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * The floor a sync is measured against: the same requests the sync sent, sent again one after the other by a bare
 * HTTP client, each answer parsed into a JSON tree and dropped. No mapping, no storage, no retries, no pacing: what
 * fetching and parsing alone costs.
 */
final class FloorLoop {

    /** What the loop did. */
    record Figures(int requests, long bytes, Duration elapsed, int notOk) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private FloorLoop() {}

    static Figures replay(List<RecordedRequest> requests) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        long bytes = 0;
        int notOk = 0;
        long start = System.nanoTime();
        for (RecordedRequest recorded : requests) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(recorded.url()));
            recorded.headers().forEach(request::header);
            request.method(
                    recorded.method(),
                    recorded.body().isEmpty()
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(recorded.body()));
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] body = response.body();
            bytes += body.length;
            if (response.statusCode() / 100 != 2) {
                notOk++;
            } else if (body.length > 0) {
                JSON.readTree(body);
            }
        }
        return new Figures(requests.size(), bytes, Duration.ofNanos(System.nanoTime() - start), notOk);
    }
}
