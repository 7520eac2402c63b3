import { firstLine } from './accounts_cli';

/**
 * One line from standard input. From a pipe (`printf '%s\n' "$PASSWORD" | npm run user:add …`)
 * it is the first line; at a terminal the prompt goes to stderr and what is typed is not echoed.
 */
export async function readSecretLine(prompt: string): Promise<string> {
	const stdin = process.stdin;
	if (!stdin.isTTY) {
		let text = '';
		stdin.setEncoding('utf8');
		for await (const chunk of stdin) {
			text += chunk;
			if (text.includes('\n')) break;
		}
		stdin.destroy();
		return firstLine(text);
	}
	process.stderr.write(prompt);
	stdin.setRawMode(true);
	stdin.setEncoding('utf8');
	return new Promise((resolve) => {
		let line = '';
		const onData = (chunk: string) => {
			for (const char of chunk) {
				if (char === '\r' || char === '\n') {
					stdin.setRawMode(false);
					stdin.off('data', onData);
					stdin.pause();
					process.stderr.write('\n');
					resolve(line);
					return;
				}
				if (char === '\u0003') {
					stdin.setRawMode(false);
					process.stderr.write('\n');
					process.exit(130);
				}
				if (char === '\u007f' || char === '\b') line = [...line].slice(0, -1).join('');
				else line += char;
			}
		};
		stdin.on('data', onData);
	});
}
