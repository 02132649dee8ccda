package io.truecount.connector.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.truecount.connector.OrganizationException;
import io.truecount.connector.SourceException;
import io.truecount.connector.SyncSink;
import io.truecount.core.observation.AssetObservation;
import io.truecount.core.observation.ExternalOrganization;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PerOrganizationTest {

    private final Map<String, String> failed = new ConcurrentHashMap<>();
    private final SyncSink sink = new SyncSink() {
        @Override
        public void organizations(List<ExternalOrganization> page) {}

        @Override
        public void assets(List<AssetObservation> page) {}

        @Override
        public void organizationFailed(String organizationId, String error) {
            failed.put(organizationId, error);
        }
    };

    @Test
    void neverRunsMoreOrganizationsAtOnceThanItsConcurrency() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        try (PerOrganization orgs = new PerOrganization("m365", 3, sink)) {
            for (int i = 0; i < 20; i++) {
                orgs.submit("t" + i, () -> {
                    peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                    sleep(5);
                    running.decrementAndGet();
                    done.incrementAndGet();
                });
            }
            orgs.finish();
        }
        assertThat(done).hasValue(20);
        assertThat(peak.get()).isBetween(2, 3);
    }

    @Test
    void anOrganizationFailureFailsOnlyThatOrganization() {
        AtomicInteger done = new AtomicInteger();
        try (PerOrganization orgs = new PerOrganization("m365", 2, sink)) {
            for (int i = 0; i < 5; i++) {
                String tenant = "t" + i;
                orgs.submit(tenant, () -> {
                    if (tenant.equals("t2")) {
                        throw new OrganizationException("m365", "t2", "tenant t2: AADSTS7000229 consent missing");
                    }
                    done.incrementAndGet();
                });
            }
            orgs.finish();
        }
        assertThat(done).hasValue(4);
        assertThat(failed).containsOnlyKeys("t2");
        assertThat(failed.get("t2")).isEqualTo("connector 'm365': tenant t2: AADSTS7000229 consent missing");
    }

    @Test
    void anyOtherFailureStopsTheWorkAndIsRethrown() throws InterruptedException {
        CountDownLatch firstFailed = new CountDownLatch(1);
        AtomicInteger startedAfterFailure = new AtomicInteger();
        PerOrganization orgs = new PerOrganization("m365", 1, sink);
        orgs.submit("t0", () -> {
            firstFailed.countDown();
            throw SourceException.of("m365", "credentials rejected");
        });
        assertThat(firstFailed.await(5, TimeUnit.SECONDS)).isTrue();
        sleep(50);
        for (int i = 1; i < 5; i++) {
            orgs.submit("t" + i, startedAfterFailure::incrementAndGet);
        }
        assertThatThrownBy(orgs::finish)
                .isInstanceOf(SourceException.class)
                .hasMessage("connector 'm365': credentials rejected");
        orgs.close();
        assertThat(startedAfterFailure).hasValue(0);
        assertThat(failed).isEmpty();
    }

    @Test
    void aConcurrencyOfOne_readsEachOrganizationInTheCallersThread_inOrder() {
        List<String> seen = new java.util.ArrayList<>();
        Thread caller = Thread.currentThread();
        try (PerOrganization orgs = new PerOrganization("datto", 1, sink)) {
            for (String site : List.of("s-1", "s-2", "s-3")) {
                orgs.submit(site, () -> {
                    assertThat(Thread.currentThread()).isSameAs(caller);
                    if (site.equals("s-2")) {
                        throw new OrganizationException("datto", "s-2", "site s-2 is gone");
                    }
                    seen.add(site);
                });
            }
            orgs.finish();
        }
        assertThat(seen).containsExactly("s-1", "s-3");
        assertThat(failed).containsOnlyKeys("s-2");
    }

    @Test
    void refusesAConcurrencyBelowOne() {
        assertThatThrownBy(() -> new PerOrganization("m365", 0, sink))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
