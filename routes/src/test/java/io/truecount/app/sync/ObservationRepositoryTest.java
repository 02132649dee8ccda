package io.truecount.app.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.app.testing.TestDatabase;
import io.truecount.connector.SyncStats;
import io.truecount.core.observation.AssetClass;
import io.truecount.core.observation.AssetObservation;
import io.truecount.core.observation.LicenseCount;
import io.truecount.core.observation.TimeEntry;
import io.truecount.core.observation.UserAccount;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Sync runs on a real PostgreSQL: per-run observations, and time entries as current state applied on success. */
class ObservationRepositoryTest {

    private static final Instant T0 = Instant.parse("2026-10-01T02:00:00Z");
    private static TestDatabase db;

    private JdbcTemplate jdbc;
    private ObservationRepository repository;

    @BeforeAll
    static void start() {
        db = TestDatabase.startMigrated();
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    @BeforeEach
    void setUp() {
        jdbc = new JdbcTemplate(db.dataSource());
        jdbc.execute("truncate sync_run, time_entry cascade");
        repository = new ObservationRepository(
                jdbc, new TransactionTemplate(new DataSourceTransactionManager(db.dataSource())));
    }

    private static TimeEntry entry(String id, String hours, String ticket) {
        return new TimeEntry(
                "cw",
                "19",
                id,
                ticket,
                "Printer down",
                "jdoe",
                "Remote",
                "P2",
                null,
                true,
                Instant.parse("2026-10-05T14:00:00Z"),
                new BigDecimal(hours));
    }

    private long run(String connector, Instant at) {
        return repository.startRun(connector, at);
    }

    private void succeed(long runId, Instant at) {
        repository.finishRun(runId, at, new SyncStats(), null);
    }

    private void fail(long runId, Instant at) {
        repository.finishRun(runId, at, new SyncStats(), "cw: HTTP 500 on page 3");
    }

    private List<String> current() {
        return repository.timeEntries("cw").stream()
                .map(e -> e.externalId() + " " + e.hours().toPlainString() + " " + e.ticketId())
                .toList();
    }

    @Test
    void timeEntries_becomeCurrentOnlyWhenTheRunSucceeds() {
        long first = run("cw", T0);
        repository.stageTimeEntries(first, List.of(entry("1", "1.50", "T-1"), entry("2", "2", "T-2")));
        assertThat(current()).as("staged, not yet current").isEmpty();
        succeed(first, T0.plusSeconds(60));

        assertThat(current()).containsExactly("1 1.50 T-1", "2 2 T-2");
        assertThat(repository.timeEntries("cw").get(0)).isEqualTo(entry("1", "1.50", "T-1"));
        assertThat(jdbc.queryForObject("select count(*) from time_entry_staging", Integer.class))
                .isZero();
        assertThat(jdbc.queryForObject("select last_sync_run from time_entry where external_id = '1'", Long.class))
                .isEqualTo(first);
    }

    @Test
    void laterRun_editsAndDeletesInPlace() {
        long first = run("cw", T0);
        repository.stageTimeEntries(first, List.of(entry("1", "1.50", "T-1"), entry("2", "2", "T-2")));
        succeed(first, T0.plusSeconds(60));

        long second = run("cw", T0.plusSeconds(3600));
        repository.stageTimeEntries(second, List.of(entry("1", "1.75", "T-9"), entry("3", "0.25", "T-3")));
        repository.stageTimeEntryDeletions(second, List.of("2", "never-seen"));
        succeed(second, T0.plusSeconds(3660));

        assertThat(current()).containsExactly("1 1.75 T-9", "3 0.25 T-3");
        // A deletion only marks the entry; an id never stored stays unknown.
        assertThat(jdbc.queryForList(
                        "select external_id || ' ' || deleted || ' ' || hours || ' ' || last_sync_run"
                                + " from time_entry order by external_id",
                        String.class))
                .containsExactly("1 false 1.75 " + second, "2 true 2 " + second, "3 false 0.25 " + second);
    }

    @Test
    void failedRun_leavesTimeEntriesAsTheLastGoodRunLeftThem() {
        long first = run("cw", T0);
        repository.stageTimeEntries(first, List.of(entry("1", "1.50", "T-1")));
        succeed(first, T0.plusSeconds(60));

        long failed = run("cw", T0.plusSeconds(3600));
        repository.stageTimeEntries(failed, List.of(entry("1", "9", "T-1"), entry("4", "3", "T-4")));
        repository.stageTimeEntryDeletions(failed, List.of("1"));
        fail(failed, T0.plusSeconds(3660));

        assertThat(current()).containsExactly("1 1.50 T-1");
        assertThat(jdbc.queryForObject("select count(*) from time_entry_staging", Integer.class))
                .isZero();
    }

    @Test
    void deliveredTwiceInOneRun_lastWins_includingDeleteThenRestore() {
        long first = run("cw", T0);
        repository.stageTimeEntries(first, List.of(entry("1", "1", "T-1"), entry("2", "2", "T-2")));
        repository.stageTimeEntryDeletions(first, List.of("1"));
        repository.stageTimeEntryDeletions(first, List.of("2"));
        repository.stageTimeEntries(first, List.of(entry("2", "2.5", "T-2")));
        succeed(first, T0.plusSeconds(60));

        assertThat(current()).containsExactly("2 2.5 T-2");
    }

    @Test
    void timeEntries_areKeptPerConnector() {
        long cw = run("cw", T0);
        repository.stageTimeEntries(cw, List.of(entry("1", "1", "T-1")));
        long halo = run("halo", T0);
        repository.stageTimeEntryDeletions(halo, List.of("1"));
        succeed(halo, T0.plusSeconds(30));
        succeed(cw, T0.plusSeconds(60));

        assertThat(current()).containsExactly("1 1 T-1");
        assertThat(repository.timeEntries("halo")).isEmpty();
    }

    @Test
    void licencesUsersAndOrganizationErrors_readBackPerRun_andAFailedRunKeepsNone() {
        LicenseCount e3 = new LicenseCount("m365", "tenant-a", "sku-1", "SPE_E3", "Enabled", 18, 20);
        LicenseCount old = new LicenseCount("m365", "tenant-a", "sku-2", "O365_BUSINESS", "Deleted", 3, 5);
        UserAccount ann = new UserAccount("m365", "tenant-a", "u1", "ann@acme.com", true, Set.of("SPE_E3", "EMS"));
        UserAccount bob = new UserAccount("m365", "tenant-a", "u2", "bob@acme.com", false, Set.of());

        long good = run("m365", T0);
        repository.saveLicenses(good, List.of(old, e3));
        repository.saveUsers(good, List.of(bob, ann));
        repository.saveOrganizationError(good, "tenant-b", "m365: tenant-b: consent revoked (AADSTS65001)");
        succeed(good, T0.plusSeconds(60));

        assertThat(repository.licenses(good, "m365")).containsExactly(old, e3);
        assertThat(repository.users(good, "m365")).containsExactly(ann, bob);
        assertThat(repository.organizationErrors(good))
                .isEqualTo(Map.of("tenant-b", "m365: tenant-b: consent revoked (AADSTS65001)"));

        long bad = run("m365", T0.plusSeconds(3600));
        repository.saveLicenses(bad, List.of(e3));
        repository.saveUsers(bad, List.of(ann));
        repository.saveOrganizationError(bad, "tenant-b", "still revoked");
        fail(bad, T0.plusSeconds(3660));

        assertThat(repository.licenses(bad, "m365")).isEmpty();
        assertThat(repository.users(bad, "m365")).isEmpty();
        assertThat(repository.organizationErrors(bad)).isEmpty();
        assertThat(repository.latestSucceededRun("m365")).contains(good);
    }

    @Test
    void succeededRuns_giveTheWindowAndWhatWasCurrentWhenItOpened() {
        Instant from = Instant.parse("2026-10-01T04:00:00Z");
        long before1 = run("ninja", from.minusSeconds(7200));
        succeed(before1, from.minusSeconds(7000));
        long before2 = run("ninja", from.minusSeconds(3600));
        succeed(before2, from.minusSeconds(3500));
        long failed = run("ninja", from.plusSeconds(100));
        fail(failed, from.plusSeconds(200));
        long inside = run("ninja", from.plusSeconds(300));
        repository.saveAssets(inside, List.of(asset("1042")));
        succeed(inside, from.plusSeconds(400));
        long datto = run("datto", from.plusSeconds(10));
        succeed(datto, from.plusSeconds(50));
        long after = run("ninja", from.plusSeconds(9000));
        succeed(after, from.plusSeconds(9100));

        assertThat(repository.succeededRuns(List.of("ninja", "datto"), from, from.plusSeconds(5000)))
                .extracting(ObservationRepository.SucceededRun::id)
                .containsExactly(before2, datto, inside);
        assertThat(repository.assets(inside, "ninja")).containsExactly(asset("1042"));
    }

    private static AssetObservation asset(String id) {
        return new AssetObservation(
                "ninja",
                "12",
                id,
                "ACME-PC-" + id,
                AssetClass.WORKSTATION,
                "WINDOWS_WORKSTATION",
                true,
                "SN" + id,
                List.of("00:11:22:33:44:55"),
                null,
                Instant.parse("2026-09-30T10:00:00Z"));
    }
}
