import type { EditableKind } from './collections';

const MAX = 80;

type Loose = Record<string, unknown> | undefined;

const obj = (value: unknown): Loose =>
	typeof value === 'object' && value !== null && !Array.isArray(value)
		? (value as Record<string, unknown>)
		: undefined;

const str = (value: unknown): string | undefined =>
	typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

const clip = (text: string) => (text.length > MAX ? `${text.slice(0, MAX - 1).trimEnd()}…` : text);

/**
 * What a record is called on its history page, in `lang` where the record has that language:
 * an incident's title, a place's name, a source's title, a statement's speaker and the start of
 * its quote, a layer's first feature's name. Falls back to `id` when the body has none of these
 * (a body is whatever was stored, so nothing in it is assumed to be there).
 */
export function recordTitle(kind: EditableKind, body: unknown, id: string, lang: string): string {
	const record = obj(body);
	const properties = obj(record?.properties);
	let title: string | undefined;
	switch (kind) {
		case 'incident': {
			const titles = obj(properties?.title);
			title = str(titles?.[lang]) ?? str(titles?.en);
			break;
		}
		case 'place':
			title =
				str(obj(properties?.names)?.[lang]) ?? str(properties?.label) ?? str(properties?.name);
			break;
		case 'source':
			title = str(record?.title);
			break;
		case 'statement': {
			const speaker = str(obj(record?.speaker)?.name);
			const quote = str(obj(record?.quote)?.text);
			title = speaker && quote ? `${speaker}: ${quote}` : (speaker ?? quote);
			break;
		}
		case 'layer': {
			const first = Array.isArray(record?.features) ? obj(record.features[0]) : undefined;
			title = str(obj(first?.properties)?.name);
			break;
		}
	}
	return clip(title ?? id);
}
