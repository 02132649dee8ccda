package io.truecount.app.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.truecount.app.audit.AuditLog;
import io.truecount.app.config.ActiveConfig;
import io.truecount.app.config.TruecountConfig;
import io.truecount.app.cycle.RunHistory;
import io.truecount.app.cycle.RunHistory.SyncRun;
import io.truecount.app.schedule.Schedules;
import io.truecount.connector.ConnectorSettings;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Connectors, their sync runs, and an on-demand sync of a source. */
@RestController
@Tag(name = "connectors", description = "Source and sink connectors, their sync runs, syncs on demand")
@RequestMapping("/api/connectors")
class ConnectorsApi {

    private final AuditLog audit;

    /** @param lastRun the latest sync run, whatever its status; null for a sink or a source never synced */
    record Connector(String id, String type, String role, String schedule, Instant nextRun, SyncRun lastRun) {}

    record Accepted(String connector, boolean accepted) {}

    /** The optional body of every write. */
    private final ActiveConfig config;

    private final RunHistory history;
    private final Schedules schedules;

    ConnectorsApi(ActiveConfig config, RunHistory history, Schedules schedules, AuditLog audit) {
        this.audit = audit;
        this.config = config;
        this.history = history;
        this.schedules = schedules;
    }

    @Operation(summary = "List connectors with their last and next run")
    @GetMapping
    List<Connector> list() {
        TruecountConfig running = config.get();
        return running.connectors().values().stream()
                .map(c -> new Connector(
                        c.id(),
                        c.type(),
                        running.roleOf(c.id()),
                        c.schedule(),
                        schedules.nextSync(c.id()).orElse(null),
                        history.lastSyncRun(c.id()).orElse(null)))
                .toList();
    }

    @Operation(summary = "A connector's sync runs, newest first")
    @GetMapping("/{id}/runs")
    List<SyncRun> runs(@PathVariable String id, @RequestParam(defaultValue = "20") int limit) {
        connector(id);
        if (limit < 1 || limit > 1000) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit must be 1 to 1000");
        }
        return history.syncRuns(id, limit);
    }

    /** Runs in the background on whichever instance of the cluster picks it up; never beside a scheduled run. */
    @Operation(summary = "Start a sync of a source connector in the background")
    @PostMapping("/{id}/sync")
    ResponseEntity<Accepted> sync(@PathVariable String id, @RequestBody(required = false) Reason body) {
        connector(id);
        try {
            schedules.triggerSync(id);
            audit.record(Actor.current(), AuditLog.SYNC_TRIGGER, id, Reason.of(body), Map.of());
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        return ResponseEntity.accepted().body(new Accepted(id, true));
    }

    private ConnectorSettings connector(String id) {
        ConnectorSettings settings = config.get().connectors().get(id);
        if (settings == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no connector '" + id + "'");
        }
        return settings;
    }
}
