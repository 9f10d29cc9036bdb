-- Lists that cost the same at 100,000 events as at 1,000 (see BENCHMARKS.md, "Lists at scale").
-- The public sees published records only: each sort has an index that leads with the publication status, so a page
-- of published events is read in order from an index range (forwards or backwards) and the scan stops after the page.
-- The old (publication_status, starts_at) index is covered by the first of them.
DROP INDEX ix_event_publication_status;
CREATE INDEX ix_event_visible_starts_at ON event (publication_status, starts_at, id);
CREATE INDEX ix_event_visible_ends_at ON event (publication_status, ends_at, id);
CREATE INDEX ix_event_visible_title ON event (publication_status, title, id);
CREATE INDEX ix_event_visible_created_at ON event (publication_status, created_at, id);
CREATE INDEX ix_event_visible_updated_at ON event (publication_status, updated_at, id);

-- How long each event runs (seconds, rounded up): the longest bounds how far back before `from` an event still
-- running at `from` can have started, so from=now reads the start index from there, not from the first event.
ALTER TABLE event ADD COLUMN span_seconds BIGINT NOT NULL DEFAULT 0;
UPDATE event SET span_seconds = CAST(EXTRACT(EPOCH FROM (ends_at - starts_at)) AS BIGINT) + 1;
CREATE INDEX ix_event_span ON event (span_seconds);

DROP INDEX ix_publication_status;
CREATE INDEX ix_publication_visible_published_on ON publication (publication_status, published_on, id);
CREATE INDEX ix_publication_visible_title ON publication (publication_status, title, id);
CREATE INDEX ix_publication_visible_created_at ON publication (publication_status, created_at, id);
CREATE INDEX ix_publication_visible_updated_at ON publication (publication_status, updated_at, id);
