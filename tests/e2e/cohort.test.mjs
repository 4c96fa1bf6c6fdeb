// Cohort: a generated intake of 60 interns (tests/lib/cohort-gen.mjs, whose truth is computed by
// the generator from what it wrote, never by the core) opened from a cohort.json served next to
// the app. The matrix cells are checked against that truth; the intern filter round-trips
// through the URL; a row several interns copied is marked similar with its matches side by
// side; 60 interns × 13 weeks fit a 1280×800 screen (the dense matrix, every line, column and
// summary on screen at once, names of 11 px or more) and scroll on a phone; the dense grid is
// one tab stop whose arrow keys move the active cell; axe finds no serious or critical problem.
//
// The addresses say which day it is (`today=`, the generator's "today": the Wednesday of week
// 12), so weeks 12 and 13 are "not yet due" exactly as the truth says, whatever the clock.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { browserSuite, ROOT } from '../lib/harness.mjs';
import { generateCohort } from '../lib/cohort-gen.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const INTERNS = 60;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'worklog-cohort-e2e-'));
const truth = generateCohort({ out: dir, interns: INTERNS, seed: 1 });
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
const COHORT = `?cohort=cohort/cohort.json&today=${truth.cohort.today}`;
// Loading ≈1,300 pages takes seconds on an idle machine, minutes on a busy 2-core one.
const LOAD_TIMEOUT = 420_000;

