/** Something SQL can be sent to: the database itself or an open transaction. */
export interface Queryable {
	/** One statement with `$1`-style parameters; the rows it returns. */
	query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
	/** Several statements without parameters (migrations). */
	exec(sql: string): Promise<void>;
}

/**
 * The one interface the store is written against. PGlite (embedded, the default) and a PostgreSQL
 * server (`DATABASE_URL`, through postgres.js) both satisfy it, so every query runs on both.
 */
export interface Db extends Queryable {
	readonly engine: 'pglite' | 'postgres';
	/** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
	transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
	/** Calls `onPayload` for every `NOTIFY` on `channel`; resolves to a function that stops it. */
	listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
	close(): Promise<void>;
}

/** A store that cannot be opened, said in one line (the server and the CLIs print it and exit 1). */
export class StoreError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'StoreError';
	}
}
