// Content-Security-Policy: the built index.html carries a strict policy as a meta tag
// (scripts/csp.mjs, a Trunk post_build hook). Positive control: the app loads the demo and every
// view, dialog and export renders with zero `securitypolicyviolation` events. Negative control:
// an injected inline script is refused (and reported), so the policy is really enforced.
// The harness never bypasses the CSP; it records violations in every test (App.cspViolations).
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { browserSuite, DIST } from '../lib/harness.mjs';

const VIEWS = {
  weeks: '[data-testid="week-card"]',
  tasks: '[data-testid="task-row"]',
  timeline: '[data-testid="timeline-bar"]',
  services: '[data-testid="heatmap-cell"]',
  diagnostics: '[data-testid="page-diagnostics"]',
};

const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/);

/** The policy's directives as a map name → list of sources. */
function directives(policy) {
  return Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0])
    .map(([name, ...values]) => [name, values]));
}

const PAGE = `---
title: "Week 9 Worklog"
---
### Tasks to be carried out this week:
| Day | Task | Start Date | Completion Date | Reference Material |
| --- | --- | --- | --- | --- |
| 2 | - Learn Amazon SQS from another host | 11/03/2025 | 11/03/2025 | |
`;

browserSuite('Content-Security-Policy', {}, async (it) => {
  await it('the built index.html carries the strict policy, with the hash of each inline script', '', async () => {
    assert.ok(meta, 'dist/index.html has a Content-Security-Policy meta tag');
    const policy = directives(meta[1]);
    assert.deepEqual(policy['default-src'], ["'self'"]);
    assert.deepEqual(policy['object-src'], ["'none'"]);
    assert.deepEqual(policy['base-uri'], ["'self'"]);
    assert.deepEqual(policy['worker-src'], ["'self'"]);
    assert.deepEqual(policy['img-src'], ["'self'", 'data:']);
    assert.deepEqual(policy['connect-src'], ["'self'", 'https:']);
    assert.deepEqual(policy['style-src'], ["'self'"], 'no inline styles');
    assert.ok(!meta[1].includes('unsafe-inline'), 'no unsafe-inline anywhere');
    assert.ok(!meta[1].includes("'unsafe-eval'"), 'no eval');
    const scripts = policy['script-src'];
    assert.deepEqual(scripts.slice(0, 2), ["'self'", "'wasm-unsafe-eval'"]);
    const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    assert.ok(inline.length >= 1, "Trunk's loader is inline");
    for (const body of inline) {
      const hash = `'sha256-${crypto.createHash('sha256').update(body).digest('base64')}'`;
      assert.ok(scripts.includes(hash), `the inline script ${body.slice(0, 40)}… is allowed by its hash`);
    }
    assert.equal(scripts.length, 2 + inline.length, 'nothing else is allowed');
    assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<script'), 'the policy comes before any script');
    console.log(`CSP: ${meta[1].replace(/'sha256-[^']+'/g, "'sha256-…'")}`);
  });

  await it('positive control: the demo, every view, the dialogs and the exports run with zero violations', '', async (app) => {
    // Every view the app has a tab for (the documented ones must be there).
    const seen = [...new Set(await app.page.$$eval('[data-view]', (tabs) => tabs.map((t) => t.dataset.view)))];
    for (const view of Object.keys(VIEWS)) assert.ok(seen.includes(view), `the ${view} tab is there`);
    for (const view of seen) {
      await app.page.click(`[data-view="${view}"]`);
      await app.page.waitForFunction((v) => document.querySelector(`[data-view="${v}"]`)?.getAttribute('aria-current') === 'page', view);
      if (VIEWS[view]) await app.page.waitForSelector(VIEWS[view]);
      else await app.page.waitForTimeout(500);
    }
    // The task detail panel (from a timeline bar), the paste dialog, the sources list.
    await app.page.click('[data-view="timeline"]');
    await app.page.locator('[data-testid="timeline-bar"]').first().click();
    await app.page.waitForSelector('[data-testid="task-detail"]');
    await app.page.keyboard.press('Escape');
    await app.page.click('#paste-button');
    await app.page.waitForSelector('dialog.paste-dialog[open]');
    await app.page.keyboard.press('Escape');
    await app.page.click('[data-testid="sources"] summary');
    // Heat-map cells and the top-services bars carry values set through the CSSOM.
    await app.page.click('[data-view="services"]');
    const heat = await app.page.locator('[data-testid="heatmap-cell"]').first().evaluate((el) => getComputedStyle(el).getPropertyValue('--heat'));
    assert.match(heat.trim(), /^0\.\d\d$|^1\.00$/, 'the heat level reached the cell');
    const fill = await app.page.locator('.bar-fill').first().evaluate((el) => el.getBoundingClientRect().width);
    assert.ok(fill > 0, 'the top service bar has its width');
    // Every export downloads (a Blob URL through a link the app clicks).
    await app.page.click('details.export summary');
    const formats = await app.page.locator('details.export button[data-format]').all();
    assert.ok(formats.length >= 4, 'the export formats are listed');
    for (const button of formats) {
      const [download] = await Promise.all([app.page.waitForEvent('download'), button.click()]);
      assert.ok(fs.statSync(await download.path()).size > 0, `${download.suggestedFilename()} is not empty`);
    }
    const violations = await app.cspViolations();
    assert.deepEqual(violations, []);
    assert.deepEqual(app.errors, [], 'no uncaught errors');
    console.log(`CSP positive control: ${seen.length} views (${seen.join(', ')}), task detail, paste dialog, sources, ${formats.length} exports: ${violations.length} violations`);
  });

  await it('negative control: an injected inline script, event handler, inline style and eval are refused and reported', '', async (app) => {
    const result = await app.page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.body.append(script);
      const div = document.createElement('div');
      div.innerHTML = '<img src="x" onerror="window.__handlerRan = true">';
      document.body.append(div);
      const styled = document.createElement('p');
      styled.setAttribute('style', 'color: rgb(255, 0, 0)');
      document.body.append(styled);
      // A string compiled as code later, in the page's own task (code evaluated through the
      // DevTools protocol, like this function, is exempt from the eval check).
      setTimeout('window.__stringTimerRan = true', 0);
      await new Promise((r) => setTimeout(r, 200));
      return {
        inlineRan: window.__inlineRan ?? false,
        handlerRan: window.__handlerRan ?? false,
        stringTimerRan: window.__stringTimerRan ?? false,
        color: getComputedStyle(styled).color,
      };
    });
    assert.equal(result.inlineRan, false, 'the inline script did not run');
    assert.equal(result.handlerRan, false, 'the inline event handler did not run');
    assert.notEqual(result.color, 'rgb(255, 0, 0)', 'the inline style did not apply');
    assert.equal(result.stringTimerRan, false, 'a string of code (eval) is refused');
    const directives = (await app.cspViolations()).map((v) => v.directive);
    for (const d of ['script-src-elem', 'script-src-attr', 'style-src-attr', 'script-src']) {
      assert.ok(directives.includes(d), `a ${d} violation was reported (got ${directives.join(', ')})`);
    }
    console.log(`CSP negative control: ${directives.length} violations reported (${[...new Set(directives)].join(', ')}), nothing ran`);
  }, { cspViolations: 'expected' });

  await it('?src= loads worklogs from any https host, and plain http from elsewhere is refused', '', async (app) => {
    await app.page.route('https://worklogs.example.org/**', (route) => route.fulfill({
      status: 200, body: PAGE,
      headers: { 'content-type': 'text/markdown; charset=utf-8', 'access-control-allow-origin': '*' },
    }));
    await app.goto('?src=https://worklogs.example.org/week9.md&view=tasks');
    await app.page.waitForSelector('[data-testid="task-row"]');
    assert.match(await app.page.locator('#tasks-table').innerText(), /Learn Amazon SQS from another host/);
    assert.deepEqual(await app.cspViolations(), [], 'an https source is allowed');

    await app.goto('?src=http://worklogs.example.org/week9.md&view=tasks');
    await app.page.waitForSelector('[data-testid="source-error"]');
    const refused = await app.cspViolations();
    assert.ok(refused.some((v) => v.directive === 'connect-src' && v.blocked.startsWith('http://worklogs.example.org')),
      `plain http elsewhere is refused by connect-src: ${JSON.stringify(refused)}`);
  }, { cspViolations: 'expected' });
});
