package io.truecount.app.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.truecount.app.audit.AuditLog;
import io.truecount.app.cycle.RunHistory;
import io.truecount.app.cycle.RunHistory.BillingRun;
import io.truecount.app.schedule.Schedules;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Billing runs, and a billing cycle on demand (approval stays a separate step). */
@RestController
@Tag(name = "cycles", description = "Billing runs and cycles on demand")
@RequestMapping("/api/cycles")
class CyclesApi {

    record CycleRequest(String period, String reason) {}

    record Accepted(String period, boolean accepted) {}

    private final RunHistory history;
    private final Schedules schedules;
    private final AuditLog audit;

    CyclesApi(RunHistory history, Schedules schedules, AuditLog audit) {
        this.history = history;
        this.schedules = schedules;
        this.audit = audit;
    }

    @Operation(summary = "List billing runs, newest first")
    @GetMapping
    List<BillingRun> list(@RequestParam(defaultValue = "12") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit must be 1 to 1000");
        }
        return history.billingRuns(limit);
    }

    /** Runs in the background on whichever instance picks it up, never beside another cycle. */
    @Operation(summary = "Start the billing cycle of a period in the background")
    @PostMapping
    ResponseEntity<Accepted> run(@RequestBody(required = false) CycleRequest body) {
        if (body == null || body.period() == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "'period' is required, e.g. \"2026-10\"");
        }
        YearMonth period;
        try {
            period = YearMonth.parse(body.period().strip());
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, "'period' must be a month like \"2026-10\": '" + body.period() + "'");
        }
        String actor = Actor.current();
        schedules.triggerCycle(period, actor);
        audit.record(actor, AuditLog.CYCLE_TRIGGER, period.toString(), body.reason(), Map.of());
        return ResponseEntity.accepted().body(new Accepted(period.toString(), true));
    }
}
