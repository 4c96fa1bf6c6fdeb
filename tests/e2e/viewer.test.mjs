// The viewer's behaviour in a real browser: uploads, filters in the URL, shared links,
// timeline, heat map, untrusted content, failing sources, folders with language twins.
// Pages come from the bundled demo and from tests/fixtures/worklogs (written for these tests).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { browserSuite, App, FIXTURES, fixture } from '../lib/harness.mjs';

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

/** A report-style week page: text before any heading, headings of the intern's own, an HTML
 * block outside every known section. None of it is objectives or achievements. */
const REPORT_PAGE = `---
title: "Week 3 Worklog"
---
This week was all about networking.

## 3.1 Understanding Amazon VPC
Amazon VPC is a logically isolated network.

### 3.1.1 CIDR blocks
I picked 10.0.0.0/16 <script>window.__pwned = 'inline'</script>

### Weekly objectives
* Build a VPC

## Daily tasks
| Day | Task | Start Date | Completion Date |
| --- | --- | --- | --- |
| 2 | Create the VPC | 15/09/2025 | 15/09/2025 |

## Lessons learned
* Plan the address space first

<div class="card"><h5>Lab 003</h5><p>Subnets and route tables</p><script>window.__pwned = 'block'</script></div>
`;

const routes = {
  '/report/week-3.md': (req, res) => {
    res.writeHead(200, { 'content-type': 'text/markdown; charset=utf-8' });
    res.end(REPORT_PAGE);
  },
  '/hostile/week-3.md': (req, res) => {
    res.writeHead(200, { 'content-type': 'text/markdown; charset=utf-8' });
    res.end(HOSTILE_PAGE);
  },
};

/** Start dates of the task rows of the table's page (drawn or not), as ISO dates. */
const startDates = (app) => app.mapTableRows((rows) =>
  rows.map((row) => row.querySelector('time')?.getAttribute('datetime') ?? null), '#tasks-table tbody tr[data-testid="task-row"]');

const taskCount = async (app) => Number((await app.page.locator('[data-testid="task-count"]').first().innerText()).replace(/\D+/g, ''));

/** Rows per page of the task table (its default page size). */
const PAGE_SIZE = 50;

/** What a click on each view tab must show. */
const VIEW_SHOWS = {
  weeks: '[data-testid="week-card"]',
  tasks: '[data-testid="task-row"]',
  timeline: '[data-testid="timeline-bar"]',
  services: '[data-testid="heatmap-cell"]',
  diagnostics: '[data-testid="page-diagnostics"]',
};

