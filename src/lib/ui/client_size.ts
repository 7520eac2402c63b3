import type { Attachment } from 'svelte/attachments';

/** An element's client box (padding included, border and scroll bar not), in CSS pixels. */
export interface ClientSize {
	width: number;
	height: number;
}

/**
 * An attachment (`{@attach clientSize((s) => …)}`) that reports an element's `clientWidth` and
 * `clientHeight` each time a ResizeObserver says it changed, including once after the element's
 * first layout.
 *
 * Why not `bind:clientWidth`: Svelte's binding also reads the size in an effect as soon as the
 * element is mounted, and a read there forces the browser to lay out the whole page in the
 * middle of hydrating it. On the dashboard that was a forced style and layout of 80–90 ms on the
 * main thread, then a second layout for the DOM that hydration went on to change, before the map
 * could start. Here the size is read only inside the observer's callback, which runs after the
 * browser's own layout of the frame, when reading it costs nothing.
 */
export function clientSize(report: (size: ClientSize) => void): Attachment<HTMLElement> {
	return (element) => {
		const observer = new ResizeObserver(() =>
			report({ width: element.clientWidth, height: element.clientHeight })
		);
		observer.observe(element);
		return () => observer.disconnect();
	};
}
