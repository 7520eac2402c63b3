import distance from '@turf/distance';
import { lineString } from '@turf/helpers';
import length from '@turf/length';
import { csvParse } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import {
	BOM,
	INCIDENT_COLUMNS,
	LOCATION_RADIUS_M,
	STATEMENT_COLUMNS,
	claimsCell,
	fatalities,
	guardCell,
	toIncidentsCSV,
	toStatementsCSV
} from './csv';
import { fixtureContext, lineOfContact2016, madagizMine, mi24, russianMod } from './test_fixtures';

const all = [lineOfContact2016, mi24, madagizMine];
const parse = (text: string) => csvParse(text.slice(BOM.length));

describe('the dataset version column', () => {
	it('ends every row of both files with the dataset version the file was made from', () => {
		const ctx = { ...fixtureContext(), revision: 42 };
		const incidents = parse(toIncidentsCSV(all, ctx));
		expect(incidents.columns.at(-1)).toBe('dataset_version');
		expect(incidents.map((r) => r.dataset_version)).toEqual(['42', '42', '42']);
		const statements = parse(toStatementsCSV(all, ctx));
		expect(statements.columns.at(-1)).toBe('dataset_version');
		expect(statements.length).toBeGreaterThan(0);
		for (const r of statements) expect(r.dataset_version).toBe('42');
	});

	it('leaves it empty for a dataset read from files, which has no revision', () => {
		expect(parse(toIncidentsCSV(all, fixtureContext())).map((r) => r.dataset_version)).toEqual([
			'',
			'',
			''
		]);
	});
});

