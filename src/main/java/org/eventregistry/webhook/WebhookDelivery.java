package org.eventregistry.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/** One message to one subscription, with the outcome of its attempts. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {

    /** PENDING until it is delivered (DELIVERED) or given up on (FAILED: a refusal that retrying cannot fix). */
    public enum Status {
        PENDING, DELIVERED, FAILED
    }

    @Id
    @Column(length = 26)
    public String id;

    @Column(name = "webhook_id", nullable = false, length = 26)
    public String webhookId;

    /** The webhook-id header: the same on every attempt and on a redelivery. */
    @Column(name = "message_id", nullable = false, length = 40)
    public String messageId;

    @Column(name = "queue_position", nullable = false)
    public long queuePosition;

    @Column(name = "change_seq")
    public Long changeSeq;

    @Column(nullable = false, length = 40)
    public String type;

    @Column(nullable = false, length = 1_000_000)
    public String payload;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 12)
    public Status status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "response_code")
    public Integer responseCode;

    @Column(name = "latency_ms")
    public Long latencyMs;

    @Column(length = 1000)
    public String error;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "first_attempt_at")
    public Instant firstAttemptAt;

    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "finished_at")
    public Instant finishedAt;
}
