// Truth on real input, as users hand it over: whole Hugo repositories (every section), several
// interns at once, single-file worklogs, loose files of different interns. The expected values
// come from the generator (tests/lib/sites.mjs) or, for the six real repositories, from the
// table counted by reading them (crates/worklog/tests/oracle/repos.tsv) — never from the app.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { browserSuite, ROOT } from '../lib/harness.mjs';
import { sharedPath } from '../lib/shared.mjs';
import { writeSingleFile, writeSite } from '../lib/sites.mjs';

const number = (text) => Number(String(text).replace(/\D+/g, ''));
const taskCount = async (app) => number(await app.page.locator('[data-testid="task-count"]').innerText());

/** Clear the demo, open `dir` as a folder and wait until `tasks` rows are shown. */
async function openFolder(app, dir, tasks) {
  await app.page.click('#clear-button');
  await app.page.waitForSelector('[data-testid="empty-state"]');
  await app.setFiles('#folder-input', dir);
  await app.page.waitForFunction((n) => {
    const el = document.querySelector('[data-testid="task-count"]');
    return el && Number(el.innerText.replace(/\D+/g, '')) === n && !document.querySelector('progress');
  }, tasks, { timeout: 60_000 }).catch(async (e) => {
    throw new Error(`expected ${tasks} tasks, the app shows ${await taskCount(app)}: ${e.message}`);
  });
}

/** The intern facet as shown: {name: count}. */
async function internCounts(app) {
  const options = await app.page.$$eval('[data-testid="facet-sources"] label', (labels) => labels.map((l) => [
    l.querySelector('.option-label').innerText.trim(), Number(l.querySelector('.count').innerText)]));
  return Object.fromEntries(options);
}

/** Switch view the way a user does: the tab. */
async function showView(app, label) {
  await app.page.click(`nav a:has-text("${label}")`);
}

/** The week cards as shown, every batch opened: [{intern, week}]. */
async function weekCards(app) {
  while (await app.page.locator('#more-weeks').count()) await app.page.click('#more-weeks');
  return app.page.$$eval('[data-testid="week-card"]', (cards) => cards.map((c) => ({
    week: Number(c.dataset.week),
    intern: c.querySelector('[data-testid="week-intern"]')?.innerText.trim() ?? '',
  })));
}

