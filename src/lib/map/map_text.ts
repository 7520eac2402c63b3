import type { BASE_TOGGLE_IDS, WaterPlaceKind } from './style';

export type MapLang = 'en' | 'vi';

/** The legend's own words (type names come from `$lib/i18n`). Vietnamese is our own wording. */
export const LEGEND_TEXT = {
	en: {
		legend: 'Legend',
		layers: 'Layers',
		toggles: {
			incidents: 'Incidents',
			places: 'Places (both names where disputed)',
			'basemap-settlements': 'Towns and villages'
		} satisfies Record<(typeof BASE_TOGGLE_IDS)[number], string>,
		accuracy: (km: string) => `approximate, ±${km} km`,
		outsideWindow: (period: string) => `valid ${period}, outside the time window: not drawn`,
		showPeriod: (period: string) => `Show ${period}`,
		since: (year: string) => `since ${year}`,
		types: 'Event type',
		size: 'Circle size: the highest casualty figure claimed, by anyone',
		noFigure: 'no figure',
		sizeNote: 'A claim, not a count: see each incident for who claims what.',
		uncertainty: 'Dashed circle: how far off the position may be (somewhere inside it)',
		line: 'Line in the type’s colour, white-edged: an incident along a stretch of front, drawn just beside any front line it follows',
		names:
			'Disputed places carry both names, “one / other”, as the sources use them; the order states no preference.',
		credits: 'Data',
		creditLines: {
			basemap: 'Borders and countries: Natural Earth (public domain)',
			settlements: 'Towns and villages: GeoNames (CC BY 4.0)',
			dataset: 'Incidents, places, lines and statements: Incident Atlas dataset'
		}
	},
	vi: {
		legend: 'Chú giải',
		layers: 'Các lớp',
		toggles: {
			incidents: 'Sự kiện',
			places: 'Địa danh (ghi cả hai tên nếu có tranh chấp)',
			'basemap-settlements': 'Thị trấn và làng'
		} satisfies Record<(typeof BASE_TOGGLE_IDS)[number], string>,
		accuracy: (km: string) => `gần đúng, ±${km} km`,
		outsideWindow: (period: string) =>
			`có hiệu lực ${period}, nằm ngoài khoảng thời gian đã chọn nên không được vẽ`,
		showPeriod: (period: string) => `Xem giai đoạn ${period}`,
		since: (year: string) => `từ năm ${year}`,
		types: 'Loại sự kiện',
		size: 'Cỡ vòng tròn: con số thương vong cao nhất được bất kỳ bên nào đưa ra',
		noFigure: 'không có số liệu',
		sizeNote: 'Đây là tuyên bố, không phải số đếm: xem từng sự kiện để biết ai nói gì.',
		uncertainty: 'Vòng tròn nét đứt: vị trí có thể sai lệch bao xa (ở đâu đó bên trong vòng)',
		line: 'Đường mang màu của loại sự kiện, viền trắng: sự kiện dọc một đoạn mặt trận, vẽ sát bên cạnh đường mặt trận mà nó men theo',
		names:
			'Địa danh có tranh chấp được ghi cả hai tên, “tên này / tên kia”, như các nguồn sử dụng; thứ tự không hàm ý ưu tiên bên nào.',
		credits: 'Dữ liệu',
		creditLines: {
			basemap: 'Biên giới và quốc gia: Natural Earth (phạm vi công cộng)',
			settlements: 'Thị trấn và làng: GeoNames (CC BY 4.0)',
			dataset: 'Sự kiện, địa danh, đường ranh giới và phát biểu: bộ dữ liệu Incident Atlas'
		}
	}
} as const;

/**
 * How a water place's label reads in each language, around the name the data gives it
 * ("Sarsang" of "Sarsang reservoir"). English is the data's own label; the Vietnamese generic
 * word ("hồ chứa", "cửa sông") is our translation, the name stays as the data has it.
 */
export const WATER_PLACE_WORDS: Record<
	MapLang,
	Record<WaterPlaceKind, readonly [before: string, after: string]>
> = {
	en: {
		reservoir: ['', ' reservoir'],
		'river source': ['', ' river source'],
		'river mouth': ['', ' river mouth']
	},
	vi: {
		reservoir: ['Hồ chứa ', ''],
		'river source': ['Nguồn sông ', ''],
		'river mouth': ['Cửa sông ', '']
	}
};

/**
 * The name inside a water place's English label ("Sugovushan / Madagiz" of "Sugovushan / Madagiz
 * reservoir"), or `undefined` when the label is not built that way: such a label is shown as the
 * data has it, in every language.
 */
export function waterPlaceName(label: string, kind: string): string | undefined {
	if (!Object.hasOwn(WATER_PLACE_WORDS.en, kind)) return undefined;
	const [before, after] = WATER_PLACE_WORDS.en[kind as WaterPlaceKind];
	if (!label.startsWith(before) || !label.endsWith(after)) return undefined;
	const name = label.slice(before.length, label.length - after.length).trim();
	return name === '' ? undefined : name;
}

/** MapLibre's control strings (https://maplibre.org/maplibre-gl-js/docs/API/type-aliases/MapOptions/#locale). */
export const MAPLIBRE_LOCALE: Record<MapLang, Record<string, string>> = {
	en: {
		'AttributionControl.ToggleAttribution': 'Toggle attribution',
		'Map.Title': 'Map',
		'NavigationControl.ResetBearing': 'Drag to rotate map, click to reset north',
		'NavigationControl.ZoomIn': 'Zoom in',
		'NavigationControl.ZoomOut': 'Zoom out'
	},
	vi: {
		'AttributionControl.ToggleAttribution': 'Bật/tắt nguồn dữ liệu',
		'Map.Title': 'Bản đồ',
		'NavigationControl.ResetBearing': 'Kéo để xoay bản đồ, bấm để quay về hướng bắc',
		'NavigationControl.ZoomIn': 'Phóng to',
		'NavigationControl.ZoomOut': 'Thu nhỏ'
	}
};

/**
 * Where each of MapLibre's own strings shows, by the controls' documented class names: MapLibre
 * reads its locale once, when the map is made, and has no public way to change it, so a language
 * switch relabels what is on screen instead.
 */
const CONTROL_LABELS: readonly (readonly [selector: string, key: string, title: boolean])[] = [
	['.maplibregl-ctrl-zoom-in', 'NavigationControl.ZoomIn', true],
	['.maplibregl-ctrl-zoom-out', 'NavigationControl.ZoomOut', true],
	['.maplibregl-ctrl-compass', 'NavigationControl.ResetBearing', true],
	['.maplibregl-ctrl-attrib-button', 'AttributionControl.ToggleAttribution', true],
	['canvas.maplibregl-canvas', 'Map.Title', false]
];

/** Puts the map's controls' labels (and the canvas's name) in `lang`. */
export function relabelControls(container: ParentNode, lang: MapLang): void {
	const strings = MAPLIBRE_LOCALE[lang];
	for (const [selector, key, title] of CONTROL_LABELS) {
		for (const element of container.querySelectorAll(selector)) {
			element.setAttribute('aria-label', strings[key]);
			if (title) element.setAttribute('title', strings[key]);
		}
	}
}

/** Metres as kilometres for the legend: one decimal under 10 km, whole above. */
export function formatKm(metres: number, lang: MapLang): string {
	const km = metres / 1000;
	return km.toLocaleString(lang === 'en' ? 'en-GB' : 'vi', {
		maximumFractionDigits: km < 10 ? 1 : 0
	});
}
