import { LAYER_DECLARATIONS } from '$lib/data/layer_fixtures';
import type {
	Dataset,
	IncidentFeature,
	LayerFeature,
	Meta,
	Organization,
	PlaceFeature,
	Source,
	Statement
} from '$lib/data/schema';

/**
 * Small frozen fixtures for the filter, search, export and OGC tests: three real incidents of the
 * dataset in miniature (the Madagiz mine of 23 Nov 2020, the 2–5 Apr 2016 fighting along the line
 * of contact, the Mi-24 shot down on 2 Apr 2016), the places, statements and sources they refer
 * to, and one feature per region layer. Quotes are verbatim from the two Vietnamese articles.
 */

function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object') {
		for (const v of Object.values(value)) deepFreeze(v);
		Object.freeze(value);
	}
	return value;
}

export const meta: Meta = deepFreeze({
	name: 'Incident Atlas — Nagorno-Karabakh',
	version: '1.0.0-test',
	updated: '2024-05-01',
	licence: 'CC BY 4.0 (our curation); quotes © their publishers',
	attribution: 'Incident Atlas; Thời Đại; Báo Dân tộc và Phát triển',
	extent: [44, 38.3, 50.5, 41.5]
});

export const madagiz: PlaceFeature = deepFreeze({
	type: 'Feature',
	geometry: { type: 'Point', coordinates: [46.750222, 40.325861] },
	properties: {
		id: 'madagiz',
		name: 'Sugovushan',
		label: 'Madagiz / Sugovushan',
		names: { en: 'Sugovushan', vi: 'Madagiz', az: 'Suqovuşan', hy: 'Մատաղիս', ru: 'Мадагиз' },
		aliases: ['Madagiz', 'Sugovushan', 'Suqovuşan', 'Mataghis', 'Madaghis'],
		kind: 'village',
		admin: 'Tartar District',
		coord_source: 'https://de.wikipedia.org/wiki/Suqovu%C5%9Fan,_Tartar',
		confidence: 'medium'
	}
});

export const tartar: PlaceFeature = deepFreeze({
	type: 'Feature',
	geometry: { type: 'Point', coordinates: [46.92889, 40.345] },
	properties: {
		id: 'tartar',
		name: 'Tartar',
		label: 'Terter / Tartar',
		names: { en: 'Tartar', vi: 'Terter', az: 'Tərtər', ru: 'Тертер' },
		aliases: ['Terter', 'Tartar', 'Tərtər', 'Mir-Bashir'],
		kind: 'city',
		admin: 'Tartar District',
		coord_source: 'https://en.wikipedia.org/wiki/T%C9%99rt%C9%99r',
		confidence: 'medium'
	}
});

export const talish: PlaceFeature = deepFreeze({
	type: 'Feature',
	geometry: { type: 'Point', coordinates: [46.74083, 40.38139] },
	properties: {
		id: 'talish',
		name: 'Talish',
		label: 'Talish',
		names: { en: 'Talish', az: 'Talış', hy: 'Թալիշ' },
		aliases: ['Talış', "T'alish"],
		kind: 'village',
		admin: 'Tartar District',
		coord_source: 'https://en.wikipedia.org/wiki/Talish,_Tartar',
		confidence: 'high'
	}
});

export const thoidai: Source = deepFreeze({
	id: 'thoidai-2020-11-24',
	publisher: 'Thời Đại',
	title:
		'Binh sĩ gìn giữ hòa bình của Nga bị thương do nổ mìn, Liên hợp quốc nói sẵn sàng hợp tác với Moscow',
	url: 'https://thoidai.com.vn/binh-si-gin-giu-hoa-binh-cua-nga-bi-thuong-do-no-min-lien-hop-quoc-noi-san-sang-hop-tac-voi-moscow-124074.html',
	published: '2020-11-24',
	language: 'vi',
	credits: 'Photo: Good Word News',
	kind: 'news article'
});

export const dantocmiennui: Source = deepFreeze({
	id: 'dantocmiennui-2016-04',
	publisher: 'Báo Dân tộc và Phát triển',
	title: 'Giao tranh ác liệt tại khu vực tranh chấp Nagorno-Karabagh và phản ứng của quốc tế',
	url: 'https://dantocmiennui.vn/giao-tranh-ac-liet-tai-khu-vuc-tranh-chap-nagorno-karabagh-va-phan-ung-cua-quoc-te-post49359.html',
	published: '2016-04-02',
	language: 'vi',
	credits: 'AFP/TTXVN',
	kind: 'news article',
	note: 'Only "April 2016" is known for the publication date.'
});

