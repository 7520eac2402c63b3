/**
 * The people and bodies whose statements the ingest recognises: those who already speak in the
 * dataset's statements plus a curated list. This is the one module that reads speakers and
 * organisations from the data, so a change in how statements name them is made here alone.
 */

export interface Speaker {
	name: string;
	organization: string | null;
	kind: 'person' | 'body';
	/** Spellings that name the speaker in vi, en and ru text (surnames alone for people). */
	aliases: string[];
	/**
	 * For a spokesperson: the speaker they speak for, when the text names that speaker. For a body
	 * (an army), the body whose press service issues its statements (its defence ministry), always.
	 */
	speaks_for?: string;
}

interface Country {
	name: string;
	formal: string;
	vi: string[];
	en: string[];
	en_adjective: string[];
	/** Genitive forms, as after "Министерство обороны". */
	ru: string[];
}

const COUNTRIES: Country[] = [
	{
		name: 'Russia',
		formal: 'the Russian Federation',
		vi: ['Nga'],
		en: ['Russia'],
		en_adjective: ['Russian'],
		ru: ['России', 'РФ', 'Российской Федерации']
	},
	{
		name: 'Azerbaijan',
		formal: 'the Republic of Azerbaijan',
		vi: ['Azerbaijan', 'Azebaijan', 'Azerbaidjan'],
		en: ['Azerbaijan'],
		en_adjective: ['Azerbaijani'],
		ru: ['Азербайджана']
	},
	{
		name: 'Armenia',
		formal: 'the Republic of Armenia',
		vi: ['Armenia'],
		en: ['Armenia'],
		en_adjective: ['Armenian'],
		ru: ['Армении']
	},
	{
		name: 'the Nagorno-Karabakh Republic',
		formal: 'the Nagorno-Karabakh Republic',
		vi: ['Nagorno-Karabakh', 'Nagorny Karabakh'],
		en: ['Nagorno-Karabakh', 'the Nagorno-Karabakh Republic'],
		en_adjective: ['Karabakh'],
		ru: ['НКР', 'Нагорного Карабаха']
	}
];

function countryBodies(): Speaker[] {
	const out: Speaker[] = [];
	for (const c of COUNTRIES) {
		const forms = (vi: string[], en: (x: string) => string[], ru: string[]) => [
			...c.vi.flatMap((x) => vi.map((v) => `${v} ${x}`)),
			...c.en.flatMap(en),
			...c.en_adjective.flatMap(en),
			...c.ru.flatMap((x) => ru.map((r) => `${r} ${x}`))
		];
		out.push({
			name: `Ministry of Defence of ${c.name}`,
			organization: `Ministry of Defence of ${c.formal}`,
			kind: 'body',
			aliases: forms(
				['Bộ Quốc phòng'],
				(x) => [
					`${x} Defence Ministry`,
					`${x} Defense Ministry`,
					`${x} Ministry of Defence`,
					`${x} Ministry of Defense`,
					`${x}'s Defence Ministry`,
					`${x}'s Defense Ministry`,
					`Ministry of Defence of ${x}`,
					`Defence Ministry of ${x}`
				],
				['Министерство обороны', 'Минобороны']
			)
		});
		out.push({
			name: `Ministry of Foreign Affairs of ${c.name}`,
			organization: `Ministry of Foreign Affairs of ${c.formal}`,
			kind: 'body',
			aliases: forms(
				['Bộ Ngoại giao'],
				(x) => [
					`${x} Foreign Ministry`,
					`${x}'s Foreign Ministry`,
					`${x} Ministry of Foreign Affairs`,
					`Ministry of Foreign Affairs of ${x}`,
					`Foreign Ministry of ${x}`
				],
				['МИД', 'Министерство иностранных дел']
			)
		});
		out.push({
			name: `Armed Forces of ${c.name}`,
			organization: `Armed Forces of ${c.formal}`,
			kind: 'body',
			speaks_for: `Ministry of Defence of ${c.name}`,
			aliases: forms(
				['Quân đội', 'Lực lượng vũ trang'],
				(x) => [`${x} army`, `${x} armed forces`, `${x}'s armed forces`, `${x}'s army`],
				['армия', 'Вооруженные силы', 'Вооружённые силы']
			)
		});
	}
	return out;
}

const person = (
	name: string,
	organization: string,
	aliases: string[],
	speaks_for?: string
): Speaker => ({ name, organization, kind: 'person', aliases, speaks_for });

