package io.truecount.sim.vendor;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A vendor API on a local WireMock port: every route goes to the vendor's {@link VendorApi}, every answered request
 * is kept in arrival order, and the {@link Mode} can be switched at runtime.
 *
 * @param <E> the vendor's endpoint enum
 * @param <R> the vendor's record of a served request
 */
public abstract class VendorSimulator<E extends Enum<E>, R> implements AutoCloseable {

    /** Jetty threads in bulk mode: enough for every connector's concurrent organizations at once. */
    private static final int BULK_THREADS = 64;

    private static volatile boolean bulk;
    // 0: each simulator takes a free port; else the port the next simulator started in this process takes.
    private static final AtomicInteger NEXT_FIXED_PORT = new AtomicInteger();

    private final Faults faults;
    private final List<R> log;
    private final Function<R, E> endpointOf;
    private final WireMockServer server;

    /**
     * Starts the server.
     *
     * @param log the list the api adds served requests to; made from {@link #newLog()}
     * @param routes the request patterns the api answers
     */
    protected VendorSimulator(
            VendorApi api, Faults faults, List<R> log, Function<R, E> endpointOf, List<MappingBuilder> routes) {
        this.faults = faults;
        this.log = log;
        this.endpointOf = endpointOf;
        int port = NEXT_FIXED_PORT.get() > 0 ? NEXT_FIXED_PORT.getAndIncrement() : 0;
        WireMockConfiguration options = (port > 0
                        ? options().port(port)
                        : options().dynamicPort())
                .extensions(api)
                .notifier(new ConsoleNotifier(false));
        if (bulk) {
            // A journal keeps every response body: with an MSP of thousands of customers that is gigabytes.
            options.disableRequestJournal().containerThreads(BULK_THREADS);
        } else {
            options.maxRequestJournalEntries(10_000);
        }
        this.server = new WireMockServer(options);
        for (MappingBuilder route : routes) {
            server.stubFor(route.willReturn(aResponse().withTransformers(api.getName())));
        }
        server.start();
    }

    /**
     * Makes simulators started from now on in this process serve large estates: no request journal, more threads.
     * For the benchmark's simulator process; tests keep the journal.
     */
    public static void serveInBulk() {
        bulk = true;
    }

    /**
     * Makes simulators started from now on in this process listen on consecutive ports from {@code first}, in the order
     * they start, so that a configuration written in advance can name them (docker/compose.yaml); 0 goes back to free
     * ports.
     */
    public static void portsFrom(int first) {
        NEXT_FIXED_PORT.set(first);
    }

    /** Hands every request that arrives from now on (method, absolute URL, headers, body) to {@code listener}. */
    public void onRequest(Consumer<RecordedRequest> listener) {
        server.addMockServiceRequestListener((request, response) -> listener.accept(RecordedRequest.of(request)));
    }

    /** The thread-safe list a simulator's api records served requests in. */
    protected static <R> List<R> newLog() {
        return Collections.synchronizedList(new ArrayList<>());
    }

    /** {@code http://localhost:<port>}: the connector's {@code base-url}. */
    public String baseUrl() {
        return server.baseUrl();
    }

    /** Switches behaviour for the requests that follow; the failure cadence starts over. */
    public void mode(Mode mode) {
        faults.switchTo(Objects.requireNonNull(mode, "mode"));
    }

    public Mode mode() {
        return faults.mode();
    }

    /** Every request answered so far, in arrival order. */
    public List<R> requests() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    public int requestCount(E endpoint) {
        return (int)
                requests().stream().filter(r -> endpointOf.apply(r) == endpoint).count();
    }

    /** Forgets the requests answered so far (not the tokens issued). */
    public void clearRequests() {
        log.clear();
    }

    /** The underlying server, for its request journal ({@code wireMock().getAllServeEvents()}). */
    public WireMockServer wireMock() {
        return server;
    }

    @Override
    public void close() {
        server.stop();
    }
}
