import { describe, expect, it } from 'vitest';
import {
	parseProcCpuSeconds,
	parseProcStatus,
	readProcessCpuSeconds,
	readProcessMemory
} from './proc_status';

const STATUS = `Name:\tnode
Umask:\t0022
State:\tS (sleeping)
Pid:\t4242
VmPeak:\t 1234567 kB
VmSize:\t 1200000 kB
VmHWM:\t  204800 kB
VmRSS:\t  102400 kB
RssAnon:\t   81920 kB
Threads:\t11
`;

describe('parseProcStatus', () => {
	it('reads VmRSS and VmHWM in MiB, not VmPeak or RssAnon', () => {
		expect(parseProcStatus(STATUS)).toEqual({ rssMiB: 100, peakRssMiB: 200 });
	});

	it('names the missing field', () => {
		expect(() => parseProcStatus('Name:\tnode\nVmHWM:\t 1 kB\n')).toThrow(/no VmRSS line/);
	});
});

describe('readProcessMemory', () => {
	it('reads the memory of a live process (this one)', () => {
		const memory = readProcessMemory(process.pid);
		expect(memory.rssMiB).toBeGreaterThan(1);
		expect(memory.peakRssMiB).toBeGreaterThanOrEqual(memory.rssMiB);
	});
});

describe('parseProcCpuSeconds', () => {
	it('adds utime and stime (fields 14 and 15), counting from the last parenthesis', () => {
		const stat =
			'4242 (node (a) b) S 1 4242 4242 0 -1 4194304 100 0 0 0 250 75 0 0 20 0 11 0 123 456 789';
		expect(parseProcCpuSeconds(stat)).toBe(3.25);
		expect(() => parseProcCpuSeconds('4242 (node) S 1')).toThrow(/utime/);
	});

	it('reads the CPU time of this process', () => {
		expect(readProcessCpuSeconds(process.pid)).toBeGreaterThan(0);
	});
});
