import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IMPORT_PGLITE } from '../../../../scripts/import_cli';
import { openPglite } from './pglite_db';
import { openStore } from './store';

const sharedBuffers = async (db: { query: <T>(sql: string) => Promise<T[]> }) =>
	(await db.query<{ shared_buffers: string }>('show shared_buffers'))[0].shared_buffers;

describe('openPglite sharedBuffers', () => {
	let dir = '';
	afterEach(() => {
		if (dir) rmSync(dir, { recursive: true, force: true });
		dir = '';
	});

	it('starts the database with the shared_buffers asked for, else the default', async () => {
		const small = await openPglite(undefined, { sharedBuffers: '16MB' });
		try {
			expect(await sharedBuffers(small)).toBe('16MB');
		} finally {
			await small.close();
		}
		const plain = await openPglite();
		try {
			expect(await sharedBuffers(plain)).toBe('128MB');
		} finally {
			await plain.close();
		}
	});

	it('reaches the database through openStore, as the import command opens it', async () => {
		dir = mkdtempSync(join(tmpdir(), 'atlas-pglite-'));
		expect(IMPORT_PGLITE.sharedBuffers).toBe('16MB');
		const store = await openStore({ DATA_DIR: dir }, IMPORT_PGLITE);
		try {
			expect(await sharedBuffers(store.db)).toBe('16MB');
		} finally {
			await store.close();
		}
	});

	it('refuses a size PostgreSQL would not read as one', async () => {
		await expect(openPglite(undefined, { sharedBuffers: '16 megabytes' })).rejects.toThrow(
			'sharedBuffers "16 megabytes" is not a size like 16MB'
		);
	});
});
