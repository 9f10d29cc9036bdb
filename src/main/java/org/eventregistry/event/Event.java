package org.eventregistry.event;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.eventregistry.platform.record.PublicationStatus;
import org.eventregistry.platform.record.Topic;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.OptimisticLock;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A conference, panel, lecture or other gathering, possibly a session inside a larger event. */
@Entity
@Table(name = "event")
// A page of sessions shows each parent only while it is public: their proxies load in one batch, not one by one.
@BatchSize(size = 100)
public class Event extends PanacheEntityBase {

    @Id
    @Column(length = 26)
    public String id;

    @Column(nullable = false, length = 120, unique = true)
    public String slug;

    @Column(nullable = false, length = 300)
    public String title;

    @Column(length = 300)
    public String subtitle;

    @Column(length = 2000)
    public String summary;

    @Column(length = 100000)
    public String description;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    public EventType type;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "publication_status", nullable = false, length = 12)
    public PublicationStatus publicationStatus;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    public EventStatus status;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 12)
    public EventFormat format;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    /**
     * How long the event runs, in whole seconds rounded up: the longest of all bounds how far before a moment an event
     * running at it can have started, so date filters read the start index from there (see EventService).
     */
    @Column(name = "span_seconds", nullable = false)
    public long spanSeconds;

    @Column(name = "time_zone", nullable = false, length = 64)
    public String timeZone;

    @Embedded
    public Venue venue = new Venue();

    @Column(name = "online_url", length = 2000)
    public String onlineUrl;

    @Column(name = "registration_url", length = 2000)
    public String registrationUrl;

    @Column(name = "image_url", length = 2000)
    public String imageUrl;

    @ElementCollection
    @CollectionTable(name = "event_topic", joinColumns = @JoinColumn(name = "event_id"))
    @OrderColumn(name = "position")
    @BatchSize(size = 100)
    public List<Topic> topics = new ArrayList<>();

    @Column(length = 35)
    public String language;

    @Column(length = 200)
    public String series;

    /** Folded series name for the series filter, which accepts the name or its slug. */
    @Column(name = "series_key", length = 400)
    public String seriesKey;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    public Event parent;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    @Column(nullable = false)
    public long version;

    /** The revision of the event's line-up: it moves with every change to what the line-up shows, not the event's own version. */
    @OptimisticLock(excluded = true)
    @Column(name = "lineup_version", nullable = false)
    public long lineupVersion;

    @OptimisticLock(excluded = true)
    @Column(name = "lineup_updated_at")
    public Instant lineupUpdatedAt;
}
