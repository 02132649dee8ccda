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

    @Test
    void progress_isVisibleWhileTheRunGoes_andAFinishedRunKeepsItsFinalCounters() {
        long running = run("ninja", T0);
        SyncStats stats = new SyncStats();
        stats.request();
        stats.page(500);
        repository.recordProgress(running, stats);
        assertThat(jdbc.queryForObject(
                        "select status || ' ' || pages || ' ' || records || ' ' || requests from sync_run where id = ?",
                        String.class,
                        running))
                .isEqualTo("RUNNING 1 500 1");

        stats.page(200);
        repository.finishRun(running, T0.plusSeconds(5), stats, null);
        repository.recordProgress(running, new SyncStats());
        assertThat(jdbc.queryForObject("select records from sync_run where id = ?", Long.class, running))
                .isEqualTo(700);
    }

    @Test
    void cursors_comeFromTheLatestSucceededRun_andAFailedRunMovesNone() {
        long first = run("m365", T0);
        assertThat(repository.cursors(first))
                .as("a first run resumes from nothing")
                .isEmpty();
        repository.saveCursor(first, "delta:tenant-a", "https://graph/delta?token=1");
        repository.saveCursor(first, "delta:tenant-b", "https://graph/delta?token=b1");
        repository.saveCursor(first, "delta:tenant-a", "https://graph/delta?token=2");
        succeed(first, T0.plusSeconds(60));

        long failed = run("m365", T0.plusSeconds(3600));
        assertThat(repository.cursors(failed))
                .isEqualTo(Map.of(
                        "delta:tenant-a", "https://graph/delta?token=2",
                        "delta:tenant-b", "https://graph/delta?token=b1"));
        repository.saveCursor(failed, "delta:tenant-a", "https://graph/delta?token=3");
        fail(failed, T0.plusSeconds(3660));

        long next = run("m365", T0.plusSeconds(7200));
        assertThat(repository.cursors(next)).containsEntry("delta:tenant-a", "https://graph/delta?token=2");
        // Only what a run saves survives it: tenant-b was not read again, so the run after reads it in full.
        repository.saveCursor(next, "delta:tenant-a", "https://graph/delta?token=4");
        succeed(next, T0.plusSeconds(7260));
        assertThat(repository.cursors(run("m365", T0.plusSeconds(9000))))
                .isEqualTo(Map.of("delta:tenant-a", "https://graph/delta?token=4"));
    }

    @Test
    void usersCarriedForward_thenChangedAndRemoved_leaveTheFullPicture_andOnlyForThatOrganization() {
        UserAccount ann = new UserAccount("m365", "tenant-a", "u1", "ann@acme.com", true, Set.of("SPE_E3"));
        UserAccount bob = new UserAccount("m365", "tenant-a", "u2", "bob@acme.com", true, Set.of("SPE_E3"));
        UserAccount cat = new UserAccount("m365", "tenant-a", "u3", "cat@acme.com", true, Set.of());
        UserAccount zed = new UserAccount("m365", "tenant-b", "u9", "zed@beta.com", true, Set.of("SPB"));
        long full = run("m365", T0);
        repository.saveUsers(full, List.of(ann, bob, cat, zed));
        succeed(full, T0.plusSeconds(60));

        long delta = run("m365", T0.plusSeconds(3600));
        repository.carryUsersForward(delta, "tenant-a");
        UserAccount bobDisabled = new UserAccount("m365", "tenant-a", "u2", "bob@acme.com", false, Set.of());
        UserAccount dan = new UserAccount("m365", "tenant-a", "u4", "dan@acme.com", true, Set.of("SPE_E3"));
        repository.saveUsers(delta, List.of(bobDisabled, dan));
        repository.removeUsers(delta, "tenant-a", List.of("u3", "never-there"));
        succeed(delta, T0.plusSeconds(3660));

        assertThat(repository.users(delta, "m365")).containsExactly(ann, bobDisabled, dan);
        assertThat(repository.users(full, "m365"))
                .as("the base run is untouched")
                .containsExactly(ann, bob, cat, zed);
    }

    @Test
    void sweep_deletesWhatACompleteRunDidNotMeet_fromItsInstantOn_exceptFailedOrganizations() {
        long first = run("cw", T0);
        repository.stageTimeEntries(
                first,
                List.of(
                        entryAt("old", "19", "2026-08-10T10:00:00Z"),
                        entryAt("kept", "19", "2026-10-02T10:00:00Z"),
                        entryAt("edited", "19", "2026-10-03T10:00:00Z"),
                        entryAt("gone", "19", "2026-10-04T10:00:00Z"),
                        entryAt("other-org", "27", "2026-10-05T10:00:00Z")));
        succeed(first, T0.plusSeconds(60));

        long second = run("cw", T0.plusSeconds(3600));
        repository.stageTimeEntries(second, List.of(entryAt("edited", "19", "2026-10-03T11:00:00Z")));
        repository.stageTimeEntriesSeen(second, List.of("kept"));
        repository.saveOrganizationError(second, "27", "company 27 unreadable");
        repository.timeEntriesComplete(second, Instant.parse("2026-10-01T00:00:00Z"));
        repository.timeEntriesComplete(second, Instant.parse("2026-10-02T00:00:00Z"));
        succeed(second, T0.plusSeconds(3660));

        assertThat(repository.timeEntries("cw").stream().map(TimeEntry::externalId))
                .containsExactly("old", "kept", "edited", "other-org");
        assertThat(jdbc.queryForObject("select count(*) from time_entry_seen", Integer.class))
                .isZero();
    }

    @Test
    void sweep_ofAFailedRun_deletesNothing() {
        long first = run("cw", T0);
        repository.stageTimeEntries(first, List.of(entryAt("a", "19", "2026-10-02T10:00:00Z")));
        succeed(first, T0.plusSeconds(60));

        long failed = run("cw", T0.plusSeconds(3600));
        repository.timeEntriesComplete(failed, Instant.EPOCH);
        fail(failed, T0.plusSeconds(3660));

        assertThat(repository.timeEntries("cw"))
                .extracting(TimeEntry::externalId)
                .containsExactly("a");
    }

    private static TimeEntry entryAt(String id, String organization, String start) {
        return new TimeEntry(
                "cw",
                organization,
                id,
                "T-" + id,
                null,
                "jdoe",
                "Remote",
                null,
                null,
                true,
                Instant.parse(start),
                BigDecimal.ONE);
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
