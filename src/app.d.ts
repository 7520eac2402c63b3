// See https://svelte.dev/docs/kit/types#app.d.ts
import type { SessionUser } from '$lib/server/auth/user';

declare global {
	namespace App {
		interface Error {
			message: string;
			/** A retracted record's permalink (410): when and why, for the page to say in its language. */
			retraction?: { at: string; reason: string; lang: string };
		}
		interface Locals {
			/** The signed-in account, or null for an anonymous reader (set by the auth hook). */
			user: SessionUser | null;
		}
	}
}

export {};
