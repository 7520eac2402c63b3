import distance from '@turf/distance';
import { lineString } from '@turf/helpers';
import length from '@turf/length';
import { csvParse } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import {
	BOM,
	INCIDENT_COLUMNS,
	STATEMENT_COLUMNS,
	fatalities,
	guardCell,
	toIncidentsCSV,
	toStatementsCSV
} from './csv';
import { fixtureContext, lineOfContact2016, madagizMine, mi24, russianMod } from './test_fixtures';

const all = [lineOfContact2016, mi24, madagizMine];
const parse = (text: string) => csvParse(text.slice(BOM.length));

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
				'A mine went off near Madagiz (Sugovushan), Tartar district, while a joint group searched for the dead. Location: The article calls Madagiz a town ("thành phố"); it is a village. Claims: Ministry of Defence of Russia: killed 1 (Azerbaijani serviceman); Ministry of Defence of Russia: wounded 5 (Russian peacekeeper and NK emergency-service workers).',
			fatalities_low: '1',
			fatalities_high: '1'
		});
	});

	it('places a line incident halfway along it and says so; pools killed claims into a range', () => {
		const [row] = parse(toIncidentsCSV([lineOfContact2016], fixtureContext()));
		expect(row.notes).toContain('Line incident: latitude/longitude give the point halfway');
		expect(row.notes).toContain('Until 2016-04-05.');
		expect(row.notes).toContain('Other actors: Nagorno-Karabakh Defence Army.');
		expect(row.notes).toContain('AFP: killed at least 30 (soldiers on both sides)');
		expect(row.fatalities_low).toBe('12');
		expect(row.fatalities_high).toBe('30');
		// Halfway by length (checked with turf): the distance along the line to the point is half the total.
		const coords = lineOfContact2016.geometry.coordinates as number[][];
		const total = length(lineString(coords));
		const point = [Number(row.longitude), Number(row.latitude)];
		const along = length(lineString(coords.slice(0, 3))) + distance(coords[2], point);
		expect(Math.abs(along - total / 2)).toBeLessThan(0.001); // km
		expect(Number(row.latitude)).toBeCloseTo(40.194, 3);
		expect(Number(row.longitude)).toBeCloseTo(46.969, 3);
		expect(row.source).toBe('Báo Dân tộc và Phát triển; Public Radio of Armenia');
	});

	it('leaves fatalities blank when nobody claimed a death, and location blank without a place', () => {
		const [row] = parse(toIncidentsCSV([mi24], fixtureContext()));
		expect(row.fatalities_low).toBe('');
		expect(row.fatalities_high).toBe('');
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
	it('takes the smallest low and the largest high over "killed" claims only', () => {
		const claim = (metric: string, value: number | { low: number; high?: number }) => ({
			metric,
			value,
			subject: 's',
			claimant: 'c',
			source_id: 'x'
		});
		expect(fatalities([claim('wounded', 30)])).toEqual({ low: '', high: '' });
		expect(fatalities([claim('killed', { low: 3, high: 9 }), claim('Killed', 5)])).toEqual({
			low: 3,
			high: 9
		});
		expect(fatalities([claim('killed', 0)])).toEqual({ low: 0, high: 0 });
	});

	it('defuses cells a spreadsheet would run as formulas', () => {
		expect(guardCell('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
		expect(guardCell('+1')).toBe("'+1");
		expect(guardCell('-cmd')).toBe("'-cmd");
		expect(guardCell('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(guardCell('Tərtər = Terter')).toBe('Tərtər = Terter');
	});
});
