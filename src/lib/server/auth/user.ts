/** Who may do what: readers are anonymous; every signed-in account has exactly one of these roles. */
export type Role = 'editor' | 'reviewer' | 'admin';

export const ROLES: readonly Role[] = ['editor', 'reviewer', 'admin'];

/** The signed-in account a request acts for (`event.locals.user`), from a session cookie or a token. */
export interface SessionUser {
	/** Opaque account id; revisions name the author as `user:<id>`, never by e-mail address. */
	id: string;
	email: string;
	role: Role;
}

/** The revision author for a change made by `user`. */
export function authorOf(user: SessionUser): string {
	return `user:${user.id}`;
}
