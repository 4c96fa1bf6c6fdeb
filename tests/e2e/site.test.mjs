// `worklog site` makes a static deployment that opens on the worklogs it was given.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { App, DIST, ROOT, SHARED, launchBrowser, startServer } from '../lib/harness.mjs';

const corpusRepo = path.join(SHARED, 'corpus', 'eroeroz-eroeroz.github.io');

test('worklog site: the deployment opens on its own worklogs', { skip: !fs.existsSync(corpusRepo) && 'corpus absent' }, async () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'worklog-site-'));
  execFileSync('cargo', ['run', '-q', '-p', 'worklog-cli', '--', 'site', corpusRepo,
    '--out', out, '--dist', DIST, '--base-url', '/EroEroz.github.io/'], { cwd: ROOT, stdio: 'inherit' });
  const manifest = JSON.parse(fs.readFileSync(path.join(out, 'worklogs', 'index.json'), 'utf8'));
  assert.ok(manifest.files.length >= 24, 'every page of the repository is listed');

  const server = await startServer(out);
  const browser = await launchBrowser();
  try {
    const app = await App.open(browser, server, '');
    await app.page.waitForSelector('[data-testid="week-card"]');
    assert.equal(await app.count('[data-testid="week-card"]'), 12, "the repository's 12 weeks, not the demo's");
    await app.goto('?view=tasks');
    const rows = await app.tableRows();
    assert.ok(rows.length > 0);
    for (const row of rows) assert.match(row.join(' '), /eroeroz/i, 'tasks come from the given pages');
    await app.close();
  } finally {
    await browser.close();
    await server.close();
  }
});
