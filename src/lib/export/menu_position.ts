/** A box in viewport pixels, as `getBoundingClientRect` gives it. */
export interface Box {
	left: number;
	top: number;
	right: number;
	bottom: number;
}

export interface MenuPlacement {
	left: number;
	top: number;
	/** The most the menu may be tall where it is placed; it scrolls beyond that. */
	maxHeight: number;
}

/**
 * Where a menu `width`×`height` opens for a button at `anchor` in a viewport `vw`×`vh`: under
 * the button, its start edge on the button's, moved left as far as needed to stay on screen;
 * above the button instead when there is more room there and not enough below. `margin` is
 * kept clear at the viewport's edges and `gap` between button and menu.
 */
export function menuPlacement(
	anchor: Box,
	size: { width: number; height: number },
	viewport: { width: number; height: number },
	margin = 8,
	gap = 4
): MenuPlacement {
	const maxLeft = Math.max(margin, viewport.width - margin - size.width);
	const left = Math.min(Math.max(anchor.left, margin), maxLeft);
	const below = viewport.height - margin - (anchor.bottom + gap);
	const above = anchor.top - gap - margin;
	if (size.height <= below || below >= above) {
		return { left, top: anchor.bottom + gap, maxHeight: Math.max(0, below) };
	}
	const height = Math.min(size.height, above);
	return { left, top: anchor.top - gap - height, maxHeight: Math.max(0, above) };
}

/** The part of `box` inside `clip`, or `null` when nothing of it is. */
export function intersect(box: Box, clip: Box): Box | null {
	const out = {
		left: Math.max(box.left, clip.left),
		top: Math.max(box.top, clip.top),
		right: Math.min(box.right, clip.right),
		bottom: Math.min(box.bottom, clip.bottom)
	};
	return out.left < out.right && out.top < out.bottom ? out : null;
}
