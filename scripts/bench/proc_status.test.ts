import { describe, expect, it } from 'vitest';
import { parseProcStatus, readProcessMemory } from './proc_status';

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
