-- Every record a write touched, drafts included, under the write's number (change_counter.write_seq, taken
-- under the counter's lock, so numbers follow commit order). The search index follows this log by its own
-- cursor: it sees drafts (which staff may find) and never a write that rolled back.
CREATE TABLE record_write (
    seq        BIGINT       NOT NULL,
    kind       VARCHAR(20)  NOT NULL,
    record_id  VARCHAR(26)  NOT NULL,
    at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_record_write PRIMARY KEY (seq, kind, record_id)
);
CREATE INDEX ix_record_write_at ON record_write (at);

-- How far the retention purge dropped record_write: an index whose cursor is older is rebuilt.
ALTER TABLE change_counter ADD COLUMN writes_purged_through BIGINT NOT NULL DEFAULT 0;

-- Each search index's cursor over record_write. An embedded (Lucene) index is named by the id kept in its own
-- folder, so a new or deleted folder starts from nothing; a shared (OpenSearch) index has one row, and the
-- lease columns let one instance at a time write it.
CREATE TABLE search_index_state (
    name            VARCHAR(200) NOT NULL PRIMARY KEY,
    position        BIGINT       NOT NULL,
    mapping_version INTEGER      NOT NULL,
    built_at        TIMESTAMP(6) WITH TIME ZONE,
    indexed_at      TIMESTAMP(6) WITH TIME ZONE,
    lease_owner     VARCHAR(100),
    lease_until     TIMESTAMP(6) WITH TIME ZONE
);

-- q on the collections now runs on the search engine: the folded text columns of the interim LIKE match go.
ALTER TABLE speaker DROP COLUMN search_text;
ALTER TABLE publication DROP COLUMN search_text;
