package org.eventregistry.platform.cluster;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Leases in the database: a job's turn is taken once per period, a held lease is renewed by its holder only. */
@QuarkusTest
class JobLeaseTest {

    @Inject
    JobLease leases;

    private static String job() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aScheduledJobRunsOncePerPeriod() {
        String job = job();
        AtomicInteger runs = new AtomicInteger();
        assertTrue(leases.runOnce(job, Duration.ofHours(1), runs::incrementAndGet));
        assertFalse(leases.runOnce(job, Duration.ofHours(1), runs::incrementAndGet), "the turn is taken for the period");
        assertEquals(1, runs.get());
    }

    @Test
    void aFailedRunGivesItsTurnBack() {
        String job = job();
        assertThrows(IllegalStateException.class, () -> leases.runOnce(job, Duration.ofHours(1), () -> {
            throw new IllegalStateException("failed on purpose");
        }));
        AtomicInteger runs = new AtomicInteger();
        assertTrue(leases.runOnce(job, Duration.ofHours(1), runs::incrementAndGet), "the next schedule tries again");
        assertEquals(1, runs.get());
    }

    @Test
    void aHeldLeaseIsRenewedByItsHolderAndFreedOnRelease() {
        String job = job();
        assertTrue(leases.hold(job, Duration.ofMinutes(1)));
        assertTrue(leases.hold(job, Duration.ofMinutes(1)), "the holder renews");
        leases.release(job);
        assertTrue(leases.runOnce(job, Duration.ofHours(1), () -> { }), "a released lease is free at once");
    }
}
