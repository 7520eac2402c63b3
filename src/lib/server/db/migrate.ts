import type { Db } from './db';
import { MIGRATIONS } from './migrations';

/**
 * Applies the migrations the database has not seen, each in its own transaction, under an advisory
 * lock so that two instances starting on one server do not race. Returns the versions applied.
 */
export async function migrate(db: Db, migrations = MIGRATIONS): Promise<number[]> {
	await db.exec(`create table if not exists schema_migrations (
		version integer primary key,
		name text not null,
		applied_at timestamptz not null default now()
	)`);
	const applied: number[] = [];
	await db.transaction(async (tx) => {
		await tx.query('select pg_advisory_xact_lock(4224242)');
		const done = new Set(
			(await tx.query<{ version: number }>('select version from schema_migrations')).map((r) =>
				Number(r.version)
			)
		);
		for (const migration of migrations) {
			if (done.has(migration.version)) continue;
			await tx.exec(migration.sql);
			await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [
				migration.version,
				migration.name
			]);
			applied.push(migration.version);
		}
	});
	return applied;
}
