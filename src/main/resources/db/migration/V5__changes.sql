-- The change log partners follow: every write of a public kind, in commit order (see ChangeLog).
CREATE TABLE change_log (
    seq         BIGINT        NOT NULL PRIMARY KEY,
    kind        VARCHAR(20)   NOT NULL,
    record_id   VARCHAR(26)   NOT NULL,
    slug        VARCHAR(120),
    operation   VARCHAR(10)   NOT NULL,
    version     BIGINT        NOT NULL,
    at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    payload     VARCHAR(1000000)
);
CREATE INDEX ix_change_log_kind ON change_log (kind, seq);
CREATE INDEX ix_change_log_at ON change_log (at);

-- One row: the last sequence number handed out and the last one purged by retention.
-- Taking the next number locks this row until the writing transaction commits, so numbers
-- are handed out in commit order and a reader never sees a gap that fills in later.
CREATE TABLE change_counter (
    name            VARCHAR(20)  NOT NULL PRIMARY KEY,
    last_seq        BIGINT       NOT NULL,
    purged_through  BIGINT       NOT NULL
);
INSERT INTO change_counter (name, last_seq, purged_through) VALUES ('changes', 0, 0);

-- When the last change was written: the Last-Modified of every public list and feed.
ALTER TABLE change_counter ADD COLUMN last_at TIMESTAMP(6) WITH TIME ZONE;
