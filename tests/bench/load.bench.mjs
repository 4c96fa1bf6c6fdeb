// Browser benchmark: what a big load costs the main thread. The corpus pages (../shared/corpus)
// are repeated under INTERNS interns (default 11: 2,156 pages) behind a schema-2 manifest, and
// the release build opens them on `?src=bench/index.json&view=tasks`. Printed, from one fresh
// context (no timed assertion):
//   - time to the first rows and to `body[data-ready]`;
//   - main-thread long tasks (PerformanceObserver `longtask`, > 50 ms): count, total, longest;
//   - with PROFILE=1, the functions with the most self time on the main thread (CDP
//     Profiler; wasm functions carry their names when the build keeps the name section).
//
//   node tests/bench/load.bench.mjs    (WORKLOG_DIST, INTERNS, PROFILE, TRACE; PROFILE_OUT and
//                                       TRACE_OUT=<file> keep the raw profile and trace events;
//                                       LOAF=1 splits each long animation frame into script
//                                       and rendering, without a trace's overhead)
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, startServer, DIST } from '../lib/harness.mjs';
import { CORPUS, benchSite, corpusPages } from './corpus-site.mjs';

if (!fs.existsSync(CORPUS)) {
  console.log(`SKIPPED load bench: no corpus at ${CORPUS}`);
  process.exit(0);
}
const pages = corpusPages();
const INTERNS = Number(process.env.INTERNS ?? 11);
const { routes } = benchSite(pages, INTERNS);

/** Installed before the app starts: every long task of the main thread. */
function observeLongTasks() {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  // Long animation frames (> 50 ms): how much of each was script and how much rendering
  // (style, layout, paint), without a trace's overhead.
  window.__loafs = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      window.__loafs.push({
        start: e.startTime,
        duration: e.duration,
        render: e.renderStart ? e.startTime + e.duration - e.renderStart : 0,
        styleAndLayout: e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0,
        scripts: e.scripts.map((x) => `${x.invoker || x.invokerType} ${Math.round(x.duration)} ms`),
      });
    }
  }).observe({ type: 'long-animation-frame', buffered: true });
}

