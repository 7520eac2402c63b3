import records from './0001_records';

/** Numbered schema changes, applied in order at start; never edit one that has shipped, add the next. */
export const MIGRATIONS: ReadonlyArray<{ version: number; name: string; sql: string }> = [
	{ version: 1, name: 'records', sql: records }
];
