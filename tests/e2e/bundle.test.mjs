// One request per deployment: `worklog site` writes the pages as one gzip bundle beside the
// manifest; the app loads it with a handful of requests and shows exactly what the per-file
// manifest shows.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { App, DIST, ROOT, launchBrowser, startServer } from '../lib/harness.mjs';
import { writeSite } from '../lib/sites.mjs';

/** What a user sees: tasks, interns with their counts, week cards. */
async function screen(app) {
  await app.page.waitForFunction(() => document.querySelectorAll('[data-testid="week-card"]').length > 0);
  const tasks = await app.page.locator('[data-testid="task-count"]').innerText();
  const interns = await app.page.$$eval('[data-testid="facet-sources"] label', (labels) =>
    labels.map((l) => l.innerText.replace(/\s+/g, ' ').trim()).sort());
  while (await app.page.locator('#more-weeks').count()) await app.page.click('#more-weeks');
  const cards = await app.count('[data-testid="week-card"]');
  return { tasks, interns, cards };
}

test('a bundle deployment and a per-file manifest show the same result', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'worklog-bundle-'));
  const truth = ['an-report', 'binh-report', 'chi-report', 'dung-report', 'em-report']
    .map((name, i) => writeSite(root, `cohort/${name}`, { weeks: 10 + i }));
  const out = path.join(root, 'site');
  execFileSync('cargo', ['run', '-q', '-p', 'worklog-cli', '--', 'site', path.join(root, 'cohort'),
    '--out', out, '--dist', DIST], { cwd: ROOT, stdio: 'inherit' });
  const manifestPath = path.join(out, 'worklogs', 'index.json');
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  assert.equal(manifest.bundle, 'bundle.json.gz', 'the manifest points to the bundle');
  const pages = manifest.interns.flatMap((i) => i.files).length;

  const server = await startServer(out);
  const browser = await launchBrowser();
  try {
    // Requests of a second, complete load (the first one is over: nothing of it is counted).
    const open = async () => {
      const app = await App.open(browser, server, '');
      const requests = [];
      app.page.on('request', (r) => { if (r.url().includes('/worklogs/')) requests.push(r.url()); });
      await app.goto('');
      return { app, requests };
    };
    const bundled = await open();
    const withBundle = await screen(bundled.app);
    assert.deepEqual(bundled.requests.map((u) => u.replace(/.*\/worklogs\//, '')).sort(),
      ['bundle.json.gz', 'index.json'], `two requests for ${pages} pages`);
    assert.equal(Number(withBundle.tasks.replace(/\D+/g, '')), truth.reduce((n, t) => n + t.tasksEn, 0));
    assert.equal(withBundle.interns.length, truth.length);
    await bundled.app.close();

    // The same deployment without the bundle: one request per page, the same screen.
    delete manifest.bundle;
    fs.writeFileSync(manifestPath, JSON.stringify(manifest));
    const perFile = await open();
    const withoutBundle = await screen(perFile.app);
    assert.equal(perFile.requests.length, pages + 1, 'the manifest and each page');
    assert.deepEqual(withoutBundle, withBundle, 'the same tasks, interns and weeks');
    await perFile.app.close();
  } finally {
    await browser.close();
    await server.close();
  }
});
