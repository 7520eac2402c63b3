import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clientSize } from './client_size';

/** A ResizeObserver that reports only when the test says the browser laid the page out. */
class FakeObserver {
	static all: FakeObserver[] = [];
	observed: Element[] = [];
	disconnected = false;
	constructor(private callback: () => void) {
		FakeObserver.all.push(this);
	}
	observe(element: Element) {
		this.observed.push(element);
	}
	disconnect() {
		this.disconnected = true;
	}
	/** What the browser does after a layout in which an observed element's size changed. */
	layout() {
		if (!this.disconnected) this.callback();
	}
}

/** An element whose size reads are counted (each would force a layout in a browser). */
function element(width: number, height: number) {
	const reads = { count: 0 };
	const el = {
		get clientWidth() {
			reads.count++;
			return width;
		},
		get clientHeight() {
			reads.count++;
			return height;
		},
		resize(w: number, h: number) {
			width = w;
			height = h;
		}
	};
	return { el, reads };
}

afterEach(() => {
	vi.unstubAllGlobals();
	FakeObserver.all = [];
});

describe('clientSize', () => {
	it('reads no size when attached, only when the observer reports after a layout', () => {
		vi.stubGlobal('ResizeObserver', FakeObserver);
		const { el, reads } = element(640, 480);
		const sizes: { width: number; height: number }[] = [];
		const detach = clientSize((s) => sizes.push(s))(el as unknown as HTMLElement);
		expect(reads.count).toBe(0);
		expect(sizes).toEqual([]);
		const [observer] = FakeObserver.all;
		expect(observer.observed).toEqual([el]);
		observer.layout();
		expect(sizes).toEqual([{ width: 640, height: 480 }]);
		el.resize(320, 200);
		observer.layout();
		expect(sizes.at(-1)).toEqual({ width: 320, height: 200 });
		(detach as () => void)();
		expect(observer.disconnected).toBe(true);
		observer.layout();
		expect(sizes).toHaveLength(2);
	});
});

describe('components', () => {
	/**
	 * `bind:clientWidth` and its kin read the size synchronously as the page hydrates, forcing a
	 * layout of the whole page before the map can start (see `clientSize`).
	 */
	it('measure elements through clientSize, never through a size binding', () => {
		const files = (dir: string): string[] =>
			readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
				entry.isDirectory()
					? files(join(dir, entry.name))
					: entry.name.endsWith('.svelte')
						? [join(dir, entry.name)]
						: []
			);
		const offenders = files('src').filter((file) =>
			/bind:(client|offset)(Width|Height)\b/.test(readFileSync(file, 'utf8'))
		);
		expect(offenders).toEqual([]);
	});
});
