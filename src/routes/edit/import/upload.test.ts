import { describe, expect, it } from 'vitest';
import { importUrl } from './upload';

describe('importUrl', () => {
	it('says the format, the name and only the options chosen', () => {
		const base = { format: 'auto', name: 'acled export.csv', map: {} } as const;
		expect(importUrl({ ...base, dryRun: true, skipRejected: false, submit: false, map: {} })).toBe(
			'/api/import?format=auto&name=acled+export.csv&dry_run=1'
		);
		expect(importUrl({ ...base, dryRun: false, skipRejected: true, submit: true })).toBe(
			'/api/import?format=auto&name=acled+export.csv&skip_rejected=1&submit=1'
		);
	});

	it('sends the CSV columns chosen by hand, not the ones left as detected', () => {
		const url = importUrl({
			format: 'csv',
			name: 'a.csv',
			dryRun: true,
			skipRejected: false,
			submit: false,
			map: { date: 'Day & time', title: '' }
		});
		expect(new URL(url, 'http://x').searchParams.get('map.date')).toBe('Day & time');
		expect(url).not.toContain('map.title');
	});
});
