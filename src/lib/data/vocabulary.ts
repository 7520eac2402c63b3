/**
 * The closed vocabularies of the dataset as plain constants. They live apart from `schema.ts` so
 * the browser can use them without bundling zod: the client never validates (the server does, at
 * start), and zod would be more than half of the dashboard's own JavaScript.
 */

/** The region layers, one file each under `geodata/layers/`; the key is the file's base name. */
export const LAYER_IDS = ['nkao-1923-1991', 'line-of-contact-1994-2020', 'ceasefire-2020'] as const;
export type LayerId = (typeof LAYER_IDS)[number];

/** ACLED's event types (https://acleddata.com/acleddatanew/wp-content/uploads/dlm_uploads/2023/06/ACLED_Codebook_2023.pdf). */
export const EVENT_TYPES = [
	'Battles',
	'Explosions/Remote violence',
	'Violence against civilians',
	'Protests',
	'Riots',
	'Strategic developments'
] as const;
export type EventType = (typeof EVENT_TYPES)[number];
