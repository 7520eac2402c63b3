const MONTHS = [
	'january',
	'february',
	'march',
	'april',
	'may',
	'june',
	'july',
	'august',
	'september',
	'october',
	'november',
	'december'
];

function iso(year: number, month: number, day: number): string | null {
	const d = new Date(Date.UTC(year, month - 1, day));
	if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day)
		return null;
	return d.toISOString().slice(0, 10);
}

/**
 * A calendar day as `YYYY-MM-DD`, from `YYYY-MM-DD` (a time after it, as UCDP writes
 * `2020-09-27 00:00:00.000`, is ignored) or `DD Month YYYY` (`27 September 2020`, `27 Sep 2020`, as
 * ACLED's spreadsheets write it); `null` for anything else or a day that does not exist.
 */
export function parseDay(value: string): string | null {
	const s = value.trim();
	let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$/.exec(s);
	if (m) return iso(+m[1], +m[2], +m[3]);
	m = /^(\d{1,2})[ -]([A-Za-z]+)\.?[ -](\d{4})$/.exec(s);
	if (m) {
		const name = m[2].toLowerCase();
		const month = MONTHS.findIndex((x) => x === name || (name.length === 3 && x.startsWith(name)));
		return month === -1 ? null : iso(+m[3], month + 1, +m[1]);
	}
	return null;
}
