/**
 * Evidence: the text of a source as captured (`source_snapshots`, append-only: a new capture is a
 * new row, never an edit), and for each saved version of a statement the character range of the
 * snapshot its excerpt was found in (`statement_excerpts`, one row per version, written in the
 * same transaction as the version). Offsets are JavaScript string indices (UTF-16 code units) of
 * the snapshot's `text`, `start` inclusive and `end` exclusive. `(statement_id, version)` names a
 * row of `records` (kind `statement`) but declares no foreign key to it, so `records` can still be
 * truncated and re-seeded as before (tests, restores). Neither table is part of the published
 * dataset: snapshots are served to signed-in accounts only, and never exported.
 */
export default `
create table source_snapshots (
	id bigint generated always as identity primary key,
	source_id text not null,
	captured_at timestamptz not null default clock_timestamp(),
	sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
	text text not null check (text <> ''),
	origin text not null check (origin in ('pasted', 'html')),
	author text not null check (author <> '')
);

create index source_snapshots_source on source_snapshots (source_id, id);

create function source_snapshots_append_only() returns trigger language plpgsql as $$
begin
	raise exception 'source snapshots are append-only';
end;
$$;

create trigger source_snapshots_append_only before update or delete on source_snapshots
	for each row execute function source_snapshots_append_only();

create table statement_excerpts (
	statement_id text not null,
	version integer not null,
	snapshot_id bigint not null references source_snapshots (id),
	start_offset integer not null check (start_offset >= 0),
	end_offset integer not null check (end_offset > start_offset),
	primary key (statement_id, version)
);
`;
