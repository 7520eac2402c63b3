/**
 * Hosts that serve copies of other publishers' pages: Wikipedia mirrors, proxies, caches, IPFS and
 * Kiwix gateways, redirectors, AMP caches. A URL on one of them is refused wherever the dataset is
 * validated; cite the publisher's own page instead. One entry a line: the host pattern and why.
 *
 * A pattern matches the host itself and every subdomain of it; `*` inside a label stands for any
 * run of letters, digits and hyphens (`perceptio*.com` matches `perceptiode.com`). Hosts are
 * compared in their ASCII (punycode) form, as `new URL()` gives them.
 */
export const BLOCKED_HOSTS: readonly (readonly [pattern: string, why: string])[] = [
	['piglix.com', 'Wikipedia mirror (piglix.com/piglix/<title>)'],
	['perceptio*.com', 'mirrors of Russian Wikipedia (perceptiode, perceptiofr, perceptiopl, …)'],
	['enwikipedia.net', 'English Wikipedia mirror'],
	['nina.az', 'Wikipedia mirror (wiki3.en-us.nina.az)'],
	['wikipedia.anarim.az', 'Wikipedia proxy taking the title in ?q='],
	['friendlywiki.com', 'Wikipedia mirror'],
	['wikizero.net', 'Wikipedia mirror (wikizero.net/wiki/<lang>/<title>)'],
	['wikijaa.ru', 'Wikipedia mirror (tr.wikijaa.ru)'],
	['zxc.wiki', 'machine-translated Wikipedia mirror (de.zxc.wiki)'],
	['qaz.wiki', 'machine-translated Wikipedia mirror (de.qaz.wiki)'],
	['frwiki.wiki', 'machine-translated mirror of French Wikipedia (no.frwiki.wiki)'],
	['everything.explained.today', 'English Wikipedia mirror'],
	['xn--h1ajim.xn--p1ai', 'руни.рф, a mirror of Russian Wikipedia'],
	['en-academic.com', 'English Wikipedia mirror (en-academic.com/dic.nsf/enwiki/<n>)'],
	['academic.ru', 'Wikipedia and dictionary mirror (dic.academic.ru)'],
	['wikiwand.com', 'Wikipedia reader that reframes the article'],
	['wikimili.com', 'Wikipedia mirror'],
	['wiki2.org', 'Wikipedia mirror'],
	['wiki-gateway.eudic.net', 'Wikipedia proxy (wiki-gateway.eudic.net/wikipedia_en/<title>.html)'],
	['kiwix.haohe.fun', 'Kiwix server of a Wikipedia ZIM dump'],
	['kiwix.casplantje.nl', 'Kiwix server of a Wikipedia ZIM dump'],
	['iiab.me', 'Internet-in-a-Box demo serving Kiwix Wikipedia dumps (iiab.me/kiwix/…)'],
	['home.cydlabs.com', 'Kiwix server of a Wikipedia ZIM dump (home.cydlabs.com/kiwix/…)'],
	['a.osmarks.net', 'Kiwix server of a Wikipedia ZIM dump'],
	['alem.dynip.sapo.pt', 'Kiwix server of a Wikipedia ZIM dump on a dynamic-IP host'],
	['the-uncensored-wiki.com', 'Kiwix server of a 2015 Wikipedia dump'],
	['ipfs.io', 'IPFS gateway (gateway.ipfs.io/ipfs/<cid>/wiki/…)'],
	['dweb.link', 'IPFS gateway (<cid>.ipfs.dweb.link, *.ipns.dweb.link)'],
	['wikipedia-on-ipfs.org', 'Wikipedia snapshot on IPFS'],
	['cf-ipfs.com', 'IPFS gateway (Cloudflare)'],
	['azureedge.net', 'Azure CDN cache host, not a publisher (hessslslslsls.azureedge.net)'],
	['fastly.net', 'Fastly cache host, not a publisher (*.global.ssl.fastly.net)'],
	['hqproductreviews.com', 'product-review redirector wrapping the real URL in ?arsae='],
	['cdn.ampproject.org', 'Google AMP cache copy of an article'],
	['webcache.googleusercontent.com', 'Google cache copy of a page'],
	['translate.goog', 'Google Translate proxy of a page (<host>.translate.goog)'],
	['m.wikipedia.org', "Wikipedia's mobile view: cite https://<lang>.wikipedia.org/wiki/<title>"]
];
