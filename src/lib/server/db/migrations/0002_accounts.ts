/**
 * Accounts, browser sessions and API tokens. Ids are opaque random strings (revisions name authors
 * as `user:<id>`, never by e-mail address). Session and API tokens are stored only as their
 * SHA-256 hex digests: a copy of the database does not let anyone sign in.
 */
export default `
create table users (
	id text primary key,
	email text not null unique check (email <> '' and email = lower(email)),
	role text not null check (role in ('editor', 'reviewer', 'admin')),
	password_hash text not null,
	created_at timestamptz not null default now()
);

create table sessions (
	token_hash text primary key check (length(token_hash) = 64),
	user_id text not null references users (id) on delete cascade,
	created_at timestamptz not null default now(),
	expires_at timestamptz not null
);

create index sessions_user on sessions (user_id);

create table api_tokens (
	token_hash text primary key check (length(token_hash) = 64),
	user_id text not null references users (id) on delete cascade,
	label text not null default '',
	created_at timestamptz not null default now(),
	revoked_at timestamptz
);

create index api_tokens_user on api_tokens (user_id);
`;