export const armradio: Source = deepFreeze({
	id: 'armradio-2016-04-02',
	publisher: 'Public Radio of Armenia',
	title: '18 Armenian soldiers killed, 30 wounded: Serzh Sargsyan',
	url: 'https://en.armradio.am/2016/04/02/18-armenian-soldiers-killed-30-wounded-serzh-sargsyan/',
	published: '2016-04-02',
	language: 'en',
	kind: 'news article'
});

export const russianMod: Statement = deepFreeze({
	id: 'st-2020-11-23-russian-mod',
	speaker: {
		name: 'Ministry of Defence of Russia',
		role: 'press service',
		organization_id: 'ru-ministry-of-defence'
	},
	said_on: '2020-11-23',
	date_precision: 'day',
	via: 'written statement',
	form: 'reported',
	quote: {
		lang: 'vi',
		text: '1 binh sĩ gìn giữ hòa bình nước này và 4 nhân viên Cơ quan Tình trạng khẩn cấp khu vực Nagorno-Karabakh đã bị thương trong một vụ nổ mìn gần thành phố Madagiz.'
	},
	translation: {
		lang: 'en',
		text: 'one of its peacekeepers and 4 employees of the Nagorno-Karabakh emergency service were wounded in a mine explosion near the town of Madagiz.',
		by: 'Incident Atlas'
	},
	source_id: 'thoidai-2020-11-24',
	incident_ids: ['2020-11-23-madagiz-mine'],
	topics: ['casualty-report']
});

export const azMod: Statement = deepFreeze({
	id: 'st-2016-04-02-az-mod',
	speaker: {
		name: 'Ministry of Defence of Azerbaijan',
		role: 'press service',
		organization_id: 'az-ministry-of-defence'
	},
	said_on: '2016-04-02',
	date_precision: 'day',
	via: 'written statement',
	form: 'reported',
	quote: {
		lang: 'vi',
		text: 'Bộ Quốc phòng Azerbaijan thông báo 12 binh sĩ nước này đã thiệt mạng và một máy bay trực thăng bị bắn hạ khi xảy ra giao tranh với Armenia tại khu vực Karabakh.'
	},
	translation: {
		lang: 'en',
		text: "Azerbaijan's Defence Ministry announced that 12 of its soldiers had been killed and a helicopter shot down in fighting with Armenia in the Karabakh area.",
		by: 'Incident Atlas'
	},
	source_id: 'dantocmiennui-2016-04',
	incident_ids: ['2016-04-02-line-of-contact', '2016-04-02-mi24'],
	topics: ['casualty-report', 'territorial-claim']
});

export const banKiMoon: Statement = deepFreeze({
	id: 'st-2016-04-02-ban-ki-moon',
	speaker: {
		name: 'Ban Ki-moon',
		role: 'Secretary-General',
		organization_id: 'un'
	},
	said_on: '2016-04-02',
	date_precision: 'day',
	via: 'spokesperson',
	form: 'reported',
	quote: {
		lang: 'vi',
		text: 'Tổng thư ký Liên hợp quốc Ban Ki-moon đã bày tỏ quan ngại và kêu gọi các bên liên quan ngay lập tức ngừng các hoạt động giao tranh, tôn trọng thỏa thuận ngừng bắn và tuân thủ các bước đi cần thiết để ổn định tình hình.'
	},
	translation: {
		lang: 'en',
		text: 'UN Secretary-General Ban Ki-moon expressed concern and called on the parties to stop the fighting immediately, respect the ceasefire agreement and take the steps needed to stabilise the situation.',
		by: 'Incident Atlas'
	},
	source_id: 'dantocmiennui-2016-04',
	incident_ids: ['2016-04-02-line-of-contact'],
	topics: ['concern', 'ceasefire-call']
});

