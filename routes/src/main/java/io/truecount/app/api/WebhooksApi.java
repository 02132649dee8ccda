package io.truecount.app.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.truecount.app.webhook.InboxReview;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The webhook inbox: received events (never their bodies), dead letters, and replaying one. */
@RestController
@RequestMapping("/api/webhooks")
@Tag(name = "webhooks", description = "Received webhook events and dead letters")
class WebhooksApi {

    private final InboxReview inbox;

    WebhooksApi(InboxReview inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/events")
    @Operation(
            summary = "List webhook events, newest first, optionally by state (RECEIVED, PROCESSED, DEAD) and"
                    + " connector")
    List<InboxReview.Event> events(
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String connector,
            @RequestParam(defaultValue = "50") int limit) {
        return inbox.list(state, connector, Params.limit(limit));
    }

    @GetMapping("/dead")
    @Operation(summary = "List dead letters: events that failed every attempt")
    List<InboxReview.Event> dead(@RequestParam(defaultValue = "50") int limit) {
        return inbox.list("DEAD", null, Params.limit(limit));
    }

    @PostMapping("/events/{id}/replay")
    @Operation(summary = "Process a dead letter (or a processed event) again now; returns the event afterwards")
    InboxReview.Event replay(@PathVariable long id, @RequestBody(required = false) Reason body) {
        return inbox.replay(id, Actor.current(), Reason.of(body));
    }
}
