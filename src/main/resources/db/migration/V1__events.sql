-- Events, their topics, and the small tables every resource shares.
CREATE TABLE event (
    id                  VARCHAR(26)   NOT NULL PRIMARY KEY,
    slug                VARCHAR(120)  NOT NULL,
    title               VARCHAR(300)  NOT NULL,
    subtitle            VARCHAR(300),
    summary             VARCHAR(2000),
    description         VARCHAR(100000),
    type                VARCHAR(20)   NOT NULL,
    publication_status  VARCHAR(12)   NOT NULL,
    status              VARCHAR(16)   NOT NULL,
    format              VARCHAR(12)   NOT NULL,
    starts_at           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    ends_at             TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    time_zone           VARCHAR(64)   NOT NULL,
    venue_name          VARCHAR(200),
    venue_address       VARCHAR(300),
    venue_city          VARCHAR(100),
    venue_city_key      VARCHAR(200),
    venue_country       VARCHAR(2),
    online_url          VARCHAR(2000),
    registration_url    VARCHAR(2000),
    image_url           VARCHAR(2000),
    language            VARCHAR(35),
    series              VARCHAR(200),
    series_key          VARCHAR(400),
    parent_id           VARCHAR(26),
    created_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version             BIGINT        NOT NULL,
    CONSTRAINT uq_event_slug UNIQUE (slug),
    CONSTRAINT fk_event_parent FOREIGN KEY (parent_id) REFERENCES event (id)
);

-- Sorts (each made total by the id) and the range filter.
CREATE INDEX ix_event_starts_at ON event (starts_at, id);
CREATE INDEX ix_event_ends_at ON event (ends_at, id);
CREATE INDEX ix_event_title ON event (title, id);
CREATE INDEX ix_event_created_at ON event (created_at, id);
CREATE INDEX ix_event_updated_at ON event (updated_at, id);
-- Filters.
CREATE INDEX ix_event_type ON event (type, starts_at);
CREATE INDEX ix_event_status ON event (status, starts_at);
CREATE INDEX ix_event_format ON event (format, starts_at);
CREATE INDEX ix_event_publication_status ON event (publication_status, starts_at);
CREATE INDEX ix_event_country ON event (venue_country, starts_at);
CREATE INDEX ix_event_city ON event (venue_city_key, starts_at);
CREATE INDEX ix_event_series ON event (series_key, starts_at);
CREATE INDEX ix_event_language ON event (language, starts_at);
CREATE INDEX ix_event_parent ON event (parent_id, starts_at);

CREATE TABLE event_topic (
    event_id   VARCHAR(26)  NOT NULL,
    position   INTEGER      NOT NULL,
    name       VARCHAR(60)  NOT NULL,
    topic_key  VARCHAR(120) NOT NULL,
    CONSTRAINT pk_event_topic PRIMARY KEY (event_id, position),
    CONSTRAINT fk_event_topic_event FOREIGN KEY (event_id) REFERENCES event (id) ON DELETE CASCADE
);
CREATE INDEX ix_event_topic_key ON event_topic (topic_key, event_id);

-- A POST retried with the same Idempotency-Key answers the first response again.
CREATE TABLE idempotency_record (
    scope         VARCHAR(100)    NOT NULL,
    idem_key      VARCHAR(200)    NOT NULL,
    request_hash  VARCHAR(64)     NOT NULL,
    status        INTEGER         NOT NULL,
    location      VARCHAR(500)    NOT NULL,
    etag          VARCHAR(100)    NOT NULL,
    body          VARCHAR(4000000) NOT NULL,
    created_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_idempotency_record PRIMARY KEY (scope, idem_key)
);
CREATE INDEX ix_idempotency_created_at ON idempotency_record (created_at);

-- Secrets this instance keeps across restarts (the key that signs list cursors).
CREATE TABLE instance_secret (
    name    VARCHAR(40)  NOT NULL PRIMARY KEY,
    secret  VARCHAR(200) NOT NULL
);
