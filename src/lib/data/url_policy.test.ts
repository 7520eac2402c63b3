import { describe, expect, it } from 'vitest';
import { BLOCKED_HOSTS } from './blocked_hosts';
import { blockedHost, urlProblem } from './url_policy';

/** Every mirror, proxy, cache, gateway, redirector and AMP URL that `geodata/` ever cited. */
const EVER_CITED_COPIES = [
	'http://40.74.122.252/index.cgi/contrast/https://de.wikipedia.org/wiki/B%C9%99rd%C9%99_(Stadt)',
	'http://piglix.com/piglix/Goris',
	'http://piglix.com/piglix/Partav',
	'http://piglix.com/piglix/Sarsang_reservoir',
	'http://piglix.com/piglix/Shushi',
	'http://piglix.com/piglix/Tartarchay',
	'http://the-uncensored-wiki.com:20151/2015-wikipedia_en_all_2015-05/A/Murovdag.html',
	'https://a.osmarks.net/content/wikipedia_en_all_maxi_2020-08/A/Martakert',
	'https://alem.dynip.sapo.pt/wiki/content/wikipedia_en_all_maxi_2024-01/A/Berdashen%2C_Nagorno-Karabakh',
	'https://bafybeiaysi4s6lnjev27ln5icwm6tueaw2vdykrtjkwiphwekaywqhcjze.ipfs.dweb.link/wiki/Lalatapa',
	'https://de.qaz.wiki/wiki/Chapar,_Azerbaijan',
	'https://de.qaz.wiki/wiki/Suqovu%C5%9Fan,_Tartar',
	'https://de.zxc.wiki/wiki/Goris',
	'https://en-wikipedia--on--ipfs-org.ipns.dweb.link/wiki/Martuni%2C_Nagorno-Karabakh',
	'https://en.m.wikipedia.org/wiki/Fuzuli_(city)',
	'https://enwikipedia.net/wiki/Khojaly_(town)',
	'https://enwikipedia.net/wiki/Talish,_Tartar',
	'https://everything.explained.today/Mokhratagh/',
	'https://friendlywiki.com/article/index.php?title=Hadrut',
	'https://gateway.ipfs.io/ipfs/QmXoypizjW3WknFiJnKLwHCnL72vedxjQkDDP1mXWo6uco/wiki/C%C9%99brayil.html',
	'https://hessslslslsls.azureedge.net/wiki/Goyarx',
	'https://home.cydlabs.com/kiwix/content/wikipedia_en_all_maxi_2024-01/A/A%C4%9Fcak%C9%99nd%2C_Khojavend',
	'https://hqproductreviews.com?arsae=https%3A%2F%2Ffr.wikipedia.org%2Fwiki%2FTartar_%28rivi%25C3%25A8re%29',
	'https://iiab.me/kiwix/content/wikipedia_en_all_maxi_2023-10/A/A%C4%9Fbulaq%2C_Khojali',
	'https://iiab.me/kiwix/content/wikipedia_en_all_maxi_2023-10/A/T%C9%99rt%C9%99r',
	'https://it.m.wikipedia.org/wiki/Xocal%C4%B1',
	'https://kiwix.casplantje.nl/wikipedia_en_all_maxi_2020-06/A/%C3%87ocuq_M%C9%99rcanl%C4%B1',
	'https://kiwix.haohe.fun/content/wikipedia_en_all_maxi_2024-01/A/Zardakhach',
	'https://meduza.io/amp/en/news/2020/11/23/russian-peacekeeper-injured-in-mine-explosion-in-nagorno-karabakh',
	'https://no.frwiki.wiki/wiki/Vazgenashen',
	'https://perceptiocs.com/Сейсулан',
	'https://perceptiode.com/Мадагиз',
	'https://perceptiode.com/Чартар_(собирательное_название)',
	'https://perceptiofr.com/%D0%9C%D0%B0%D1%80%D0%B7%D0%B8%D0%BB%D0%B8',
	'https://perceptiofr.com/Тертер_(город)',
	'https://perceptiopl.com/%D0%A2%D0%B0%D0%BF%D0%BA%D0%B0%D1%80%D0%B0%D0%BA%D0%BE%D1%8E%D0%BD%D0%BB%D1%83',
	'https://perceptiopt.com/%D0%9C%D0%B0%D1%80%D1%82%D1%83%D0%BD%D0%B8_(%D0%9D%D0%B0%D0%B3%D0%BE%D1%80%D0%BD%D1%8B%D0%B9_%D0%9A%D0%B0%D1%80%D0%B0%D0%B1%D0%B0%D1%85)',
	'https://perceptioro.com/Муровдаг',
	'https://rt.com/russia/507599-nagorno-karabakh-peacekeeper-mine/amp',
	'https://tr.wikijaa.ru/wiki/Lalatapa',
	'https://u3vuiephb.global.ssl.fastly.net/search/?diff=982854759&oldid=982699735&title=Madagiz',
	'https://uk.wikipedia-on-ipfs.org/wiki/%D0%93%D0%BE%D1%80%D0%B0%D0%B4%D1%96%D0%B7',
	'https://wiki-gateway.eudic.net/wikipedia_en/Kalbajar.html',
	'https://wikipedia.anarim.az?q=%C3%87il%C9%99b%C3%BCrt',
	'https://wikizero.net/wiki/it/Passo_Omar',
	'https://www.wiki3.en-us.nina.az/Aghdam.html',
	'https://xn--h1ajim.xn--p1ai/%D0%A1%D1%83%D0%B3%D0%BE%D0%B2%D1%83%D1%88%D0%B0%D0%BD%D1%81%D0%BA%D0%BE%D0%B5_%D0%B2%D0%BE%D0%B4%D0%BE%D1%85%D1%80%D0%B0%D0%BD%D0%B8%D0%BB%D0%B8%D1%89%D0%B5',
	'https://руни.рф/Мадагиз',
	'https://en-academic.com/dic.nsf/enwiki/7610841'
];

