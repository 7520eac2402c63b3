import { describe, expect, it } from 'vitest';
import { intersect, menuPlacement } from './menu_position';

const VIEWPORT = { width: 1280, height: 720 };
const MENU = { width: 182, height: 142 };

describe('menuPlacement', () => {
	it('opens under the button, start edges aligned, when it fits', () => {
		const anchor = { left: 600, top: 300, right: 700, bottom: 330 };
		expect(menuPlacement(anchor, MENU, VIEWPORT)).toEqual({ left: 600, top: 334, maxHeight: 378 });
	});

	it('moves left to stay on screen for a button at the right edge (the header’s Export)', () => {
		const anchor = { left: 1205, top: 6, right: 1272, bottom: 34 };
		const { left, top } = menuPlacement(anchor, MENU, VIEWPORT);
		expect(left).toBe(1280 - 8 - 182);
		expect(top).toBe(38);
	});

	it('keeps the margin at the left edge too, even for a menu wider than the viewport', () => {
		const anchor = { left: 2, top: 6, right: 60, bottom: 34 };
		expect(
			menuPlacement(anchor, { width: 500, height: 100 }, { width: 390, height: 844 }).left
		).toBe(8);
	});

	it('opens above the button when there is not enough room below and more above', () => {
		const anchor = { left: 900, top: 650, right: 1000, bottom: 680 };
		expect(menuPlacement(anchor, MENU, VIEWPORT)).toEqual({
			left: 900,
			top: 650 - 4 - 142,
			maxHeight: 638
		});
	});

	it('stays under the button, scrolling, when below has more room than above', () => {
		const anchor = { left: 10, top: 100, right: 60, bottom: 130 };
		const placed = menuPlacement(anchor, { width: 100, height: 900 }, VIEWPORT);
		expect(placed).toEqual({ left: 10, top: 134, maxHeight: 578 });
	});
});

describe('intersect', () => {
	it('is the overlap of two boxes', () => {
		expect(
			intersect(
				{ left: 0, top: 0, right: 10, bottom: 10 },
				{ left: 5, top: 5, right: 20, bottom: 20 }
			)
		).toEqual({ left: 5, top: 5, right: 10, bottom: 10 });
	});

	it('is null for boxes that only touch or do not meet', () => {
		expect(
			intersect(
				{ left: 0, top: 0, right: 10, bottom: 10 },
				{ left: 10, top: 0, right: 20, bottom: 10 }
			)
		).toBeNull();
		expect(
			intersect(
				{ left: 0, top: 0, right: 10, bottom: 10 },
				{ left: 0, top: 30, right: 10, bottom: 40 }
			)
		).toBeNull();
	});
});
