-- traceparent: the W3C trace context of the request that recorded the event (null when tracing is
-- off), so the drainer pass that applies it links its span to that request's.
-- graph_bookmarks: the Neo4j bookmarks of the write that applied the event.
ALTER TABLE sync_events ADD COLUMN traceparent text;
ALTER TABLE sync_events ADD COLUMN graph_bookmarks text[];

-- The latest Neo4j bookmarks of each drainer (one row per drainer instance, written with the events it
-- marks applied). One drainer's writes follow each other, so its latest bookmark covers all its earlier
-- ones, and the rows together cover every applied event: a read opened with all of them sees every
-- change Postgres says is applied, on any member of a cluster (src/sync/causalBookmarks.ts).
CREATE TABLE drainer_bookmarks (
  drainer_id text PRIMARY KEY,
  bookmarks text[],
  updated_at timestamptz(3) NOT NULL DEFAULT now()
);
