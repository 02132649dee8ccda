package io.truecount.app.api;

import static org.hamcrest.Matchers.hasSize;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.truecount.app.audit.AuditLog;
import io.truecount.app.config.ActiveConfig;
import io.truecount.app.config.ConfigError;
import io.truecount.app.config.ConfigReloader;
import io.truecount.app.config.ReloadOutcome;
import io.truecount.app.config.TruecountConfig;
import io.truecount.app.cycle.RunHistory;
import io.truecount.app.cycle.RunHistory.SyncRun;
import io.truecount.app.schedule.Schedules;
import io.truecount.connector.ConnectorSettings;
import io.truecount.connector.Secret;
import io.truecount.core.contract.Address;
import io.truecount.core.contract.Company;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The scheduling part of the REST API: connectors and their runs, schedules, cycles and config reload. */
@WebMvcTest(controllers = {ConnectorsApi.class, SchedulesApi.class, CyclesApi.class, ConfigApi.class})
@AutoConfigureMockMvc(addFilters = false) // security is wired and tested by the security module
class SchedulingApiTest {

    private static final Instant AT = Instant.parse("2026-11-01T07:00:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Schedules schedules;

    @MockitoBean
    RunHistory history;

    @MockitoBean
    AuditLog audit;

    @MockitoBean
    ConfigReloader reloader;

    @TestConfiguration
    static class Config {
        @Bean
        ActiveConfig activeConfig() {
            ConnectorSettings ninja = new ConnectorSettings(
                    "ninja",
                    "ninjaone",
                    URI.create("http://localhost:1"),
                    null,
                    Map.of("client-id", new Secret("id", "literal"), "client-secret", new Secret("s3cret", "env X")),
                    "0 0 2 * * ?",
                    30,
                    Map.of(),
                    null,
                    Map.of());
            Company company = new Company(
                    "Zylker",
                    Currency.getInstance("USD"),
                    ZoneId.of("America/New_York"),
                    "ZY-",
                    new Address("1 Main St", null, "Springfield", "12345", null, "US"),
                    "US123",
                    30);
            return ActiveConfig.of(new TruecountConfig(
                    Path.of("truecount.yaml"), company, Map.of("ninja", ninja), Map.of(), List.of()));
        }
    }

    @Test
    void connectors_showScheduleNextAndLastRun_butNoSecret() throws Exception {
        when(schedules.nextSync("ninja")).thenReturn(java.util.Optional.of(AT));
        when(history.lastSyncRun("ninja"))
                .thenReturn(Optional.of(new SyncRun(7, "ninja", "SUCCEEDED", AT, AT, 1, 12, 2, 0, 0, null)));

        mvc.perform(get("/api/connectors"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value("ninja"))
                .andExpect(jsonPath("$[0].type").value("ninjaone"))
                .andExpect(jsonPath("$[0].role").value("rmm"))
                .andExpect(jsonPath("$[0].schedule").value("0 0 2 * * ?"))
                .andExpect(jsonPath("$[0].nextRun").value("2026-11-01T07:00:00Z"))
                .andExpect(jsonPath("$[0].lastRun.records").value(12))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("s3cret"))));
    }

    @Test
    void runsOfAnUnknownConnector_are404() throws Exception {
        mvc.perform(get("/api/connectors/nope/runs")).andExpect(status().isNotFound());
    }

    @Test
    void aSync_isAcceptedAndTriggered() throws Exception {
        mvc.perform(post("/api/connectors/ninja/sync")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"new devices\"}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.connector").value("ninja"))
                .andExpect(jsonPath("$.accepted").value(true));
        verify(schedules).triggerSync("ninja");
    }

    @Test
    void aSyncOfASink_is400() throws Exception {
        doThrow(new IllegalArgumentException("not a source")).when(schedules).triggerSync(anyString());
        mvc.perform(post("/api/connectors/ninja/sync")).andExpect(status().isBadRequest());
    }

    @Test
    void aCycle_isAcceptedForItsPeriod_andABadPeriodIs400() throws Exception {
        mvc.perform(post("/api/cycles").contentType(MediaType.APPLICATION_JSON).content("{\"period\":\"2026-10\"}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.period").value("2026-10"));
        verify(schedules).triggerCycle(YearMonth.of(2026, 10), "system");
        verify(audit).record("system", AuditLog.CYCLE_TRIGGER, "2026-10", null, Map.of());

        mvc.perform(post("/api/cycles").contentType(MediaType.APPLICATION_JSON).content("{\"period\":\"October\"}"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void cycles_listBillingRuns() throws Exception {
        when(history.billingRuns(12)).thenReturn(List.of(new RunHistory.BillingRun(3, "2026-10", AT, AT, List.of())));
        mvc.perform(get("/api/cycles"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].period").value("2026-10"));
    }

    @Test
    void schedules_areListed() throws Exception {
        when(schedules.all())
                .thenReturn(List.of(new Schedules.Schedule(
                        "sync-ninja",
                        "sync of ninja",
                        "0 0 2 * * ?",
                        "America/New_York",
                        AT,
                        new Schedules.LastRun(AT, "node-a", "SUCCEEDED"))));
        mvc.perform(get("/api/schedules"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].job").value("sync-ninja"))
                .andExpect(jsonPath("$[0].lastRun.instance").value("node-a"));
    }

    @Test
    void reload_appliedOrUnchanged_is200() throws Exception {
        when(reloader.reload(anyString(), any()))
                .thenReturn(new ReloadOutcome.Applied(List.of("connector ninja changed")));
        mvc.perform(post("/api/config/reload"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("applied"))
                .andExpect(jsonPath("$.changes[0]").value("connector ninja changed"));

        when(reloader.reload(anyString(), any())).thenReturn(new ReloadOutcome.Unchanged());
        mvc.perform(post("/api/config/reload"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("unchanged"));
    }

    @Test
    void reload_rejected_is422ProblemWithEveryError() throws Exception {
        when(reloader.reload(anyString(), any()))
                .thenReturn(new ReloadOutcome.Rejected(List.of(
                        new ConfigError("truecount.yaml", 7, 15, "'schedule' is not a valid Quartz cron expression"),
                        new ConfigError("contracts/acme.yaml", 3, 1, "unknown key 'linez'"))));
        mvc.perform(post("/api/config/reload"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(422))
                .andExpect(jsonPath("$.errors", hasSize(2)))
                .andExpect(jsonPath("$.errors[0].file").value("truecount.yaml"))
                .andExpect(jsonPath("$.errors[0].line").value(7))
                .andExpect(jsonPath("$.errors[0].column").value(15))
                .andExpect(jsonPath("$.errors[1].message").value("unknown key 'linez'"));
    }
}
