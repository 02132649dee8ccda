package io.truecount.connector.quickbooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.connector.ConnectorRuntime;
import io.truecount.connector.ConnectorSettings;
import io.truecount.connector.SourceException;
import io.truecount.connector.http.HttpRequest;
import io.truecount.connector.http.HttpResponse;
import io.truecount.connector.http.ResilientHttp;
import io.truecount.connector.json.Fields;
import io.truecount.connector.json.Json;
import io.truecount.connector.push.PushReceipt;
import io.truecount.connector.push.PushRequest;
import io.truecount.connector.push.SinkConnector;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes approved invoices to one QuickBooks Online company (Accounting API v3). A push is one
 * {@code POST /invoice} whose {@code requestid} comes from the push key, so a repeated attempt gets QuickBooks' first
 * answer; {@link #find} reads the invoice back by its {@code DocNumber}, which is our invoice number.
 */
final class QuickBooksSink implements SinkConnector {

    /** Intuit ignores older minor versions since 2025-08 (vendor-apis.md §4.1); saying so keeps answers stable. */
    static final String MINOR_VERSION = "75";

    /** Client-side pacing when the admin sets no rate-limit: under Intuit's 500 requests a minute per company. */
    static final double DEFAULT_REQUESTS_PER_SECOND = 8;

    private static final Logger LOG = LoggerFactory.getLogger(QuickBooksSink.class);

    private final String connectorId;
    private final String companyUrl;
    private final String realmPath;
    private final String itemId;
    private final String appHost;
    private final QuickBooksApi api;

    QuickBooksSink(String connectorId, URI baseUrl, String realmId, String itemId, QuickBooksApi api) {
        this.connectorId = connectorId;
        this.companyUrl = stripSlash(baseUrl.toString()) + "/v3/company/" + encode(realmId);
        this.realmPath = encode(realmId);
        this.itemId = itemId;
        this.appHost = appHost(baseUrl);
        this.api = api;
    }

    static QuickBooksSink create(ConnectorSettings settings, ConnectorRuntime runtime) {
        ConnectorSettings paced = settings.requestsPerSecond() != null ? settings : withPacing(settings);
        ResilientHttp http = ResilientHttp.create(paced, runtime);
        RefreshTokenAuthenticator authenticator = new RefreshTokenAuthenticator(
                http,
                settings.authUrl() != null ? settings.authUrl() : QuickBooksConnectorType.DEFAULT_AUTH_URL,
                settings.credential(QuickBooksConnectorType.CLIENT_ID).reveal(),
                settings.credential(QuickBooksConnectorType.CLIENT_SECRET),
                settings.credential(QuickBooksConnectorType.REFRESH_TOKEN),
                runtime.vault(),
                runtime.clock());
        String itemId = settings.options()
                .getOrDefault(QuickBooksConnectorType.ITEM_ID, QuickBooksConnectorType.DEFAULT_ITEM_ID)
                .strip();
        return new QuickBooksSink(
                settings.id(),
                settings.baseUrl() != null ? settings.baseUrl() : QuickBooksConnectorType.DEFAULT_BASE_URL,
                settings.credential(QuickBooksConnectorType.REALM_ID).reveal().strip(),
                itemId,
                new QuickBooksApi(http, authenticator));
    }

    @Override
    public void checkConnection() {
        api.send(HttpRequest.get(url("/companyinfo/" + realmPath, Map.of())), "reading the company info");
    }

    @Override
    public Optional<PushReceipt> find(PushRequest request) {
        String number = request.invoice().number();
        // QuickBooks' query language escapes a quote inside a string with a backslash.
        String query = "select * from Invoice where DocNumber = '"
                + number.replace("\\", "\\\\").replace("'", "\\'") + "'";
        HttpResponse response =
                api.send(HttpRequest.get(url("/query", Map.of("query", query))), "looking up invoice " + number);
        JsonNode invoices =
                parse(response, "the invoice query").path("QueryResponse").path("Invoice");
        for (JsonNode invoice : invoices) {
            if (number.equals(Fields.text(invoice.path("DocNumber")))) {
                return Optional.of(receipt(invoice, "invoice " + number));
            }
        }
        return Optional.empty();
    }

    @Override
    public PushReceipt push(PushRequest request) {
        String number = request.invoice().number();
        byte[] body = InvoiceBody.of(request, itemId, connectorId);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        headers.put("Content-Type", "application/json");
        HttpRequest create = new HttpRequest(
                "POST", url("/invoice", Map.of("requestid", RequestId.of(request.key()))), headers, body);
        HttpResponse response = api.send(create, "creating invoice " + number);
        JsonNode invoice = parse(response, "the created invoice " + number).path("Invoice");
        PushReceipt receipt = receipt(invoice, "the created invoice " + number);
        BigDecimal total = invoice.path("TotalAmt").decimalValue();
        if (!invoice.path("TotalAmt").isNumber()
                || total.compareTo(request.invoice().total()) != 0) {
            // The invoice exists now; failing the push would not undo it, so say loudly what differs instead.
            LOG.warn(
                    "connector '{}': QuickBooks invoice {} (Id {}) totals {} but Truecount's total is {}; check the"
                            + " company's sales tax settings",
                    connectorId,
                    number,
                    receipt.externalId(),
                    invoice.path("TotalAmt").asText(),
                    request.invoice().total().toPlainString());
        }
        return receipt;
    }

    private PushReceipt receipt(JsonNode invoice, String what) {
        String id = Fields.text(invoice.path("Id"));
        if (id == null) {
            throw SourceException.of(connectorId, "QuickBooks answered " + what + " without an Id");
        }
        String link = appHost == null ? null : appHost + "/app/invoice?txnId=" + encode(id);
        return new PushReceipt(id, Fields.text(invoice.path("DocNumber")), link);
    }

    private JsonNode parse(HttpResponse response, String what) {
        try {
            return Json.parse(response.body());
        } catch (IOException e) {
            // Without Accept: application/json QuickBooks answers XML; a gateway may answer HTML.
            throw SourceException.of(connectorId, "QuickBooks answered " + what + " with a body that is not JSON");
        }
    }

    /** The company URL with the path, {@code minorversion} and the given query parameters, encoded. */
    private URI url(String path, Map<String, String> query) {
        StringBuilder url = new StringBuilder(companyUrl).append(path).append("?minorversion=" + MINOR_VERSION);
        query.forEach(
                (key, value) -> url.append('&').append(encode(key)).append('=').append(encode(value)));
        return URI.create(url.toString());
    }

    /** Where a person opens an invoice of this company: QuickBooks' web app, for Intuit's own API hosts only. */
    private static String appHost(URI baseUrl) {
        String host = baseUrl.getHost() == null ? "" : baseUrl.getHost();
        return switch (host) {
            case "quickbooks.api.intuit.com" -> "https://app.qbo.intuit.com";
            case "sandbox-quickbooks.api.intuit.com" -> "https://app.sandbox.qbo.intuit.com";
            default -> null;
        };
    }

    private static ConnectorSettings withPacing(ConnectorSettings s) {
        return new ConnectorSettings(
                s.id(),
                s.type(),
                s.baseUrl(),
                s.authUrl(),
                s.credentials(),
                s.schedule(),
                s.staleAfterDays(),
                s.assetClasses(),
                DEFAULT_REQUESTS_PER_SECOND,
                s.options(),
                s.mappedOrganizations());
    }

    /** Percent-encoding for a path segment or query value; Intuit's examples write a space as %20, not '+'. */
    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
