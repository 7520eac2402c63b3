import postgres from 'postgres';
import { StoreError, type Db, type Queryable } from './db';

type Sql = postgres.Sql | postgres.TransactionSql;

function queryable(sql: Sql): Queryable {
	return {
		async query<T>(text: string, params: unknown[] = []) {
			return (await sql.unsafe(text, params as postgres.ParameterOrJSON<never>[])) as T[];
		},
		async exec(text: string) {
			await sql.unsafe(text);
		}
	};
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
	try {
		const parsed = new URL(url);
		if (parsed.password) parsed.password = '***';
		return parsed.toString();
	} catch {
		return '(not a URL)';
	}
}

/**
 * A PostgreSQL server by URL. Connects once before resolving, so an unreachable server or a wrong
 * URL is one {@link StoreError} line here rather than a failure at the first request.
 */
export async function openPostgres(url: string): Promise<Db> {
	let sql: postgres.Sql;
	try {
		sql = postgres(url, {
			max: 4,
			connect_timeout: 5,
			onnotice: () => {}
		});
	} catch (error) {
		throw new StoreError(`DATABASE_URL is not a PostgreSQL URL: ${message(error)}`);
	}
	try {
		await sql`select 1`;
	} catch (error) {
		await sql.end({ timeout: 1 }).catch(() => {});
		throw new StoreError(`cannot connect to DATABASE_URL ${redactUrl(url)}: ${message(error)}`);
	}
	return {
		engine: 'postgres',
		...queryable(sql),
		transaction: (fn) => sql.begin((tx) => fn(queryable(tx))) as never,
		async listen(channel, onPayload) {
			const { unlisten } = await sql.listen(channel, onPayload);
			return unlisten;
		},
		close: () => sql.end({ timeout: 5 })
	};
}

function message(error: unknown): string {
	if (error instanceof AggregateError && error.errors.length) return message(error.errors[0]);
	const text = error instanceof Error ? error.message || error.name : String(error);
	const code = (error as { code?: string })?.code;
	return code && !text.includes(code) ? `${text} (${code})` : text;
}
