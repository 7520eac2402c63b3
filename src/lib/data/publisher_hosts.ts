/**
 * The other side of {@link BLOCKED_HOSTS}: every host `geodata/` cites, reviewed by a person as the
 * publisher's own site. A blocklist only catches copies someone has already seen; a test fails when
 * a URL in `geodata/` is on neither list, so a new host gets a human look before it ships. One
 * entry a line: the host (exact, as `new URL()` gives it) and who publishes there.
 *
 * @see ./blocked_hosts.ts
 */
export const PUBLISHER_HOSTS: readonly (readonly [host: string, publisher: string])[] = [
	['en.wikipedia.org', 'Wikipedia in English (Wikimedia Foundation)'],
	['simple.wikipedia.org', 'Wikipedia in Simple English (Wikimedia Foundation)'],
	['sco.wikipedia.org', 'Wikipedia in Scots (Wikimedia Foundation)'],
	['de.wikipedia.org', 'Wikipedia in German (Wikimedia Foundation)'],
	['fr.wikipedia.org', 'Wikipedia in French (Wikimedia Foundation)'],
	['it.wikipedia.org', 'Wikipedia in Italian (Wikimedia Foundation)'],
	['ru.wikipedia.org', 'Wikipedia in Russian (Wikimedia Foundation)'],
	['uk.wikipedia.org', 'Wikipedia in Ukrainian (Wikimedia Foundation)'],
	['az.wikipedia.org', 'Wikipedia in Azerbaijani (Wikimedia Foundation)'],
	['tr.wikipedia.org', 'Wikipedia in Turkish (Wikimedia Foundation)'],
	['fa.wikipedia.org', 'Wikipedia in Persian (Wikimedia Foundation)'],
	['uz.wikipedia.org', 'Wikipedia in Uzbek (Wikimedia Foundation)'],
	['www.armeniapedia.org', 'Armeniapedia, a wiki about Armenia (its own articles)'],
	['wikimapia.org', 'Wikimapia, a user-contributed map (its own place pages)'],
	['groups.google.com', 'Google Groups: the Google Map Maker forum thread cited'],
	['thoidai.com.vn', 'Thời Đại, Vietnamese newspaper'],
	['dantocmiennui.vn', 'Báo Dân tộc và Phát triển, Vietnamese newspaper'],
	['meduza.io', 'Meduza, Russian-language independent news outlet (English edition)'],
	['www.rt.com', 'RT, Russian state broadcaster'],
	['armenpress.am', 'Armenpress, Armenian state news agency'],
	['tass.com', 'TASS, Russian state news agency (English service)'],
	['www.primeminister.am', 'Office of the Prime Minister of Armenia'],
	['en.aravot.am', 'Aravot, Armenian daily (English edition)'],
	['www.straitstimes.com', 'The Straits Times, Singapore daily'],
	['en.armradio.am', 'Public Radio of Armenia (English service)'],
	['turan.az', 'Turan Information Agency, Azerbaijan'],
	['anca.org', 'Armenian National Committee of America'],
	['svobodaslova.info', 'Svoboda Slova, Russian-language news site'],
	['voce.com.ve', 'La Voce d’Italia, Italian-language daily in Venezuela'],
	['babel.ua', 'Babel, Ukrainian news outlet (English edition)'],
	['mirrorspectator.com', 'The Armenian Mirror-Spectator, Armenian-American weekly (a newspaper)'],
	['www.wionews.com', 'WION, Indian news channel'],
	['rusdialog.ru', 'Russkiy Dialog, Russian news site'],
	['iwpr.net', 'Institute for War & Peace Reporting'],
	['creativecommons.org', 'Creative Commons: the licence text cited in meta.json and LICENSE.md'],
	['github.com', 'GitHub: the world-atlas repository credited in basemap/LICENSE.md'],
	['www.geonames.org', 'GeoNames, credited in basemap/LICENSE.md'],
	['www.naturalearthdata.com', 'Natural Earth, credited in basemap/LICENSE.md']
];
