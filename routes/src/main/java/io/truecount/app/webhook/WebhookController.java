package io.truecount.app.webhook;

import io.truecount.app.TruecountProperties;
import io.truecount.app.ops.Correlation;
import io.truecount.connector.webhook.Acknowledgement;
import io.truecount.connector.webhook.InboundEvent;
import io.truecount.connector.webhook.WebhookReceiver;
import io.truecount.connector.webhook.WebhookRejectedException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/{connector-id}}: the only unauthenticated endpoint; the vendor's signature is its credential.
 * The body is read as bytes (never through a converter that could re-encode it), verified, stored, and only then
 * acknowledged. A vendor that gets no 2xx delivers again, so anything short of "stored" answers an error.
 */
@RestController
class WebhookController {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookController.class);

    private final WebhookReceivers receivers;
    private final Inbox inbox;
    private final InboxWorker worker;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int maxBodyBytes;

    WebhookController(
            WebhookReceivers receivers,
            Inbox inbox,
            InboxWorker worker,
            TransactionTemplate transaction,
            Clock clock,
            TruecountProperties properties) {
        this.receivers = receivers;
        this.inbox = inbox;
        this.worker = worker;
        this.transaction = transaction;
        this.clock = clock;
        this.maxBodyBytes = properties.webhooks().maxBodyBytes();
    }

    @PostMapping("/webhooks/{connectorId}")
    ResponseEntity<String> receive(@PathVariable String connectorId, HttpServletRequest request) throws IOException {
        try (Correlation ids = Correlation.of("connector", connectorId)) {
            return receiveFor(connectorId, request);
        }
    }

    private ResponseEntity<String> receiveFor(String connectorId, HttpServletRequest request) throws IOException {
        Optional<WebhookReceiver> receiver = receivers.get(connectorId);
        if (receiver.isEmpty()) {
            return text(404, "no webhook connector '" + connectorId + "'");
        }
        if (request.getContentLengthLong() > maxBodyBytes) {
            LOG.warn(
                    "webhook to '{}' refused: body of {} bytes exceeds {}",
                    connectorId,
                    request.getContentLengthLong(),
                    maxBodyBytes);
            return text(413, "body too large");
        }
        byte[] body = readAtMost(request.getInputStream(), maxBodyBytes);
        if (body == null) {
            LOG.warn("webhook to '{}' refused: body exceeds {} bytes", connectorId, maxBodyBytes);
            return text(413, "body too large");
        }
        Instant now = clock.instant();
        List<InboundEvent> events;
        try {
            events = receiver.get()
                    .verify(new io.truecount.connector.webhook.WebhookRequest(
                            headers(request), query(request), request.getContentType(), body, now));
        } catch (WebhookRejectedException e) {
            LOG.warn("webhook to '{}' rejected ({}): {}", connectorId, e.status(), e.getMessage());
            return text(e.status(), e.status() == 400 ? "malformed event" : "signature verification failed");
        }
        int added;
        try {
            added = transaction.execute(status -> inbox.store(connectorId, events, now));
        } catch (DataAccessException e) {
            LOG.error("webhook to '{}': events could not be stored; the vendor will deliver again", connectorId, e);
            return text(503, "not stored, deliver again");
        }
        if (added > 0) {
            worker.wake();
        }
        LOG.debug("webhook to '{}': {} events, {} new", connectorId, events.size(), added);
        Acknowledgement ack = receiver.get().acknowledgement();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(ack.contentType()))
                .body(ack.body());
    }

    /** The body, or null when it is longer than the limit (chunked bodies carry no Content-Length). */
    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        byte[] bytes = in.readNBytes(limit + 1);
        return bytes.length > limit ? null : bytes;
    }

    private static Map<String, List<String>> headers(HttpServletRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, Collections.list(request.getHeaders(name)));
        }
        return headers;
    }

    private static Map<String, String> query(HttpServletRequest request) {
        Map<String, String> query = new LinkedHashMap<>();
        // Only the query string: getParameterMap() would also read (and consume) a form-encoded body.
        String raw = request.getQueryString();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                query.putIfAbsent(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
            }
        }
        return query;
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static ResponseEntity<String> text(int status, String body) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(body);
    }
}
