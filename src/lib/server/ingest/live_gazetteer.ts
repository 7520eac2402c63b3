import { buildGazetteer, type Gazetteer, type GazetteerData } from '../../ingest/gazetteer';
import type { Queryable } from '../db/db';

/**
 * The ingest's gazetteer from the live records: the newest version of every place, statement,
 * organisation and incident editors can see (drafts included, retracted ones left out), the
 * regions of the `meta` record, and the basemap's settlements (`settlements`, the parsed
 * `basemap/settlements.geojson`: reference data, not records). A place added in the editor is
 * found in the next article without a restart.
 */
export async function liveGazetteerData(
	db: Queryable,
	settlements: unknown
): Promise<GazetteerData> {
	const rows = await db.query<{ kind: string; body: unknown }>(
		`select h.kind, r.body from heads h join records r
		   on r.kind = h.kind and r.id = h.id and r.version = h.latest_version
		 where r.status <> 'retracted' and h.kind in ('place', 'statement', 'organization', 'incident', 'meta')
		 order by h.kind, h.position, h.id`
	);
	const of = (kind: string) => rows.filter((r) => r.kind === kind).map((r) => r.body);
	return {
		places: { type: 'FeatureCollection', features: of('place') },
		meta: of('meta')[0],
		settlements,
		statements: of('statement'),
		organizations: of('organization'),
		incidents: { type: 'FeatureCollection', features: of('incident') }
	};
}

export async function liveGazetteer(db: Queryable, settlements: unknown): Promise<Gazetteer> {
	return buildGazetteer(await liveGazetteerData(db, settlements));
}

/** The position of each of `ids` that is a live place record with a point, for a draft incident. */
export async function placePositions(
	db: Queryable,
	ids: string[]
): Promise<Map<string, [number, number]>> {
	const positions = new Map<string, [number, number]>();
	if (ids.length === 0) return positions;
	const rows = await db.query<{
		id: string;
		body: { geometry?: { type?: string; coordinates?: unknown } };
	}>(
		`select h.id, r.body from heads h join records r
		   on r.kind = h.kind and r.id = h.id and r.version = h.latest_version
		 where h.kind = 'place' and r.status <> 'retracted' and h.id = any($1::text[])`,
		[ids]
	);
	for (const row of rows) {
		const g = row.body.geometry;
		const c = g?.type === 'Point' && Array.isArray(g.coordinates) ? g.coordinates : null;
		if (c && typeof c[0] === 'number' && typeof c[1] === 'number')
			positions.set(row.id, [c[0], c[1]]);
	}
	return positions;
}
