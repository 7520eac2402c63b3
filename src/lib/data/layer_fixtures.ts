import type { LayerDeclaration } from './vocabulary';

/**
 * For tests: the declarations of the three layers of `geodata/layers/` (the `layer` member of
 * each file, as there), so a miniature dataset declares its layers as the real one does.
 * `layer_fixtures.test.ts` checks that they match the files.
 */
export const LAYER_DECLARATIONS: Record<string, LayerDeclaration> = {
	'nkao-1923-1991': {
		id: 'nkao-1923-1991',
		names: {
			en: 'Nagorno-Karabakh Autonomous Oblast, 1923–1991',
			vi: 'Tỉnh tự trị Nagorno-Karabakh, 1923–1991'
		},
		description: {
			en: 'The former autonomous oblast, digitised from named places; see each feature’s method and accuracy.'
		},
		valid_from: '1923-07-07',
		valid_to: '1991-11-26',
		kind: 'area',
		style: 'historic-boundary',
		order: 1
	},
	'line-of-contact-1994-2020': {
		id: 'line-of-contact-1994-2020',
		names: { en: 'Line of contact, 1994–2020', vi: 'Đường tiếp xúc, 1994–2020' },
		description: {
			en: 'The line of contact between Armenian and Azerbaijani forces from the 1994 ceasefire to 27 September 2020, digitised from named places; see each feature’s method and accuracy.'
		},
		valid_from: '1994-05-12',
		valid_to: '2020-09-27',
		kind: 'line',
		style: 'front-line',
		order: 2
	},
	'ceasefire-2020': {
		id: 'ceasefire-2020',
		names: {
			en: 'Ceasefire of 10 Nov 2020: peacekeeping zone and Lachin corridor',
			vi: 'Ngừng bắn 10/11/2020: vùng gìn giữ hòa bình và hành lang Lachin'
		},
		description: {
			en: 'The approximate Russian peacekeeping zone and Lachin corridor under the statement of 10 November 2020.'
		},
		valid_from: '2020-11-10',
		valid_to: '2023-09-20',
		kind: 'area',
		style: 'hatched-zone',
		order: 3
	}
};

/** The three layers, declared, with no features. */
export function emptyLayers() {
	return Object.fromEntries(
		Object.values(LAYER_DECLARATIONS).map((layer) => [
			layer.id,
			{ type: 'FeatureCollection' as const, layer, features: [] }
		])
	);
}
