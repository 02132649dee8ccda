package io.truecount.connector.xero;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.connector.ConnectorRuntime;
import io.truecount.connector.ConnectorSettings;
import io.truecount.connector.SourceException;
import io.truecount.connector.auth.ClientCredentialsAuthenticator;
import io.truecount.connector.http.HttpRequest;
import io.truecount.connector.http.ResilientHttp;
import io.truecount.connector.json.Fields;
import io.truecount.connector.push.PushReceipt;
import io.truecount.connector.push.PushRequest;
import io.truecount.connector.push.SinkConnector;
import io.truecount.core.invoice.Invoice;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sales invoices ({@code ACCREC}) in one Xero organisation: {@code PUT /Invoices?unitdp=4} creates, never updates, under
 * an {@code Idempotency-Key} derived from the push's key; {@code GET /Invoices?InvoiceNumbers=} finds what an earlier
 * attempt left, by our invoice number, which Xero keeps unique per organisation.
 */
final class XeroSink implements SinkConnector {

    private static final Logger LOG = LoggerFactory.getLogger(XeroSink.class);

    /** Xero's limit for {@code Idempotency-Key} (xero_accounting.yaml, parameter idempotencyKey). */
    static final int MAX_KEY_LENGTH = 128;

    // Xero allows 60 calls a minute per tenant; without an admin's rate-limit we stay at that pace.
    private static final double DEFAULT_REQUESTS_PER_SECOND = 1.0;

    private final URI baseUrl;
    private final XeroClient client;
    private final XeroInvoiceBody bodies;

    XeroSink(URI baseUrl, XeroClient client, XeroInvoiceBody bodies) {
        this.baseUrl = baseUrl;
        this.client = client;
        this.bodies = bodies;
    }

    static XeroSink create(ConnectorSettings settings, ConnectorRuntime runtime) {
        URI baseUrl = settings.baseUrl() == null ? XeroConnectorType.DEFAULT_BASE_URL : settings.baseUrl();
        URI tokenUrl = settings.authUrl() == null ? XeroConnectorType.DEFAULT_AUTH_URL : settings.authUrl();
        ResilientHttp http = ResilientHttp.create(paced(settings), runtime);
        // A custom connection's token carries the scopes the connection was granted; asking for none takes them all,
        // which keeps working across Xero's 2026 move to granular scopes.
        ClientCredentialsAuthenticator authenticator = new ClientCredentialsAuthenticator(
                http,
                tokenUrl,
                settings.credential(XeroConnectorType.CLIENT_ID).reveal(),
                settings.credential(XeroConnectorType.CLIENT_SECRET),
                null,
                runtime.clock());
        XeroClient client = new XeroClient(
                http,
                authenticator,
                settings.credential(XeroConnectorType.TENANT_ID).reveal().strip());
        return new XeroSink(baseUrl, client, new XeroInvoiceBody(settings.id(), XeroOptions.of(settings)));
    }

    @Override
    public void checkConnection() {
        client.send(HttpRequest.get(under("/Organisation")), "GET /Organisation");
    }

    @Override
    public Optional<PushReceipt> find(PushRequest request) {
        return lookUp(request.invoice().number()).map(XeroSink::receipt);
    }

    @Override
    public PushReceipt push(PushRequest request) {
        Invoice invoice = request.invoice();
        byte[] body = bodies.of(request);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Idempotency-Key", idempotencyKey(request.key()));
        HttpRequest put = new HttpRequest("PUT", under("/Invoices?unitdp=4"), headers, body);
        try {
            JsonNode answer = client.send(put, "PUT /Invoices for " + invoice.number());
            return receipt(created(answer, invoice));
        } catch (XeroRefusedException refused) {
            if (refused.isDuplicateNumber()) {
                return earlierAttempt(request).orElseThrow(() -> refused);
            }
            throw refused;
        }
    }

