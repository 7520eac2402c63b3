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

/** Clock ticks per second of `/proc/<pid>/stat` times (`getconf CLK_TCK`: 100 on Linux). */
const CLOCK_TICKS = 100;

/**
 * The CPU seconds (user + system) a process has used, from the text of `/proc/<pid>/stat`: fields
 * 14 and 15 after the command name (which may hold spaces and parentheses, so counted from the last
 * `)`). On a shared machine this says how much work a run was, whatever the load around it.
 */
export function parseProcCpuSeconds(stat: string): number {
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	// fields[0] is field 3 (state): utime is field 14, stime field 15.
	const utime = Number(fields[11]);
	const stime = Number(fields[12]);
	if (!Number.isFinite(utime) || !Number.isFinite(stime))
		throw new Error('/proc/<pid>/stat: no utime/stime');
	return (utime + stime) / CLOCK_TICKS;
}

export function readProcessCpuSeconds(pid: number): number {
	return parseProcCpuSeconds(readFileSync(`/proc/${pid}/stat`, 'utf8'));
}
