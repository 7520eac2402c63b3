import type { RecordStatus } from '../db/records';
import type { Role } from '../auth/user';

export {
	COLLECTIONS,
	collectionOfKind,
	isCollection,
	kindOfCollection,
	type Collection,
	type EditableKind
} from '../../editing/collections';

/** The role of the caller; `null` for an anonymous reader. */
export type Actor = Role | null;

/** Every signed-in role may create and edit drafts; readers may not. */
export function mayEdit(role: Actor): boolean {
	return role === 'editor' || role === 'reviewer' || role === 'admin';
}

/** Signed-in callers read the newest version of a record (draft or not); readers the published one. */
export function mayReadDrafts(role: Actor): boolean {
	return mayEdit(role);
}

/** The statuses a caller may ask a record to move to. */
export const TARGET_STATUSES = ['draft', 'in_review', 'published', 'retracted'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

/**
 * Where a record stands, for a status change: the status of its newest version, and whether a
 * version of it is published (a published record may have a newer draft; it can be retracted).
 */
export interface RecordState {
	latest: RecordStatus;
	published: boolean;
}

interface Move {
	from: (state: RecordState) => boolean;
	roles: readonly Role[];
	reasonRequired: boolean;
	/** What the move is called in messages. */
	name: string;
}

const REVIEWERS: readonly Role[] = ['reviewer', 'admin'];

/** The moves between statuses: who may make each, from where, and whether a reason is required. */
const MOVES: Record<TargetStatus, Move> = {
	in_review: {
		name: 'submit for review',
		from: (s) => s.latest === 'draft',
		roles: ['editor', 'reviewer', 'admin'],
		reasonRequired: false
	},
	published: {
		name: 'publish',
		from: (s) => s.latest === 'in_review',
		roles: REVIEWERS,
		reasonRequired: false
	},
	draft: {
		name: 'send back',
		from: (s) => s.latest === 'in_review',
		roles: REVIEWERS,
		reasonRequired: true
	},
	retracted: {
		name: 'retract',
		from: (s) => s.published,
		roles: REVIEWERS,
		reasonRequired: true
	}
};

/** Why a status change is refused, as the API answers it. */
export interface Refusal {
	status: 400 | 401 | 403 | 409;
	code: 'unauthorized' | 'forbidden' | 'reason_required' | 'invalid_transition';
	message: string;
}

/**
 * May `role` move a record in `state` to `to` with `reason`? `null` if so, else why not: 401 for
 * a reader, 403 for a role that may never make this move, 400 for a missing reason, 409 when the
 * record is not in a status the move starts from. The role is checked before the record's state,
 * so a caller without the right learns nothing about the record from the answer.
 */
export function statusChangeRefusal(
	role: Actor,
	state: RecordState,
	to: TargetStatus,
	reason: string
): Refusal | null {
	const move = MOVES[to];
	if (role === null) {
		return { status: 401, code: 'unauthorized', message: 'Sign in or send an API token' };
	}
	if (!move.roles.includes(role)) {
		return {
			status: 403,
			code: 'forbidden',
			message: `An account with the role ${role} may not ${move.name}; ${move.roles.join(' or ')} may`
		};
	}
	if (move.reasonRequired && reason.trim() === '') {
		return {
			status: 400,
			code: 'reason_required',
			message: `reason is required to ${move.name}`
		};
	}
	if (!move.from(state)) {
		const where =
			state.published && state.latest !== 'published' ? ' (with a published version)' : '';
		return {
			status: 409,
			code: 'invalid_transition',
			message: `Cannot ${move.name} a record whose newest version is ${state.latest}${where}`
		};
	}
	return null;
}
