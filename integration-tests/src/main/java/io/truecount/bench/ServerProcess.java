package io.truecount.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code truecount serve} as an admin runs it: the runnable jar in its own JVM (its own heap), against the bench's
 * PostgreSQL, output to a log file. Closing it sends SIGTERM and waits for a clean stop.
 */
public final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;

    private ServerProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the server and returns once {@code /actuator/health} answers 200. */
    public static ServerProcess start(Path jar, String heap, Path config, String jdbcUrl, Path log, Duration timeout)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    "no runnable jar at " + jar.toAbsolutePath() + ": the routes module's package phase builds it");
        }
        int port = freePort();
        Process process = new ProcessBuilder(List.of(
                        javaBinary(),
                        heap,
                        "-jar",
                        jar.toString(),
                        "serve",
                        "--config",
                        config.toString(),
                        "--db",
                        jdbcUrl,
                        "--port",
                        Integer.toString(port)))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        ServerProcess server = new ServerProcess(process, log, port);
        try {
            server.awaitHealth(timeout);
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** A path of this server, e.g. {@code /api/invoices?period=2026-10}. */
    public URI uri(String pathAndQuery) {
        return URI.create("http://localhost:" + port + pathAndQuery);
    }

    public URI webhookUri(String connectorId) {
        return URI.create("http://localhost:" + port + "/webhooks/" + connectorId);
    }

    long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    private void awaitHealth(Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("truecount serve exited early:\n" + Files.readString(log));
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("truecount serve was not healthy within " + timeout + " (log: " + log + ")");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
