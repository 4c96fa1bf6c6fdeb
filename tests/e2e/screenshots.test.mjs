// Screenshots of every view of the demo. They go to tests/artifacts/ on every run (so a CI run
// shows what the app looked like) and, with UPDATE_SCREENSHOTS=1, to docs/screenshots/ for the
// README.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { browserSuite, ROOT } from '../lib/harness.mjs';

const VIEWS = ['weeks', 'tasks', 'timeline', 'services', 'diagnostics'];
const docs = path.join(ROOT, 'docs', 'screenshots');

browserSuite('screenshots of each view', {}, async (it) => {
  for (const view of VIEWS) {
    await it(`view=${view}`, `?view=${view}`, async (app) => {
      await app.page.waitForTimeout(200);
      const file = await app.screenshot(`view-${view}`);
      assert.ok(fs.statSync(file).size > 10_000, 'the screenshot shows a rendered page');
      if (process.env.UPDATE_SCREENSHOTS === '1') {
        fs.mkdirSync(docs, { recursive: true });
        fs.copyFileSync(file, path.join(docs, `${view}.png`));
      }
    });
  }
});
