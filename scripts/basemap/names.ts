/**
 * The spelling system of the basemap's settlement names: the English name, as English-language
 * references (GeoNames' English alternate name, the English Wikipedia article title) give it,
 * where GeoNames' primary name is a Soviet or older form (Yelenendorf, Mingelchaur, Qutqashen),
 * a Russian or German transliteration (Agdzhabedy, Geoktschai) or a romanisation with marks
 * that English does not use (Pārsābād); GeoNames' primary name everywhere else. A place that is
 * disputed carries both names, "one / other", exactly as the dashboard's curated place does, so
 * that the rule the legend states holds on the basemap too. The replaced GeoNames name is kept
 * as an alias, never shown.
 */
export interface SettlementName {
	name: string;
	/** Other forms of the name (the GeoNames primary name first); searched, never shown. */
	aliases: string[];
}

/** By GeoNames id. Each entry's first alias is the GeoNames primary name it replaces. */
export const SETTLEMENT_NAMES: Readonly<Record<number, SettlementName>> = {
	126972: { name: 'Khoy', aliases: ['Khowy'] },
	121380: { name: 'Parsabad', aliases: ['Pārsābād'] },
	140494: { name: 'Bileh Savar', aliases: ['Bīleh Savār'] },
	146969: { name: 'Martuni / Khojavend', aliases: ['Novyy Karanlug', 'Martuni', 'Khojavend'] },
	146970: {
		name: 'Stepanakert / Khankendi',
		aliases: ['Xankandi', 'Stepanakert', 'Khankendi']
	},
	147105: { name: 'Shusha / Shushi', aliases: ['Shushi', 'Shusha'] },
	147288: { name: 'Saatly', aliases: ['Saatlı'] },
	147625: { name: 'Lachin / Berdzor', aliases: ['Laçın', 'Lachin', 'Berdzor'] },
	147774: { name: 'Khojaly / Ivanyan', aliases: ['Xocalı', 'Khojaly', 'Ivanyan'] },
	148106: { name: 'Fuzuli / Varanda', aliases: ['Fizuli', 'Fuzuli', 'Varanda'] },
	148251: { name: 'Julfa', aliases: ['Culfa'] },
	148450: { name: 'Askeran', aliases: ['Askyaran'] },
	148619: { name: 'Aghdam', aliases: ['Ağdam'] },
	584716: { name: 'Goygol', aliases: ['Yelenendorf', 'Khanlar'] },
	584871: { name: 'Terter / Tartar', aliases: ['Terter', 'Tartar'] },
	585152: { name: 'Shamkir', aliases: ['Shamkhor'] },
	585231: { name: 'Qabala', aliases: ['Qutqashen'] },
	585514: { name: 'Mingachevir', aliases: ['Mingelchaur'] },
	585763: { name: 'Kurdamir', aliases: ['Kyurdarmir'] },
	586427: { name: 'Goychay', aliases: ['Geoktschai'] },
	586765: { name: 'Dashkasan', aliases: ['Yukhary-Dashkesan'] },
	587378: { name: 'Agdash', aliases: ['Ağdaş'] },
	587379: { name: 'Mardakert / Aghdara', aliases: ['Martakert', 'Mardakert', 'Aghdara'] },
	587384: { name: 'Aghjabadi', aliases: ['Agdzhabedy'] },
	616194: { name: 'Stepanavan', aliases: ['Step’anavan'] },
	616599: { name: 'Gavar', aliases: ['Gavarr'] }
};

/** The name a settlement is labelled with and its aliases, from its GeoNames id and name. */
export function settlementName(
	geonameid: number,
	geonamesName: string,
	table: Readonly<Record<number, SettlementName>> = SETTLEMENT_NAMES
): SettlementName {
	const entry = table[geonameid];
	if (!entry) return { name: geonamesName, aliases: [] };
	const aliases = [geonamesName, ...entry.aliases.filter((a) => a !== geonamesName)];
	return { name: entry.name, aliases: aliases.filter((a) => a !== entry.name) };
}