describe('toIncidentsCSV', () => {
	it('starts with a BOM and the ACLED-like header, one row per incident', () => {
		const text = toIncidentsCSV(all, fixtureContext());
		expect(text.startsWith('\uFEFFevent_id,event_date,date_precision,event_type,')).toBe(true);
		const rows = parse(text);
		expect(rows.columns).toEqual([...INCIDENT_COLUMNS]);
		expect(rows.map((r) => r.event_id)).toEqual([
			'2016-04-02-line-of-contact',
			'2016-04-02-mi24',
			'2020-11-23-madagiz-mine'
		]);
	});

	it('fills a point incident’s row', () => {
		const [row] = parse(toIncidentsCSV([madagizMine], fixtureContext()));
		expect(row).toEqual({
			event_id: '2020-11-23-madagiz-mine',
			event_date: '2020-11-23',
			date_precision: 'day',
			event_type: 'Explosions/Remote violence',
			sub_event_type: 'Remote explosive/landmine/IED',
			actor1: 'Military Forces of Russia (2000-)',
			actor2: 'Military Forces of Azerbaijan (2003-)',
			admin1: 'Tartar District',
			admin2: '',
			location: 'Madagiz / Sugovushan',
			latitude: '40.325861',
			longitude: '46.750222',
			geo_precision: '2',
			source: 'Thời Đại',
			source_url:
				'https://thoidai.com.vn/binh-si-gin-giu-hoa-binh-cua-nga-bi-thuong-do-no-min-lien-hop-quoc-noi-san-sang-hop-tac-voi-moscow-124074.html',
			notes:
				'A mine went off near Madagiz (Sugovushan), Tartar district, while a joint group searched for the dead. Location: The article calls Madagiz a town ("thành phố"); it is a village.',
			fatalities: '1',
			claims:
				'killed 1 (Azerbaijani serviceman) — Ministry of Defence of Russia; wounded 5 (Russian peacekeeper and NK emergency-service workers) — Ministry of Defence of Russia',
			wkt: 'POINT (46.750222 40.325861)',
			dataset_version: ''
		});
	});

	it('places a line incident halfway along it, says so, and carries the whole line as WKT', () => {
		const [row] = parse(toIncidentsCSV([lineOfContact2016], fixtureContext()));
		expect(row.notes).toContain(
			'Line incident, 61 km long: latitude/longitude give the point halfway along it; the wkt column has the whole line.'
		);
		expect(row.notes).toContain('Until 2016-04-05.');
		expect(row.notes).toContain('Other actors: Nagorno-Karabakh Defence Army.');
		const coords = lineOfContact2016.geometry.coordinates as number[][];
		expect(row.wkt).toBe(`LINESTRING (${coords.map((c) => c.join(' ')).join(', ')})`);
		// Halfway by length (checked with turf): the distance along the line to the point is half the total.
		const total = length(lineString(coords));
		const point = [Number(row.longitude), Number(row.latitude)];
		const along = length(lineString(coords.slice(0, 3))) + distance(coords[2], point);
		expect(Math.abs(along - total / 2)).toBeLessThan(0.001); // km
		expect(Number(row.latitude)).toBeCloseTo(40.194, 3);
		expect(Number(row.longitude)).toBeCloseTo(46.969, 3);
		expect(row.source).toBe('Báo Dân tộc và Phát triển; Public Radio of Armenia');
	});

	it('never names a location far from the row’s point (the line’s places are 24 km and more away)', () => {
		const [row] = parse(toIncidentsCSV([lineOfContact2016], fixtureContext()));
		const point = [Number(row.longitude), Number(row.latitude)];
		const places = fixtureContext().places;
		const km = (id: string) =>
			distance(point, places.find((p) => p.properties.id === id)!.geometry.coordinates);
		expect(km('talish')).toBeGreaterThan(LOCATION_RADIUS_M / 1000);
		expect(km('madagiz')).toBeGreaterThan(LOCATION_RADIUS_M / 1000);
		expect(row.location).toBe('');
		expect(row.admin1).toBe('');
		expect(row.notes).toContain(
			'Location left blank: the nearest place named for this incident, Madagiz / Sugovushan, is 24 km from that point.'
		);
		// Moved within reach of Madagiz, the same line is labelled with it, and the distance given.
		const near = {
			...lineOfContact2016,
			properties: { ...lineOfContact2016.properties, place_ids: ['madagiz'] },
			geometry: {
				type: 'LineString' as const,
				coordinates: [
					[46.74, 40.3],
					[46.76, 40.3]
				] as [number, number][]
			}
		};
		const [close] = parse(toIncidentsCSV([near], fixtureContext()));
		expect(close.location).toBe('Madagiz / Sugovushan');
		expect(close.notes).toContain('That point is 2.9 km from Madagiz / Sugovushan.');
	});

	it('gives one row with every claim attributed, and no fatalities where claims differ', () => {
		const [row] = parse(toIncidentsCSV([lineOfContact2016], fixtureContext()));
		expect(row.fatalities).toBe('');
		expect(row.claims).toContain(
			'killed 12 (Azerbaijani soldiers) — Ministry of Defence of Azerbaijan'
		);
		expect(row.claims).toContain('killed ≥30 (soldiers on both sides) — AFP');
		expect(row.notes).not.toContain('Claims');
	});

	it('leaves fatalities blank when nobody claimed a death, and location blank without a place', () => {
		const [row] = parse(toIncidentsCSV([mi24], fixtureContext()));
		expect(row.fatalities).toBe('');
		expect(row.location).toBe('');
		expect(row.admin1).toBe('');
	});

	it('quotes commas, quotes and newlines so the row survives a round trip', () => {
		const tricky = {
			...madagizMine,
			properties: {
				...madagizMine.properties,
				summary: { en: 'He said "stop",\nthen left; 1, 2, 3', vi: 'x' }
			}
		};
		const [row] = parse(toIncidentsCSV([tricky], fixtureContext()));
		expect(row.notes.startsWith('He said "stop",\nthen left; 1, 2, 3')).toBe(true);
	});

	it('is just the header for no incidents', () => {
		expect(toIncidentsCSV([], fixtureContext())).toBe(BOM + INCIDENT_COLUMNS.join(',') + '\n');
	});
});

