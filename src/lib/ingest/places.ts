import type { Gazetteer } from './gazetteer';
import { matchNames, type Token } from './tokens';
import type { PlaceProposal } from './types';

const AREA_WORDS = new Set(['vung', 'huyen', 'tinh', 'district', 'region', 'район', 'област']);

/** Every mention of a gazetteer place; an ambiguous spelling carries its other readings. */
export function findPlaces(text: string, tokens: Token[], gazetteer: Gazetteer): PlaceProposal[] {
	const out: PlaceProposal[] = [];
	for (const m of matchNames(
		text,
		tokens,
		gazetteer.places,
		gazetteer.placePrefixes,
		gazetteer.maxPlaceWords,
		(v) => v.some((e) => e.capitalised)
	)) {
		const [best, ...others] = m.value;
		const alternatives = others.map((e) => ({ place_id: e.place_id, name: e.name, kind: e.kind }));
		const before = m.first > 0 ? tokens[m.first - 1].key : '';
		const after = m.last + 1 < tokens.length ? tokens[m.last + 1].key : '';
		const areaWord = AREA_WORDS.has(before) || AREA_WORDS.has(after);
		if (areaWord && /city|town|village/.test(best.kind)) {
			alternatives.unshift({ place_id: null, name: `${best.name} District`, kind: 'district' });
		}
		out.push({
			start: m.start,
			end: m.end,
			place_id: best.place_id,
			name: best.name,
			kind: best.kind,
			text: text.slice(m.start, m.end),
			alternatives
		});
	}
	return out;
}
