/** The roles that may create and edit records: every signed-in account (readers have none). */
export const EDITING_ROLES = ['editor', 'reviewer', 'admin'] as const;

/**
 * Whether an account of `role` may use the editor. The browser uses it only to decide which
 * buttons to show; the server decides (the editor's pages and the editing API check the role).
 */
export function mayEditAs(role: string | null | undefined): boolean {
	return (EDITING_ROLES as readonly (string | null | undefined)[]).includes(role);
}
