import type { ParamMatcher } from '@sveltejs/kit';
import { isCollection, type Collection } from '$lib/editing/collections';

/** The collections of the editing API: `incidents`, `sources`, `statements`, `places`, `layers`. */
export const match = ((param: string): param is Collection =>
	isCollection(param)) satisfies ParamMatcher;
