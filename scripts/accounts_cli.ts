import { ROLES, type Role } from '../src/lib/server/auth/user';

/** A command line that cannot be run as given: printed with the usage line, exit 2. */
export class UsageError extends Error {}

export const USER_ADD_USAGE = 'npm run user:add -- EMAIL --role editor|reviewer|admin';
export const TOKEN_ADD_USAGE = 'npm run token:add -- EMAIL [--label LABEL]';
export const TOKEN_REVOKE_USAGE = 'npm run token:revoke -- TOKEN';

/**
 * One positional argument and the named options in `names` (each takes a value). Throws
 * {@link UsageError} naming the first problem.
 */
function parse(
	args: string[],
	names: string[]
): { positional: string; options: Map<string, string> } {
	const options = new Map<string, string>();
	const positional: string[] = [];
	for (let i = 0; i < args.length; i++) {
		const arg = args[i];
		if (!arg.startsWith('--')) {
			positional.push(arg);
			continue;
		}
		const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
		if (!names.includes(name)) throw new UsageError(`unknown option --${name}`);
		const value = inline ?? args[++i];
		if (value === undefined || (inline === undefined && value.startsWith('--'))) {
			throw new UsageError(`--${name} needs a value`);
		}
		options.set(name, value);
	}
	if (positional.length !== 1) {
		throw new UsageError(
			positional.length
				? `one argument expected, got ${positional.length}`
				: 'the argument is missing'
		);
	}
	return { positional: positional[0], options };
}

export function parseUserAdd(args: string[]): { email: string; role: Role } {
	const { positional, options } = parse(args, ['role']);
	const role = options.get('role');
	if (!role) throw new UsageError('--role is required');
	if (!ROLES.includes(role as Role)) {
		throw new UsageError(`--role must be one of ${ROLES.join(', ')}, not ${JSON.stringify(role)}`);
	}
	return { email: positional, role: role as Role };
}

export function parseTokenAdd(args: string[]): { email: string; label: string } {
	const { positional, options } = parse(args, ['label']);
	return { email: positional, label: options.get('label') ?? '' };
}

export function parseTokenRevoke(args: string[]): { token: string } {
	return { token: parse(args, []).positional };
}

/** The first line of `text` without its line ending: the password `user:add` reads from stdin. */
export function firstLine(text: string): string {
	return text.split(/\r?\n/, 1)[0];
}
