// The viewer's behaviour in a real browser: uploads, filters in the URL, shared links,
// timeline, heat map, untrusted content, failing sources, folders with language twins.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { browserSuite, App, SHARED } from '../lib/harness.mjs';

const SEEDS = path.join(SHARED, 'seeds');
const seed = (name) => ({ name, contents: fs.readFileSync(path.join(SEEDS, name)) });

/** A page written to try every way worklog content could run script in the viewer. */
const HOSTILE_PAGE = `---
title: "Week 3 <script>window.__pwned = 'title'</script>"
---
### Week 3 Objectives:
* <img src=x onerror="window.__pwned = 'objective'"> learn S3
* [click me](javascript:window.__pwned='link')

### Tasks to be carried out this week:
| Day | Task | Start Date | Completion Date | Reference Material |
| --- | --- | --- | --- | --- |
| 2 | - <script>window.__pwned = 'cell'</script> Learn EC2 <br> - <img src=x onerror="window.__pwned='img'"> | 09/15/2025 | 09/15/2025 | [docs](javascript:window.__pwned='ref') |
| 3 | - <a href="javascript:window.__pwned='a'" onclick="window.__pwned='onclick'">Lambda</a> | 09/16/2025 | 09/16/2025 | <https://docs.aws.amazon.com/> |

### Week 3 Achievements:
* <svg onload="window.__pwned='svg'"></svg> Done
`;

const routes = {
  '/hostile/week-3.md': (req, res) => {
    res.writeHead(200, { 'content-type': 'text/markdown; charset=utf-8' });
    res.end(HOSTILE_PAGE);
  },
};

/** Start dates of the visible task rows, as ISO dates. */
const startDates = (app) => app.page.$$eval('#tasks-table tbody tr[data-testid="task-row"]', (rows) =>
  rows.map((row) => row.querySelector('time')?.getAttribute('datetime') ?? null));

const taskCount = async (app) => Number((await app.page.locator('[data-testid="task-count"]').first().innerText()).replace(/\D+/g, ''));

