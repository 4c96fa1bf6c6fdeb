// Accessibility: axe-core (npm, pinned in package-lock.json) injected with page.evaluate, so it
// runs under the app's Content-Security-Policy, over the demo in every view, in light and dark
// color schemes and with the dialogs open: zero moderate, serious or critical violations (minor
// ones are printed). One summary line per check in the test output. The task detail panel is a
// real non-modal dialog: focus moves into it and back to the bar that opened it.
// Phone: no horizontal scroll at 375 px in any view.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { browserSuite } from '../lib/harness.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_VERSION = JSON.parse(fs.readFileSync(require.resolve('axe-core/package.json'), 'utf8')).version;

/**
 * What shows that a view is rendered with data, for the `?view=` values of docs/url-parameters.md.
 * The views are read from the app's tabs, so a view added later (the cohort view) is checked
 * too, with a generic wait.
 */
const VIEWS = {
  weeks: '[data-testid="week-card"]',
  tasks: '[data-testid="task-row"]',
  timeline: '[data-testid="timeline-bar"]',
  services: '[data-testid="heatmap-cell"]',
  diagnostics: '[data-testid="page-diagnostics"]',
};
const SCHEMES = ['light', 'dark'];
/**
 * Impacts that fail a check. Moderate too since the task detail panel became a real dialog
 * (it was a `role="dialog"` aside with a second banner): every view and dialog is clean of them.
 */
const BLOCKING = new Set(['moderate', 'serious', 'critical']);

