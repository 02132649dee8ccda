package io.truecount.app.api;

import io.truecount.app.config.ConfigReloader;
import io.truecount.app.config.ReloadOutcome;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Re-reads the configuration file the server started with; an invalid one is refused and the running one stays. */
@RestController
class ConfigApi {

    /** Until the security helper's {@code Actor.current()} is wired in. */
    static final String ACTOR = "system";

    static final String PATH = "/api/config/reload";

    record Reason(String reason) {}

    record Reloaded(String outcome, List<String> changes) {}

    private final ConfigReloader reloader;

    ConfigApi(ConfigReloader reloader) {
        this.reloader = reloader;
    }

    @PostMapping(PATH)
    ResponseEntity<?> reload(@RequestBody(required = false) Reason body) {
        ReloadOutcome outcome = reloader.reload(ACTOR);
        if (outcome instanceof ReloadOutcome.Rejected rejected) {
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
