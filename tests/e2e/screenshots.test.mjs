// Screenshots of every view of the demo. They go to tests/artifacts/ on every run (so a CI run
// shows what the app looked like) and, with UPDATE_SCREENSHOTS=1, to docs/screenshots/ for the
// README. Before each screenshot the test checks what it shows: the view's tab is the current
// one, the view's content is on screen (in the viewport, not just in the DOM) and the page did
// not fail.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { browserSuite, ROOT } from '../lib/harness.mjs';

/** What each view shows with the demo: its content, and how many of them at least. */
const VIEWS = {
  weeks: { shows: '[data-testid="week-card"]', atLeast: 12, text: /Week 1\b/ },
  // The task table draws the rows near its scrolled-to part: its rows are counted by scrolling
  // through the page of the table, and the text is one of the rows the screenshot shows.
  tasks: {
    shows: '[data-testid="task-row"]', atLeast: 50, text: /Create an AWS Free Tier account/,
    count: (app) => app.mapTableRows((rows) => rows.map(() => 1), '#tasks-table tbody tr[data-testid="task-row"]').then((r) => r.length),
  },
  timeline: { shows: '[data-testid="timeline-bar"]', atLeast: 50, text: /Week 1\b/ },
  services: { shows: '[data-testid="heatmap-cell"]', atLeast: 20, text: /Services by week/ },
  diagnostics: { shows: '[data-testid="page-diagnostics"]', atLeast: 1, text: /_index/ },
};
const docs = path.join(ROOT, 'docs', 'screenshots');

browserSuite('screenshots of each view', {}, async (it) => {
  for (const [view, expect] of Object.entries(VIEWS)) {
    await it(`view=${view}`, `?view=${view}`, async (app) => {
      await app.page.waitForSelector(expect.shows);
      await app.page.waitForTimeout(200);
      assert.equal(await app.page.locator(`[data-view="${view}"]`).getAttribute('aria-current'), 'page', 'its tab is the current one');
      const count = expect.count ? await expect.count(app) : await app.count(expect.shows);
      assert.ok(count >= expect.atLeast, `${count} ${expect.shows} shown, expected at least ${expect.atLeast}`);
      await assert.doesNotReject(app.page.locator(expect.shows).first().scrollIntoViewIfNeeded({ timeout: 2000 }));
      const box = await app.page.locator(expect.shows).first().boundingBox();
      assert.ok(box && box.width > 0 && box.height > 0, 'the content has a size on screen');
      assert.match(await app.page.locator('#main').innerText(), expect.text);
      assert.match(await app.page.locator('[data-testid="task-count"]').innerText(), /^\d+$/);
      assert.deepEqual(app.errors, [], 'no uncaught errors');
      await app.page.evaluate(() => window.scrollTo(0, 0));
      const file = await app.screenshot(`view-${view}`);
      if (process.env.UPDATE_SCREENSHOTS === '1') {
        fs.mkdirSync(docs, { recursive: true });
        fs.copyFileSync(file, path.join(docs, `${view}.png`));
      }
    });
  }
});