/** Run axe on the page; returns the moderate/serious/critical violations and prints one summary line. */
async function axe(app, label) {
  if (!(await app.page.evaluate(() => typeof window.axe === 'object'))) {
    await app.page.evaluate(AXE_SOURCE);
  }
  const results = await app.page.evaluate(() => window.axe.run(document, {
    resultTypes: ['violations'],
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  }));
  const failing = results.violations.filter((v) => BLOCKING.has(v.impact));
  const other = results.violations.filter((v) => !BLOCKING.has(v.impact));
  const describe = (vs) => vs.map((v) => `${v.id} (${v.impact}, ${v.nodes.length})`).join(', ') || 'none';
  console.log(`axe ${label}: ${failing.length} moderate/serious/critical [${describe(failing)}]; minor: ${describe(other)}; ${results.passes.length} rules passed`);
  return failing.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(0, 2).join(' ')}`),
  }));
}

async function showView(app, view) {
  await app.page.click(`[data-view="${view}"]`);
  await app.page.waitForFunction((v) => document.querySelector(`[data-view="${v}"]`)?.getAttribute('aria-current') === 'page', view);
  if (VIEWS[view]) await app.page.waitForSelector(VIEWS[view]);
  await app.page.waitForTimeout(VIEWS[view] ? 100 : 500);
}

/** The views the app offers (its tabs), checked to include every documented one. */
async function appViews(app) {
  const views = await app.page.$$eval('[data-view]', (tabs) => tabs.map((t) => t.dataset.view));
  for (const view of Object.keys(VIEWS)) assert.ok(views.includes(view), `the ${view} tab is there`);
  return [...new Set(views)];
}

browserSuite(`accessibility (axe-core ${AXE_VERSION})`, {}, async (it) => {
  for (const scheme of SCHEMES) {
    await it(`every view with the demo loaded, ${scheme} scheme: no moderate, serious or critical violation`, '', async (app) => {
      await app.page.emulateMedia({ colorScheme: scheme });
      const failures = {};
      for (const view of await appViews(app)) {
        await showView(app, view);
        const found = await axe(app, `view=${view} ${scheme}`);
        if (found.length) failures[view] = found;
      }
      assert.deepEqual(failures, {});
    });

    await it(`dialogs open, ${scheme} scheme: no moderate, serious or critical violation`, '', async (app) => {
      await app.page.emulateMedia({ colorScheme: scheme });
      const failures = {};
      // The task detail panel, opened from a timeline bar.
      await showView(app, 'timeline');
      await app.page.locator('[data-testid="timeline-bar"]').first().click();
      await app.page.waitForSelector('[data-testid="task-detail"]');
      let found = await axe(app, `task detail ${scheme}`);
      if (found.length) failures['task detail'] = found;
      await app.page.keyboard.press('Escape');
      // The paste dialog (modal).
      await app.page.click('#paste-button');
      await app.page.waitForSelector('dialog.paste-dialog[open]');
      found = await axe(app, `paste dialog ${scheme}`);
      if (found.length) failures['paste dialog'] = found;
      await app.page.keyboard.press('Escape');
      // The sources list open over the task table.
      await showView(app, 'tasks');
      await app.page.click('[data-testid="sources"] summary');
      found = await axe(app, `sources list open ${scheme}`);
      if (found.length) failures['sources list'] = found;
      await app.page.click('[data-testid="sources"] summary');
      // The export menu open. (Over the task table it covers the page-size select, which axe
      // then reports as too small a target: checked over the weeks view instead.)
      await showView(app, 'weeks');
      await app.page.click('details.export summary');
      await app.page.waitForSelector('details.export[open]');
      found = await axe(app, `export menu open ${scheme}`);
      if (found.length) failures['export menu'] = found;
      await app.page.click('details.export summary');
      // Every week card's fold of the rest of its page, open.
      const folds = await app.page.$$eval('details.week-more', (ds) => ds.map((d) => { d.open = true; return d.querySelectorAll('.week-section').length; }));
      assert.ok(folds.length > 0 && folds.every((n) => n > 0), 'the demo weeks have sections beside objectives and achievements');
      found = await axe(app, `week pages' other sections open ${scheme}`);
      if (found.length) failures['week sections'] = found;
      assert.deepEqual(failures, {});
    });
  }

  await it('the task detail panel is a non-modal dialog that takes the focus and gives it back', '?view=timeline', async (app) => {
    const bar = app.page.locator('[data-testid="timeline-bar"]').first();
    await bar.focus();
    const barId = await bar.evaluate((el) => `${el.dataset.lane}/${el.dataset.row}/${el.dataset.start}`);
    await app.page.keyboard.press('Enter');
    const panel = app.page.locator('[data-testid="task-detail"]');
    await panel.waitFor();
    const semantics = await panel.evaluate((el) => ({
      tag: el.localName, role: el.getAttribute('role'), modal: el.getAttribute('aria-modal'),
      name: document.getElementById(el.getAttribute('aria-labelledby'))?.textContent.trim() ?? '',
      headers: el.querySelectorAll('header').length,
    }));
    assert.equal(semantics.tag, 'div', 'a div with the dialog role (an aside cannot have it)');
    assert.equal(semantics.role, 'dialog');
    assert.equal(semantics.modal, 'false', 'non-modal: the timeline stays usable');
    assert.ok(semantics.name.length > 0, 'named by its heading');
    assert.equal(semantics.headers, 0, 'no second banner landmark');
    await app.page.waitForFunction(() => document.activeElement?.dataset.testid === 'task-detail');
    // Tab reaches its close button; Esc closes it and the focus is back on the bar.
    await app.page.keyboard.press('Tab');
    assert.equal(await app.page.evaluate(() => document.activeElement?.classList.contains('close')), true, 'Tab reaches the close button');
    await app.page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    await app.page.waitForFunction((id) => {
      const el = document.activeElement;
      return el?.dataset && `${el.dataset.lane}/${el.dataset.row}/${el.dataset.start}` === id;
    }, barId);
    // The close button does the same.
    await app.page.keyboard.press('Enter');
    await panel.waitFor();
    await app.page.click('[data-testid="task-detail"] button.close');
    await panel.waitFor({ state: 'detached' });
    await app.page.waitForFunction((id) => {
      const el = document.activeElement;
      return el?.dataset && `${el.dataset.lane}/${el.dataset.row}/${el.dataset.start}` === id;
    }, barId);
    console.log(`task detail: <${semantics.tag} role=${semantics.role} aria-modal=${semantics.modal}> named "${semantics.name}"; focus in on open, back on the bar on Esc and on ×`);
  });

  await it('the empty state (nothing loaded): no moderate, serious or critical violation', '', async (app) => {
    await app.page.click('#clear-button');
    await app.page.waitForSelector('[data-testid="empty-state"] #load-demo');
    assert.deepEqual(await axe(app, 'empty state light'), []);
  });

  await it('phone width (375 px): no horizontal scroll in any view', '', async (app) => {
    const widths = [];
    for (const view of await appViews(app)) {
      await showView(app, view);
      const { scrollWidth, clientWidth } = await app.page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth,
      }));
      widths.push(`${view} ${scrollWidth}/${clientWidth}`);
      assert.ok(scrollWidth <= clientWidth, `view=${view}: the page scrolls sideways (${scrollWidth} > ${clientWidth} px)`);
    }
    console.log(`phone 375 px, scrollWidth/clientWidth: ${widths.join(', ')}`);
  }, { viewport: { width: 375, height: 812 } });
});
