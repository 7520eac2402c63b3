// `npm run token:add -- EMAIL [--label LABEL]`: prints a new API token as its last line.
import { AccountError, createToken } from '../src/lib/server/auth/accounts';
import { TOKEN_ADD_USAGE, UsageError, parseTokenAdd } from './accounts_cli';
import { runWithStore } from './db_cli';

let args: ReturnType<typeof parseTokenAdd>;
try {
	args = parseTokenAdd(process.argv.slice(2));
} catch (error) {
	if (!(error instanceof UsageError)) throw error;
	console.error(`token:add: ${error.message}\nusage: ${TOKEN_ADD_USAGE}`);
	process.exit(2);
}

await runWithStore('token:add', async ({ db }) => {
	try {
		const { token, user } = await createToken(db, args.email, args.label);
		const label = args.label ? ` labelled ${JSON.stringify(args.label)}` : '';
		console.log(
			`token:add: a new API token for ${user.email} (${user.role})${label}. ` +
				'It is shown only now; only its hash is stored. Send it as "Authorization: Bearer <token>":'
		);
		console.log(token);
	} catch (error) {
		if (!(error instanceof AccountError)) throw error;
		console.error(`token:add: ${error.message}`);
		process.exitCode = 1;
	}
});
