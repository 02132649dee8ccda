package io.truecount.app.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.truecount.app.reconciliation.ReconciliationReview;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reconciliation items of each period's latest billing run, and acknowledging or dismissing them. */
@RestController
@RequestMapping("/api/reconciliation")
@Tag(name = "reconciliation", description = "Discrepancies found by billing runs and the decisions taken on them")
class ReconciliationApi {

    private final ReconciliationReview review;

    ReconciliationApi(ReconciliationReview review) {
        this.review = review;
    }

    @GetMapping
    @Operation(summary = "List the items of each period's latest billing run, optionally by period, customer, state")
    List<ReconciliationReview.Item> list(
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String customer,
            @RequestParam(required = false) String state) {
        return review.list(Params.period(period), blankToNull(customer), blankToNull(state));
    }

    @PostMapping("/{id}/acknowledge")
    @Operation(summary = "Acknowledge an item: seen, and it stays acknowledged when the cycle runs again")
    ReconciliationReview.Item acknowledge(@PathVariable String id, @RequestBody(required = false) Reason body) {
        return review.acknowledge(id, Actor.current(), Reason.of(body));
    }

    @PostMapping("/{id}/dismiss")
    @Operation(summary = "Dismiss an item (reason required): it stays dismissed when the cycle runs again")
    ReconciliationReview.Item dismiss(@PathVariable String id, @RequestBody(required = false) Reason body) {
        return review.dismiss(id, Actor.current(), Reason.required(body, "dismiss a reconciliation item"));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
