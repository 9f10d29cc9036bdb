package org.eventregistry.platform.cluster;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Leases in the shared database (table {@code job_lease}) so that work meant to happen once runs on one instance
 * of several: a scheduled job takes {@link #runOnce} and a follower of the change log (search indexing, webhook
 * delivery) keeps {@link #hold}ing its lease while it works; when its instance dies the lease runs out and another
 * takes over. A lease is taken by one UPDATE guarded by its holder and expiry, timed by the database's clock, so
 * instances with skewed clocks still agree.
 */
@ApplicationScoped
public class JobLease {

    private static final Logger LOG = Logger.getLogger(JobLease.class);

    private final DataSource db;
    private final MeterRegistry metrics;
    private final String instance;
    private final Set<String> held = ConcurrentHashMap.newKeySet();

    public JobLease(DataSource db, MeterRegistry metrics) {
        this.db = db;
        this.metrics = metrics;
        this.instance = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** This instance's name in the leases it holds. */
    public String instance() {
        return instance;
    }

    /**
     * Runs {@code work} unless another instance (or this one) ran the job within the last nine tenths of {@code period}:
     * each instance schedules the job every period, and the first to come takes the turn. A failed run gives the turn
     * back, so the next schedule anywhere tries again. Returns whether the work ran here.
     */
    public boolean runOnce(String job, Duration period, Runnable work) {
        Duration turn = period.multipliedBy(9).dividedBy(10);
        if (!acquire(job, turn, false)) {
            metrics.counter("registry.jobs.runs", "job", job, "outcome", "skipped").increment();
            return false;
        }
        try {
            work.run();
            metrics.counter("registry.jobs.runs", "job", job, "outcome", "ran").increment();
            return true;
        } catch (RuntimeException e) {
            metrics.counter("registry.jobs.runs", "job", job, "outcome", "failed").increment();
            giveBack(job);
            throw e;
        }
    }

    /**
     * Takes the lease named {@code job} for {@code ttl}, or renews it when this instance holds it: true while this
     * instance may do the job's work. Call it again well within {@code ttl} (every poll of a follower).
     */
    public boolean hold(String job, Duration ttl) {
        boolean mine = acquire(job, ttl, true);
        if (mine) {
            held.add(job);
        } else {
            held.remove(job);
        }
        return mine;
    }

    /** Gives up a lease this instance holds, so another instance can take it at once. */
    public void release(String job) {
        held.remove(job);
        giveBack(job);
    }

    void releaseAll(@Observes ShutdownEvent shutdown) {
        for (String job : Set.copyOf(held)) {
            try {
                release(job);
            } catch (RuntimeException e) {
                LOG.debugf("The lease %s could not be given back at shutdown: %s", job, e.getMessage());
            }
        }
    }

    private boolean acquire(String job, Duration ttl, boolean renewable) {
        try (Connection c = db.getConnection()) {
            OffsetDateTime now;
            try (PreparedStatement s = c.prepareStatement("select current_timestamp"); ResultSet r = s.executeQuery()) {
                r.next();
                now = r.getObject(1, OffsetDateTime.class);
            }
            try (PreparedStatement s = c.prepareStatement(
                    "insert into job_lease (name, holder, expires_at) values (?, null, ?) on conflict do nothing")) {
                s.setString(1, job);
                s.setObject(2, now.minusSeconds(1));
                s.executeUpdate();
            }
            // Free when it ran out; a holder renews its own. A scheduled turn is never renewed; it is also over once a
            // turn of the caller's own length has passed, so a shorter period configured later takes effect at once.
            String sql = "update job_lease set holder = ?, expires_at = ?, taken_at = ? where name = ? and (expires_at <= ?"
                    + (renewable ? " or holder = ?)" : " or taken_at <= ?)");
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, instance);
                s.setObject(2, now.plus(ttl));
                s.setObject(3, now);
                s.setString(4, job);
                s.setObject(5, now);
                if (renewable) {
                    s.setString(6, instance);
                } else {
                    s.setObject(6, now.minus(ttl));
                }
                return s.executeUpdate() == 1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The lease " + job + " cannot be taken: " + e.getMessage(), e);
        }
    }

    private void giveBack(String job) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("update job_lease set holder = null, expires_at = taken_at where name = ? and holder = ?")) {
            s.setString(1, job);
            s.setString(2, instance);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("The lease " + job + " cannot be given back: " + e.getMessage(), e);
        }
    }
}