const MIME = { '.json': 'application/json', '.md': 'text/markdown; charset=utf-8' };
/** `/cohort/<path>` serves the generated folder (cohort.json, the interns' pages). */
const routes = new Proxy({}, {
  get(_, key) {
    if (typeof key !== 'string' || !key.startsWith('/cohort/')) return undefined;
    const file = path.normalize(path.join(dir, decodeURIComponent(key.slice('/cohort/'.length))));
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return undefined;
    return (req, res) => {
      res.writeHead(200, { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream' });
      res.end(fs.readFileSync(file));
    };
  },
});

/** Open `query` and wait for the load. */
async function openCohort(app, query) {
  await app.goto(query, { waitReady: false });
  await app.waitReady(LOAD_TIMEOUT);
  // Similar rows are compared once everything is loaded: wait until nothing is busy.
  await app.page.waitForFunction(() => document.body.dataset.busy === 'false', null, { timeout: LOAD_TIMEOUT });
}

/**
 * Go to `query` inside the loaded app (a history entry, as a link does): the cohort stays
 * loaded as long as the query keeps `cohort=`.
 */
async function go(app, query) {
  await app.page.evaluate((q) => {
    history.pushState(null, '', q);
    dispatchEvent(new PopStateEvent('popstate'));
  }, query);
  await app.page.waitForTimeout(100);
}

/** The matrix as shown: key → {week → [state, similar count]}, with the summary columns. */
async function readMatrix(app) {
  return app.page.$$eval('[data-testid="matrix-row"]', (rows) => rows.map((row) => ({
    key: row.dataset.key,
    name: row.querySelector('th').innerText.trim(),
    cells: Object.fromEntries([...row.querySelectorAll('[data-testid="matrix-cell"]')]
      .map((c) => [c.dataset.week, [c.dataset.state, Number(c.dataset.similar)]])),
    progress: row.querySelector('[data-testid="intern-progress"]').innerText.trim(),
    problems: row.querySelector('[data-testid="intern-problems"]').innerText.trim(),
    similar: row.querySelector('[data-testid="intern-similar"]').innerText.trim(),
  })));
}

async function axe(app, label) {
  if (!(await app.page.evaluate(() => typeof window.axe === 'object'))) await app.page.evaluate(AXE_SOURCE);
  const results = await app.page.evaluate(() => window.axe.run(document, {
    resultTypes: ['violations'],
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  }));
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const describe = (vs) => vs.map((v) => `${v.id} (${v.impact}, ${v.nodes.length})`).join(', ') || 'none';
  console.log(`axe ${label}: ${blocking.length} serious/critical [${describe(blocking)}]; others: ${describe(results.violations.filter((v) => !blocking.includes(v)))}`);
  return blocking.map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n')[1] ?? ''}`) }));
}

browserSuite('cohort of 60 interns', { routes }, async (it) => {
  // One load of the cohort serves every check (a load takes a while); the intern filter's
  // check reloads the page once more.
  await it('a generated cohort of 60 interns opened with ?cohort=', '?ui=en', async (app, { t }) => {
    await app.page.setViewportSize({ width: 1280, height: 800 });
    await openCohort(app, `${COHORT}&view=cohort`);
    await t.test('60 interns × 13 weeks fit a 1280×800 screen, names readable', async () => {
      await app.page.waitForTimeout(200);
      assert.equal(app.url().searchParams.get('today'), truth.cohort.today, 'today= stays in the address');
      const m = await app.page.evaluate(() => {
        const wrap = document.querySelector('[data-testid="matrix-wrap"]');
        const box = (el) => el.getBoundingClientRect().toJSON();
        const rows = [...document.querySelectorAll('[data-testid="matrix-row"]')];
        const names = rows.map((tr) => tr.querySelector('th.m-name'));
        const style = getComputedStyle(names[0]);
        return {
          density: document.querySelector('[data-testid="cohort-matrix"]').dataset.density,
          wrap: box(wrap),
          scroll: { x: wrap.scrollWidth > wrap.clientWidth, y: wrap.scrollHeight > wrap.clientHeight },
          pageScroll: { x: document.documentElement.scrollWidth > innerWidth, top: scrollY },
          rows: rows.map((tr) => ({ key: tr.dataset.key, ...box(tr) })),
          weeks: [...document.querySelectorAll('table.matrix thead th.m-week')].map((th) => ({ week: th.dataset.week, ...box(th) })),
          summaryColumns: [...document.querySelectorAll('table.matrix thead th:not(.m-week):not(.m-name)')].map((th) => box(th)),
          summaryRow: box(document.querySelector('table.matrix tfoot tr')),
          fontPx: Math.min(...names.map((th) => parseFloat(getComputedStyle(th).fontSize))),
          fontWeight: style.fontWeight,
          cut: names.filter((th) => th.scrollWidth > th.clientWidth).map((th) => ({ text: th.innerText, title: th.title, ellipsis: getComputedStyle(th).textOverflow })),
          titles: Object.fromEntries(rows.map((tr) => [tr.dataset.key, tr.querySelector('th.m-name').title])),
          rowHeight: box(rows[0]).height,
        };
      });
      const inside = (b) => b.top >= 0 && b.left >= 0 && b.bottom <= 800 && b.right <= 1280 && b.width > 0 && b.height > 0;
      const onScreen = m.rows.filter(inside).length;
      console.log(`1280×800: ${m.density} matrix ${Math.round(m.wrap.width)}×${Math.round(m.wrap.height)} at (${Math.round(m.wrap.x)}, ${Math.round(m.wrap.y)}), rows ${m.rowHeight.toFixed(1)} px, names ${m.fontPx}px, ${onScreen} of ${m.rows.length} intern rows on screen at once, ${m.cut.length} names cut (full name in the tooltip)`);
      assert.equal(m.density, 'dense', 'a cohort of 60 interns gets the dense matrix');
      assert.equal(m.rows.length, INTERNS);
      assert.equal(m.pageScroll.top, 0, 'the page is not scrolled');
      assert.deepEqual(m.rows.filter((b) => !inside(b)).map((b) => `${b.key} (${Math.round(b.top)}–${Math.round(b.bottom)})`), [], 'every intern row lies within the 1280×800 viewport');
      assert.equal(m.weeks.length, truth.columns.length);
      assert.deepEqual(m.weeks.filter((b) => !inside(b)).map((b) => b.week), [], 'every week column lies within the viewport');
      assert.ok(m.summaryColumns.length >= 4 && m.summaryColumns.every(inside), 'every summary column lies within the viewport');
      assert.ok(inside(m.summaryRow), `the summary row lies within the viewport (bottom ${m.summaryRow.bottom})`);
      assert.ok(inside(m.wrap), 'the whole matrix is on screen');
      assert.deepEqual(m.scroll, { x: false, y: false }, 'nothing to scroll inside the matrix');
      assert.equal(m.pageScroll.x, false, 'no horizontal scrolling of the page');
      assert.ok(m.fontPx >= 11, `names at 11 px or more (${m.fontPx}px)`);
      for (const c of m.cut) assert.equal(c.ellipsis, 'ellipsis', `a cut name ends with an ellipsis: ${c.text}`);
      for (const intern of truth.interns) assert.ok(m.titles[intern.key]?.startsWith(intern.name), `the full name in the tooltip: ${intern.name} / ${m.titles[intern.key]}`);
      const file = await app.screenshot('cohort-1280x800');
      if (process.env.UPDATE_SCREENSHOTS === '1') {
        fs.mkdirSync(path.join(ROOT, 'docs', 'screenshots'), { recursive: true });
        fs.copyFileSync(file, path.join(ROOT, 'docs', 'screenshots', 'cohort.png'));
      }
    });
    await t.test('the dense matrix is one tab stop: arrow keys move the active cell, Enter opens it', async () => {
      const grid = app.page.locator('[data-testid="cohort-matrix"]');
      assert.equal(await grid.getAttribute('role'), 'grid');
      assert.equal(await app.count('[data-testid="matrix-cell"] a, [data-testid="matrix-cell"][tabindex]'), 0, 'cells are not tab stops of their own');
      await grid.focus();
      const active = () => app.page.evaluate(() => {
        const id = document.querySelector('[data-testid="cohort-matrix"]').getAttribute('aria-activedescendant');
        const cell = id && document.getElementById(id);
        return cell && { key: cell.closest('tr').dataset.key, week: Number(cell.dataset.week), state: cell.dataset.state, active: cell.classList.contains('active') };
      });
      const keys = await app.page.$$eval('[data-testid="matrix-row"]', (rows) => rows.map((r) => r.dataset.key));
      assert.deepEqual(await active(), { ...(await active()), key: keys[0], week: truth.columns[0], active: true }, 'focus starts on the first cell');
      for (const key of ['ArrowDown', 'ArrowDown', 'ArrowRight', 'ArrowRight', 'ArrowLeft']) await app.page.keyboard.press(key);
      let now = await active();
      assert.equal(now.key, keys[2]);
      assert.equal(now.week, truth.columns[1]);
      await app.page.keyboard.press('End');
      assert.equal((await active()).week, truth.columns.at(-1));
      await app.page.keyboard.press('Control+End');
      now = await active();
      assert.deepEqual([now.key, now.week], [keys.at(-1), truth.columns.at(-1)]);
      await app.page.keyboard.press('Control+Home');
      now = await active();
      assert.deepEqual([now.key, now.week], [keys[0], truth.columns[0]]);
      // Down to an intern whose week 3 has pages, and open it with Enter.
      const row = keys.findIndex((k) => truth.interns.find((i) => i.key === k).cells[3].state === 'dated');
      for (let i = 0; i < row; i += 1) await app.page.keyboard.press('ArrowDown');
      for (let i = 0; i < truth.columns.indexOf(3); i += 1) await app.page.keyboard.press('ArrowRight');
      now = await active();
      assert.deepEqual([now.key, now.week, now.state], [keys[row], 3, 'dated']);
      await app.page.keyboard.press('Enter');
      await app.page.waitForSelector('[data-testid="week-card"]');
      assert.deepEqual(app.url().searchParams.getAll('source'), [keys[row]]);
      assert.equal(app.url().searchParams.get('week'), '3');
      await app.page.goBack();
      await app.page.waitForSelector('[data-testid="matrix-cell"]');
    });
    await t.test('on a phone (375 px) the dense matrix scrolls inside its frame, names still readable', async () => {
      await app.page.setViewportSize({ width: 375, height: 740 });
      await app.page.waitForTimeout(200);
      const p = await app.page.evaluate(() => {
        const wrap = document.querySelector('[data-testid="matrix-wrap"]');
        const name = document.querySelector('[data-testid="matrix-row"] th.m-name');
        wrap.scrollLeft = wrap.scrollWidth;
        wrap.scrollTop = wrap.scrollHeight;
        const w = wrap.getBoundingClientRect();
        const n = name.getBoundingClientRect();
        const rows = document.querySelectorAll('[data-testid="matrix-row"]');
        const last = rows[rows.length - 1].querySelector('th.m-name').getBoundingClientRect();
        return {
          pageX: document.documentElement.scrollWidth > innerWidth,
          scrolls: wrap.scrollWidth > wrap.clientWidth && wrap.scrollHeight > wrap.clientHeight,
          scrolled: wrap.scrollLeft > 0 && wrap.scrollTop > 0,
          wrapRight: w.right,
          nameLeft: n.left - w.left,
          lastInside: last.bottom <= w.bottom && last.top >= w.top,
          fontPx: parseFloat(getComputedStyle(name).fontSize),
        };
      });
      console.log(`375 px: ${JSON.stringify(p)}`);
      assert.equal(p.pageX, false, 'the page itself does not scroll sideways');
      assert.ok(p.scrolls && p.scrolled, 'the matrix scrolls inside its frame');
      assert.ok(p.wrapRight <= 375, 'the frame fits the screen');
      assert.ok(Math.abs(p.nameLeft) <= 2, 'the names stay on the left while it scrolls');
      assert.ok(p.lastInside, 'the last intern is reachable');
      assert.ok(p.fontPx >= 11);
      await app.page.evaluate(() => { const w = document.querySelector('[data-testid="matrix-wrap"]'); w.scrollLeft = 0; w.scrollTop = 0; });
      await app.page.setViewportSize({ width: 1280, height: 800 });
    });
    await t.test('the matrix shows every intern × week cell as the generator wrote it', async () => {
      assert.match(await app.page.locator('[data-testid="cohort-name"]').innerText(), /Generated cohort \(60 interns, seed 1\)/);
      const shown = await readMatrix(app);
      assert.equal(shown.length, INTERNS, 'one line per intern');
      const headers = await app.page.$$eval('table.matrix thead th.m-week', (ths) => ths.map((th) => Number(th.dataset.week)));
      assert.deepEqual(headers, truth.columns, 'one column per week');
      const wrong = [];
      let cells = 0;
      const states = {};
      for (const want of truth.interns) {
        const got = shown.find((l) => l.key === want.key);
        if (!got) { wrong.push(`${want.key}: no line`); continue; }
        if (got.name !== want.name) wrong.push(`${want.key}: named ${got.name}, expected ${want.name}`);
        for (const week of truth.columns) {
          const w = want.cells[week];
          const [state, similar] = got.cells[week] ?? [];
          cells += 1;
          states[state] = (states[state] ?? 0) + 1;
          if (state !== w.state) wrong.push(`${want.key} week ${week}: ${state}, expected ${w.state}`);
          if (similar !== w.similar) wrong.push(`${want.key} week ${week}: ${similar} similar, expected ${w.similar}`);
        }
        const s = want.summary;
        const progress = s.due_weeks ? `${Math.round((100 * s.dated_weeks) / s.due_weeks)}%` : '–';
        if (got.progress !== progress) wrong.push(`${want.key}: progress ${got.progress}, expected ${progress}`);
        if (got.problems !== String(s.problems)) wrong.push(`${want.key}: ${got.problems} problems, expected ${s.problems}`);
        if (got.similar !== String(s.similar)) wrong.push(`${want.key}: ${got.similar} similar, expected ${s.similar}`);
      }
      console.log(`matrix: ${shown.length} interns × ${truth.columns.length} weeks, ${cells} cells checked; states ${JSON.stringify(states)}`);
      assert.deepEqual(wrong, [], 'every cell and summary as the generator wrote it');
      // Colour is never alone: every cell names its state in words.
      const unnamed = await app.page.$$eval('[data-testid="matrix-cell"]', (tds) => tds.filter((td) => {
        const name = td.querySelector('a')?.getAttribute('aria-label') ?? td.querySelector('.visually-hidden')?.textContent ?? '';
        return !name.includes(': ') || !td.innerText.trim();
      }).length);
      assert.equal(unnamed, 0, 'every cell has a glyph and a full description');
      // The summary row counts the interns with dated tasks per week.
      const week1 = truth.interns.filter((i) => i.cells[1].state === 'dated').length;
      assert.equal(await app.page.locator('[data-testid="week-summary"][data-week="1"] [aria-hidden="true"]').innerText(), String(week1));
      assert.deepEqual(app.errors, []);
    });
    await t.test('axe: the cohort view (matrix and labs, light and dark) has no serious or critical violation', async () => {
      const failures = {};
      for (const scheme of ['light', 'dark']) {
        await app.page.emulateMedia({ colorScheme: scheme });
        await app.page.click('[data-cohort-tab="matrix"]');
        await app.page.waitForSelector('[data-testid="matrix-cell"]');
        let found = await axe(app, `cohort matrix ${scheme}`);
        if (found.length) failures[`matrix ${scheme}`] = found;
        await app.page.click('[data-cohort-tab="labs"]');
        await app.page.waitForSelector('[data-testid="lab-cell"]');
        found = await axe(app, `cohort labs ${scheme}`);
        if (found.length) failures[`labs ${scheme}`] = found;
      }
      assert.deepEqual(failures, {});
    });
    await t.test('labs by intern (titles from the link texts), CSV export, services by intern, tasks grouped by intern', async () => {
      await app.page.emulateMedia({ colorScheme: 'light' });
      await go(app, `${COHORT}&view=cohort&ctab=labs&ui=en`);
      await app.page.waitForSelector('[data-testid="lab-cell"]');
      const titles = await app.page.$$eval('[data-testid="lab-title"]', (lis) => Object.fromEntries(lis.map((li) => [Number(li.dataset.lab), li.innerText])));
      for (const lab of truth.labs) {
        assert.ok(titles[lab.id], `lab ${lab.id} listed`);
        if (lab.title) assert.ok(titles[lab.id].includes(lab.title), `lab ${lab.id} titled "${lab.title}": ${titles[lab.id]}`);
      }
      const done = await app.page.$$eval('[data-testid="labs-row"]', (rows) => Object.fromEntries(rows.map((r) => [r.dataset.key,
        [...r.querySelectorAll('[data-testid="lab-cell"]')].map((c) => [Number(c.dataset.lab), c.querySelector('[aria-hidden]').innerText])])));
      const wrongLabs = [];
      for (const intern of truth.interns) {
        const want = intern.summary.labs.map((l) => [l.lab, l.weeks.join(',')]);
        if (JSON.stringify(done[intern.key] ?? []) !== JSON.stringify(want)) wrongLabs.push(`${intern.key}: ${JSON.stringify(done[intern.key])} ≠ ${JSON.stringify(want)}`);
      }
      assert.deepEqual(wrongLabs, [], 'each intern\'s labs and their weeks');

      const [download] = await Promise.all([app.page.waitForEvent('download'), app.page.click('[data-testid="cohort-export"]')]);
      const csv = fs.readFileSync(await download.path(), 'utf8').trim().split('\n');
      assert.equal(download.suggestedFilename(), 'cohort.csv');
      assert.equal(csv.length, INTERNS + 1, 'a header and one record per intern');
      assert.ok(csv[0].startsWith(`intern_key,intern,${truth.columns.map((w) => `week_${w}`).join(',')},progress`), csv[0]);
      const first = truth.interns.find((i) => csv[1].startsWith(`${i.key},`));
      assert.ok(first, 'records start with the intern key');
      assert.ok(csv[1].includes(truth.columns.map((w) => first.cells[w].state).join(',')), 'the states in week order');

      await app.page.click('[data-view="services"]');
      await app.page.check('[data-testid="heat-axis"] input[value="interns"]');
      assert.equal(app.url().searchParams.get('heat'), 'interns');
      await app.page.waitForSelector('[data-testid="intern-heat-row"]');
      assert.equal(await app.count('[data-testid="intern-heat-row"]'), INTERNS, 'one heat map line per intern');

      await app.page.click('[data-view="tasks"]');
      await app.page.selectOption('#group-select', 'intern');
      assert.equal(app.url().searchParams.get('group'), 'intern');
      await app.page.waitForSelector('[data-testid="group-row"]');
      const firstGroup = await app.page.locator('[data-testid="group-row"]').first().innerText();
      const byName = [...truth.interns].sort((a, b) => a.name.localeCompare(b.name))[0];
      assert.ok(truth.interns.some((i) => firstGroup.startsWith(i.name)), `a group heading names an intern: ${firstGroup} (e.g. ${byName.name})`);
      // The task table's sortable headers (one component with the matrix's): URL and aria-sort.
      const start = app.page.locator('th:has(> button[data-sort="start"])');
      await start.locator('button').click();
      assert.equal(app.url().searchParams.get('sort'), 'start');
      assert.equal(await start.getAttribute('aria-sort'), 'ascending');
      await start.locator('button').click();
      assert.equal(app.url().searchParams.get('sort'), '-start');
      assert.equal(await start.getAttribute('aria-sort'), 'descending');
      assert.equal(await app.page.locator('th:has(> button[data-csort])').count(), 0, 'no matrix header in the task table');
    });
    await t.test("a row copied by several interns is marked similar, with the other interns' rows side by side", async () => {
      // The English group with the most interns.
      const group = truth.similar.filter((g) => g.language === 'en').sort((a, b) => b.rows.length - a.rows.length)[0];
      const source = group.rows.find((r) => r.file === group.source.file && r.line === group.source.line);
      const sourceIntern = truth.interns.find((i) => i.key === source.key);
      await go(app, `${COHORT}&view=tasks&lang=en&similar=only&source=${encodeURIComponent(source.key)}&ui=en`);
      await app.page.waitForSelector('[data-testid="task-row"]');
      const rows = app.page.locator('[data-testid="task-row"][data-similar="true"]');
      assert.ok(await rows.count() >= 1, 'the intern has similar rows');
      // Its copied row: the one at the source's file and line.
      // Pages are shown by their path relative to the app: the served `cohort/` folder first.
      const row = app.page.locator('[data-testid="task-row"]')
        .filter({ has: app.page.locator(`.col-source[title="cohort/${source.file}"]`) })
        .filter({ has: app.page.locator('.col-source .muted', { hasText: new RegExp(`^:${source.line}$`) }) });
      assert.equal(await row.count(), 1, `the copied row at ${source.file}:${source.line}`);
      await row.locator('[data-testid="similar-badge"]').click();
      const dialog = app.page.locator('[data-testid="similar-dialog"]');
      await dialog.waitFor({ state: 'visible' });
      const others = group.rows.filter((r) => r.key !== source.key).map((r) => truth.interns.find((i) => i.key === r.key).name).sort();
      const shown = (await dialog.locator('[data-testid="similar-match"]').evaluateAll((lis) => lis.map((li) => li.dataset.intern))).sort();
      console.log(`similar: ${sourceIntern.name}'s row (week ${group.week}) matches ${shown.length} rows: ${shown.join(', ')}; generator: ${others.join(', ')}`);
      assert.deepEqual(shown, others, 'every other intern of the group, side by side');
      const edited = group.rows.filter((r) => r.key !== source.key && ['swap', 'drop', 'add'].includes(r.edit)).length;
      if (edited) assert.ok(await dialog.locator('mark.diff-changed').count() >= 1, 'the edits are highlighted');
      assert.match(await dialog.locator('[data-testid="similar-left"]').first().innerText(), /\w/);
      if (process.env.UPDATE_SCREENSHOTS === '1') {
        fs.mkdirSync(path.join(ROOT, 'docs', 'screenshots'), { recursive: true });
        fs.copyFileSync(await app.screenshot('cohort-similar'), path.join(ROOT, 'docs', 'screenshots', 'cohort-similar.png'));
      }
      assert.deepEqual(await axe(app, 'similar dialog'), []);
      await app.page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      // Hidden: the filter takes them out.
      await go(app, `${COHORT}&view=tasks&lang=en&similar=hide&source=${encodeURIComponent(source.key)}&ui=en`);
      await app.page.waitForSelector('[data-testid="task-row"]');
      const similarShown = await app.mapTableRows((rows) => rows.map((r) => r.dataset.similar === 'true'), '#tasks-table tbody tr[data-testid="task-row"]');
      assert.ok(similarShown.length > 0 && !similarShown.includes(true), 'similar=hide shows none');
    });
    await t.test("sorting by progress and problems is in the URL; a cell opens that intern's week", async () => {
      await go(app, `${COHORT}&view=cohort&ui=en`);
      await app.page.waitForSelector('[data-testid="matrix-cell"]');
      await app.page.click('button[data-csort="problems"]');
      assert.equal(app.url().searchParams.get('csort'), '-problems');
      const most = Math.max(...truth.interns.map((i) => i.summary.problems));
      assert.equal(await app.page.locator('[data-testid="matrix-row"] [data-testid="intern-problems"]').first().innerText(), String(most));
      await app.page.click('button[data-csort="progress"]');
      assert.equal(app.url().searchParams.get('csort'), 'progress');
      const least = truth.interns.map((i) => i.summary).sort((a, b) => a.dated_weeks / a.due_weeks - b.dated_weeks / b.due_weeks)[0];
      assert.equal(await app.page.locator('[data-testid="intern-progress"]').first().innerText(), `${Math.round((100 * least.dated_weeks) / least.due_weeks)}%`);
      // A dated cell opens the weeks view on that intern and week.
      const intern = truth.interns.find((i) => i.cells[3].state === 'dated');
      await app.page.click(`[data-testid="matrix-row"][data-key="${intern.key}"] [data-testid="matrix-cell"][data-week="3"]`);
      const url = app.url();
      assert.equal(url.searchParams.get('view'), null, 'the weeks view (the default)');
      assert.deepEqual(url.searchParams.getAll('source'), [intern.key]);
      assert.equal(url.searchParams.get('week'), '3');
      await app.page.waitForSelector('[data-testid="week-card"]');
      assert.match(await app.page.locator('#main').innerText(), new RegExp(intern.name));
    });
    await t.test('the intern filter round-trips through the URL (facet → source= → reload)', async () => {
      await go(app, `${COHORT}&view=cohort&ui=en`);
      await app.page.waitForSelector('[data-testid="matrix-cell"]');
      const intern = truth.interns[7];
      await app.page.locator(`[data-testid="facet-sources"] input[value="${intern.key}"]`).check();
      await app.page.waitForFunction((key) => new URL(location.href).searchParams.getAll('source').includes(key), intern.key);
      assert.deepEqual(app.url().searchParams.getAll('source'), [intern.key]);
      assert.equal(await app.count('[data-testid="matrix-row"]'), 1, 'the matrix shows that intern only');
      await app.page.reload();
      await app.waitReady(LOAD_TIMEOUT);
      assert.deepEqual(app.url().searchParams.getAll('source'), [intern.key], 'still in the URL after a reload');
      assert.ok(await app.page.locator(`[data-testid="facet-sources"] input[value="${intern.key}"]`).isChecked(), 'still checked');
      assert.equal(await app.count('[data-testid="matrix-row"]'), 1);
      assert.equal(await app.page.locator('[data-testid="matrix-row"]').getAttribute('data-key'), intern.key);
      // The task table: every row is that intern's.
      await app.page.click('[data-view="tasks"]');
      await app.page.waitForSelector('[data-testid="task-row"]');
      const pages = await app.mapTableRows((rows) => rows.map((r) => r.querySelector('.col-source').getAttribute('title')), '#tasks-table tbody tr[data-testid="task-row"]');
      assert.ok(pages.length > 0 && pages.every((p) => p.includes(`interns/${intern.key.split('/')[1]}/`)), 'only that intern\'s pages');
    });
    assert.deepEqual(app.errors, [], 'no uncaught errors');
  });

  await it('without a cohort file the matrix is the loaded interns\', every week due', '?ui=en', async (app) => {
    // The cohort file read as a plain site manifest (?src=): interns, no start, no weeks.
    await openCohort(app, '?src=cohort/cohort.json&view=cohort');
    await app.page.waitForSelector('[data-testid="no-cohort-file"]');
    const shown = await readMatrix(app);
    assert.equal(shown.length, INTERNS);
    const states = new Set(shown.flatMap((l) => Object.values(l.cells).map(([s]) => s)));
    assert.ok(!states.has('not-due'), 'nothing is "not yet due" without a start date');
    assert.ok(states.has('dated') && states.has('missing'));
  });
});