browserSuite('viewer', { routes }, async (it, shared) => {
  await it('uploading the two fixture pages shows their 10 tasks with the right dates', '?view=tasks', async (app) => {
    await app.page.click('#clear-button');
    await app.page.waitForSelector('[data-testid="empty-state"]');
    // One page with DD/MM dates, one with MM/DD dates whose every date is ambiguous.
    await app.setFiles('#file-input', [fixture('week5-mmdd.md'), fixture('week2-ddmm.md')]);
    await app.page.waitForFunction(() => document.querySelectorAll('[data-testid="task-row"]').length === 10);
    const dates = (await startDates(app)).sort();
    assert.deepEqual(dates, [
      '2025-09-16', '2025-09-17', '2025-09-18', '2025-09-19', '2025-09-20',
      '2025-10-06', '2025-10-07', '2025-10-08', '2025-10-09', '2025-10-10',
    ]);
    assert.equal(await taskCount(app), 10);
  });

  await it('filtering by a service narrows the table, goes into the URL, and the URL reproduces it', '?view=tasks', async (app) => {
    const before = await taskCount(app);
    const chip = app.page.locator('[data-testid="facet-services"] [data-service="lambda"]').first();
    await chip.click();
    await app.page.waitForFunction(() => new URL(location.href).searchParams.getAll('service').join(',').includes('lambda'));
    const after = await taskCount(app);
    assert.ok(after > 0 && after < before, `lambda filter: ${after} of ${before} tasks`);
    const rows = await app.tableRows();
    assert.equal(rows.length, Math.min(after, PAGE_SIZE), 'the table lists every matching task (one page of them)');
    for (const row of rows) assert.match(row.join(' '), /lambda/i, 'every row mentions Lambda');
    assert.equal(await chip.isChecked(), true, 'the chosen service is ticked');

    const fresh = await App.open(shared.browser, shared.server, app.url().search);
    try {
      assert.deepEqual(await fresh.tableRows(), rows, 'the shared link shows the same rows');
      assert.equal(await taskCount(fresh), after);
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

  await it('a page full of script payloads loads, shows its text, and nothing executes', '?src=hostile/week-3.md&view=tasks', async (app) => {
    await app.page.waitForSelector('[data-testid="task-row"]');
    // Every view renders the page (no swallowed errors: a missing tab or view fails the test).
    for (const [view, shows] of Object.entries(VIEW_SHOWS)) {
      await app.page.click(`[data-view="${view}"]`);
      await app.page.waitForSelector(shows);
      assert.equal(await app.page.evaluate(() => window.__pwned), undefined, `no payload ran in the ${view} view`);
      assert.equal(await app.count('#main img, #main script, #main iframe, #main object, #main embed'), 0, `no injected element in ${view}`);
      assert.equal(await app.count('#main [onerror], #main [onclick], #main [onload]'), 0, `no handler attribute in ${view}`);
    }
    await app.page.click('[data-view="tasks"]');
    const text = await app.page.locator('#tasks-table').innerText();
    assert.match(text, /Learn EC2/, 'the task text is shown');
    assert.match(text, /Lambda/, 'the link text is shown');
    assert.equal(await taskCount(app), 2, 'both task rows are tasks');
    const hrefs = await app.page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href')));
    for (const href of hrefs) {
      assert.match(href, /^(https?:|mailto:|\?|#)/i, `only safe links are rendered: ${href}`);
    }
    assert.ok(hrefs.includes('https://docs.aws.amazon.com/'), 'the safe reference stays a link');
    await app.page.click('[data-view="diagnostics"]');
    assert.match(await app.page.locator('#main').innerText(), /unsafe-url/, 'the dropped links are reported');
    assert.equal(await app.page.evaluate(() => window.__pwned), undefined, 'no payload ran');
  });

  await it('text under headings of the intern\'s own is a click away on the week card, never dropped', '?src=report/week-3.md&view=weeks', async (app) => {
    const card = app.page.locator('[data-testid="week-card"]').first();
    await card.waitFor();
    assert.match(await card.innerText(), /Build a VPC/, 'the objectives are shown');
    const more = card.locator('[data-testid="week-more"]');
    assert.equal(await more.count(), 1, 'the rest of the page is folded on the card');
    assert.equal(await more.evaluate((d) => d.open), false, 'closed until asked for');
    assert.equal(await more.locator('summary').innerText(), 'More from this page: 3 sections');
    await more.locator('summary').click();
    const kinds = await more.locator('.week-section').evaluateAll((ss) => ss.map((s) => s.dataset.kind));
    assert.deepEqual(kinds, ['other', 'other', 'learnings'], 'the sections in page order; the tasks heading, with only its table under it, is not one');
    const headings = await more.locator('h5').allInnerTexts();
    assert.deepEqual(headings, ['(no heading)', '3.1 Understanding Amazon VPC', 'Lessons learned']);
    const shown = await more.innerText();
    for (const words of ['all about networking', 'logically isolated network', 'CIDR blocks', '10.0.0.0/16', 'Plan the address space first', 'Lab 003', 'Subnets and route tables']) {
      assert.ok(shown.includes(words), `"${words}" is shown`);
    }
    assert.equal(await more.locator('script, div.card').count(), 0, 'the page\'s HTML is text, never markup');
    assert.equal(await app.page.evaluate(() => window.__pwned), undefined, 'no payload ran');
    await app.page.click('[data-view="diagnostics"]');
    assert.match(await app.page.locator('#main').innerText(), /html-block-as-text/, 'the HTML block read as text is said');
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
    fs.copyFileSync(path.join(FIXTURES, 'week5-mmdd.md'), path.join(week, '_index.md'));
    fs.copyFileSync(path.join(FIXTURES, 'week5-mmdd.vi.md'), path.join(week, '_index.vi.md'));
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
