// Browser benchmark: the app's work beyond fetching, against markdown-it's bare token parse of
// the same bytes, in one headless Chromium run. Prints figures only (no timed assertion).
//
// The corpus pages (../shared/corpus, real interns' worklogs) are repeated under INTERNS intern
// folders (≥ 2,000 pages) and served locally with a `{"schema": 2, "interns": [...]}` manifest.
// Three measures, each the median of ROUNDS fresh browser contexts:
//   (a) app:    the release build (dist/) opened on `?src=bench/index.json&view=tasks`, from
//               navigation start to the task table painted (body[data-ready] and a row);
//   (b) fetch:  a plain page that fetches the manifest and every file the same way (6 at a
//               time, the app's PARALLEL_FETCHES), from navigation start to the last byte;
//   (c) md-it:  markdown-it 15.0.3 (npm, pinned) `md.parse()` of every fetched page, bare
//               tokens, timed in that same plain page after its fetches.
// Work beyond fetching = (a) − (b); the target is (a) − (b) ≤ 2 × (c).
//
//   node tests/bench/markdown.bench.mjs     (needs dist/ from `trunk build --release` and
//                                            ../shared/corpus; WORKLOG_DIST, INTERNS, ROUNDS)
import fs from 'node:fs';
import path from 'node:path';
import { App, launchBrowser, startServer, DIST, ROOT } from '../lib/harness.mjs';
import { CORPUS, benchSite, corpusPages } from './corpus-site.mjs';

const ROUNDS = Number(process.env.ROUNDS ?? 3);
if (!fs.existsSync(CORPUS)) {
  console.log(`SKIPPED markdown bench: no corpus at ${CORPUS}`);
  process.exit(0);
}

const pages = corpusPages();
const INTERNS = Number(process.env.INTERNS ?? Math.ceil(2000 / pages.length));

const PLAIN = `<!doctype html><meta charset="utf-8"><title>fetch + markdown-it</title>
<script src="/bench/markdown-it.js"></script>
<script>
(async () => {
  const manifest = await (await fetch('/bench/index.json')).json();
  const urls = manifest.interns.flatMap((i) => i.files.map((f) => '/bench/' + f));
  const bodies = new Array(urls.length);
  let next = 0;
  async function worker() {
    while (next < urls.length) {
      const i = next++;
      bodies[i] = await (await fetch(urls[i])).arrayBuffer();
    }
  }
  await Promise.all(Array.from({ length: 6 }, worker));
  const fetched = performance.now();
  const decoder = new TextDecoder();
  const texts = bodies.map((b) => decoder.decode(b));
  const md = window.markdownit();
  const start = performance.now();
  let tokens = 0;
  for (const text of texts) tokens += md.parse(text, {}).length;
  const parse = performance.now() - start;
  window.__result = { fetched, parse, tokens, pages: texts.length };
})();
</script>`;

const MARKDOWN_IT = fs.readFileSync(path.join(ROOT, 'node_modules', 'markdown-it', 'dist', 'browser', 'markdown-it.umd.min.js'));
const { totalBytes, routes } = benchSite(pages, INTERNS, {
  '/bench/plain.html': (req, res) => { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(PLAIN); },
  '/bench/markdown-it.js': (req, res) => { res.writeHead(200, { 'content-type': 'text/javascript' }); res.end(MARKDOWN_IT); },
});

const server = await startServer(DIST, routes);
const browser = await launchBrowser();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${Math.round(x)} ms`;

try {
  const app = [];
  const fetchOnly = [];
  const mdit = [];
  let rows = '';
  for (let round = 0; round < ROUNDS; round++) {
    // (a) the app, fresh context (no IndexedDB, no cache).
    const opened = await App.open(browser, server, '?src=bench/index.json&view=tasks', { waitReady: false });
    const painted = await opened.page.waitForFunction(
      () => (document.body?.dataset.ready === 'true' && document.querySelector('#tasks-table tbody tr[data-testid="task-row"]') ? performance.now() : false),
      null, { timeout: 600_000, polling: 'raf' });
    app.push(await painted.jsonValue());
    rows = await opened.page.locator('[data-testid="task-count"]').first().innerText().catch(() => '?');
    await opened.close();

    // (b) and (c): the plain page, fresh context.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}bench/plain.html`);
    const result = await (await page.waitForFunction(() => window.__result, null, { timeout: 600_000 })).jsonValue();
    fetchOnly.push(result.fetched);
    mdit.push(result.parse);
    await context.close();
    console.log(`round ${round + 1}: app ${ms(app.at(-1))}, fetch ${ms(result.fetched)}, markdown-it ${ms(result.parse)} (${result.tokens} tokens)`);
  }
  const [a, b, c] = [median(app), median(fetchOnly), median(mdit)];
  console.log(`\n${INTERNS * pages.length} pages (${INTERNS} interns × ${pages.length} corpus pages), ${(totalBytes / 1e6).toFixed(2)} MB; app shows "${rows}"`);
  console.log(`(a) app, navigation → task table painted: ${ms(a)} (median of ${ROUNDS})`);
  console.log(`(b) plain page fetching the same files:    ${ms(b)}`);
  console.log(`(c) markdown-it bare token parse:          ${ms(c)}`);
  console.log(`work beyond fetching (a) − (b):           ${ms(a - b)} = ${((a - b) / c).toFixed(1)} × markdown-it (target ≤ 2×)`);
} finally {
  await browser.close();
  await server.close();
}
