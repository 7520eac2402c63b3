import type { AddProtocolAction } from 'maplibre-gl';
import { glyphFileUrl } from './fonts';

/**
 * The loader of the `atlas-glyphs://` URLs the style asks glyphs from (`GLYPH_PROTOCOL` in
 * `fonts.ts`), for `addProtocol`: the app's own file where it has one; otherwise an error, which
 * MapLibre answers by drawing the range's glyphs on the page (with a console warning, no request).
 */
export function glyphProtocol(origin: string): AddProtocolAction {
	return async (params, abort) => {
		const file = glyphFileUrl(params.url, origin);
		if (!file) throw new Error(`Incident Atlas serves no glyph file for ${params.url}`);
		const response = await fetch(file, { signal: abort.signal });
		if (!response.ok) throw new Error(`GET ${file} answered ${response.status}`);
		return { data: await response.arrayBuffer() };
	};
}
