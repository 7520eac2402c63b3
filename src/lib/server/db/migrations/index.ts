import records from './0001_records';
import accounts from './0002_accounts';
import importLookups from './0004_import_lookups';
import evidence from './0005_evidence';
import recordsBodyJson from './0006_records_body_json';

/** Numbered schema changes, applied in order at start; never edit one that has shipped, add the next. */
export const MIGRATIONS: ReadonlyArray<{ version: number; name: string; sql: string }> = [
	{ version: 1, name: 'records', sql: records },
	{ version: 2, name: 'accounts', sql: accounts },
	{ version: 4, name: 'import_lookups', sql: importLookups },
	{ version: 5, name: 'evidence', sql: evidence },
	{ version: 6, name: 'records_body_json', sql: recordsBodyJson }
];