const PEOPLE: Speaker[] = [
	person('António Guterres', 'United Nations', [
		'Guterres',
		'Antonio Guterres',
		'Гутерриш',
		'Гутерреш'
	]),
	person(
		'Stéphane Dujarric',
		'United Nations',
		['Dujarric', 'Stephane Dujarric', 'Дюжаррик'],
		'António Guterres'
	),
	person('Ban Ki-moon', 'United Nations', ['Ban Ki-moon', 'Ban Ki Moon', 'Пан Ги Мун']),
	person('Sergei Lavrov', 'Government of the Russian Federation', [
		'Lavrov',
		'Sergey Lavrov',
		'Лавров'
	]),
	person('Sergei Shoigu', 'Government of the Russian Federation', [
		'Shoigu',
		'Sergey Shoigu',
		'Шойгу'
	]),
	person('Vladimir Putin', 'Russian Federation', ['Putin', 'Путин']),
	person(
		'Dmitry Peskov',
		'Russian Federation',
		['Peskov', 'Dmitri Peskov', 'Песков'],
		'Vladimir Putin'
	),
	person('John Kerry', 'United States Department of State', ['Kerry', 'Керри']),
	person('Federica Mogherini', 'European Union', ['Mogherini', 'Могерини']),
	person('Frank-Walter Steinmeier', 'Government of Germany / OSCE', [
		'Steinmeier',
		'Штайнмайер',
		'Штайнмайер'
	]),
	person('Serzh Sargsyan', 'President of Armenia', [
		'Sargsyan',
		'Serzh Sargsian',
		'Sargsian',
		'Саргсян'
	]),
	person('Ilham Aliyev', 'President of Azerbaijan', ['Aliyev', 'Алиев']),
	person('Nikol Pashinyan', 'Government of Armenia', ['Pashinyan', 'Пашинян']),
	person(
		'Igor Konashenkov',
		'Ministry of Defence of the Russian Federation',
		['Konashenkov', 'Конашенков'],
		'Ministry of Defence of Russia'
	),
	person('Maria Zakharova', 'Ministry of Foreign Affairs of the Russian Federation', [
		'Zakharova',
		'Захарова'
	]),
	person('Zakir Hasanov', 'Ministry of Defence of the Republic of Azerbaijan', [
		'Hasanov',
		'Гасанов'
	]),
	person('Seyran Ohanyan', 'Ministry of Defence of the Republic of Armenia', ['Ohanyan', 'Оганян'])
];

const body = (name: string, organization: string, aliases: string[]): Speaker => ({
	name,
	organization,
	kind: 'body',
	aliases
});

const ORGANISATIONS: Speaker[] = [
	body('United Nations', 'United Nations', ['Liên hợp quốc', 'LHQ', 'UN', 'ООН']),
	body('United States Department of State', 'United States Department of State', [
		'State Department',
		'US State Department',
		'Bộ Ngoại giao Mỹ',
		'Госдепартамент',
		'Госдеп'
	]),
	body('OSCE Minsk Group', 'OSCE', ['Minsk Group', 'Nhóm Minsk', 'Минская группа']),
	body('European Union', 'European Union', ['Liên minh châu Âu', 'EU', 'Евросоюз']),
	body('AFP', 'Agence France-Presse', ['AFP'])
];

interface DataStatement {
	speaker?: { name?: unknown; organization_id?: unknown };
}

interface DataOrganization {
	id?: unknown;
	names?: { en?: unknown };
}

/** Organisation ids (`organizations.json`) → their English names. */
function organizationNames(organizations: unknown): Map<string, string> {
	const names = new Map<string, string>();
	if (!Array.isArray(organizations)) return names;
	for (const o of organizations as DataOrganization[]) {
		if (typeof o?.id === 'string' && typeof o.names?.en === 'string') names.set(o.id, o.names.en);
	}
	return names;
}

/**
 * The speakers of the dataset's statements (`statements.json`), each person with their surname,
 * and the English name of the organisation their `organization_id` names in `organizations.json`.
 */
export function speakersFromStatements(statements: unknown, organizations?: unknown): Speaker[] {
	if (!Array.isArray(statements)) return [];
	const orgNames = organizationNames(organizations);
	const out: Speaker[] = [];
	for (const s of statements as DataStatement[]) {
		const name = s?.speaker?.name;
		if (typeof name !== 'string' || !name.trim()) continue;
		const id = s.speaker?.organization_id;
		const organization = typeof id === 'string' ? (orgNames.get(id) ?? null) : null;
		const isBody = /^(Ministry|Armed|Government|Office|United|European)\b/.test(name);
		const aliases = [name];
		const words = name.split(/\s+/);
		if (!isBody && words.length > 1) aliases.push(words[words.length - 1]);
		out.push({ name, organization, kind: isBody ? 'body' : 'person', aliases });
	}
	return out;
}

/** The curated people and bodies merged with those of the data; the data's organisation wins. */
export function buildSpeakers(statements: unknown, organizations?: unknown): Speaker[] {
	const byName = new Map<string, Speaker>();
	for (const s of [...PEOPLE, ...ORGANISATIONS, ...countryBodies()]) byName.set(s.name, { ...s });
	for (const s of speakersFromStatements(statements, organizations)) {
		const known = byName.get(s.name);
		if (known) {
			known.aliases = [...new Set([...known.aliases, ...s.aliases])];
			if (s.organization) known.organization = s.organization;
		} else {
			byName.set(s.name, s);
		}
	}
	return [...byName.values()];
}
