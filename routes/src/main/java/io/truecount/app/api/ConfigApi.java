package io.truecount.app.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.truecount.app.audit.AuditLog;
import io.truecount.app.config.ConfigReloader;
import io.truecount.app.config.ReloadOutcome;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Re-reads the configuration file the server started with; an invalid one is refused and the running one stays. */
@RestController
@Tag(name = "configuration", description = "Reload the admin's YAML")
class ConfigApi {

    static final String PATH = "/api/config/reload";

    record Reloaded(String outcome, List<String> changes) {}

    private final ConfigReloader reloader;
    private final AuditLog audit;

    ConfigApi(ConfigReloader reloader, AuditLog audit) {
        this.reloader = reloader;
        this.audit = audit;
    }

    @Operation(summary = "Reload the configuration file; an invalid one is refused")
    @PostMapping(PATH)
    ResponseEntity<?> reload(@RequestBody(required = false) Reason body) {
        String actor = Actor.current();
        ReloadOutcome outcome = reloader.reload(actor, Reason.of(body));
        if (outcome instanceof ReloadOutcome.Rejected rejected) {
            // An applied reload is audited by the ConfigReplaced listener; a refused one only here.
            audit.record(
                    actor,
                    AuditLog.CONFIG_RELOAD,
                    "configuration",
                    Reason.of(body),
                    Map.of("outcome", "rejected", "errors", rejected.errors().size()));
            return rejected(rejected);
        }
        return ResponseEntity.ok(
                outcome instanceof ReloadOutcome.Applied applied
                        ? new Reloaded("applied", applied.changes())
                        : new Reloaded("unchanged", List.of()));
    }

    /** 422 with every error as {@code {file, line, column, message}}, the way {@code truecount validate} lists them. */
    private static ResponseEntity<ProblemDetail> rejected(ReloadOutcome.Rejected rejected) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_ENTITY,
                rejected.errors().size() + " error(s) in the configuration; the running configuration stays");
        problem.setTitle("Invalid configuration");
        problem.setInstance(URI.create(PATH));
        problem.setProperty("errors", rejected.errors());
        return ResponseEntity.unprocessableEntity()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
