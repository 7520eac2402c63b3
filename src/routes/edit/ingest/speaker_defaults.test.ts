import { describe, expect, it } from 'vitest';
import type { StatementProposal } from '$lib/ingest/types';
import { loadDataset } from '$lib/server/load';
import { speakerDefaults } from './speaker_defaults';

const dataset = loadDataset('geodata');
const proposal = (speaker: string, organization: string | null): StatementProposal => ({
	start: 0,
	end: 1,
	speaker,
	organization,
	via: null,
	form: 'reported',
	text: 'x'
});

describe('speakerDefaults', () => {
	it('takes role and organisation from the dataset’s statements by the same speaker', () => {
		const [d] = speakerDefaults([proposal('Ministry of Defence of Russia', null)], dataset);
		expect(d).toEqual({
			role: 'ministry press service',
			organization_id: 'ru-ministry-of-defence'
		});
	});

	it('else matches the proposed organisation by any of its names, else leaves both empty', () => {
		const [named, unknown] = speakerDefaults(
			[proposal('Somebody New', 'Bộ Quốc phòng Azerbaijan'), proposal('Nobody', 'Unknown body')],
			dataset
		);
		expect(named).toEqual({ role: '', organization_id: 'az-ministry-of-defence' });
		expect(unknown).toEqual({ role: '', organization_id: '' });
	});
});
