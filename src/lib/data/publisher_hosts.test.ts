import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PUBLISHER_HOSTS } from './publisher_hosts';
import { blockedHost, urlProblem } from './url_policy';

/** Every http(s) URL in every file under `dir`, with the file it is in. */
function urlsUnder(dir: string): { file: string; url: string }[] {
	const found: { file: string; url: string }[] = [];
	for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
		if (!entry.isFile()) continue;
		const file = join(entry.parentPath, entry.name);
		for (const [url] of readFileSync(file, 'utf8').matchAll(/https?:\/\/[^\s"'<>)\]]+/g)) {
			found.push({ file, url });
		}
	}
	return found;
}

const reviewed = new Map(PUBLISHER_HOSTS.map(([host, publisher]) => [host, publisher]));

describe('PUBLISHER_HOSTS', () => {
	const urls = urlsUnder('geodata');

	it('finds the URLs of geodata/ (the walk reaches places, layers, sources and the basemap)', () => {
		const files = new Set(urls.map((u) => u.file));
		expect(files).toContain(join('geodata', 'places.geojson'));
		expect(files).toContain(join('geodata', 'sources.json'));
		expect(files).toContain(join('geodata', 'layers', 'nkao-1923-1991.geojson'));
		expect(files).toContain(join('geodata', 'basemap', 'LICENSE.md'));
	});

	it('lists the host of every URL in geodata/: a new host needs a human look first', () => {
		const unreviewed = urls
			.filter(({ url }) => !reviewed.has(new URL(url).hostname))
			.map(({ file, url }) => `${file}: ${url}`);
		expect(unreviewed).toEqual([]);
	});

	it('cites no URL in geodata/ that the URL policy refuses', () => {
		const refused = urls
			.map(({ file, url }) => ({ file, url, problem: urlProblem(url) }))
			.filter((u) => u.problem)
			.map(({ file, url, problem }) => `${file}: ${url} ${problem}`);
		expect(refused).toEqual([]);
	});

	it('has one line per host, each naming who publishes there, none of them blocked', () => {
		expect(reviewed.size).toBe(PUBLISHER_HOSTS.length);
		for (const [host, publisher] of PUBLISHER_HOSTS) {
			expect(host).toBe(new URL(`https://${host}/`).hostname);
			expect(publisher.length).toBeGreaterThan(3);
			expect(blockedHost(host), host).toBeUndefined();
			expect(urlProblem(`https://${host}/`), host).toBeUndefined();
		}
	});
});
