// Browser benchmark of a cohort: a generated intake of 60 interns (tests/lib/cohort-gen.mjs,
// ≈1,500 pages) opened with ?cohort=, in headless Chromium. Prints, per run and as medians:
//   - navigation start → the first matrix rows painted (pages still arriving),
//   - navigation start → the whole matrix painted (60 interns, every page loaded, similar rows
//     compared: body[data-busy=false]),
//   - each view switch (a click on the view's tab → its content painted, two animation frames),
// plus the app's own timings (data-matrix-ms, data-similar-ms). No timed assertion: figures only.
//
//   node tests/bench/cohort.bench.mjs [runs=3]   (needs a release build in dist/ or WORKLOG_DIST)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { App, launchBrowser, startServer, DIST } from '../lib/harness.mjs';
import { generateCohort } from '../lib/cohort-gen.mjs';

const RUNS = Number(process.argv[2] ?? 3);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'worklog-cohort-bench-'));
const truth = generateCohort({ out: dir, interns: 60, seed: 1 });
const cohort = JSON.parse(fs.readFileSync(path.join(dir, 'cohort.json'), 'utf8'));
const files = cohort.interns.reduce((n, i) => n + i.files.length, 0);

const routes = new Proxy({}, {
  get(_, key) {
    if (typeof key !== 'string' || !key.startsWith('/cohort/')) return undefined;
    const file = path.normalize(path.join(dir, decodeURIComponent(key.slice('/cohort/'.length))));
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return undefined;
    return (req, res) => {
      res.writeHead(200, { 'content-type': file.endsWith('.json') ? 'application/json' : 'text/markdown; charset=utf-8' });
      res.end(fs.readFileSync(file));
    };
  },
});

/** What shows each view is painted. */
const VIEWS = {
  weeks: '[data-testid="week-card"]',
  tasks: '[data-testid="task-row"]',
  timeline: '[data-testid="timeline-bar"]',
  services: '[data-testid="heatmap-cell"]',
  diagnostics: '[data-testid="page-diagnostics"]',
  cohort: '[data-testid="matrix-cell"]',
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (xs) => `median ${Math.round(median(xs))} ms [${xs.map((x) => Math.round(x)).join(', ')}]`;

const server = await startServer(DIST, routes);
const browser = await launchBrowser();
const results = { first: [], full: [], matrixMs: [], similarMs: [], switches: {} };
try {
  for (let run = 0; run < RUNS; run++) {
    const app = await App.open(browser, server, '?ui=en', { viewport: { width: 1280, height: 800 } });
    await app.goto(`?cohort=cohort/cohort.json&view=cohort&ui=en&today=${truth.cohort.today}`, { waitReady: false });
    // Polled every animation frame in the page: the time is the page's own clock.
    const first = await (await app.page.waitForFunction(
      () => document.querySelectorAll('[data-testid="matrix-row"]').length > 0 && performance.now(),
      null, { polling: 'raf', timeout: 180_000 })).jsonValue();
    const full = await (await app.page.waitForFunction(
      (n) => document.body.dataset.ready === 'true' && document.body.dataset.busy === 'false'
        && document.querySelectorAll('[data-testid="matrix-row"]').length === n
        && Number(document.body.dataset.similarMs ?? -1) >= 0 && performance.now(),
      60, { polling: 'raf', timeout: 180_000 })).jsonValue();
    results.first.push(first);
    results.full.push(full);
    const pages = await app.page.evaluate(() => document.querySelector('[data-testid="source-pages"]')?.innerText ?? '');
    results.matrixMs.push(await app.page.evaluate(() => Number(document.body.dataset.matrixMs)));
    results.similarMs.push(await app.page.evaluate(() => Number(document.body.dataset.similarMs)));
    console.log(`run ${run + 1}: first matrix rows ${Math.round(first)} ms, whole matrix ${Math.round(full)} ms after navigation (${pages})`);
    // View switches, there and back: a tab click → the view's content in the DOM → two frames.
    for (const view of ['weeks', 'tasks', 'timeline', 'services', 'diagnostics', 'cohort']) {
      const ms = await app.page.evaluate(async ({ view, selector }) => {
        const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
        const t0 = performance.now();
        document.querySelector(`[data-view="${view}"]`).click();
        while (!document.querySelector(selector)) await frame();
        await frame();
        await frame();
        return performance.now() - t0;
      }, { view, selector: VIEWS[view] });
      (results.switches[view] ??= []).push(ms);
    }
    console.log(`run ${run + 1}: switches ${Object.entries(results.switches).map(([v, xs]) => `${v} ${Math.round(xs.at(-1))} ms`).join(', ')}`);
    await app.close();
  }
  console.log(`\ncohort of ${truth.interns.length} interns, ${files} files listed (${truth.columns.length} weeks), ${RUNS} fresh contexts, 1280×800, headless Chromium:`);
  console.log(`navigation → first matrix rows painted: ${fmt(results.first)}`);
  console.log(`navigation → whole matrix painted (all pages, similar rows compared): ${fmt(results.full)}`);
  console.log(`matrix computation (data-matrix-ms, last): ${fmt(results.matrixMs)}; similar rows (data-similar-ms): ${fmt(results.similarMs)}`);
  for (const [view, xs] of Object.entries(results.switches)) console.log(`switch to ${view}: ${fmt(xs)}`);
} finally {
  await browser.close();
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
