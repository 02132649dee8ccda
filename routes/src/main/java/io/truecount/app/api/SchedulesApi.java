package io.truecount.app.api;

import io.truecount.app.schedule.Schedules;
import io.truecount.app.schedule.Schedules.Schedule;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The cluster's jobs: what runs when, and how each last went. */
@RestController
class SchedulesApi {

    private final Schedules schedules;

    SchedulesApi(Schedules schedules) {
        this.schedules = schedules;
    }

    @GetMapping("/api/schedules")
    List<Schedule> list() {
        return schedules.all();
    }
}