    /**
     * Xero forgets idempotency keys after a while; a push repeated later is then refused as a duplicate number. When
     * the invoice Xero holds under our number is this one (same contact, date and total), that earlier attempt is
     * the push; an invoice someone else made under our number is a conflict an admin must resolve.
     */
    private Optional<PushReceipt> earlierAttempt(PushRequest request) {
        Invoice invoice = request.invoice();
        return lookUp(invoice.number())
                .filter(held -> request.accountId()
                        .strip()
                        .equalsIgnoreCase(Fields.text(held.path("Contact").path("ContactID"))))
                .filter(held -> MsDate.date(Fields.text(held.path("Date")))
                        .filter(invoice.issueDate()::equals)
                        .isPresent())
                .filter(held -> held.path("Total").isNumber()
                        && held.path("Total").decimalValue().compareTo(invoice.total()) == 0)
                .map(held -> {
                    LOG.info(
                            "connector '{}': Xero already holds invoice {}; taking it as the earlier attempt's",
                            client.connectorId(),
                            invoice.number());
                    return receipt(held);
                });
    }

    /** The sales invoice Xero holds under this number, if any; bills (ACCPAY) of suppliers may share numbers. */
    private Optional<JsonNode> lookUp(String number) {
        URI url = under("/Invoices?InvoiceNumbers=" + URLEncoder.encode(number, StandardCharsets.UTF_8));
        JsonNode answer = client.send(HttpRequest.get(url), "GET /Invoices for " + number);
        for (JsonNode held : answer.path("Invoices")) {
            if ("ACCREC".equals(Fields.text(held.path("Type")))
                    && number.equals(Fields.text(held.path("InvoiceNumber")))) {
                return Optional.of(held);
            }
        }
        return Optional.empty();
    }

    /** The one invoice of a create answer; with summarizeErrors=false Xero answers 200 and flags it instead. */
    private JsonNode created(JsonNode answer, Invoice invoice) {
        JsonNode created = answer.path("Invoices").path(0);
        if (created.path("HasErrors").asBoolean(false)
                || !created.path("ValidationErrors").isEmpty()) {
            String said =
                    created.path("ValidationErrors").findValuesAsText("Message").toString();
            throw SourceException.of(client.connectorId(), "Xero refused invoice " + invoice.number() + ": " + said);
        }
        if (Fields.text(created.path("InvoiceID")) == null) {
            throw SourceException.of(
                    client.connectorId(), "Xero answered the create of " + invoice.number() + " without an InvoiceID");
        }
        return created;
    }

    private static PushReceipt receipt(JsonNode invoice) {
        return new PushReceipt(
                Fields.text(invoice.path("InvoiceID")), Fields.text(invoice.path("InvoiceNumber")), null);
    }

    /**
     * The push's key when it fits Xero's 128 characters; else its start and a SHA-256 of the whole, so that two long
     * keys that share a prefix still differ.
     */
    static String idempotencyKey(String key) {
        if (key.length() <= MAX_KEY_LENGTH) {
            return key;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            String hash = HexFormat.of().formatHex(digest);
            return key.substring(0, MAX_KEY_LENGTH - hash.length() - 1) + "-" + hash;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The path below the base URL, keeping the base's own path ({@code /api.xro/2.0}). */
    private URI under(String pathAndQuery) {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + pathAndQuery);
    }

    /** The settings with Xero's pace when the admin set none. */
    private static ConnectorSettings paced(ConnectorSettings settings) {
        if (settings.requestsPerSecond() != null) {
            return settings;
        }
        return new ConnectorSettings(
                settings.id(),
                settings.type(),
                settings.baseUrl(),
                settings.authUrl(),
                settings.credentials(),
                settings.schedule(),
                settings.staleAfterDays(),
                settings.assetClasses(),
                DEFAULT_REQUESTS_PER_SECOND,
                settings.options(),
                settings.mappedOrganizations());
    }
}
