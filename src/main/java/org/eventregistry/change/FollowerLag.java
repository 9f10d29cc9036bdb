package org.eventregistry.change;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * How far the change log has come and how far behind it each follower inside the registry is, as metrics:
 * {@code registry_changes_head} (the last sequence number), and per follower {@code registry_follower_position}
 * and {@code registry_follower_lag} (changes it has still to handle). A follower (search indexing, webhook
 * delivery) calls {@link #report} with the position it has handled each time it moves on, or, when its position is
 * kept in the database, has it read with the head every few seconds ({@link #track}) rather than on its own hot path.
 *
 * <p>The head moves at once with this instance's writes and is read from the database every few seconds for the
 * writes of other instances, so a scrape never waits on the database.
 */
@ApplicationScoped
public class FollowerLag {

    private static final Logger LOG = Logger.getLogger(FollowerLag.class);

    private final AtomicLong head = new AtomicLong();
    private final Map<String, AtomicLong> positions = new ConcurrentHashMap<>();
    private final Map<String, Supplier<OptionalLong>> tracked = new ConcurrentHashMap<>();
    private final MeterRegistry metrics;
    private final DataSource db;

    public FollowerLag(MeterRegistry metrics, DataSource db) {
        this.metrics = metrics;
        this.db = db;
        Gauge.builder("registry.changes.head", head, AtomicLong::get)
                .description("The sequence number of the last change in the change log").register(metrics);
    }

    /** Records that the follower named {@code follower} ("search", "webhooks") has handled the log up to {@code position}. */
    public void report(String follower, long position) {
        positions.computeIfAbsent(follower, this::register).set(position);
        head.accumulateAndGet(position, Math::max);
    }

    /**
     * Reads the follower's position from {@code position} with every refresh of the head; an empty position means
     * nothing is waiting for it (no lag).
     */
    public void track(String follower, Supplier<OptionalLong> position) {
        positions.computeIfAbsent(follower, this::register);
        tracked.put(follower, position);
    }

    /** The changes the follower has still to handle, or empty when it never reported. */
    public OptionalLong lag(String follower) {
        AtomicLong position = positions.get(follower);
        return position == null ? OptionalLong.empty() : OptionalLong.of(Math.max(0, head.get() - position.get()));
    }

    /** The change log's last sequence number as this instance last saw it. */
    public long head() {
        return head.get();
    }

    private AtomicLong register(String follower) {
        AtomicLong position = new AtomicLong();
        Gauge.builder("registry.follower.position", position, AtomicLong::get).tag("follower", follower)
                .description("The change log position the follower has handled").register(metrics);
        Gauge.builder("registry.follower.lag", position, p -> Math.max(0, head.get() - p.get())).tag("follower", follower)
                .description("Changes the follower has still to handle").register(metrics);
        return position;
    }

    void committed(@Observes ChangesCommitted committed) {
        head.accumulateAndGet(committed.position(), Math::max);
    }

    @Scheduled(every = "5s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("select last_seq from change_counter where name = 'changes'");
             ResultSet r = s.executeQuery()) {
            if (r.next()) {
                head.accumulateAndGet(r.getLong(1), Math::max);
            }
        } catch (SQLException e) {
            LOG.debugf("The change log head cannot be read now: %s", e.getMessage());
        }
        tracked.forEach((follower, position) -> {
            try {
                report(follower, position.get().orElse(head.get()));
            } catch (RuntimeException e) {
                LOG.debugf("The position of follower %s cannot be read now: %s", follower, e.getMessage());
            }
        });
    }
}
