// The task table is windowed: of a page, only the lines near what its box shows are in the DOM,
// spacer rows stand for the others, and aria-rowcount / aria-rowindex tell assistive technology
// the real lines. Pages generated here: 12 weeks of 50 tasks (600), some tasks with several items
// so lines differ in height; every task carries a marker `wWtK` to find it by.
import assert from 'node:assert/strict';
import { browserSuite } from '../lib/harness.mjs';

const WEEKS = 12;
const PER_WEEK = 50;
const SERVICES = ['Amazon S3', 'AWS Lambda', 'Amazon EC2', 'Amazon DynamoDB', 'Amazon CloudWatch'];

const iso = (days) => new Date(Date.UTC(2025, 8, 8 + days)).toISOString().slice(0, 10);
const marker = (week, k) => `w${week}t${k}`;

function weekPage(week) {
  const rows = Array.from({ length: PER_WEEK }, (_, i) => {
    const k = i + 1;
    const service = SERVICES[(week + k) % SERVICES.length];
    // Every third task has three items: a taller line.
    const text = k % 3 === 0
      ? `- ${marker(week, k)} practise ${service} <br>&emsp; + read the guide <br>&emsp; + write the notes`
      : `${marker(week, k)} practise ${service}`;
    // Six days a week, in order: the table's natural order (date, then line) is the order written.
    const day = Math.floor((i * 6) / PER_WEEK);
    const date = iso(7 * (week - 1) + day);
    return `| ${day + 2} | ${text} | ${date} | ${date} | <https://docs.aws.amazon.com/> |`;
  });
  return `---
title: "Week ${week} Worklog"
weight: ${week}
---

### Week ${week} Objectives:

* Practise many services.

### Tasks to be carried out this week:
| Day | Task | Start Date | Completion Date | Reference Material |
| --- | --- | --- | --- | --- |
${rows.join('\n')}
`;
}

const routes = {
  '/many/index.json': (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ files: Array.from({ length: WEEKS }, (_, i) => `week${i + 1}.md`) }));
  },
};
for (let week = 1; week <= WEEKS; week++) {
  routes[`/many/week${week}.md`] = (req, res) => {
    res.writeHead(200, { 'content-type': 'text/markdown; charset=utf-8' });
    res.end(weekPage(week));
  };
}

const MANY = '?src=many/index.json&view=tasks';
/** Lines drawn at most: a 900 px window shows ~15 lines; with the overscan, a few dozen. */
const MAX_DRAWN = 80;

const taskCount = async (app) => Number((await app.page.locator('[data-testid="task-count"]').first().innerText()).replace(/\D+/g, ''));
const rowCount = (app) => app.page.$eval('#tasks-table', (t) => Number(t.getAttribute('aria-rowcount')));
const drawnIndices = (app) => app.page.$$eval('#tasks-table tbody tr[aria-rowindex]', (rows) => rows.map((r) => Number(r.getAttribute('aria-rowindex'))));
const markerOf = (text) => text.match(/\bw\d+t\d+\b/)?.[0] ?? null;
const markers = (app) => app.mapTableRows((rows) => rows.map((r) => r.querySelector('.col-task').innerText),
  '#tasks-table tbody tr[data-testid="task-row"]').then((texts) => texts.map(markerOf));

async function pageSize(app, n) {
  await app.page.selectOption('#page-size', String(n));
  await app.page.waitForFunction(() => document.querySelector('#tasks-table tbody tr[aria-rowindex]'));
  await app.page.waitForFunction((n) => Number(document.querySelector('#tasks-table').getAttribute('aria-rowcount')) >= n + 1, n);
  await app.tableDrawn();
}

/** Scroll the table's box (`'page'`: only the page) to the bottom, the page too (the box may
 * reach below the window), and wait for the lines there. */
async function toBottom(app, box = '.table-wrap') {
  // Twice: lines measured at the bottom may have moved it.
  for (let pass = 0; pass < 2; pass++) {
    await app.page.evaluate((box) => {
      if (box !== 'page') {
        const el = document.querySelector(box);
        el.scrollTop = el.scrollHeight;
      }
      document.scrollingElement.scrollTop = document.scrollingElement.scrollHeight;
    }, box);
    await app.tableDrawn();
  }
}