export const organizations: Organization[] = deepFreeze<Organization[]>([
	{
		id: 'russia',
		names: { en: 'Russian Federation', vi: 'Liên bang Nga' },
		kind: 'state'
	},
	{
		id: 'ru-ministry-of-defence',
		names: { en: 'Ministry of Defence of the Russian Federation', vi: 'Bộ Quốc phòng Nga' },
		kind: 'ministry',
		state: 'russia'
	},
	{
		id: 'azerbaijan',
		names: { en: 'Republic of Azerbaijan', vi: 'Cộng hòa Azerbaijan' },
		kind: 'state'
	},
	{
		id: 'az-ministry-of-defence',
		names: { en: 'Ministry of Defence of the Republic of Azerbaijan' },
		kind: 'ministry',
		state: 'azerbaijan'
	},
	{ id: 'un', names: { en: 'United Nations', vi: 'Liên hợp quốc' }, kind: 'international' }
]);

export const madagizMine: IncidentFeature = deepFreeze({
	type: 'Feature',
	id: '2020-11-23-madagiz-mine',
	geometry: { type: 'Point', coordinates: [46.7502224, 40.32586149] },
	properties: {
		id: '2020-11-23-madagiz-mine',
		title: {
			en: 'Mine explosion near Madagiz during a search for the dead',
			vi: 'Nổ mìn gần Madagiz trong lúc tìm kiếm thi thể'
		},
		summary: {
			en: 'A mine went off near Madagiz (Sugovushan), Tartar district, while a joint group searched for the dead.',
			vi: 'Một quả mìn phát nổ gần Madagiz (Sugovushan), huyện Tartar, khi nhóm liên hợp tìm kiếm thi thể.'
		},
		date: '2020-11-23',
		date_precision: 'day',
		type: 'Explosions/Remote violence',
		sub_type: 'Remote explosive/landmine/IED',
		actors: ['Military Forces of Russia (2000-)', 'Military Forces of Azerbaijan (2003-)'],
		place_ids: ['madagiz'],
		location_precision: 2,
		uncertainty_m: 3000,
		location_note: 'The article calls Madagiz a town ("thành phố"); it is a village.',
		claims: [
			{
				metric: 'killed',
				value: 1,
				subject: 'Azerbaijani serviceman',
				claimant: 'Ministry of Defence of Russia',
				statement_id: 'st-2020-11-23-russian-mod',
				source_id: 'thoidai-2020-11-24'
			},
			{
				metric: 'wounded',
				value: 5,
				subject: 'Russian peacekeeper and NK emergency-service workers',
				claimant: 'Ministry of Defence of Russia',
				statement_id: 'st-2020-11-23-russian-mod',
				source_id: 'thoidai-2020-11-24'
			}
		],
		source_ids: ['thoidai-2020-11-24'],
		statement_ids: ['st-2020-11-23-russian-mod']
	}
});

export const lineOfContact2016: IncidentFeature = deepFreeze({
	type: 'Feature',
	id: '2016-04-02-line-of-contact',
	geometry: {
		type: 'LineString',
		coordinates: [
			[46.74, 40.39],
			[46.8, 40.33],
			[46.95, 40.25],
			[47.06, 39.93]
		]
	},
	properties: {
		id: '2016-04-02-line-of-contact',
		title: {
			en: 'Heavy fighting along the line of contact',
			vi: 'Giao tranh ác liệt dọc đường tiếp xúc'
		},
		summary: {
			en: 'Fighting from Talish to Aghdam and further south; the bloodiest since the 1994 ceasefire.',
			vi: 'Giao tranh từ Talish đến Aghdam và xa hơn về phía nam; đẫm máu nhất kể từ lệnh ngừng bắn năm 1994.'
		},
		date: '2016-04-02',
		date_end: '2016-04-05',
		date_precision: 'day',
		type: 'Battles',
		sub_type: 'Armed clash',
		actors: [
			'Military Forces of Azerbaijan (2003-)',
			'Military Forces of Armenia (1991-)',
			'Nagorno-Karabakh Defence Army'
		],
		place_ids: ['talish', 'madagiz'],
		location_precision: 2,
		uncertainty_m: 5000,
		claims: [
			{
				metric: 'killed',
				value: 12,
				subject: 'Azerbaijani soldiers',
				claimant: 'Ministry of Defence of Azerbaijan',
				statement_id: 'st-2016-04-02-az-mod',
				source_id: 'dantocmiennui-2016-04'
			},
			{
				metric: 'killed',
				value: { low: 30 },
				subject: 'soldiers on both sides',
				claimant: 'AFP',
				source_id: 'dantocmiennui-2016-04',
				note: "AFP's count; the article puts it in the paragraph on Kerry's statement."
			},
			{
				metric: 'killed',
				value: 18,
				subject: 'Armenian soldiers',
				claimant: 'Serzh Sargsyan',
				source_id: 'armradio-2016-04-02'
			}
		],
		source_ids: ['dantocmiennui-2016-04', 'armradio-2016-04-02'],
		statement_ids: ['st-2016-04-02-az-mod']
	}
});

