package org.eventregistry.publication;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.eventregistry.speaker.Speaker;

/** A speaker's place in a publication's author list. */
@Entity
@Table(name = "publication_author")
public class Authorship {

    @Id
    @Column(length = 26)
    public String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "publication_id")
    public Publication publication;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "speaker_id")
    public Speaker speaker;

    @Column(nullable = false)
    public int position;
}
