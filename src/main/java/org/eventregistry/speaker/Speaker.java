package org.eventregistry.speaker;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.eventregistry.platform.record.Topic;
import org.hibernate.annotations.BatchSize;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A person who speaks at, chairs or writes for the registry's events, registered once and reused. */
@Entity
@Table(name = "speaker")
public class Speaker extends PanacheEntityBase {

    @Id
    @Column(length = 26)
    public String id;

    @Column(nullable = false, length = 120, unique = true)
    public String slug;

    @Column(length = 50)
    public String honorific;

    @Column(name = "given_name", length = 100)
    public String givenName;

    @Column(name = "family_name", length = 100)
    public String familyName;

    @Column(name = "display_name", nullable = false, length = 200)
    public String displayName;

    /** Collation key of family then given name, so the database sorts names as readers of the language expect. */
    @Column(name = "family_sort_key", nullable = false, length = 1000)
    public String familySortKey;

    @Column(length = 200)
    public String position;

    @Column(length = 200)
    public String affiliation;

    @Column(name = "affiliation_key", length = 400)
    public String affiliationKey;

    @Column(length = 2)
    public String country;

    @Column(length = 20000)
    public String bio;

    @Column(name = "photo_url", length = 2000)
    public String photoUrl;

    @Column(length = 2000)
    public String website;

    @Column(length = 19)
    public String orcid;

    @ElementCollection
    @CollectionTable(name = "speaker_profile", joinColumns = @JoinColumn(name = "speaker_id"))
    @OrderColumn(name = "position")
    @Column(name = "url", nullable = false, length = 2000)
    @BatchSize(size = 100)
    public List<String> profiles = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "speaker_topic", joinColumns = @JoinColumn(name = "speaker_id"))
    @OrderColumn(name = "position")
    @BatchSize(size = 100)
    public List<Topic> topics = new ArrayList<>();

    /** Private: staff and admin only. */
    @Column(length = 254)
    public String email;

    /** Private: staff and admin only. */
    @Column(length = 40)
    public String phone;


    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    @Column(nullable = false)
    public long version;
}
