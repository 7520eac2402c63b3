import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { IncidentFeature } from '../../src/lib/data/schema';
import { waitForMapIdle } from './browser';

/** The landmarks of the dashboard, by their English accessible names (the UI contract). */
export const INCIDENTS = 'section[aria-label="Incidents"]';
export const DETAILS = 'section[aria-label="Incident details"]';
export const STATEMENTS = 'section[aria-label="Statements"]';
export const TIMELINE = 'section[aria-label="Timeline"]';

/** An incident of a dataset directory, read from its file (the test's ground truth). */
export function readIncident(dir: string, id: string): IncidentFeature {
	const fc = JSON.parse(readFileSync(join(dir, 'incidents.geojson'), 'utf8')) as {
		features: IncidentFeature[];
	};
	const found = fc.features.find((f) => f.id === id);
	if (!found) throw new Error(`${dir}/incidents.geojson has no incident "${id}"`);
	return found;
}

/** Opens the dashboard at `query` and waits for the map to be idle. */
export async function openDashboard(page: Page, origin: string, query = ''): Promise<void> {
	await page.goto(`${origin}/${query ? `?${query}` : ''}`);
	await waitForMapIdle(page);
}

/** Waits until `check` holds in the page (the app raised the state), then for the map to settle. */
export async function settle(page: Page, check: () => boolean | Promise<boolean>): Promise<void> {
	await page.waitForFunction(check, undefined, { timeout: 20_000 });
	await waitForMapIdle(page);
}

/** The ids the incident list shows (rendered rows; the tests' datasets fit in one screen). */
export function listedIds(page: Page): Promise<string[]> {
	return page.$$eval(`${INCIDENTS} [role="option"]`, (options) =>
		options
			.map((o) => ({
				id: o.getAttribute('data-incident-id') ?? '',
				pos: Number(o.getAttribute('aria-posinset'))
			}))
			.sort((a, b) => a.pos - b.pos)
			.map((o) => o.id)
	);
}

export async function detailsTitle(page: Page): Promise<string | null> {
	return page
		.locator(`${DETAILS} h3`)
		.textContent({ timeout: 1000 })
		.catch(() => null);
}

/** Where a longitude/latitude is on screen, from the map itself (`window.__atlasMap.project`). */
export function screenPoint(
	page: Page,
	lonLat: [number, number]
): Promise<{ x: number; y: number }> {
	return page.evaluate((ll) => {
		const map = (window as unknown as { __atlasMap: AtlasMapHandle }).__atlasMap;
		const p = map.project(ll);
		const r = map.getCanvas().getBoundingClientRect();
		return { x: r.left + p.x, y: r.top + p.y };
	}, lonLat);
}

/**
 * The parts of the MapLibre map the tests read: `window.__atlasMap`, set in the test build only
 * (a test file that uses these helpers serves `TEST_BUILD_DIR`; README, Testing).
 */
export interface AtlasMapHandle {
	project(lonLat: [number, number]): { x: number; y: number };
	getCanvas(): HTMLCanvasElement;
	queryRenderedFeatures(options: { layers: string[] }): unknown[];
	getFeatureState(feature: { source: string; id: string }): Record<string, unknown> | undefined;
	getLayer(id: string): unknown;
}

/** How many features of a layer MapLibre has drawn in the current view. */
export function renderedCount(page: Page, layer: string): Promise<number> {
	return page.evaluate((id) => {
		const map = (window as unknown as { __atlasMap: AtlasMapHandle }).__atlasMap;
		return map.getLayer(id) ? map.queryRenderedFeatures({ layers: [id] }).length : -1;
	}, layer);
}

export function featureState(page: Page, id: string): Promise<Record<string, unknown>> {
	return page.evaluate(
		(fid) =>
			(window as unknown as { __atlasMap: AtlasMapHandle }).__atlasMap.getFeatureState({
				source: 'incidents',
				id: fid
			}) ?? {},
		id
	);
}
