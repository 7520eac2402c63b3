import type { RequestHandler } from './$types';

/** Who the credentials act for: `{email, role}`, or a JSON 401 (scripts check a token with this). */
export const GET: RequestHandler = ({ locals }) => {
	const headers = { 'cache-control': 'no-store' };
	if (!locals.user) {
		return Response.json(
			{ code: 'unauthorized', description: 'Sign in or send Authorization: Bearer <token>.' },
			{ status: 401, headers: { ...headers, 'www-authenticate': 'Bearer' } }
		);
	}
	const { email, role } = locals.user;
	return Response.json({ email, role }, { headers });
};
