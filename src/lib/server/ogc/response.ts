/** A response as plain data, so the OGC and API logic can be tested without a server. */
export interface HttpResponse {
	status: number;
	headers: Record<string, string>;
	body: string;
}

export const JSON_TYPE = 'application/json';
export const GEOJSON_TYPE = 'application/geo+json';
export const OPENAPI_TYPE = 'application/vnd.oai.openapi+json;version=3.0';

const COMMON = { 'access-control-allow-origin': '*', vary: 'Accept' };

export function textResponse(status: number, type: string, body: string): HttpResponse {
	return { status, headers: { 'content-type': type, ...COMMON }, body };
}

export function jsonResponse(status: number, value: unknown, type = JSON_TYPE): HttpResponse {
	return textResponse(status, type, JSON.stringify(value));
}

/** An error as OGC API – Features shows it: `{ code, description }` with the HTTP status. */
export function errorResponse(status: number, code: string, description: string): HttpResponse {
	return jsonResponse(status, { code, description });
}

export function badRequest(description: string): HttpResponse {
	return errorResponse(400, 'InvalidParameterValue', description);
}

export function notFound(description: string): HttpResponse {
	return errorResponse(404, 'NotFound', description);
}

/** The response when a handler throws: logged server-side, a generic JSON 500 to the client. */
export function serverError(error: unknown): HttpResponse {
	console.error(error);
	return errorResponse(500, 'ServerError', 'The server failed to answer this request.');
}

/** The web `Response` for a route to return. */
export function toResponse(response: HttpResponse): Response {
	return new Response(response.body, { status: response.status, headers: response.headers });
}