const server = await startServer(DIST, routes);
const browser = await launchBrowser();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(observeLongTasks);
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log(`  console.${m.type()}: ${m.text().slice(0, 600)}`); });
  page.on('pageerror', (e) => console.log(`  page error: ${e.message.slice(0, 600)}`));
  let cdp;
  if (process.env.PROFILE === '1') {
    cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
  }
  if (process.env.TRACE === '1') await browser.startTracing(page, { categories: ['devtools.timeline'] });
  await page.goto(`${server.url}?src=bench/index.json&view=tasks`);
  const started = Date.now();
  const probe = process.env.PROBE === '1' && setInterval(async () => {
    const text = await page.evaluate(() => [...document.querySelectorAll('[role=status]')].map((e) => e.innerText).join(' | ')).catch(() => 'closed');
    console.log(`  ${((Date.now() - started) / 1000).toFixed(1)} s: ${text}`);
  }, 3000);
  const firstRows = await (await page.waitForFunction(
    () => (document.querySelector('#tasks-table tbody tr[data-testid="task-row"]') ? performance.now() : false), null,
    { timeout: 900_000, polling: 100 })).jsonValue();
  const ready = await (await page.waitForFunction(
    () => (document.body?.dataset.ready === 'true' && !document.querySelector('[data-testid="progress"]') ? performance.now() : false), null,
    { timeout: 900_000, polling: 100 })).jsonValue();
  if (probe) clearInterval(probe);
  const shown = await page.locator('[data-testid="task-count"]').first().innerText().catch(() => '?');
  const long = await page.evaluate(() => window.__longTasks);
  const total = long.reduce((n, t) => n + t.duration, 0);
  const longest = long.reduce((n, t) => Math.max(n, t.duration), 0);
  console.log(`${INTERNS * pages.length} pages (${INTERNS} interns × ${pages.length}); the app shows "${shown}"`);
  console.log(`first rows ${Math.round(firstRows)} ms, ready ${Math.round(ready)} ms`);
  console.log(`long tasks: ${long.length}, ${Math.round(total)} ms in all, longest ${Math.round(longest)} ms`);
  console.log(`  at (ms): ${long.map((t) => `${Math.round(t.start)}+${Math.round(t.duration)}`).join(', ')}`);
  // LOAF=1: the long animation frames, split into script and rendering.
  if (process.env.LOAF === '1') {
    for (const f of await page.evaluate(() => window.__loafs)) {
      console.log(`  frame at ${Math.round(f.start)} ms, ${Math.round(f.duration)} ms: rendering ${Math.round(f.render)} (style and layout ${Math.round(f.styleAndLayout)}); scripts: ${f.scripts.join(', ')}`);
    }
  }
  if (process.env.TRACE === '1') {
    // Main-thread time by trace event (layout, style, paint, script...), complete events only.
    const trace = JSON.parse((await browser.stopTracing()).toString());
    const events = trace.traceEvents ?? trace;
    if (process.env.TRACE_OUT) fs.writeFileSync(process.env.TRACE_OUT, JSON.stringify(events));
    const main = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
    const byName = new Map();
    const count = new Map();
    for (const e of events) {
      if (e.ph !== 'X' || !main.has(`${e.pid}:${e.tid}`) || !e.dur) continue;
      byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur / 1000);
      count.set(e.name, (count.get(e.name) ?? 0) + 1);
    }
    console.log('\nmain-thread trace events (ms, nested events counted in each):');
    for (const [name, ms] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`${ms.toFixed(0).padStart(8)}  ${name} (${count.get(name)}×)`);
    const layouts = events.filter((e) => e.name === 'Layout' && e.ph === 'X' && main.has(`${e.pid}:${e.tid}`));
    const forced = layouts.filter((e) => e.args?.beginData?.stackTrace?.length);
    console.log(`layouts forced by script: ${forced.length} of ${layouts.length}, ${Math.round(forced.reduce((n, e) => n + e.dur, 0) / 1000)} ms; where:`);
    const where = new Map();
    for (const e of forced) {
      const top = e.args.beginData.stackTrace.slice(0, 3).map((f) => f.functionName || '?').join(' < ');
      where.set(top, (where.get(top) ?? 0) + e.dur / 1000);
    }
    for (const [w, ms] of [...where].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`${ms.toFixed(0).padStart(8)}  ${w}`);
  }
  if (cdp) {
    const { profile } = await cdp.send('Profiler.stop');
    if (process.env.PROFILE_OUT) fs.writeFileSync(process.env.PROFILE_OUT, JSON.stringify(profile));
    const self = new Map();
    const dt = new Map();
    // PROFILE_UNTIL=<ms>: only the samples of the load's first milliseconds.
    const until = Number(process.env.PROFILE_UNTIL ?? Infinity) * 1000;
    let clock = 0;
    profile.samples.forEach((id, i) => {
      clock += profile.timeDeltas[i] ?? 0;
      if (clock <= until) dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
    });
    for (const node of profile.nodes) {
      const f = node.callFrame;
      const name = `${f.functionName || '(anonymous)'} ${f.url ? path.basename(f.url) : ''}`;
      self.set(name, (self.get(name) ?? 0) + (dt.get(node.id) ?? 0) / 1000);
    }
    const top = [...self.entries()]
      .sort((a, b) => b[1] - a[1]).slice(0, 40);
    console.log('\nmain-thread self time (ms):');
    for (const [name, ms] of top) console.log(`${ms.toFixed(0).padStart(8)}  ${name}`);
    // Inclusive time of the app's own functions (a function counted once per stack).
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const inclusive = new Map();
    for (const n of profile.nodes) {
      const t = (dt.get(n.id) ?? 0) / 1000;
      if (!t) continue;
      const seen = new Set();
      for (let id = n.id; id !== undefined; id = parent.get(id)) {
        const name = byId.get(id).callFrame.functionName;
        if (!/worklog/.test(name) || seen.has(name)) continue;
        seen.add(name);
        inclusive.set(name, (inclusive.get(name) ?? 0) + t);
      }
    }
    console.log('\napp functions, inclusive time (ms):');
    for (const [name, ms] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${ms.toFixed(0).padStart(8)}  ${name.replace(/::h[0-9a-f]{16}$/, '').slice(0, 150)}`);
  }
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
