package org.eventregistry.lineup;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.eventregistry.event.Event;
import org.eventregistry.speaker.Speaker;
import org.eventregistry.speaker.SpeakerRole;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/** A speaker's place in an event's line-up: the role, the order, and the affiliation they had at the time. */
@Entity
@Table(name = "participation")
public class Participation extends PanacheEntityBase {

    @Id
    @Column(length = 26)
    public String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "event_id")
    public Event event;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "speaker_id")
    public Speaker speaker;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 12)
    public SpeakerRole role;

    @Column(nullable = false)
    public int position;

    @Column(name = "session_title", length = 300)
    public String sessionTitle;

    /** Copied from the speaker when added, so the line-up keeps the title they had on the day. */
    @Column(name = "affiliation_at_event", length = 200)
    public String affiliationAtEvent;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
