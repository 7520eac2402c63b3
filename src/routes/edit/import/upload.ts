import type { ImportFormat } from '$lib/import/types';

/** What the editor chose for one upload. */
export interface UploadChoice {
	format: ImportFormat | 'auto';
	name: string;
	dryRun: boolean;
	skipRejected: boolean;
	submit: boolean;
	/** CSV: field → column chosen over the detected one (`''` keeps the detected one). */
	map: Record<string, string>;
}

/** The address `POST /api/import` is sent to for `choice` (the file itself is the body). */
export function importUrl(choice: UploadChoice): string {
	const query = new URLSearchParams({ format: choice.format, name: choice.name });
	if (choice.dryRun) query.set('dry_run', '1');
	if (choice.skipRejected) query.set('skip_rejected', '1');
	if (choice.submit) query.set('submit', '1');
	for (const [field, column] of Object.entries(choice.map))
		if (column) query.set(`map.${field}`, column);
	return `/api/import?${query}`;
}

/**
 * Sends `file` as the body of a POST to `url`, reporting the share uploaded so far (0…1): `fetch`
 * cannot say how far an upload has got, `XMLHttpRequest` can. Resolves with the status and the
 * JSON answer (`null` when the answer is not JSON); rejects when the request could not be made.
 */
export function sendFile(
	url: string,
	file: Blob,
	onProgress: (share: number) => void
): Promise<{ status: number; json: unknown }> {
	return new Promise((resolve, reject) => {
		const xhr = new XMLHttpRequest();
		xhr.open('POST', url);
		xhr.setRequestHeader('content-type', 'application/octet-stream');
		xhr.setRequestHeader('accept', 'application/json');
		xhr.upload.onprogress = (e) => {
			if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
		};
		xhr.upload.onload = () => onProgress(1);
		xhr.onload = () => {
			let json: unknown = null;
			try {
				json = JSON.parse(xhr.responseText);
			} catch {
				json = null;
			}
			resolve({ status: xhr.status, json });
		};
		xhr.onerror = () => reject(new Error('the upload failed (network)'));
		xhr.send(file);
	});
}
