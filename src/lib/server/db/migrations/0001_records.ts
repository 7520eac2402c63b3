/**
 * Records and their revisions. `records` holds every version of every record; `heads` points each
 * record at the version readers see (`published_version`, null once retracted) and at its newest
 * version (a draft may be newer than what is published); `revisions` is the append-only log.
 */
export default `
create table records (
	kind text not null,
	id text not null,
	version integer not null check (version > 0),
	status text not null check (status in ('draft', 'in_review', 'published', 'retracted')),
	body jsonb not null,
	revision bigint not null,
	primary key (kind, id, version)
);

create table heads (
	kind text not null,
	id text not null,
	position integer not null,
	published_version integer,
	latest_version integer not null,
	primary key (kind, id),
	foreign key (kind, id, latest_version) references records (kind, id, version),
	foreign key (kind, id, published_version) references records (kind, id, version)
);

create index heads_published on heads (kind, position) where published_version is not null;

create table revisions (
	revision bigint primary key,
	kind text not null,
	id text not null,
	version integer not null,
	status text not null check (status in ('draft', 'in_review', 'published', 'retracted')),
	author text not null check (author <> ''),
	at timestamptz not null default now(),
	reason text not null default '',
	body jsonb not null
);

create index revisions_record on revisions (kind, id, revision);

create function revisions_append_only() returns trigger language plpgsql as $$
begin
	raise exception 'revisions are append-only';
end;
$$;

create trigger revisions_append_only before update or delete on revisions
	for each row execute function revisions_append_only();
`;
