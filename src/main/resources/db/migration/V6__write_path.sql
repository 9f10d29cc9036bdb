-- What the public has seen of each public representation (an event, speaker, publication, or an event's
-- line-up): whether it is visible now and the last version the change stream carried for it. A record the
-- public never saw has no row and leaves no trace; the versions of one representation only grow.
CREATE TABLE public_view (
    kind       VARCHAR(20)  NOT NULL,
    record_id  VARCHAR(26)  NOT NULL,
    visible    BOOLEAN      NOT NULL,
    version    BIGINT       NOT NULL,
    CONSTRAINT pk_public_view PRIMARY KEY (kind, record_id)
);

-- Every write, drafts included, moves write_seq on: the validator of what staff see. last_seq moves only
-- for what the public sees.
ALTER TABLE change_counter ADD COLUMN write_seq BIGINT NOT NULL DEFAULT 0;
ALTER TABLE change_counter ADD COLUMN write_at TIMESTAMP(6) WITH TIME ZONE;

-- An event's line-up has a revision of its own, moved by every change to what the line-up shows.
ALTER TABLE event ADD COLUMN lineup_version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE event ADD COLUMN lineup_updated_at TIMESTAMP(6) WITH TIME ZONE;

-- Rows locked while a slug is derived from a title or name, so racing creates get distinct slugs.
CREATE TABLE slug_lock (
    kind  VARCHAR(20) NOT NULL PRIMARY KEY
);
INSERT INTO slug_lock (kind) VALUES ('event'), ('speaker'), ('publication');
