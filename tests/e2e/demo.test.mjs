// The app opens on the bundled demo worklogs (public/worklogs) and shows its 12 weeks.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { browserSuite, ROOT } from '../lib/harness.mjs';

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'public/worklogs/index.json'), 'utf8'));
// Site manifest schema 2: {"schema": 2, "interns": [{"key", "name", "files"}]}.
const manifestFiles = manifest.interns.flatMap((intern) => intern.files);

browserSuite('bundled demo', {}, async (it) => {
  await it('opens on the demo and shows its 12 weeks', '', async (app) => {
    assert.equal(manifest.schema, 2);
    assert.equal(manifest.interns.length, 1, 'one demo intern');
    assert.ok(manifestFiles.length >= 12, 'the demo manifest lists the week pages');
    await app.page.waitForSelector('[data-testid="week-card"]');
    assert.equal(await app.count('[data-testid="week-card"]'), 12);
    const firstCard = await app.page.locator('[data-testid="week-card"]').first().innerText();
    assert.match(firstCard, /Week 1\b|Tuần 1\b/);
    assert.deepEqual(app.errors, [], 'no uncaught errors in the page');
  });

  await it('shows the demo tasks in the tasks view', '?view=tasks', async (app) => {
    const rows = await app.tableRows();
    assert.ok(rows.length >= 50, `expected the demo's tasks, got ${rows.length} rows`);
  });
});
