package io.truecount.app.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.truecount.app.dashboard.Dashboard;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The console's dashboard in one request. */
@RestController
@Tag(name = "dashboard")
class DashboardApi {

    private final Dashboard dashboard;

    DashboardApi(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/api/dashboard")
    @Operation(
            summary = "Connector health, this month's totals and change against last month, and what waits for"
                    + " review")
    Dashboard.Summary dashboard() {
        return dashboard.summary();
    }
}
