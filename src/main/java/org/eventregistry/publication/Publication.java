package org.eventregistry.publication;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.eventregistry.platform.record.PublicationStatus;
import org.eventregistry.platform.record.Topic;
import org.eventregistry.event.Event;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** An article, essay, interview, report, book or news item the organisation publishes. */
@Entity
@Table(name = "publication")
public class Publication extends PanacheEntityBase {

    @Id
    @Column(length = 26)
    public String id;

    @Column(nullable = false, length = 120, unique = true)
    public String slug;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    public PublicationType type;

    @Column(nullable = false, length = 500)
    public String title;

    @Column(length = 500)
    public String subtitle;

    @Column(name = "abstract_text", length = 20000)
    public String abstractText;

    @Column(length = 500000)
    public String body;

    /** First day of the publication period; see {@link #publishedPrecision}. */
    @Column(name = "published_on")
    public LocalDate publishedOn;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "published_precision", length = 5)
    public PublishedDate.Precision publishedPrecision;

    @Column(name = "periodical_name", length = 200)
    public String periodicalName;

    @Column(name = "periodical_key", length = 400)
    public String periodicalKey;

    @Column(length = 20)
    public String volume;

    @Column(length = 20)
    public String issue;

    @Column(length = 20)
    public String pages;

    @Column(length = 200)
    public String publisher;

    @Column(length = 200)
    public String doi;

    @Column(length = 13)
    public String isbn;

    @Column(length = 2000)
    public String url;

    @Column(name = "image_url", length = 2000)
    public String imageUrl;

    @Column(length = 35)
    public String language;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "publication_status", nullable = false, length = 12)
    public PublicationStatus publicationStatus;

    @ElementCollection
    @CollectionTable(name = "publication_topic", joinColumns = @JoinColumn(name = "publication_id"))
    @OrderColumn(name = "position")
    @BatchSize(size = 100)
    public List<Topic> topics = new ArrayList<>();

    @OneToMany(mappedBy = "publication", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    @BatchSize(size = 100)
    public List<Authorship> authors = new ArrayList<>();

    @ManyToMany
    @JoinTable(name = "publication_event", joinColumns = @JoinColumn(name = "publication_id"),
            inverseJoinColumns = @JoinColumn(name = "event_id"))
    @OrderBy("startsAt")
    @BatchSize(size = 100)
    public Set<Event> relatedEvents = new LinkedHashSet<>();


    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    @Column(nullable = false)
    public long version;
}
