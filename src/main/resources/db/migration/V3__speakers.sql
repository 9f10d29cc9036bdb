-- Speakers, their topics and profile links, and the line-ups that tie them to events.
CREATE TABLE speaker (
    id               VARCHAR(26)   NOT NULL PRIMARY KEY,
    slug             VARCHAR(120)  NOT NULL,
    honorific        VARCHAR(50),
    given_name       VARCHAR(100),
    family_name      VARCHAR(100),
    display_name     VARCHAR(200)  NOT NULL,
    family_sort_key  VARCHAR(1000) NOT NULL,
    position         VARCHAR(200),
    affiliation      VARCHAR(200),
    affiliation_key  VARCHAR(400),
    country          VARCHAR(2),
    bio              VARCHAR(20000),
    photo_url        VARCHAR(2000),
    website          VARCHAR(2000),
    orcid            VARCHAR(19),
    email            VARCHAR(254),
    phone            VARCHAR(40),
    search_text      VARCHAR(4000) NOT NULL,
    created_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version          BIGINT        NOT NULL,
    CONSTRAINT uq_speaker_slug UNIQUE (slug)
);
CREATE INDEX ix_speaker_family ON speaker (family_sort_key, id);
CREATE INDEX ix_speaker_display ON speaker (display_name, id);
CREATE INDEX ix_speaker_created_at ON speaker (created_at, id);
CREATE INDEX ix_speaker_updated_at ON speaker (updated_at, id);
CREATE INDEX ix_speaker_affiliation ON speaker (affiliation_key);
CREATE INDEX ix_speaker_country ON speaker (country);

CREATE TABLE speaker_topic (
    speaker_id  VARCHAR(26)  NOT NULL,
    position    INTEGER      NOT NULL,
    name        VARCHAR(60)  NOT NULL,
    topic_key   VARCHAR(120) NOT NULL,
    CONSTRAINT pk_speaker_topic PRIMARY KEY (speaker_id, position),
    CONSTRAINT fk_speaker_topic_speaker FOREIGN KEY (speaker_id) REFERENCES speaker (id) ON DELETE CASCADE
);
CREATE INDEX ix_speaker_topic_key ON speaker_topic (topic_key, speaker_id);

CREATE TABLE speaker_profile (
    speaker_id  VARCHAR(26)   NOT NULL,
    position    INTEGER       NOT NULL,
    url         VARCHAR(2000) NOT NULL,
    CONSTRAINT pk_speaker_profile PRIMARY KEY (speaker_id, position),
    CONSTRAINT fk_speaker_profile_speaker FOREIGN KEY (speaker_id) REFERENCES speaker (id) ON DELETE CASCADE
);

CREATE TABLE participation (
    id                    VARCHAR(26)  NOT NULL PRIMARY KEY,
    event_id              VARCHAR(26)  NOT NULL,
    speaker_id            VARCHAR(26)  NOT NULL,
    role                  VARCHAR(12)  NOT NULL,
    position              INTEGER      NOT NULL,
    session_title         VARCHAR(300),
    affiliation_at_event  VARCHAR(200),
    created_at            TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_participation UNIQUE (event_id, speaker_id, role),
    CONSTRAINT fk_participation_event FOREIGN KEY (event_id) REFERENCES event (id) ON DELETE CASCADE,
    CONSTRAINT fk_participation_speaker FOREIGN KEY (speaker_id) REFERENCES speaker (id)
);
CREATE INDEX ix_participation_event ON participation (event_id, position);
CREATE INDEX ix_participation_speaker ON participation (speaker_id, role);
CREATE INDEX ix_participation_role ON participation (role, speaker_id);

-- Settings the instance remembers, such as the collation its sort keys were made with.
CREATE TABLE instance_setting (
    name   VARCHAR(40)  NOT NULL PRIMARY KEY,
    setting_value  VARCHAR(200) NOT NULL
);
