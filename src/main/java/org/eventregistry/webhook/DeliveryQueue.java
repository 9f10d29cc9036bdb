package org.eventregistry.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eventregistry.change.Change;
import org.eventregistry.change.ChangeFeed;
import org.eventregistry.platform.record.Records;
import org.eventregistry.platform.text.Ids;
import org.eventregistry.platform.text.Slugs;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The database side of delivery: which subscriptions have work, the lease that lets one instance at a time
 * deliver a subscription, turning the change log after a subscription's cursor into its deliveries (cursor and
 * deliveries move in one transaction, so a crash loses nothing), and the outcome of each attempt.
 */
@ApplicationScoped
class DeliveryQueue {

    /** How many changes one step reads from the log. */
    static final int READ_AHEAD = 200;

    /** What to do next for a subscription. */
    sealed interface Step permits Idle, Wait, Attempt {
    }

    /** Nothing to send (or the lease or the subscription is gone). */
    record Idle() implements Step {
    }

    /** The next delivery is due later. */
    record Wait(Instant at) implements Step {
    }

    /** The next delivery to send, with everything the attempt needs. */
    record Attempt(String webhookId, String deliveryId, String messageId, String url, List<String> secrets, String payload,
                   int attempts, Instant firstAttemptAt) implements Step {
    }

    private final EntityManager em;
    private final DataSource dataSource;
    private final ChangeFeed feed;
    private final ObjectMapper json;
    private final WebhookConfig config;
    private final String instance = "instance-" + Ids.next();

    DeliveryQueue(EntityManager em, DataSource dataSource, ChangeFeed feed, ObjectMapper json, WebhookConfig config) {
        this.em = em;
        this.dataSource = dataSource;
        this.feed = feed;
        this.json = json;
        this.config = config;
    }

    static long nextPosition(EntityManager em) {
        return ((Number) em.createNativeQuery("select nextval('webhook_delivery_position')").getSingleResult()).longValue();
    }

