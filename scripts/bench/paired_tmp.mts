// Temporary paired-load comparison (not committed): main build vs branch build vs bare page.
import { spawn } from 'node:child_process';
import { launchBrowser } from '../../tests/e2e/browser';
import { startBaselineServer } from './baseline_server';
const rounds = Number(process.argv[2] ?? 6);
const INIT = `(() => { globalThis.__name ??= (fn) => fn; const b = (window.__b = { idleAt: null });
 const mark = () => { if (b.idleAt === null && document.querySelector('[data-testid="map"][data-map-state="idle"]')) b.idleAt = performance.now(); };
 new MutationObserver(mark).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-map-state'] }); })();`;
function serve(dir: string, port: number, data: string) {
  const p = spawn(process.execPath, ['scripts/serve.js', dir], { env: { ...process.env, PORT: String(port), DATA_DIR: data, HOST: '127.0.0.1' }, stdio: 'ignore' });
  return p;
}
const a = serve('/work/wt/mainref/build-test', 4410, '/tmp/paired/a');
const b = serve('/work/main/build-test', 4411, '/tmp/paired/b');
const base = await startBaselineServer('geodata', '/tmp/paired/baseline');
await new Promise((r) => setTimeout(r, 6000));
const targets: [string, string][] = [['main', 'http://127.0.0.1:4410/'], ['branch', 'http://127.0.0.1:4411/'], ['bare', base.url + '/']];
const browser = await launchBrowser();
const times: Record<string, number[]> = { main: [], branch: [], bare: [] };
for (let r = 0; r < rounds + 1; r++) {
  const order = r % 2 ? [...targets].reverse() : targets;
  for (const [name, url] of order) {
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await ctx.addInitScript(INIT);
    const page = await ctx.newPage();
    await page.goto(url);
    await page.waitForFunction(() => (window as any).__b.idleAt !== null, null, { timeout: 90000 });
    const t = await page.evaluate(() => (window as any).__b.idleAt);
    if (r > 0) times[name].push(t); // round 0 warms the servers
    await ctx.close();
  }
}
await browser.close(); a.kill(); b.kill(); await base.close?.();
const med = (xs: number[]) => { const s = [...xs].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
for (const k of Object.keys(times)) console.log(k, Math.round(med(times[k])), times[k].map(Math.round).join(' '));
console.log('main/bare', (med(times.main) / med(times.bare)).toFixed(2), 'branch/bare', (med(times.branch) / med(times.bare)).toFixed(2), 'branch/main', (med(times.branch) / med(times.main)).toFixed(2));
process.exit(0);