/** Publishers' own pages, including the shapes a naive rule would trip on. */
const OWN_PAGES = [
	'https://en.wikipedia.org/w/index.php?title=Madagiz&oldid=982854759',
	'https://en.wikipedia.org/wiki/Askeran_(town)?oldid=746259352',
	'https://ru.wikipedia.org/wiki/Тертер_(город)',
	'https://de.wikipedia.org/wiki/Suqovu%C5%9Fan,_Tartar',
	'https://meduza.io/en/news/2020/11/23/russian-peacekeeper-injured-in-mine-explosion-in-nagorno-karabakh',
	'https://www.rt.com/russia/507599-nagorno-karabakh-peacekeeper-mine/',
	'https://mirrorspectator.com/2022/08/31/azerbaijan-retakes-control-of-three-karabakh-settlements/',
	'https://www.straitstimes.com/world/europe/us-condemns-in-strongest-terms-nagorny-karabakh-clashes',
	'http://tass.com/politics/866775',
	'https://example.org/sample-page',
	'https://www.hrw.org/news/2020/12/11/azerbaijan-unlawful-strikes-nagorno-karabakh',
	'https://example.org/camp/ample?lamp=1',
	'https://example.org/search?q=http+status'
];

describe('urlProblem', () => {
	it.each(EVER_CITED_COPIES)('refuses the copy %s', (url) => {
		expect(urlProblem(url)).toMatch(/cite the (publisher's own page|article's own URL)/);
	});

	it.each(OWN_PAGES)("accepts the publisher's own page %s", (url) => {
		expect(urlProblem(url)).toBeUndefined();
	});

	it('refuses IPv4 and IPv6 literals, however the address is spelled', () => {
		for (const url of [
			'http://40.74.122.252/wiki/Barda',
			'http://0x7f.1/x',
			'http://2130706433/x',
			'http://[::1]/x',
			'https://[2001:db8::1]:8443/wiki/Barda',
			'http://[::ffff:1.2.3.4]/'
		]) {
			expect(urlProblem(url), url).toMatch(/has an IP address as its host/);
		}
	});

	it('refuses a URL wrapped in a query parameter, plain, percent-encoded or encoded twice', () => {
		for (const url of [
			'https://redirect.example/?to=https://en.wikipedia.org/wiki/Barda',
			'https://redirect.example/?to=https%3A%2F%2Fen.wikipedia.org%2Fwiki%2FBarda',
			'https://redirect.example/?to=https%253A%252F%252Fen.wikipedia.org%252Fwiki%252FBarda',
			'https://redirect.example/go?u=HTTP%3A%2F%2Fexample.org',
			'https://redirect.example/go?u=%2F%2Fexample.org%2Fpage',
			'https://redirect.example/go?https://example.org/page'
		]) {
			expect(urlProblem(url), url).toMatch(/wraps another URL in its query parameter/);
		}
		expect(urlProblem('https://proxy.example/fetch/https://en.wikipedia.org/wiki/Barda')).toMatch(
			/wraps another URL in its path/
		);
	});

	it('refuses AMP copies: /amp segments, amp. hosts and ?amp', () => {
		for (const url of [
			'https://meduza.io/amp/en/news/2020/11/23/x',
			'https://rt.com/russia/507599-x/amp',
			'https://rt.com/russia/507599-x/AMP/',
			'https://amp.example.com/news/1',
			'https://example.com/news/1?amp',
			'https://example.com/news/1?amp=1',
			'https://example-com.cdn.ampproject.org/c/s/example.com/news/1'
		]) {
			expect(urlProblem(url), url).toMatch(/AMP|cite the/);
		}
	});

	it('refuses subdomains of a blocked host and Kiwix/IPFS gateways not on the list', () => {
		expect(urlProblem('https://www.piglix.com/piglix/Goris')).toMatch(/piglix/);
		expect(urlProblem('https://kiwix.some-library.example/content/x/A/Goris')).toMatch(/Kiwix/);
		expect(urlProblem('https://library.example/kiwix/A/Goris')).toMatch(/Kiwix or IPFS copy/);
		expect(urlProblem('https://ipfs.some-gateway.example/wiki/Goris')).toMatch(/IPFS/);
	});

	it('names the host and why it is refused', () => {
		expect(urlProblem('http://piglix.com/piglix/Goris')).toBe(
			"is on piglix.com, Wikipedia mirror (piglix.com/piglix/<title>): cite the publisher's own page"
		);
	});
});

describe('BLOCKED_HOSTS', () => {
	it('gives every entry a reason, once', () => {
		const patterns = BLOCKED_HOSTS.map(([pattern]) => pattern);
		expect(new Set(patterns).size).toBe(patterns.length);
		for (const [pattern, why] of BLOCKED_HOSTS) {
			expect(pattern).toMatch(/^[a-z0-9*.-]+$/);
			expect(why.length).toBeGreaterThan(5);
		}
	});

	it('matches a pattern with * within one label only', () => {
		expect(blockedHost('perceptiode.com')?.pattern).toBe('perceptio*.com');
		expect(blockedHost('perceptio.evil.com')).toBeUndefined();
		expect(blockedHost('notpiglix.com')).toBeUndefined();
	});
});
