package io.truecount.sim.quickbooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Request;
import io.truecount.sim.vendor.Faults;
import io.truecount.sim.vendor.IdempotencyKeys;
import io.truecount.sim.vendor.Mode;
import io.truecount.sim.vendor.Reply;
import io.truecount.sim.vendor.VendorApi;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * QuickBooks Online's answers. Faults: a 429 refuses a request before anything happens; a 5xx is answered to an
 * invoice create <em>after</em> it was applied (the answer is lost on the way back, the case {@code requestid} exists
 * for), and to a read instead of it.
 */
final class QuickBooksApi extends VendorApi {

    static final String NAME = "truecount-quickbooks-api";

    // The one query shape a push's lookup sends; QuickBooks escapes a quote in a string with a backslash.
    private static final Pattern DOC_NUMBER_QUERY = Pattern.compile(
            "(?i)\\s*select\\s+\\*\\s+from\\s+Invoice\\s+where\\s+DocNumber\\s*=\\s*'((?:[^'\\\\]|\\\\.)*)'\\s*");

    private final Settings settings;
    private final Tokens tokens;
    private final Books books;
    private final IdempotencyKeys requestIds;
    private final Faults faults;
    private final List<ServedRequest> log;

    QuickBooksApi(
            Settings settings,
            Tokens tokens,
            Books books,
            IdempotencyKeys requestIds,
            Faults faults,
            List<ServedRequest> log) {
        super(NAME, settings.clock(), faults, settings.slowDelay());
        this.settings = settings;
        this.tokens = tokens;
        this.books = books;
        this.requestIds = requestIds;
        this.faults = faults;
        this.log = log;
    }

    @Override
    protected Reply answer(Request request, String path, String query, Instant arrived) {
        Endpoint endpoint = Endpoint.ofPath(path);
        Reply reply = endpoint == Endpoint.TOKEN ? token(request) : company(endpoint, path, request, arrived);
        log.add(new ServedRequest(
                endpoint,
                request.getMethod().getName(),
                path,
                arrived,
                reply.status(),
                query,
                parameter(request, "requestid")));
        return reply;
    }

    /** {@code POST /oauth2/v1/tokens/bearer}: refresh-token grant with Basic client credentials. */
    private Reply token(Request request) {
        String basic = "Basic "
                + Base64.getEncoder()
                        .encodeToString(
                                (settings.clientId() + ":" + settings.clientSecret()).getBytes(StandardCharsets.UTF_8));
        if (!basic.equals(request.getHeader("Authorization"))) {
            return oauthError(401, "invalid_client");
        }
        Map<String, String> form = form(request.getBodyAsString());
        if (!"refresh_token".equals(form.get("grant_type"))) {
            return oauthError(400, "unsupported_grant_type");
        }
        Tokens.Issued issued = tokens.refresh(form.get("refresh_token"));
        if (issued == null) {
            return oauthError(400, "invalid_grant");
        }
        ObjectNode body = QuickBooksJson.object();
        body.put("token_type", "bearer");
        body.put("access_token", issued.accessToken());
        body.put("expires_in", settings.tokenLifetime().toSeconds());
        body.put("refresh_token", issued.refreshToken());
        // Intuit's refresh tokens last 100 days from their last use.
        body.put("x_refresh_token_expires_in", 8_640_000);
        return Reply.of(200, "application/json;charset=UTF-8", QuickBooksJson.write(body));
    }

    private static Reply oauthError(int status, String error) {
        return Reply.of(status, "application/json;charset=UTF-8", "{\"error\":\"" + error + "\"}");
    }

    private Reply company(Endpoint endpoint, String path, Request request, Instant at) {
        Integer useLimit = faults.mode() == Mode.TOKEN_EXPIRY ? settings.tokenRequestLimit() : null;
        if (!tokens.authorize(request.getHeader("Authorization"), useLimit)) {
            return QuickBooksJson.unauthorized(at);
        }
        for (String realm : Endpoint.realmsOf(path)) {
            if (!realm.equals(settings.realmId())) {
                return QuickBooksJson.fault(
                        403,
                        "AUTHORIZATION",
                        "message=ApplicationAuthorizationFailed; errorCode=003100; statusCode=403",
                        "The app is not connected to company " + realm,
                        "3100",
                        at);
            }
        }
        Reply failure = faults.nextDataRequest();
        if (failure != null && failure.status() == 429) {
            return failure;
        }
        Reply reply;
        if (endpoint == Endpoint.INVOICE) {
            // A 5xx after the write: QuickBooks has the invoice, the client never hears of it.
            reply = createInvoice(request, path, at);
        } else if (failure != null) {
            return failure;
        } else {
            reply = endpoint == Endpoint.QUERY ? query(request, at) : companyInfo(at);
        }
        if (failure != null) {
            return failure;
        }
        if (faults.mode() == Mode.MALFORMED_PAGE && endpoint == Endpoint.QUERY) {
            return reply.cutOff();
        }
        return acceptsJson(request) ? reply : asXml(reply);
    }

    private Reply createInvoice(Request request, String path, Instant at) {
        if (!"POST".equals(request.getMethod().getName())) {
            return Books.validation(
                    "Unsupported Operation", "Operation " + request.getMethod() + " is not supported", "500", at);
        }
        String requestId = parameter(request, "requestid");
        String body = request.getBodyAsString();
        return requestIds.answer(
                requestId,
                path + "\n" + body,
                () -> books.create(body, requestId, at),
                // Our model of a reused requestid: Intuit documents only "do not reuse it with a different body".
                id -> Books.validation(
                        "Duplicate request id",
                        "requestid " + id + " was already used with a different request",
                        "6000",
                        at),
                first -> first);
    }

    private Reply query(Request request, Instant at) {
        String text = parameter(request, "query");
        Matcher matcher = DOC_NUMBER_QUERY.matcher(text == null ? "" : text);
        if (!matcher.matches()) {
            return QuickBooksJson.fault(
                    400,
                    "ValidationFault",
                    "Error parsing query",
                    "QueryParserError: only \"select * from Invoice where DocNumber = '...'\" is simulated",
                    "4000",
                    at);
        }
        String docNumber = matcher.group(1).replaceAll("\\\\(.)", "$1");
        return QuickBooksJson.reply(200, QuickBooksJson.queryResponse(books.byDocNumber(docNumber)), at);
    }

    private Reply companyInfo(Instant at) {
        ObjectNode root = QuickBooksJson.object();
        ObjectNode info = root.putObject("CompanyInfo");
        info.put("Id", "1");
        info.put("SyncToken", "0");
        info.put("CompanyName", settings.companyName());
        info.put("Country", "US");
        return QuickBooksJson.reply(200, root, at);
    }

    /** Without {@code Accept: application/json} QuickBooks answers in XML (vendor-apis.md §4.1). */
    private static boolean acceptsJson(Request request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("application/json");
    }

    private static Reply asXml(Reply reply) {
        return Reply.of(
                reply.status(),
                "application/xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                        + "<IntuitResponse xmlns=\"http://schema.intuit.com/finance/v3\"/>");
    }
}