/** Whether the line `index` is drawn and inside the box's view. */
const inView = (app, index) => app.page.evaluate((index) => {
  const row = document.querySelector(`#tasks-table tbody tr[aria-rowindex="${index}"]`);
  if (!row) return false;
  // A group heading's cell is sticky: where it shows is the cell's place, not its row's.
  const r = (row.dataset.testid === 'group-row' ? row.querySelector('th') : row).getBoundingClientRect();
  const w = document.querySelector('.table-wrap').getBoundingClientRect();
  return r.bottom > Math.max(w.top, 0) && r.top < Math.min(w.bottom, innerHeight);
}, index);

browserSuite('task table windowing', { routes }, async (it) => {
  await it('500 rows a page: a bounded number of lines drawn, aria-rowcount says all, the bottom shows the last task, every line reachable, a filter change and a sort keep it', MANY, async (app) => {
    assert.equal(await taskCount(app), WEEKS * PER_WEEK);
    await pageSize(app, 500);
    assert.equal(await rowCount(app), 501, 'aria-rowcount: the header and the 500 lines of the page');
    let drawn = await drawnIndices(app);
    assert.ok(drawn.length >= 10 && drawn.length <= MAX_DRAWN, `${drawn.length} lines drawn of 500`);
    assert.deepEqual(drawn, Array.from({ length: drawn.length }, (_, i) => i + 2), 'the first lines, numbered from 2 (the header is 1)');
    assert.equal(await app.page.$eval('#tasks-table thead tr', (r) => r.getAttribute('aria-rowindex')), '1');
    // The spacer below stands for the rest: the box scrolls as far as 500 lines reach.
    const scrollHeight = await app.page.$eval('.table-wrap', (w) => w.scrollHeight);
    assert.ok(scrollHeight > 500 * 30, `the box scrolls over ~500 lines (${scrollHeight} px)`);

    // The bottom: the 500th task of the page (week 10's last) is drawn, numbered 501, in view.
    await toBottom(app);
    drawn = await drawnIndices(app);
    assert.ok(drawn.length <= MAX_DRAWN, `${drawn.length} lines drawn at the bottom`);
    assert.ok(drawn.includes(501), `the last line is drawn (drawn: ${drawn[0]}–${drawn.at(-1)})`);
    assert.equal(markerOf(await app.page.$eval('#tasks-table tbody tr[aria-rowindex="501"] .col-task', (c) => c.innerText)), marker(10, 50));
    assert.ok(await inView(app, 501), 'the last line is in the box\'s view');

    // Every line of the page, once and in order, reached by scrolling.
    const expected = [];
    for (let w = 1; w <= 10; w++) for (let k = 1; k <= PER_WEEK; k++) expected.push(marker(w, k));
    assert.deepEqual(await markers(app), expected);

    // Keyboard: Tab moves through the drawn lines' links and buttons, and the lines further down
    // are drawn as the focus scrolls the box.
    await app.page.locator('#tasks-table tbody tr[aria-rowindex="2"] a').first().focus();
    for (let i = 0; i < 60; i++) await app.page.keyboard.press('Tab');
    await app.tableDrawn();
    const focused = await app.page.evaluate(() => Number(document.activeElement?.closest('#tasks-table tbody tr')?.getAttribute('aria-rowindex') ?? 0));
    assert.ok(focused > 15, `the focus went down the table (line ${focused})`);
    assert.ok(await inView(app, focused), 'the focused line is in view');

    // A filter change: the page holds the matching tasks, still windowed, its last one reachable.
    await app.page.evaluate(() => { document.querySelector('.table-wrap').scrollTop = 0; });
    await app.page.locator('[data-testid="facet-services"] [data-service="lambda"]').first().click();
    await app.page.waitForFunction(() => new URL(location.href).searchParams.getAll('service').includes('lambda'));
    const lambda = await taskCount(app);
    assert.ok(lambda > 60 && lambda < 500, `lambda: ${lambda} tasks`);
    await app.page.waitForFunction((n) => Number(document.querySelector('#tasks-table').getAttribute('aria-rowcount')) === n + 1, lambda);
    await app.tableDrawn();
    drawn = await drawnIndices(app);
    assert.ok(drawn.length > 0 && drawn.length <= MAX_DRAWN, `${drawn.length} lines drawn of ${lambda}`);
    const lambdaTexts = await app.mapTableRows((rows) => rows.map((r) => r.querySelector('.col-task').innerText),
      '#tasks-table tbody tr[data-testid="task-row"]');
    assert.equal(lambdaTexts.length, lambda, 'every matching task is a line of the page');
    for (const text of lambdaTexts) assert.match(text, /Lambda/);
    await toBottom(app);
    assert.ok(await inView(app, lambda + 1), 'the last matching task is drawn at the bottom');
    assert.equal(markerOf(await app.page.$eval(`#tasks-table tbody tr[aria-rowindex="${lambda + 1}"] .col-task`, (c) => c.innerText)), markerOf(lambdaTexts.at(-1)));

    // Sorted by task, descending: the lines follow, drawn from the top again.
    await app.page.locator('[data-testid="facet-services"] [data-service="lambda"]').first().click();
    await app.page.waitForFunction(() => Number(document.querySelector('#tasks-table').getAttribute('aria-rowcount')) === 501);
    await app.page.click('th:has(> button[data-sort="task"]) button');
    await app.page.click('th:has(> button[data-sort="task"]) button');
    await app.page.waitForFunction(() => new URL(location.href).searchParams.get('sort') === '-task');
    await app.page.evaluate(() => { document.querySelector('.table-wrap').scrollTop = 0; });
    await app.tableDrawn();
    const sorted = await markers(app);
    assert.equal(sorted.length, 500);
    const texts = await app.mapTableRows((rows) => rows.map((r) => r.querySelector('.col-task').innerText.toLowerCase()),
      '#tasks-table tbody tr[data-testid="task-row"]');
    for (let i = 1; i < texts.length; i++) assert.ok(texts[i - 1].localeCompare(texts[i], 'en') >= 0 || texts[i - 1] >= texts[i], `descending at line ${i + 2}`);
  });

  await it('grouped by week, the heading of the group in view stays drawn and numbered where it belongs', `${MANY}&group=week`, async (app) => {
    await pageSize(app, 500);
    // 500 tasks and the 10 headings of their weeks.
    assert.equal(await rowCount(app), 511);
    // Scrolled into the middle of week 5 (lines of 45 px on average: well past its heading).
    await app.page.evaluate(() => {
      const w = document.querySelector('.table-wrap');
      w.scrollTop = w.scrollHeight * 0.45;
    });
    await app.tableDrawn();
    const drawn = await drawnIndices(app);
    assert.ok(drawn.length <= MAX_DRAWN, `${drawn.length} lines drawn`);
    const heading = await app.page.$eval('#tasks-table tbody tr[data-testid="group-row"]', (r) => ({ index: Number(r.getAttribute('aria-rowindex')), text: r.querySelector('th').firstChild.textContent }));
    const firstTask = await app.page.$eval('#tasks-table tbody tr[data-testid="task-row"]', (r) => ({ index: Number(r.getAttribute('aria-rowindex')), text: r.innerText }));
    const week = Number(markerOf(firstTask.text).match(/^w(\d+)/)[1]);
    assert.match(heading.text, new RegExp(`Week ${week}\\b`), 'the heading is that of the first drawn task\'s week');
    // Week W's heading is line 2 + (W - 1) × 51 (each earlier week: a heading and 50 tasks).
    assert.equal(heading.index, 2 + (week - 1) * (PER_WEEK + 1), 'the heading keeps its own aria-rowindex');
    assert.ok(firstTask.index > heading.index + 1, `scrolled past the heading (first task line ${firstTask.index})`);
    // The sticky heading is in the box's view.
    assert.ok(await inView(app, heading.index), 'the heading shows at the top of the box');
  });

  await it('on a phone the page scrolls, not the box: the lines follow it', MANY, async (app) => {
    await pageSize(app, 250);
    let drawn = await drawnIndices(app);
    assert.ok(drawn.length > 0 && drawn.length <= MAX_DRAWN, `${drawn.length} lines drawn of 250`);
    await toBottom(app, 'page');
    drawn = await drawnIndices(app);
    assert.ok(drawn.includes(251), `the last line is drawn at the bottom of the page (drawn: ${drawn[0]}–${drawn.at(-1)})`);
    assert.ok(await inView(app, 251), 'and in view');
    assert.equal(markerOf(await app.page.$eval('#tasks-table tbody tr[aria-rowindex="251"] .col-task', (c) => c.innerText)), marker(5, 50));
  }, { viewport: { width: 390, height: 844 } });
});