describe('toStatementsCSV', () => {
	it('has one row per statement about the selection, each once, oldest first', () => {
		const rows = parse(toStatementsCSV(all, fixtureContext()));
		expect(rows.columns).toEqual([...STATEMENT_COLUMNS]);
		expect(rows.map((r) => r.statement_id)).toEqual([
			'st-2016-04-02-az-mod',
			'st-2016-04-02-ban-ki-moon',
			'st-2020-11-23-russian-mod'
		]);
		expect(parse(toStatementsCSV([mi24], fixtureContext())).map((r) => r.statement_id)).toEqual([
			'st-2016-04-02-az-mod'
		]);
	});

	it('keeps Vietnamese quotes intact with their translation and source', () => {
		const [row] = parse(toStatementsCSV([madagizMine], fixtureContext()));
		expect(row).toMatchObject({
			speaker_name: 'Ministry of Defence of Russia',
			quote_lang: 'vi',
			quote:
				'1 binh sĩ gìn giữ hòa bình nước này và 4 nhân viên Cơ quan Tình trạng khẩn cấp khu vực Nagorno-Karabakh đã bị thương trong một vụ nổ mìn gần thành phố Madagiz.',
			translation_by: 'Incident Atlas',
			source_publisher: 'Thời Đại',
			source_published: '2020-11-24',
			incident_ids: '2020-11-23-madagiz-mine',
			topics: 'casualty-report'
		});
	});

	it('says whether each excerpt is reported or direct, and by whom', () => {
		const ctx = fixtureContext();
		const direct = { ...russianMod, id: 'st-direct', form: 'direct' as const };
		const rows = parse(
			toStatementsCSV([madagizMine], { ...ctx, statements: [...ctx.statements, direct] })
		);
		expect(rows.map((r) => [r.statement_id, r.form, r.attribution])).toEqual([
			[
				'st-2020-11-23-russian-mod',
				'reported',
				"As reported by Thời Đại: Ministry of Defence of Russia (press service, Ministry of Defence of the Russian Federation), in the outlet's words, not the speaker's"
			],
			[
				'st-direct',
				'direct',
				"Ministry of Defence of Russia (press service, Ministry of Defence of the Russian Federation), in the speaker's words as quoted by Thời Đại"
			]
		]);
		expect(rows[0]).toMatchObject({
			speaker_organization: 'Ministry of Defence of the Russian Federation',
			speaker_organization_id: 'ru-ministry-of-defence'
		});
	});
});

describe('fatalities and guardCell', () => {
	const claim = (
		metric: string,
		value: number | { low: number; best?: number; high?: number },
		subject = 's',
		claimant = 'c'
	) => ({ metric, value, subject, claimant, source_id: 'x' });

	it('gives fatalities only where one claim states an exact figure', () => {
		expect(fatalities([])).toBe('');
		expect(fatalities([claim('wounded', 30)])).toBe('');
		expect(fatalities([claim('killed', 0)])).toBe(0);
		expect(fatalities([claim('Killed', 3), claim('wounded', 9)])).toBe(3);
		expect(fatalities([claim('killed', { low: 4, high: 4 })])).toBe(4);
		expect(fatalities([claim('killed', { low: 30 })])).toBe('');
		expect(fatalities([claim('killed', { low: 3, high: 9 })])).toBe('');
		expect(fatalities([claim('killed', { low: 3, best: 5, high: 9 })])).toBe(5);
		// Two claims, about different groups or by different claimants: never summed, never a range.
		expect(fatalities([claim('killed', 12, 'A soldiers'), claim('killed', 18, 'B soldiers')])).toBe(
			''
		);
		expect(fatalities([claim('killed', 12, 's', 'A'), claim('killed', 12, 's', 'B')])).toBe('');
	});

	it('writes each claim with its value, subject and claimant', () => {
		expect(
			claimsCell([
				claim('killed', 12, 'Azerbaijani soldiers', 'Ministry of Defence of Azerbaijan'),
				claim('killed', { low: 30 }, 'both sides', 'AFP'),
				claim('wounded', { low: 30, high: 35 }, 'Armenian soldiers', 'Serzh Sargsyan'),
				claim('positions_taken', { low: 1, high: 1 }, 'Lele Tepe', 'MoD')
			])
		).toBe(
			'killed 12 (Azerbaijani soldiers) — Ministry of Defence of Azerbaijan; killed ≥30 (both sides) — AFP; wounded 30–35 (Armenian soldiers) — Serzh Sargsyan; positions_taken 1 (Lele Tepe) — MoD'
		);
		expect(claimsCell([])).toBe('');
	});

	it('writes a best estimate with its range', () => {
		expect(
			claimsCell([claim('killed', { low: 20, best: 40, high: 60 }, 'civilians', 'UCDP')])
		).toBe('killed 40 (20–60) (civilians) — UCDP');
	});

	it('defuses cells a spreadsheet would run as formulas', () => {
		expect(guardCell('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
		expect(guardCell('+1')).toBe("'+1");
		expect(guardCell('-cmd')).toBe("'-cmd");
		expect(guardCell('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(guardCell('Tərtər = Terter')).toBe('Tərtər = Terter');
	});
});
