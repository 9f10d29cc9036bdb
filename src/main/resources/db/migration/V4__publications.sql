-- Publications (articles, interviews, reports, books...) with their ordered authors and related events.
CREATE TABLE publication (
    id                  VARCHAR(26)   NOT NULL PRIMARY KEY,
    slug                VARCHAR(120)  NOT NULL,
    type                VARCHAR(16)   NOT NULL,
    title               VARCHAR(500)  NOT NULL,
    subtitle            VARCHAR(500),
    abstract_text       VARCHAR(20000),
    body                VARCHAR(500000),
    published_on        DATE,
    published_precision VARCHAR(5),
    periodical_name     VARCHAR(200),
    periodical_key      VARCHAR(400),
    volume              VARCHAR(20),
    issue               VARCHAR(20),
    pages               VARCHAR(20),
    publisher           VARCHAR(200),
    doi                 VARCHAR(200),
    isbn                VARCHAR(13),
    url                 VARCHAR(2000),
    image_url           VARCHAR(2000),
    language            VARCHAR(35),
    publication_status  VARCHAR(12)   NOT NULL,
    search_text         VARCHAR(4000) NOT NULL,
    created_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version             BIGINT        NOT NULL,
    CONSTRAINT uq_publication_slug UNIQUE (slug)
);
CREATE INDEX ix_publication_published_on ON publication (published_on, id);
CREATE INDEX ix_publication_title ON publication (title, id);
CREATE INDEX ix_publication_created_at ON publication (created_at, id);
CREATE INDEX ix_publication_updated_at ON publication (updated_at, id);
CREATE INDEX ix_publication_type ON publication (type, published_on);
CREATE INDEX ix_publication_periodical ON publication (periodical_key, volume, issue);
CREATE INDEX ix_publication_language ON publication (language, published_on);
CREATE INDEX ix_publication_status ON publication (publication_status, published_on);
CREATE INDEX ix_publication_doi ON publication (doi);

CREATE TABLE publication_topic (
    publication_id  VARCHAR(26)  NOT NULL,
    position        INTEGER      NOT NULL,
    name            VARCHAR(60)  NOT NULL,
    topic_key       VARCHAR(120) NOT NULL,
    CONSTRAINT pk_publication_topic PRIMARY KEY (publication_id, position),
    CONSTRAINT fk_publication_topic_publication FOREIGN KEY (publication_id) REFERENCES publication (id) ON DELETE CASCADE
);
CREATE INDEX ix_publication_topic_key ON publication_topic (topic_key, publication_id);

CREATE TABLE publication_author (
    id              VARCHAR(26)  NOT NULL PRIMARY KEY,
    publication_id  VARCHAR(26)  NOT NULL,
    position        INTEGER      NOT NULL,
    speaker_id      VARCHAR(26)  NOT NULL,
    CONSTRAINT uq_publication_author UNIQUE (publication_id, speaker_id),
    CONSTRAINT fk_publication_author_publication FOREIGN KEY (publication_id) REFERENCES publication (id) ON DELETE CASCADE,
    CONSTRAINT fk_publication_author_speaker FOREIGN KEY (speaker_id) REFERENCES speaker (id)
);
CREATE INDEX ix_publication_author_speaker ON publication_author (speaker_id, publication_id);
CREATE INDEX ix_publication_author_order ON publication_author (publication_id, position);

CREATE TABLE publication_event (
    publication_id  VARCHAR(26)  NOT NULL,
    event_id        VARCHAR(26)  NOT NULL,
    CONSTRAINT pk_publication_event PRIMARY KEY (publication_id, event_id),
    CONSTRAINT fk_publication_event_publication FOREIGN KEY (publication_id) REFERENCES publication (id) ON DELETE CASCADE,
    CONSTRAINT fk_publication_event_event FOREIGN KEY (event_id) REFERENCES event (id) ON DELETE CASCADE
);
CREATE INDEX ix_publication_event_event ON publication_event (event_id, publication_id);