export const mi24: IncidentFeature = deepFreeze({
	type: 'Feature',
	id: '2016-04-02-mi24',
	geometry: { type: 'Point', coordinates: [46.45, 40.28] },
	properties: {
		id: '2016-04-02-mi24',
		title: {
			en: 'Azerbaijani Mi-24 helicopter shot down',
			vi: 'Trực thăng Mi-24 của Azerbaijan bị bắn hạ'
		},
		summary: {
			en: "Azerbaijan's Defence Ministry confirmed the loss of a helicopter.",
			vi: 'Bộ Quốc phòng Azerbaijan xác nhận mất một trực thăng.'
		},
		date: '2016-04-02',
		date_precision: 'day',
		type: 'Battles',
		sub_type: 'Armed clash',
		actors: ['Military Forces of Azerbaijan (2003-)', 'Nagorno-Karabakh Defence Army'],
		place_ids: [],
		location_precision: 3,
		uncertainty_m: 20000,
		location_note: 'Known only from an Armenian claim: "the eastern part of Mount Mrav".',
		claims: [],
		source_ids: ['dantocmiennui-2016-04'],
		statement_ids: []
	}
});

const layer = (
	id: string,
	geometry: LayerFeature['geometry'],
	valid_from: string,
	valid_to: string | null
): LayerFeature => ({
	type: 'Feature',
	geometry,
	properties: {
		id,
		name: id,
		valid_from,
		valid_to,
		accuracy_m: 3000,
		method: 'Test fixture',
		sources: ['https://www.primeminister.am/en/press-release/item/2020/11/10/Announcement/']
	}
});

/** A miniature dataset; the NKAO ring is deliberately clockwise, to check that output rewinds it. */
export function fixtureDataset(): Dataset {
	return deepFreeze({
		meta,
		places: { type: 'FeatureCollection', features: [madagiz, tartar, talish] },
		incidents: {
			type: 'FeatureCollection',
			features: [lineOfContact2016, mi24, madagizMine]
		},
		statements: [azMod, banKiMoon, russianMod],
		sources: [thoidai, dantocmiennui, armradio],
		organizations,
		layers: {
			'nkao-1923-1991': {
				type: 'FeatureCollection',
				layer: LAYER_DECLARATIONS['nkao-1923-1991'],
				features: [
					layer(
						'nkao',
						{
							type: 'Polygon',
							coordinates: [
								[
									[46.5, 39.5],
									[46.5, 40.4],
									[47.1, 40.4],
									[47.1, 39.5],
									[46.5, 39.5]
								]
							]
						},
						'1923-07-07',
						'1991-11-26'
					)
				]
			},
			'line-of-contact-1994-2020': {
				type: 'FeatureCollection',
				layer: LAYER_DECLARATIONS['line-of-contact-1994-2020'],
				features: [
					layer(
						'line-of-contact',
						{
							type: 'LineString',
							coordinates: [
								[46.2, 40.295],
								[46.77, 40.42],
								[47.27, 39.39]
							]
						},
						'1994-05-12',
						'2020-09-27'
					)
				]
			},
			'ceasefire-2020': {
				type: 'FeatureCollection',
				// Declared still valid, as its feature is (a feature lies within its layer's dates).
				layer: { ...LAYER_DECLARATIONS['ceasefire-2020'], valid_to: null },
				features: [
					layer(
						'peacekeeping-zone',
						{
							type: 'Polygon',
							coordinates: [
								[
									[46.6, 39.7],
									[47.0, 39.7],
									[47.0, 40.2],
									[46.6, 40.2],
									[46.6, 39.7]
								]
							]
						},
						'2020-11-10',
						null
					)
				]
			}
		}
	});
}

/** An export context over the fixture dataset, at a fixed time. */
export function fixtureContext(filter = {}) {
	const d = fixtureDataset();
	return {
		statements: d.statements,
		sources: d.sources,
		places: d.places.features,
		organizations: d.organizations,
		meta: d.meta,
		filter,
		generatedAt: '2024-05-01T12:00:00.000Z'
	};
}
