// `worklog site` makes a static deployment that opens on the worklogs it was given: a Hugo-like
// repository made of the fixture pages (always), and a real repository of the shared corpus
// (needs ../shared: skipped loudly without it, mandatory with WORKLOG_REQUIRE_SHARED=1).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { App, DIST, FIXTURES, ROOT, launchBrowser, startServer } from '../lib/harness.mjs';
import { sharedPath } from '../lib/shared.mjs';

/** Build a site from `repo` with the CLI, serve it, and hand an App on it to `fn`. */
async function withSite(repo, baseUrl, fn) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'worklog-site-'));
  execFileSync('cargo', ['run', '-q', '-p', 'worklog-cli', '--', 'site', repo,
    '--out', out, '--dist', DIST, '--base-url', baseUrl], { cwd: ROOT, stdio: 'inherit' });
  const manifest = JSON.parse(fs.readFileSync(path.join(out, 'worklogs', 'index.json'), 'utf8'));
  const server = await startServer(out);
  const browser = await launchBrowser();
  try {
    const app = await App.open(browser, server, '');
    try {
      await fn(app, manifest, out);
      assert.deepEqual(await app.cspViolations(), [], 'the deployment runs under its CSP');
    } finally {
      await app.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

test('worklog site: a repository of fixture pages deploys and opens on its own weeks', async () => {
  const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'worklog-repo-'));
  const put = (week, name, fixture) => {
    const dir = path.join(repo, 'content', '1-Worklog', week);
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(path.join(FIXTURES, fixture), path.join(dir, name));
  };
  put('1.2-Week2', '_index.md', 'week2-ddmm.md');
  put('1.5-Week5', '_index.md', 'week5-mmdd.md');
  put('1.5-Week5', '_index.vi.md', 'week5-mmdd.vi.md');
  await withSite(repo, '/my-report/', async (app, manifest, out) => {
    assert.equal(manifest.interns.flatMap((i) => i.files).length, 3, 'every page of the repository is listed');
    assert.match(fs.readFileSync(path.join(out, 'index.html'), 'utf8'), /http-equiv="Content-Security-Policy"/,
      'the deployed page keeps the policy');
    await app.page.waitForSelector('[data-testid="week-card"]');
    const cards = await app.page.locator('[data-testid="week-card"]').allInnerTexts();
    assert.equal(cards.length, 2, "the repository's 2 weeks, not the demo's 12");
    assert.match(cards[0], /Week 2\b/);
    assert.match(cards[1], /Week 5\b/);
    await app.goto('?view=tasks');
    const rows = await app.tableRows();
    assert.equal(rows.length, 10, 'the 10 tasks of the two English pages');
    assert.ok(rows.some((r) => /Lock down the root user/.test(r.join(' '))), 'tasks come from the given pages');
    assert.ok(!rows.some((r) => /huy-fcj-lab/.test(r.join(' '))), 'no demo task');
  });
});

test('worklog site: a real repository of the shared corpus', async (t) => {
  const repo = sharedPath(t, 'corpus/eroeroz-eroeroz.github.io');
  if (!repo) return;
  await withSite(repo, '/EroEroz.github.io/', async (app, manifest) => {
    assert.ok(manifest.interns.flatMap((i) => i.files).length >= 24, 'every page of the repository is listed');
    await app.page.waitForSelector('[data-testid="week-card"]');
    assert.equal(await app.count('[data-testid="week-card"]'), 12, "the repository's 12 weeks, not the demo's");
    await app.goto('?view=tasks');
    const rows = await app.tableRows();
    assert.ok(rows.length > 0);
    for (const row of rows) assert.match(row.join(' '), /eroeroz/i, 'tasks come from the given pages');
  });
});
