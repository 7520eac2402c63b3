// `npm run user:add -- EMAIL --role editor|reviewer|admin`: the password is read from stdin.
import { AccountError, createUser } from '../src/lib/server/auth/accounts';
import { MIN_PASSWORD_LENGTH } from '../src/lib/server/auth/password';
import { USER_ADD_USAGE, UsageError, parseUserAdd } from './accounts_cli';
import { runWithStore } from './db_cli';
import { readSecretLine } from './read_secret';

let args: ReturnType<typeof parseUserAdd>;
try {
	args = parseUserAdd(process.argv.slice(2));
} catch (error) {
	if (!(error instanceof UsageError)) throw error;
	console.error(`user:add: ${error.message}\nusage: ${USER_ADD_USAGE}`);
	process.exit(2);
}

const password = await readSecretLine(
	`Password for ${args.email} (at least ${MIN_PASSWORD_LENGTH} characters): `
);
if ([...password].length < MIN_PASSWORD_LENGTH) {
	console.error(
		`user:add: the password must be at least ${MIN_PASSWORD_LENGTH} characters long ` +
			`(got ${[...password].length}); no account was created`
	);
	process.exit(1);
}

await runWithStore('user:add', async ({ db, location }) => {
	try {
		const user = await createUser(db, { ...args, password });
		console.log(`user:add: ${user.email} (${user.role}) created in ${location}, id ${user.id}`);
	} catch (error) {
		if (!(error instanceof AccountError)) throw error;
		console.error(`user:add: ${error.message}`);
		process.exitCode = 1;
	}
});
