import { readFileSync } from 'node:fs';

export interface ProcessMemory {
	/** Resident set size now, in MiB. */
	rssMiB: number;
	/** Peak resident set size so far, in MiB. */
	peakRssMiB: number;
}

function kB(text: string, field: string): number {
	const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB$`, 'm').exec(text);
	if (!match) throw new Error(`/proc/<pid>/status: no ${field} line`);
	return Number(match[1]);
}

/** Reads `VmRSS` and `VmHWM` from the text of `/proc/<pid>/status`. */
export function parseProcStatus(text: string): ProcessMemory {
	return { rssMiB: kB(text, 'VmRSS') / 1024, peakRssMiB: kB(text, 'VmHWM') / 1024 };
}

export function readProcessMemory(pid: number): ProcessMemory {
	return parseProcStatus(readFileSync(`/proc/${pid}/status`, 'utf8'));
}
