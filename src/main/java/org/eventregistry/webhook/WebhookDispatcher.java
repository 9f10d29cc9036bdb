package org.eventregistry.webhook;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.eventregistry.change.ChangesCommitted;
import org.eventregistry.change.FollowerLag;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs webhook delivery off the request threads. One scheduler thread finds the subscriptions with work, when a
 * write commits ({@link ChangesCommitted}), when deliveries are queued, when a retry falls due, and on a periodic
 * poll; a bounded pool of worker threads serves them, one task per subscription at a time, so a slow or dead
 * receiver holds one worker and delays nobody else. A task takes the subscription's lease and sends its
 * deliveries in order, one after the other.
 */
@ApplicationScoped
class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    /** Deliveries one task sends before it gives its worker back (and the subscription queues again). */
    static final int TURN = 50;

    private final DeliveryQueue queue;
    private final WebhookSender sender;
    private final WebhookConfig config;
    private final FollowerLag lag;
    private final Set<String> serving = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean scanQueued = new AtomicBoolean();
    /** Moves on with every commit and queued delivery, so a task can tell whether work came in after its last read. */
    private final AtomicLong signals = new AtomicLong();
    private ScheduledExecutorService scheduler;
    private ThreadPoolExecutor workers;

    WebhookDispatcher(DeliveryQueue queue, WebhookSender sender, WebhookConfig config, FollowerLag lag) {
        this.queue = queue;
        this.sender = sender;
        this.config = config;
        this.lag = lag;
    }

    void start(@Observes StartupEvent start) {
        if (config.lease().compareTo(config.connectTimeout().plus(config.timeout())) <= 0) {
            LOG.warnf("registry.webhooks.lease (%s) should be longer than connect-timeout plus timeout (%s): another instance "
                    + "may take a subscription while an attempt is still waiting", config.lease(), config.connectTimeout().plus(config.timeout()));
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(threads("webhook-scheduler"));
        int size = Math.max(1, config.workers());
        workers = new ThreadPoolExecutor(size, size, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(10_000), threads("webhook-worker"));
        long poll = Math.max(50, config.pollInterval().toMillis());
        scheduler.scheduleWithFixedDelay(this::scan, poll, poll, TimeUnit.MILLISECONDS);
        // registry_follower_lag{follower="webhooks"}: the slowest active subscription's place in the change log, read
        // with the head every few seconds (a scan runs after every write; it need not read it too).
        lag.track("webhooks", queue::slowestCursor);
        wake();
    }

    void stop(@Observes ShutdownEvent stop) {
        if (scheduler != null) {
            scheduler.shutdownNow();
            workers.shutdownNow();
        }
    }

    /** Heard on the request thread after a write committed: only queues a scan. */
    void committed(@Observes ChangesCommitted committed) {
        signals.incrementAndGet();
        wake();
    }

    void queued(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveriesQueued queued) {
        signals.incrementAndGet();
        wake();
    }

    /** Queues a scan unless one is already queued. */
    void wake() {
        if (scheduler != null && scanQueued.compareAndSet(false, true)) {
            try {
                scheduler.execute(this::scan);
            } catch (RejectedExecutionException stopping) {
                scanQueued.set(false);
            }
        }
    }

    private void wakeAt(Instant at) {
        // A little after the due time, so the scan finds the delivery due.
        long delay = Math.max(1, Duration.between(Instant.now(), at).toMillis() + 5);
        try {
            scheduler.schedule(this::wake, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // the registry is stopping; the next start polls
        }
    }

    private void scan() {
        scanQueued.set(false);
        try {
            for (String id : queue.due()) {
                if (serving.add(id)) {
                    try {
                        workers.execute(() -> serve(id));
                    } catch (RejectedExecutionException full) {
                        serving.remove(id);
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Looking for due webhook deliveries failed; the next poll tries again", e);
        }
    }

    /**
     * Sends the subscription's due deliveries in order, under its lease, for one turn. While the lease is held the
     * scans pass the subscription by, so after releasing it the task wakes a scan itself when work may have come in
     * meanwhile (a commit after its last read of the log), when its turn ran out, or when a retry falls due.
     */
    private void serve(String id) {
        boolean more = false;
        Instant retryAt = null;
        long seen = signals.get();
        try {
            if (!queue.lease(id)) {
                return;
            }
            try {
                seen = signals.get();
                DeliveryQueue.Step step = queue.next(id, null, null);
                for (int sent = 0; step instanceof DeliveryQueue.Attempt attempt; sent++) {
                    if (sent == TURN) {
                        more = true;
                        break;
                    }
                    Outcome outcome = sender.send(attempt);
                    LOG.debugf("Webhook %s delivery %s: %s %s", id, attempt.deliveryId(), outcome.verdict(),
                            outcome.error() == null ? "" : outcome.error());
                    if (outcome.verdict() == Outcome.Verdict.REFUSED || outcome.verdict() == Outcome.Verdict.GONE) {
                        LOG.infof("Webhook %s stopped: %s", id, outcome.error());
                    }
                    seen = signals.get();
                    step = queue.next(id, attempt, outcome);
                }
                if (step instanceof DeliveryQueue.Wait wait) {
                    retryAt = wait.at();
                }
            } finally {
                queue.release(id);
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "Delivering webhook %s failed; the next poll tries again", id);
        } finally {
            serving.remove(id);
            if (more || signals.get() != seen) {
                wake();
            }
            if (retryAt != null) {
                wakeAt(retryAt);
            }
        }
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
