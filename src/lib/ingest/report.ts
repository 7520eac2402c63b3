import type { IngestOptions } from './ingest';
import type { ClaimValue, Proposals } from './types';

export function formatValue(v: ClaimValue): string {
	if (typeof v === 'number') return String(v);
	if (v.best !== undefined && v.low === undefined && v.high === undefined) return `about ${v.best}`;
	if (v.low !== undefined && v.high !== undefined) return `${v.low}–${v.high}`;
	if (v.low !== undefined) return `at least ${v.low}`;
	return `up to ${v.high}`;
}

const at = (p: { start: number; end: number }) => `[${p.start}–${p.end}]`;

/** A plain-text report of the proposals for a person at a terminal. */
export function formatProposals(p: Proposals, options: IngestOptions): string {
	const lines: string[] = [];
	lines.push(
		`Draft from a ${options.lang} article published ${options.published}${options.publisher ? ` by ${options.publisher}` : ''}${options.url ? ` (${options.url})` : ''}`
	);
	lines.push('', `Places (${p.places.length})`);
	for (const x of p.places) {
		const alt = x.alternatives.length
			? `; or ${x.alternatives.map((a) => a.place_id ?? a.name).join(', ')}`
			: '';
		lines.push(`  ${at(x)} "${x.text}" → ${x.place_id ?? '?'} (${x.kind})${alt}`);
	}
	lines.push('', `Dates (${p.dates.length})`);
	for (const x of p.dates)
		lines.push(`  ${at(x)} "${x.text}" → ${x.date} (${x.precision}, ${x.basis})`);
	lines.push('', `Claims (${p.claims.length})`);
	for (const x of p.claims) {
		lines.push(
			`  ${at(x)} ${x.metric} ${formatValue(x.value)} — ${x.subject} — claimed by ${x.claimant}`
		);
	}
	lines.push('', `Statements (${p.statements.length})`);
	for (const x of p.statements) {
		const via = x.via ? ` via ${x.via}` : '';
		lines.push(
			`  ${at(x)} ${x.speaker}${via} (${x.organization ?? 'organisation unknown'}), ${x.form}: "${x.text}"`
		);
	}
	lines.push('', `Draft incidents (${p.incidents.length})`);
	for (const x of p.incidents) {
		const attach = x.attach_to ? `; attach to existing incident ${x.attach_to}` : '; new';
		lines.push(
			`  ${x.date ?? 'no date'} ${x.type} at ${x.place_ids.join(', ') || 'no place'}: claims ${JSON.stringify(x.claims)}, statements ${JSON.stringify(x.statements)}${attach}`
		);
	}
	return lines.join('\n');
}