browserSuite('truth on real input', {}, async (it) => {
  await it('a folder of four whole repositories: every intern named, each task once, only worklog weeks',
    '?view=weeks', async (app) => {
      const root = fs.mkdtempSync(path.join(os.tmpdir(), 'worklog-cohort-'));
      const truth = [
        writeSite(root, 'cohort/alice-fcj-report', { weeks: 12 }),
        writeSite(root, 'cohort/bob-aws-internship', { weeks: 13, tasksPerWeek: 2 }),
        writeSite(root, 'cohort/carol/fcj-workshop', { weeks: 10, start: [2025, 6, 2] }),
        writeSite(root, 'cohort/dan/fcj-workshop', { weeks: 11, bilingual: false }),
      ];
      const english = truth.reduce((n, t) => n + t.tasksEn, 0);
      const vietnamese = truth.reduce((n, t) => n + t.tasksVi, 0);
      await openFolder(app, path.join(root, 'cohort'), english);

      // Translations are folded, and counted.
      assert.equal(number(await app.page.locator('[data-testid="folded-count"]').innerText()), vietnamese);
      // Every page of the other sections is set aside, and says so.
      const setAside = truth.reduce((n, t) => n + t.setAside, 0);
      assert.equal(number(await app.page.locator('[data-testid="set-aside-count"]').innerText()), setAside);

      // One card per intern and week, in week order within each intern, no other section as a week.
      const cards = await weekCards(app);
      assert.equal(cards.length, truth.reduce((n, t) => n + t.weeks, 0), 'one card per week of each intern');
      const names = [...new Set(cards.map((c) => c.intern))];
      assert.equal(names.length, 4, `four interns, got ${names.join(', ')}`);
      assert.ok(names.includes('alice-fcj-report') && names.includes('bob-aws-internship'), names.join(', '));
      assert.equal(names.filter((n) => n.startsWith('fcj-workshop')).length, 2, 'namesakes kept apart');
      const counts = await internCounts(app);
      assert.equal(counts['alice-fcj-report'], truth[0].tasksEn);
      assert.equal(counts['bob-aws-internship'], truth[1].tasksEn);
      assert.ok(names.every((n) => !/^\d+$|^https?:|^worklogs?$|^main$/.test(n)), `sensible names: ${names}`);
      for (const t of truth.filter((t) => !t.name.startsWith('fcj-workshop'))) {
        const weeks = cards.filter((c) => c.intern === t.name).map((c) => c.week);
        assert.deepEqual(weeks, Array.from({ length: t.weeks }, (_, i) => i + 1), `${t.name}: weeks 1-${t.weeks} in order`);
      }

      // The task table holds every English task exactly once.
      await showView(app, 'Tasks');
      await app.page.waitForSelector('#tasks-table tbody tr[data-testid="task-row"]');
      const sizes = await app.page.$$eval('select option', (o) => o.map((x) => Number(x.value)).filter(Boolean));
      if (sizes.length) await app.page.selectOption('select:has(option[value="500"])', '500').catch(() => {});
      const texts = (await app.tableRows()).map((r) => r.join(' '));
      for (const t of truth) {
        for (const text of t.texts) {
          const hits = texts.filter((row) => row.includes(text)).length;
          assert.equal(hits, 1, `"${text}" shown once (got ${hits})`);
        }
      }
      assert.ok(!texts.some((r) => /Draft the architecture|Estimate the cost/.test(r)), 'no proposal or workshop row');
    });

  await it('a single-file worklog: twelve weeks on the timeline and in the table', '?view=tasks', async (app) => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'worklog-single-'));
    writeSingleFile(root, 'single-report', { weeks: 12 });
    await openFolder(app, path.join(root, 'single-report'), 12);
    const weeks = (await app.tableRows()).map((r) => Number(r[0]));
    assert.deepEqual([...weeks].sort((a, b) => a - b), Array.from({ length: 12 }, (_, i) => i + 1),
      'the week column gives each task its own week');
    await showView(app, 'Timeline');
    await app.page.waitForSelector('[data-testid="timeline-bar"]');
    const barWeeks = await app.page.$$eval('[data-testid="timeline-bar"]', (bars) => bars.map((b) => Number(b.dataset.week)));
    assert.equal(new Set(barWeeks).size, 12, `twelve weeks on the timeline, got ${[...new Set(barWeeks)]}`);
  });

  await it('two interns\' week 5 loaded as plain files stay two interns', '?view=weeks', async (app) => {
    await app.page.click('#clear-button');
    await app.page.waitForSelector('[data-testid="empty-state"]');
    const page = (who) => `---\ntitle: "Week 5"\n---\n\n### Tasks to be carried out this week:\n\n| Day | Task | Start Date | Completion Date | Reference Material |\n| --- | --- | --- | --- | --- |\n| 2 | ${who} studies Amazon S3 | 13/10/2025 | 13/10/2025 | |\n| 3 | ${who} builds a VPC | 14/10/2025 | 14/10/2025 | |\n`;
    await app.setFiles('#file-input', [
      { name: 'week-5.md', contents: page('Linh') },
      { name: 'week-5.md', contents: page('Minh') },
    ]);
    await app.page.waitForFunction(() => document.querySelectorAll('[data-testid="week-card"]').length === 2, null, { timeout: 30_000 });
    assert.equal(await taskCount(app), 4, 'all four tasks shown');
    const cards = await weekCards(app);
    assert.deepEqual(cards.map((c) => c.week), [5, 5]);
    assert.notEqual(cards[0].intern, cards[1].intern, 'two interns, each named');
    await showView(app, 'Diagnostics');
    await app.page.waitForSelector('text=intern-split');
  });

  await it('the six real repositories at once: one named intern each, the rows counted by reading',
    '?view=weeks', async (app, { t }) => {
      const repos = sharedPath(t, 'repos');
      if (!repos) return;
      const oracle = fs.readFileSync(path.join(ROOT, 'crates/worklog/tests/oracle/repos.tsv'), 'utf8')
        .trim().split('\n').slice(1).map((line) => line.split('\t'))
        .map(([repo, p, week, lang, rows]) => ({ repo, path: p, week: Number(week), lang, rows: Number(rows) }));
      const english = oracle.filter((o) => o.lang === 'en').reduce((n, o) => n + o.rows, 0);
      // The folder holds README.md and SOURCES.tsv beside the repositories: skipped.
      await openFolder(app, repos, english);
      const cards = await weekCards(app);
      const byIntern = new Map();
      for (const c of cards) byIntern.set(c.intern, [...(byIntern.get(c.intern) ?? []), c.week]);
      const repoNames = [...new Set(oracle.map((o) => o.repo))].sort();
      // Each intern's English rows, as the intern facet counts them (translations folded).
      const expected = Object.fromEntries(repoNames.map((r) => [r,
        oracle.filter((o) => o.repo === r && o.lang === 'en').reduce((n, o) => n + o.rows, 0)]));
      await app.page.waitForFunction((n) => document.querySelectorAll('[data-testid="facet-sources"] label').length === n,
        repoNames.length);
      assert.deepEqual(await internCounts(app), expected, 'every row of every intern, counted by reading');
      assert.deepEqual([...byIntern.keys()].sort(), repoNames, 'one intern per repository, named by its folder');
      // Read from the page, not the oracle's week column: haaju000's last page is titled
      // "Week 12-13-14" (oracle README), one page covering three weeks.
      const coversMore = { 'haaju000-report-ojt': [13, 14] };
      for (const repo of repoNames) {
        const listed = oracle.filter((o) => o.repo === repo && o.week).map((o) => o.week);
        const weeks = [...new Set([...listed, ...(coversMore[repo] ?? [])])].sort((a, b) => a - b);
        assert.deepEqual(byIntern.get(repo), weeks, `${repo}: its worklog weeks, in order, and nothing else`);
      }
    });
});
