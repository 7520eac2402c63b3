import { describe, expect, it } from 'vitest';
import { recordKinds } from '../db/dataset_records';
import {
	COLLECTIONS,
	collectionOfKind,
	isCollection,
	kindOfCollection,
	mayEdit,
	statusChangeRefusal,
	type Actor,
	type RecordState,
	type TargetStatus
} from './policy';

const draft: RecordState = { latest: 'draft', published: false };
const inReview: RecordState = { latest: 'in_review', published: false };
const published: RecordState = { latest: 'published', published: true };
const publishedWithDraft: RecordState = { latest: 'draft', published: true };
const retracted: RecordState = { latest: 'retracted', published: false };

const allowed = (role: Actor, state: RecordState, to: TargetStatus, reason = 'checked') =>
	statusChangeRefusal(role, state, to, reason) === null;

describe('collections', () => {
	it('map every API collection to a kind the store holds, and back', () => {
		for (const [collection, kind] of Object.entries(COLLECTIONS)) {
			expect(recordKinds()).toContain(kind);
			expect(isCollection(collection)).toBe(true);
			expect(kindOfCollection(collection as keyof typeof COLLECTIONS)).toBe(kind);
			expect(collectionOfKind(kind)).toBe(collection);
		}
	});

	it('do not include what the API does not edit, nor inherited names', () => {
		expect(isCollection('organizations')).toBe(false);
		expect(isCollection('meta')).toBe(false);
		expect(isCollection('incidents.geojson')).toBe(false);
		expect(isCollection('toString')).toBe(false);
		expect(collectionOfKind('organization')).toBeUndefined();
	});
});

describe('who may edit', () => {
	it('every signed-in role, no reader', () => {
		expect(mayEdit(null)).toBe(false);
		expect(mayEdit('editor')).toBe(true);
		expect(mayEdit('reviewer')).toBe(true);
		expect(mayEdit('admin')).toBe(true);
	});
});

describe('status changes', () => {
	it('an editor submits a draft for review and may do nothing else', () => {
		expect(allowed('editor', draft, 'in_review')).toBe(true);
		expect(statusChangeRefusal('editor', inReview, 'published', '')).toMatchObject({
			status: 403,
			code: 'forbidden'
		});
		expect(statusChangeRefusal('editor', inReview, 'draft', 'no')).toMatchObject({ status: 403 });
		expect(statusChangeRefusal('editor', published, 'retracted', 'no')).toMatchObject({
			status: 403
		});
	});

	it('a reviewer and an admin publish, send back and retract', () => {
		for (const role of ['reviewer', 'admin'] as const) {
			expect(allowed(role, draft, 'in_review')).toBe(true);
			expect(allowed(role, inReview, 'published', '')).toBe(true);
			expect(allowed(role, inReview, 'draft')).toBe(true);
			expect(allowed(role, published, 'retracted')).toBe(true);
			expect(allowed(role, publishedWithDraft, 'retracted')).toBe(true);
		}
	});

	it('a reader may do nothing and is told to sign in', () => {
		for (const to of ['draft', 'in_review', 'published', 'retracted'] as const) {
			expect(statusChangeRefusal(null, inReview, to, 'x')).toMatchObject({ status: 401 });
		}
	});

	it('sending back and retracting need a reason', () => {
		expect(statusChangeRefusal('reviewer', inReview, 'draft', '  ')).toMatchObject({
			status: 400,
			code: 'reason_required'
		});
		expect(statusChangeRefusal('reviewer', published, 'retracted', '')).toMatchObject({
			status: 400,
			code: 'reason_required'
		});
	});

	it('moves start only where they may: no publishing a draft, no retracting an unpublished record', () => {
		expect(statusChangeRefusal('reviewer', draft, 'published', '')).toMatchObject({
			status: 409,
			code: 'invalid_transition'
		});
		expect(statusChangeRefusal('reviewer', published, 'published', '')).toMatchObject({
			status: 409
		});
		expect(statusChangeRefusal('reviewer', draft, 'retracted', 'x')).toMatchObject({
			status: 409
		});
		expect(statusChangeRefusal('reviewer', retracted, 'retracted', 'x')).toMatchObject({
			status: 409
		});
		expect(statusChangeRefusal('editor', inReview, 'in_review', '')).toMatchObject({
			status: 409
		});
		expect(statusChangeRefusal('admin', published, 'draft', 'x')).toMatchObject({ status: 409 });
	});

	it('checks the role before the state, so a wrong role learns nothing about the record', () => {
		expect(statusChangeRefusal('editor', draft, 'published', '')).toMatchObject({ status: 403 });
		expect(statusChangeRefusal(null, retracted, 'published', '')).toMatchObject({ status: 401 });
	});
});
