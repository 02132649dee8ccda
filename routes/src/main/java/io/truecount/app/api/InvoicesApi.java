package io.truecount.app.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.truecount.app.invoice.InvoiceListing;
import io.truecount.app.invoice.InvoiceReview;
import io.truecount.app.push.InvoicePushes;
import io.truecount.core.invoice.InvoiceStatus;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Invoices: list, detail with traceability, and a person's decisions (each audited with actor and reason). */
@RestController
@RequestMapping("/api/invoices")
@Tag(name = "invoices", description = "Review, approve, hold, void and push invoices")
class InvoicesApi {

    /** The reasons recorded in an invoice's history when the person gave none (the history requires one). */
    static final String APPROVED = "approved via the API";

    static final String RELEASED = "released via the API";

    record Bulk(List<String> numbers, String reason) {}

    record BulkResult(List<InvoiceReview.Outcome> results) {}

    private final InvoiceListing listing;
    private final InvoiceReview review;
    private final InvoicePushes pushes;
    private final InvoiceViews views;

    InvoicesApi(InvoiceListing listing, InvoiceReview review, InvoicePushes pushes, InvoiceViews views) {
        this.listing = listing;
        this.review = review;
        this.pushes = pushes;
        this.views = views;
    }

    @GetMapping
    @Operation(summary = "List invoices, newest period first, optionally of one period, status or customer")
    List<InvoiceViews.Summary> list(
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String customer,
            @RequestParam(defaultValue = "500") int limit) {
        return listing.list(Params.period(period), status, customer, Params.limit(limit)).stream()
                .map(views::summary)
                .toList();
    }

    @GetMapping("/{number}")
    @Operation(summary = "One invoice: lines with the records they were counted from, history, pushes, payments")
    InvoiceViews.Detail detail(@PathVariable String number) {
        return views.detail(review.find(number));
    }

    @PostMapping("/{number}/approve")
    @Operation(summary = "Approve a DRAFT or HELD invoice; its pushes to the accounting connectors are queued")
    InvoiceViews.Detail approve(@PathVariable String number, @RequestBody(required = false) Reason body) {
        String reason = Reason.of(body);
        return views.detail(
                review.transition(number, InvoiceStatus.APPROVED, Actor.current(), reason == null ? APPROVED : reason));
    }

    @PostMapping("/{number}/hold")
    @Operation(summary = "Hold a DRAFT invoice (reason required): re-runs rebuild it but leave it HELD")
    InvoiceViews.Detail hold(@PathVariable String number, @RequestBody(required = false) Reason body) {
        String reason = Reason.required(body, "hold an invoice");
        return views.detail(review.transition(number, InvoiceStatus.HELD, Actor.current(), reason));
    }

    @PostMapping("/{number}/release")
    @Operation(summary = "Release a HELD invoice back to DRAFT")
    InvoiceViews.Detail release(@PathVariable String number, @RequestBody(required = false) Reason body) {
        String reason = Reason.of(body);
        return views.detail(
                review.transition(number, InvoiceStatus.DRAFT, Actor.current(), reason == null ? RELEASED : reason));
    }

    @PostMapping("/{number}/void")
    @Operation(summary = "Void a DRAFT, HELD or APPROVED invoice (reason required); its number is never reused")
    InvoiceViews.Detail voidInvoice(@PathVariable String number, @RequestBody(required = false) Reason body) {
        String reason = Reason.required(body, "void an invoice");
        return views.detail(review.transition(number, InvoiceStatus.VOID, Actor.current(), reason));
    }

    @PostMapping("/{number}/push")
    @Operation(summary = "Deliver an approved invoice's pushes now, retrying FAILED ones; returns its pushes")
    List<InvoiceViews.Push> push(@PathVariable String number, @RequestBody(required = false) Reason body) {
        return pushes.push(number, Actor.current(), Reason.of(body)).stream()
                .map(InvoiceViews::push)
                .toList();
    }

    @PostMapping("/approve")
    @Operation(summary = "Approve several invoices, each on its own: one refusal does not stop the others")
    BulkResult approveAll(@RequestBody Bulk body) {
        String reason = Reason.of(new Reason(body.reason()));
        return new BulkResult(review.transitionAll(
                numbers(body), InvoiceStatus.APPROVED, Actor.current(), reason == null ? APPROVED : reason));
    }

    @PostMapping("/hold")
    @Operation(summary = "Hold several invoices (reason required), each on its own")
    BulkResult holdAll(@RequestBody Bulk body) {
        String reason = Reason.required(new Reason(body.reason()), "hold invoices");
        return new BulkResult(review.transitionAll(numbers(body), InvoiceStatus.HELD, Actor.current(), reason));
    }

    private static List<String> numbers(Bulk body) {
        if (body.numbers() == null || body.numbers().isEmpty()) {
            throw new IllegalArgumentException("numbers must list at least one invoice number");
        }
        return body.numbers();
    }
}