    /**
     * Active subscriptions with work (changes after their cursor, or a delivery due) whose lease is free. This scan
     * runs after every commit, so it is one plain JDBC statement, without a persistence context.
     */
    List<String> due() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     select w.id from webhook w where w.active = true
                       and (w.lease_until is null or w.lease_until < ?)
                       and (w.cursor_seq < (select last_seq from change_counter where name = 'changes')
                            or exists (select 1 from webhook_delivery d where d.webhook_id = w.id
                                       and d.status = 'PENDING' and d.next_attempt_at <= ?))
                     order by w.id""")) {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            statement.setObject(1, now);
            statement.setObject(2, now);
            statement.setMaxRows(1000);
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("The webhook scan failed", e);
        }
    }

    /**
     * How far the slowest active subscription has turned the change log into deliveries (its cursor moves on once
     * what it queued before is delivered or given up), or empty when no subscription is active.
     */
    OptionalLong slowestCursor() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("select min(cursor_seq) from webhook where active = true");
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            long cursor = rows.getLong(1);
            return rows.wasNull() ? OptionalLong.empty() : OptionalLong.of(cursor);
        } catch (SQLException e) {
            throw new IllegalStateException("The webhook cursors could not be read", e);
        }
    }

    /** Takes or renews this instance's lease on the subscription: false when another instance holds it or it is inactive. */
    boolean lease(String webhookId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Records.now();
            return em.createNativeQuery("""
                            update webhook set lease_owner = :me, lease_until = :until
                            where id = :id and active = true and (lease_owner is null or lease_owner = :me or lease_until < :now)""")
                    .setParameter("me", instance).setParameter("until", now.plus(config.lease())).setParameter("id", webhookId)
                    .setParameter("now", now).executeUpdate() == 1;
        });
    }

    void release(String webhookId) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update webhook set lease_owner = null, lease_until = null where id = :id and lease_owner = :me")
                .setParameter("id", webhookId).setParameter("me", instance).executeUpdate());
    }

    /**
     * Records the outcome of the attempt just made, if any, and returns the subscription's next step, in one
     * transaction (one commit per delivery); reads more of the change log when nothing is queued. The lease is
     * renewed once half of it has run out; a lease lost to another instance ends the turn without recording.
     */
    Step next(String webhookId, Attempt done, Outcome outcome) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Webhook w = em.find(Webhook.class, webhookId);
            Instant now = Records.now();
            if (w == null || !instance.equals(w.leaseOwner) || w.leaseUntil == null || !w.leaseUntil.isAfter(now)) {
                return new Idle();
            }
            if (done != null) {
                record(w, done, outcome, now);
            }
            if (!w.active) {
                return new Idle();
            }
            if (Duration.between(now, w.leaseUntil).compareTo(config.lease().dividedBy(2)) < 0 && !renew(webhookId, now)) {
                return new Idle();
            }
            WebhookDelivery head = head(webhookId);
            if (head == null && enqueueChanges(w)) {
                head = head(webhookId);
            }
            if (head == null || head.nextAttemptAt == null) {
                return new Idle();
            }
            if (head.nextAttemptAt.isAfter(now)) {
                return new Wait(head.nextAttemptAt);
            }
            List<String> secrets = new ArrayList<>();
            secrets.add(w.secret);
            if (w.previousSecret != null && w.previousSecretUntil != null && w.previousSecretUntil.isAfter(now)) {
                secrets.add(w.previousSecret);
            }
            return new Attempt(w.id, head.id, head.messageId, w.url, secrets, head.payload, head.attempts, head.firstAttemptAt);
        });
    }

    private boolean renew(String webhookId, Instant now) {
        return em.createNativeQuery("update webhook set lease_until = :until where id = :id and lease_owner = :me")
                .setParameter("until", now.plus(config.lease())).setParameter("id", webhookId).setParameter("me", instance)
                .executeUpdate() == 1;
    }

    private WebhookDelivery head(String webhookId) {
        return em.createQuery("select d from WebhookDelivery d where d.webhookId = :id and d.status = :pending order by d.queuePosition",
                        WebhookDelivery.class)
                .setParameter("id", webhookId).setParameter("pending", WebhookDelivery.Status.PENDING).setMaxResults(1)
                .getResultStream().findFirst().orElse(null);
    }

    /**
     * Turns the next changes after the cursor that the subscription wants into deliveries, and moves the cursor past
     * every change read (wanted or not), in the caller's transaction. False when the log has nothing new.
     */
    private boolean enqueueChanges(Webhook w) {
        List<ChangeFeed.Positioned> changes = feed.after(w.cursorSeq, READ_AHEAD);
        if (changes.isEmpty()) {
            return false;
        }
        List<String> types = WebhookService.list(w.types);
        Set<String> topics = keys(w.topics);
        Set<String> series = keys(w.series);
        Instant now = Records.now();
        for (ChangeFeed.Positioned p : changes) {
            String type = ChangeTypes.of(p.change());
            if (!ChangeTypes.matches(types, type) || !passes(p.change(), topics, series)) {
                continue;
            }
            WebhookDelivery d = new WebhookDelivery();
            d.id = Ids.next();
            d.webhookId = w.id;
            d.messageId = "msg_" + d.id;
            d.queuePosition = nextPosition(em);
            d.changeSeq = p.seq();
            d.type = type;
            d.payload = body(type, p.change());
            d.status = WebhookDelivery.Status.PENDING;
            d.createdAt = now;
            d.nextAttemptAt = now;
            d.persist();
        }
        long last = changes.get(changes.size() - 1).seq();
        em.flush();
        em.createNativeQuery("update webhook set cursor_seq = :last where id = :id and lease_owner = :me and cursor_seq < :last")
                .setParameter("last", last).setParameter("id", w.id).setParameter("me", instance).executeUpdate();
        return true;
    }

    /** The Standard Webhooks body: the type, when the change was committed, and the change as /api/v1/changes shows it. */
    private String body(String type, Change change) {
        try {
            return "{\"type\":" + json.writeValueAsString(type) + ",\"timestamp\":" + json.writeValueAsString(change.at())
                    + ",\"data\":" + json.writeValueAsString(change) + "}";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A change cannot be written as a webhook body", e);
        }
    }

    /** Whether a change passes the topic and series filters; records without the field (and deletions) pass. */
    private boolean passes(Change change, Set<String> topics, Set<String> series) {
        if (change.record() == null || topics.isEmpty() && series.isEmpty()) {
            return true;
        }
        JsonNode record;
        try {
            record = json.readTree(change.record());
        } catch (JsonProcessingException e) {
            return true;
        }
        if (!topics.isEmpty() && record.has("topics")) {
            boolean any = false;
            for (JsonNode topic : record.path("topics")) {
                any |= topics.contains(Slugs.key(topic.asText()));
            }
            if (!any) {
                return false;
            }
        }
        if (!series.isEmpty() && record.has("series")) {
            return !record.path("series").isNull() && series.contains(Slugs.key(record.path("series").asText()));
        }
        return true;
    }

    private static Set<String> keys(String joined) {
        return joined == null ? Set.of() : WebhookService.list(joined).stream().map(Slugs::key).filter(Objects::nonNull)
                .collect(Collectors.toSet());
    }

    /** Records what one attempt came to, pausing or disabling the subscription when the outcome says so. */
    private void record(Webhook w, Attempt attempt, Outcome outcome, Instant now) {
        WebhookDelivery d = em.find(WebhookDelivery.class, attempt.deliveryId());
        if (d == null) {
            return;
        }
        d.attempts++;
        d.lastAttemptAt = outcome.at();
        d.firstAttemptAt = d.firstAttemptAt == null ? outcome.at() : d.firstAttemptAt;
        d.responseCode = outcome.status() > 0 ? outcome.status() : null;
        d.latencyMs = outcome.latencyMs();
        d.error = outcome.error();
        switch (outcome.verdict()) {
            case DELIVERED -> finish(d, WebhookDelivery.Status.DELIVERED, now);
            case REJECTED -> finish(d, WebhookDelivery.Status.FAILED, now);
            case GONE -> {
                finish(d, WebhookDelivery.Status.FAILED, now);
                pause(w, "The receiver answered 410 Gone, so the subscription was disabled", now);
            }
            case REFUSED -> {
                d.nextAttemptAt = null;
                pause(w, "The target was refused: " + outcome.error(), now);
            }
            case RETRY -> {
                Instant next = now.plus(Backoff.delay(d.attempts, outcome.retryAfter(), config));
                if (next.isAfter(d.firstAttemptAt.plus(config.retryPeriod()))) {
                    d.nextAttemptAt = null;
                    pause(w, "Deliveries failed for " + config.retryPeriod() + "; last attempt: " + outcome.error(), now);
                } else {
                    d.nextAttemptAt = next;
                }
            }
        }
    }

    private static void finish(WebhookDelivery d, WebhookDelivery.Status status, Instant now) {
        d.status = status;
        d.nextAttemptAt = null;
        d.finishedAt = now;
    }

    private static void pause(Webhook w, String reason, Instant now) {
        w.active = false;
        w.pausedReason = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        w.pausedAt = now;
    }

    /** Drops finished deliveries past the retention; pending ones stay, whatever their age. */
    @Scheduled(every = "${registry.webhooks.purge-interval:PT1H}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from webhook_delivery where finished_at < :oldest")
                .setParameter("oldest", Instant.now().minus(config.deliveryRetention())).executeUpdate());
    }
}
