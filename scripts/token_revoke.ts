// `npm run token:revoke -- TOKEN`: the token stops working at once, on every server of the store.
import { revokeToken } from '../src/lib/server/auth/accounts';
import { TOKEN_REVOKE_USAGE, UsageError, parseTokenRevoke } from './accounts_cli';
import { runWithStore } from './db_cli';

let token: string;
try {
	({ token } = parseTokenRevoke(process.argv.slice(2)));
} catch (error) {
	if (!(error instanceof UsageError)) throw error;
	console.error(`token:revoke: ${error.message}\nusage: ${TOKEN_REVOKE_USAGE}`);
	process.exit(2);
}

await runWithStore('token:revoke', async ({ db }) => {
	if (await revokeToken(db, token)) {
		console.log('token:revoke: revoked');
	} else {
		console.error('token:revoke: no such token, or it was already revoked');
		process.exitCode = 1;
	}
});
