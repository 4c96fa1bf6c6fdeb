// Parsing off the main thread: the worker gives exactly the tasks the CLI gives for the same
// pages, runs the app's own wasm (nothing fetched or compiled twice), and rows appear while a
// slow server is still sending the rest.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { browserSuite, ROOT } from '../lib/harness.mjs';
import { writeSite } from '../lib/sites.mjs';

const taskCount = async (app) =>
  Number((await app.page.locator('[data-testid="task-count"]').innerText()).replace(/\D+/g, ''));

/** A page's path from its repository folder on (`an-fcj-report/content/…`): the same for the
 * app (folder-relative paths) and the CLI (the paths it was given). */
const fromRepo = (source) => source.slice(source.lastIndexOf('/', source.indexOf('/content/') - 1) + 1);

/** Every task of an export document as comparable lines. */
function taskLines(doc) {
  const lines = [];
  for (const page of doc.pages) {
    for (const t of page.tasks ?? []) {
      lines.push([fromRepo(page.source), t.line, t.week, t.start, t.end, t.text].join(' | '));
    }
  }
  return lines.sort();
}

// A slow deployment: 48 pages, each answered 60 ms after the previous one.
const SLOW_PAGES = 48;
const slowPage = (n) => {
  const week = (n % 12) + 1;
  const day = String(1 + (n % 28)).padStart(2, '0');
  return `---\ntitle: "Week ${week}"\n---\n\n### Tasks\n\n| Day | Task | Start Date | Completion Date |\n| --- | --- | --- | --- |\n| 2 | Slow page ${n}: practise Amazon S3 | ${day}/10/2025 | ${day}/10/2025 |\n`;
};
const served = { last: null };
const routes = {
  '/slow/index.json': (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({
      schema: 2,
      interns: Array.from({ length: 4 }, (_, i) => ({
        key: `slow/intern-${i}`,
        name: `Slow intern ${i}`,
        files: Array.from({ length: SLOW_PAGES / 4 }, (_, k) => `intern-${i}/week-${k + 1}.md`),
      })),
    }));
  },
};
for (let i = 0; i < 4; i++) {
  for (let k = 0; k < SLOW_PAGES / 4; k++) {
    const n = i * (SLOW_PAGES / 4) + k;
    routes[`/slow/intern-${i}/week-${k + 1}.md`] = (req, res) => {
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'text/markdown' });
        res.end(slowPage(n));
        served.last = Date.now();
      }, 60 * (n + 1));
    };
  }
}

browserSuite('parse worker', { routes }, async (it) => {
  await it('the worker gives exactly the tasks `worklog export --format json` gives', '?view=tasks', async (app) => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'worklog-worker-'));
    const a = writeSite(root, 'cohort/an-fcj-report', { weeks: 6 });
    const b = writeSite(root, 'cohort/binh-report', { weeks: 5, tasksPerWeek: 4 });
    const cli = JSON.parse(execFileSync('cargo', ['run', '-q', '-p', 'worklog-cli', '--', 'export',
      '--format', 'json', path.join(root, 'cohort')], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 }));

    await app.page.click('#clear-button');
    await app.page.waitForSelector('[data-testid="empty-state"]');
    await app.setFiles('#folder-input', path.join(root, 'cohort'));
    await app.page.waitForFunction((n) => Number(document.querySelector('[data-testid="task-count"]')?.innerText
      .replace(/\D+/g, '')) === n, a.tasksEn + b.tasksEn);
    // With no language chosen the app shows (and exports) the English rows; choosing
    // Vietnamese shows the twins' rows. Each must be exactly the CLI's rows of those pages.
    const english = taskLines(JSON.parse(await download(app, 'json')));
    const cliEnglish = taskLines({ pages: cli.pages.filter((p) => !p.source.endsWith('.vi.md')) });
    assert.equal(english.length, a.tasksEn + b.tasksEn, 'the app exports every shown task');
    assert.deepEqual(english, cliEnglish, 'same pages, lines, weeks, dates and text as the CLI');
    await app.page.check('[data-testid="facet-language"] input[value="vi"]');
    await app.page.waitForFunction((n) => Number(document.querySelector('[data-testid="task-count"]')?.innerText
      .replace(/\D+/g, '')) === n, a.tasksVi + b.tasksVi);
    const vietnamese = taskLines(JSON.parse(await download(app, 'json')));
    const cliVietnamese = taskLines({ pages: cli.pages.filter((p) => p.source.endsWith('.vi.md')) });
    assert.deepEqual(vietnamese, cliVietnamese, 'the Vietnamese twins too');
  });

  await it("the worker runs the app's own wasm: one wasm download, one compile", '', async (app) => {
    const wasm = [];
    app.page.on('request', (r) => { if (new URL(r.url()).pathname.endsWith('.wasm')) wasm.push(r.url()); });
    const workers = [];
    app.page.on('worker', (w) => workers.push(w));
    await app.goto('?view=tasks');
    assert.ok(await taskCount(app) > 0, 'the demo worklogs were parsed');
    assert.equal(wasm.length, 1, `one wasm for the page and its worker: ${wasm.join(', ')}`);
    const worker = workers.find((w) => new URL(w.url()).pathname.endsWith('/parse-worker.js'));
    assert.ok(worker, `the parse worker started: ${workers.map((w) => w.url()).join(', ')}`);
    // Its name has no hash: the protocol version in the query keeps an older deployment's
    // script, cached by the browser, from answering this app.
    assert.match(new URL(worker.url()).search, /^\?v=\d+$/);
    const inside = await worker.evaluate(() => ({
      memory: self.parseWorkerWasm?.memory.buffer.byteLength ?? 0,
      fetched: performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname),
    }));
    assert.ok(inside.memory > 0, 'the worker runs a wasm instance of its own');
    assert.ok(!inside.fetched.some((p) => p.endsWith('.wasm')), `the worker fetched no wasm: ${inside.fetched.join(', ')}`);
    assert.ok(inside.fetched.some((p) => /\/worklog-viewer-[0-9a-f]+\.js$/.test(p)),
      `the worker imported the app's own JS glue: ${inside.fetched.join(', ')}`);
  });

  await it('rows and progress show while a slow server is still sending pages', '', async (app) => {
    served.last = null;
    await app.goto('?src=slow/index.json', { waitReady: false });
    await app.page.waitForFunction(() => Number(document.querySelector('[data-testid="task-count"]')?.innerText
      .replace(/\D+/g, '')) > 0, null, { timeout: 30_000 });
    const firstRowsAt = Date.now();
    const progress = await app.page.locator('[data-testid="fetch-progress"], [data-testid="progress"]').count();
    assert.ok(progress > 0, 'progress is on screen while pages still arrive');
    await app.page.waitForFunction((n) => Number(document.querySelector('[data-testid="task-count"]')?.innerText
      .replace(/\D+/g, '')) === n, SLOW_PAGES, { timeout: 60_000 });
    assert.ok(served.last !== null && firstRowsAt < served.last, 'the first rows came before the last page was sent');
    assert.equal(await taskCount(app), SLOW_PAGES, 'and every page arrived in the end');
  });
});

/** Click an export button and return the downloaded file's text. */
async function download(app, format) {
  // The menu stays open after a download: open it only when closed.
  if (!(await app.page.locator('details.export[open]').count())) await app.page.click('details.export summary');
  const [file] = await Promise.all([
    app.page.waitForEvent('download'),
    app.page.click(`details.export button[data-format^="worklog.${format}"]`),
  ]);
  const where = await file.path();
  return fs.readFileSync(where, 'utf8');
}