browserSuite('viewer', { routes }, async (it, shared) => {
  await it('uploading the two seed pages shows their 10 tasks with the right dates', '?view=tasks', async (app) => {
    await app.page.click('#clear-button');
    await app.page.waitForSelector('[data-testid="empty-state"]');
    await app.setFiles('#file-input', [seed('week5-mmdd.md'), seed('week2-ddmm.md')]);
    await app.page.waitForFunction(() => document.querySelectorAll('[data-testid="task-row"]').length === 10);
    const dates = (await startDates(app)).sort();
    assert.deepEqual(dates, [
      '2025-09-16', '2025-09-17', '2025-09-18', '2025-09-19', '2025-09-20',
      '2025-10-06', '2025-10-07', '2025-10-08', '2025-10-09', '2025-10-10',
    ]);
  });

  await it('filtering by a service narrows the table, goes into the URL, and the URL reproduces it', '?view=tasks', async (app) => {
    const before = await taskCount(app);
    const chip = app.page.locator('[data-testid="facet-services"] [data-service="lambda"]').first();
    await chip.click();
    await app.page.waitForFunction(() => new URL(location.href).searchParams.getAll('service').join(',').includes('lambda'));
    const after = await taskCount(app);
    assert.ok(after > 0 && after < before, `lambda filter: ${after} of ${before} tasks`);
    const rows = await app.tableRows();
    assert.equal(rows.length, Math.min(after, rows.length));
    for (const row of rows) assert.match(row.join(' '), /lambda/i, 'every row mentions Lambda');

    const fresh = await App.open(shared.browser, shared.server, app.url().search);
    try {
      assert.deepEqual(await fresh.tableRows(), rows, 'the shared link shows the same rows');
    } finally {
      await fresh.close();
    }
  });

  await it('the timeline draws one bar per dated task', '?view=timeline', async (app) => {
    await app.page.waitForSelector('[data-testid="timeline-bar"]');
    const bars = await app.count('[data-testid="timeline-bar"]');
    const tasks = await taskCount(app);
    assert.equal(bars, tasks);
  });

  await it('clicking a heat-map cell filters to that service and week', '?view=services', async (app) => {
    const cell = app.page.locator('[data-testid="heatmap-cell"][data-service="ec2"] button').first();
    const week = await app.page.locator('[data-testid="heatmap-cell"][data-service="ec2"]').first().getAttribute('data-week');
    await cell.click();
    await app.page.waitForSelector('#tasks-table');
    const params = app.url().searchParams;
    assert.deepEqual(params.getAll('service'), ['ec2']);
    assert.equal(params.get('week'), week);
    const rows = await app.tableRows();
    assert.ok(rows.length > 0);
    for (const row of rows) {
      assert.equal(row[0], week, 'every row is in the clicked week');
      assert.match(row.join(' '), /EC2/i, 'every row mentions EC2');
    }
  });

  await it('a page full of script payloads loads and nothing executes', '?src=hostile/week-3.md&view=tasks', async (app) => {
    await app.page.waitForSelector('[data-testid="task-row"]');
    for (const view of ['weeks', 'tasks', 'timeline', 'services', 'diagnostics']) {
      await app.page.click(`[data-view="${view}"]`).catch(() => {});
      await app.page.waitForTimeout(150);
    }
    await app.page.click('[data-view="tasks"]').catch(() => {});
    for (const link of await app.page.locator('#tasks-table a').all()) {
      await link.click({ modifiers: ['Control'] }).catch(() => {});
    }
    assert.equal(await app.page.evaluate(() => window.__pwned), undefined, 'no payload ran');
    assert.equal(await app.count('a[href^="javascript:" i]'), 0, 'no javascript: link rendered');
    assert.equal(await app.count('#main img, #main script, #main [onerror], #main [onclick], #main [onload]'), 0);
    const text = await app.page.locator('#tasks-table').innerText();
    assert.match(text, /Learn EC2/);
  });

  await it('a ?src that 404s shows an error and the other sources still load', '?src=missing/nowhere.md&src=worklogs/index.json&view=tasks', async (app) => {
    const error = await app.page.locator('[data-testid="source-error"]').first().innerText();
    assert.match(error, /404|not found|nowhere\.md/i);
    assert.ok((await taskCount(app)) >= 50, 'the demo listed by the second source loaded');
  });

  await it('opening a folder keeps relative paths and groups language twins into one week', '?view=weeks', async (app) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'worklog-folder-'));
    const week = path.join(dir, 'my-report', 'content', '1-Worklog', '1.5-Week5');
    fs.mkdirSync(week, { recursive: true });
    const en = fs.readFileSync(path.join(SEEDS, 'week5-mmdd.md'), 'utf8');
    fs.writeFileSync(path.join(week, '_index.md'), en);
    const vi = en.replace('Week 5 Worklog', 'Worklog Tuần 5')
      .replace('### Week 5 Objectives:', '### Mục tiêu tuần 5:')
      .replace('| Day | Task                ', '| Thứ | Công việc           ')
      .replace(/(\d\d)\/(\d\d)\/2025/g, '$2/$1/2025');
    fs.writeFileSync(path.join(week, '_index.vi.md'), vi);
    fs.writeFileSync(path.join(dir, 'my-report', 'notes.txt'), 'not a worklog');

    await app.page.click('#clear-button');
    await app.page.waitForSelector('[data-testid="empty-state"]');
    await app.setFiles('#folder-input', path.join(dir, 'my-report'));
    await app.page.waitForSelector('[data-testid="week-card"]');
    assert.equal(await app.count('[data-testid="week-card"]'), 1, 'the twins are one week');
    const card = app.page.locator('[data-testid="week-card"]').first();
    assert.equal(await card.locator('.lang-switch button').count(), 2, 'with a language switch');
    assert.match(await app.page.locator('[data-testid="sources"]').innerText(), /skipped|1 file/i);
  });
});
