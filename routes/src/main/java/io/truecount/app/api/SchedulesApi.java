package io.truecount.app.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.truecount.app.schedule.Schedules;
import io.truecount.app.schedule.Schedules.Schedule;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The cluster's jobs: what runs when, and how each last went. */
@RestController
@Tag(name = "schedules", description = "The cluster's scheduled jobs")
class SchedulesApi {

    private final Schedules schedules;

    SchedulesApi(Schedules schedules) {
        this.schedules = schedules;
    }

    @Operation(summary = "List scheduled jobs with their next and last runs")
    @GetMapping("/api/schedules")
    List<Schedule> list() {
        return schedules.all();
    }
}
