package io.truecount.connector.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.connector.ConnectorRuntime;
import io.truecount.connector.ConnectorSettings;
import io.truecount.connector.SourceException;
import io.truecount.connector.http.ResilientHttp;
import io.truecount.connector.json.Fields;
import io.truecount.connector.push.PushReceipt;
import io.truecount.connector.push.PushRequest;
import io.truecount.connector.push.SinkConnector;
import io.truecount.connector.stripe.StripeConnectorType.Collection;
import io.truecount.core.invoice.Invoice;
import io.truecount.core.money.Money;
import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Pushes an invoice to Stripe in the steps Stripe invoicing takes: a draft invoice, one invoice item per line (and one
 * for our tax), then finalize. Each step is idempotent and the push converges: it first reads back what an earlier
 * attempt left (our invoice number in {@code metadata[truecount_invoice]}, each item's line in
 * {@code metadata[truecount_line]}) and only does what is missing. The list endpoint is read, not the Search API,
 * which lags behind writes (docs.stripe.com/search#data-freshness).
 */
final class StripeSink implements SinkConnector {

    static final String TAX_TAG = "tax";
    private static final int PAGE_SIZE = 100;

    private final StripeApi api;
    private final Collection collection;

    StripeSink(StripeApi api, Collection collection) {
        this.api = api;
        this.collection = collection;
    }

    static StripeSink create(ConnectorSettings settings, ConnectorRuntime runtime, URI defaultBaseUrl) {
        URI baseUrl = settings.baseUrl() == null ? defaultBaseUrl : settings.baseUrl();
        StripeApi api = new StripeApi(
                settings.id(),
                baseUrl,
                ResilientHttp.create(settings, runtime),
                settings.credential(StripeConnectorType.API_KEY));
        Collection collection =
                Collection.parse(settings.options().getOrDefault(StripeConnectorType.COLLECTION, "send-invoice"));
        return new StripeSink(api, collection == null ? Collection.SEND_INVOICE : collection);
    }

    @Override
    public void checkConnection() {
        api.get("/v1/balance", new Form());
    }

    @Override
    public Optional<PushReceipt> find(PushRequest request) {
        return existing(request).filter(invoice -> !invoice.isDraft()).map(RemoteInvoice::receipt);
    }

    @Override
    public PushReceipt push(PushRequest request) {
        StripeItems items;
        try {
            items = StripeItems.of(request.invoice());
        } catch (IllegalArgumentException | ArithmeticException inconsistent) {
            throw SourceException.of(api.connectorId(), inconsistent.getMessage());
        }
        RemoteInvoice invoice = existing(request).orElseGet(() -> create(request));
        if (invoice.isDraft()) {
            Set<String> present = allLineTags(invoice);
            for (StripeItems.Item item : items.items()) {
                if (!present.contains(item.tag())) {
                    addItem(request, invoice.id(), item);
                }
            }
            invoice = RemoteInvoice.of(
                    api.post("/v1/invoices/" + invoice.id() + "/finalize", new Form(), key(request, ":finalize")));
        }
        if (invoice.total() != items.totalMinor()) {
            throw SourceException.of(
                    api.connectorId(),
                    "Stripe invoice " + invoice.id() + " for "
                            + request.invoice().number() + " totals "
                            + invoice.total() + " minor units, ours " + items.totalMinor()
                            + "; it was changed at Stripe or by hand, so check it there");
        }
        return invoice.receipt();
    }

    /** Our invoice at Stripe, found by its number in the customer's invoice list; empty when none was created. */
    private Optional<RemoteInvoice> existing(PushRequest request) {
        String customer = customerOf(request);
        String number = request.invoice().number();
        Form query = new Form().add("customer", customer).add("limit", PAGE_SIZE);
        RemoteInvoice draft = null;
        while (true) {
            JsonNode page = api.get("/v1/invoices", query);
            String last = null;
            for (JsonNode invoice : page.path("data")) {
                last = Fields.text(invoice.path("id"));
                if (number.equals(
                        Fields.text(invoice.path("metadata").path(StripeEventInterpreter.INVOICE_METADATA)))) {
                    RemoteInvoice found = RemoteInvoice.of(invoice);
                    if (!found.isDraft()) {
                        return Optional.of(found);
                    }
                    draft = draft == null ? found : draft;
                }
            }
            if (!page.path("has_more").asBoolean(false) || last == null) {
                return Optional.ofNullable(draft);
            }
            query = new Form().add("customer", customer).add("limit", PAGE_SIZE).add("starting_after", last);
        }
    }

    /** The line tags of every line, paging {@code /v1/invoices/{id}/lines} when the embedded list was cut short. */
    private Set<String> allLineTags(RemoteInvoice invoice) {
        if (!invoice.moreLines()) {
            return invoice.lineTags();
        }
        Set<String> tags = new HashSet<>();
        Form query = new Form().add("limit", PAGE_SIZE);
        while (true) {
            JsonNode page = api.get("/v1/invoices/" + invoice.id() + "/lines", query);
            RemoteInvoice.addTags(page.path("data"), tags);
            String last = null;
            for (JsonNode line : page.path("data")) {
                last = Fields.text(line.path("id"));
            }
            if (!page.path("has_more").asBoolean(false) || last == null) {
                return tags;
            }
            query = new Form().add("limit", PAGE_SIZE).add("starting_after", last);
        }
    }

    private RemoteInvoice create(PushRequest request) {
        Invoice invoice = request.invoice();
        Form form = new Form()
                .add("customer", customerOf(request))
                .add("currency", currency(invoice))
                .add("collection_method", collection.stripeName());
        if (collection == Collection.SEND_INVOICE) {
            // Relative to the issue date, not today: a retry on another day must send the same parameters.
            long days = Math.max(0, ChronoUnit.DAYS.between(invoice.issueDate(), invoice.dueDate()));
            form.add("days_until_due", days);
        }
        form.add("auto_advance", "false")
                .add("pending_invoice_items_behavior", "exclude")
                .add(
                        "description",
                        "Invoice " + invoice.number() + ", service " + invoice.periodStart() + " to "
                                + invoice.periodEnd())
                .metadata(StripeEventInterpreter.INVOICE_METADATA, invoice.number())
                .metadata("truecount_customer", invoice.customerId());
        return RemoteInvoice.of(api.post("/v1/invoices", form, key(request, ":invoice")));
    }

    private void addItem(PushRequest request, String invoiceId, StripeItems.Item item) {
        Form form = new Form()
                .add("customer", customerOf(request))
                .add("invoice", invoiceId)
                .add("currency", currency(request.invoice()))
                .add("description", item.pricing().description())
                .add("quantity", item.pricing().quantity())
                .add("unit_amount_decimal", item.pricing().unitAmountDecimal())
                .metadata(RemoteInvoice.LINE_METADATA, item.tag())
                .metadata(
                        StripeEventInterpreter.INVOICE_METADATA,
                        request.invoice().number());
        api.post("/v1/invoiceitems", form, key(request, ":item:" + item.tag()));
    }

    private String customerOf(PushRequest request) {
        String account = request.accountId();
        if (account == null || !account.strip().startsWith("cus_")) {
            throw SourceException.of(
                    api.connectorId(),
                    "customer " + request.customer().id() + " needs its Stripe customer id (cus_...) under accounting."
                            + api.connectorId() + (account == null ? "" : ", not '" + account + "'"));
        }
        return account.strip();
    }

    private static String currency(Invoice invoice) {
        return invoice.currency().getCurrencyCode().toLowerCase(Locale.ROOT);
    }

    /** The push key plus a step suffix, cut to Stripe's limit from the front so the step stays distinct. */
    static String key(PushRequest request, String step) {
        String key = request.key() + step;
        return key.length() <= StripeApi.MAX_KEY_LENGTH ? key : key.substring(key.length() - StripeApi.MAX_KEY_LENGTH);
    }

    static int scale(Invoice invoice) {
        return Money.scale(invoice.currency());
    }
}
