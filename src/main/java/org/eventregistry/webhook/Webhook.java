package org.eventregistry.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;

import java.time.Instant;

/**
 * A partner's subscription: where to push changes, which ones, the signing secrets, and how far delivery has read.
 * Updates write only the columns they change, so an edit never puts back a cursor or lease that delivery moved meanwhile.
 */
@Entity
@Table(name = "webhook")
@DynamicUpdate
public class Webhook extends PanacheEntityBase {

    @Id
    @Column(length = 26)
    public String id;

    /** Who manages it: {@code token:<id>} for an API token, the caller's name for a JWT. */
    @Column(nullable = false, length = 200)
    public String owner;

    @Column(nullable = false, length = 2000)
    public String url;

    /** Change types and wildcards, comma-separated (event.created,speaker.*). */
    @Column(nullable = false, length = 1000)
    public String types;

    /** Folded topic keys, comma-separated; null for any. */
    @Column(length = 2000)
    public String topics;

    /** Folded series keys, comma-separated; null for any. */
    @Column(length = 2000)
    public String series;

    @Column(length = 500)
    public String description;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "paused_reason", length = 1000)
    public String pausedReason;

    @Column(name = "paused_at")
    public Instant pausedAt;

    @Column(nullable = false, length = 100)
    public String secret;

    @Column(name = "previous_secret", length = 100)
    public String previousSecret;

    @Column(name = "previous_secret_until")
    public Instant previousSecretUntil;

    @Column(name = "cursor_seq", nullable = false)
    public long cursorSeq;

    @Column(name = "lease_owner", length = 100)
    public String leaseOwner;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "created_by", nullable = false, length = 200)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(nullable = false)
    public long version;
}
