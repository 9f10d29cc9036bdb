package org.eventregistry.platform.record;

import org.eventregistry.platform.text.Slugs;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A tag on a record, kept as written and with a folded key that the topic filter matches. */
@Embeddable
public class Topic {

    @Column(name = "name", nullable = false, length = 60)
    public String name;

    @Column(name = "topic_key", nullable = false, length = 120)
    public String key;

    protected Topic() {
    }

    public Topic(String name) {
        this.name = name.strip();
        this.key = Slugs.key(this.name);
    }
}
