import type { Feature } from 'geojson';

/**
 * A FeatureCollection as text, one feature a line so that regenerated files diff line by line.
 * Keys are written in a fixed order (type, properties, geometry); properties keep the order the
 * caller built them in, so equal input gives byte-identical output.
 */
export function featureCollectionText(features: Feature[]): string {
	if (features.length === 0) return '{"type":"FeatureCollection","features":[]}\n';
	const lines = features.map((feature) => {
		if (!feature.geometry || feature.geometry.type === 'GeometryCollection') {
			throw new Error('featureCollectionText: every feature needs a non-collection geometry');
		}
		return JSON.stringify({
			type: 'Feature',
			properties: feature.properties,
			geometry: { type: feature.geometry.type, coordinates: feature.geometry.coordinates }
		});
	});
	return `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`;
}
