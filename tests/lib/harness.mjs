// Browser test harness: serves `dist/` on 127.0.0.1 (a free port chosen per run), drives Debian's
// Chromium headless through playwright-core, and gives tests a small vocabulary for the app:
// open with a query string, set files on inputs, read table rows and the URL, screenshot on failure.
//
// Why Node + playwright-core: it drives the system Chromium over the DevTools protocol with no
// browser download, has first-class file-input/directory upload and DOM waiting, and `node --test`
// prints a readable summary; a Rust WebDriver client would add a chromedriver process and a
// slow-to-build dependency tree for no gain in what the tests can assert.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// WORKLOG_DIST lets a test run use a build other than the default `dist/`.
export const DIST = path.resolve(process.env.WORKLOG_DIST ?? path.join(ROOT, 'dist'));
export const ARTIFACTS = path.join(ROOT, 'tests', 'artifacts');

const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json',
  '.md': 'text/markdown; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
};

// Worklog pages written for the tests (never copied from elsewhere): see tests/fixtures/README.md.
export const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'worklogs');

/** A fixture page as `{name, contents}` for `App.setFiles`. */
export const fixture = (name) => ({ name, contents: fs.readFileSync(path.join(FIXTURES, name)) });

/**
 * Routes serving the fixture pages under `/fixtures/<name>`, with a manifest listing them all at
 * `/fixtures/index.json` (so `?src=fixtures/index.json` loads them like the demo).
 */
export function fixtureRoutes() {
  const routes = {};
  const names = fs.readdirSync(FIXTURES).filter((n) => n.endsWith('.md')).sort();
  for (const name of names) {
    routes[`/fixtures/${name}`] = (req, res) => {
      res.writeHead(200, { 'content-type': MIME['.md'] });
      res.end(fs.readFileSync(path.join(FIXTURES, name)));
    };
  }
  routes['/fixtures/index.json'] = (req, res) => {
    res.writeHead(200, { 'content-type': MIME['.json'] });
    res.end(JSON.stringify({ files: names }));
  };
  return routes;
}

/**
 * Serve `root` statically on 127.0.0.1 with a free port. `routes` maps a URL path to a handler
 * `(req, res) => void` for test-specific responses (404s, other origins, generated pages).
 */
export async function startServer(root = DIST, routes = {}) {
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    throw new Error(`${root}/index.html is missing: build the app first (trunk build --release)`);
  }
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const route = routes[url.pathname];
    if (route) return route(req, res);
    let file = path.normalize(path.join(root, decodeURIComponent(url.pathname)));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (err, body) => {
      if (err) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
      res.writeHead(200, { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, port, close: () => new Promise((r) => server.close(r)) };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
    headless: true,
  });
}

/**
 * Runs in every page before the app: records Content-Security-Policy violations, which
 * `App.cspViolations()` reads. (Init scripts come through the DevTools protocol, outside the
 * page's CSP; the harness never bypasses the CSP itself.)
 */
function recordCspViolations() {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push({
      directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample,
      source: `${e.sourceFile}:${e.lineNumber}`,
    });
  }, true);
}

/** One page of the app in a fresh browser context (fresh storage, like a new browser). */
export class App {
  constructor(context, page, server) {
    this.context = context;
    this.page = page;
    this.server = server;
    this.errors = [];
    page.on('pageerror', (err) => this.errors.push(String(err)));
  }

  /**
   * `locale` is the browser's language (`navigator.languages`, `Accept-Language`): `en-US` unless
   * given, so tests that read English labels never depend on the machine's `LANG`; the app
   * follows it when the URL has no `ui=`.
   */
  static async open(browser, server, query = '', { waitReady = true, viewport, locale = 'en-US' } = {}) {
    const context = await browser.newContext({ viewport: viewport ?? { width: 1280, height: 900 }, locale });
    await context.addInitScript(recordCspViolations);
    const page = await context.newPage();
    const app = new App(context, page, server);
    await app.goto(query, { waitReady });
    return app;
  }

  /** Navigate to the app with a query string (`''`, `'?view=tasks'` or `'view=tasks'`). */
  async goto(query = '', { waitReady = true } = {}) {
    const q = query && !query.startsWith('?') ? `?${query}` : query;
    await this.page.goto(this.server.url + q);
    if (waitReady) await this.waitReady();
  }

  /** Wait until the app says its loading and parsing finished. */
  async waitReady(timeout = 30_000) {
    await this.page.waitForFunction(() => document.body?.dataset.ready === 'true', null, { timeout });
  }

  /** Set files on an `<input type=file>`: `[{name, contents}]` or a directory path (webkitdirectory). */
  async setFiles(selector, files) {
    const payload = typeof files === 'string' ? files : files.map((f) => ({
      name: f.name,
      mimeType: 'text/markdown',
      buffer: Buffer.isBuffer(f.contents) ? f.contents : Buffer.from(f.contents ?? fs.readFileSync(f.path)),
    }));
    await this.page.setInputFiles(selector, payload);
  }

  /**
   * Visit the whole of the task table's current page. The table draws only the lines near what
   * its box shows (spacer rows stand for the others), so this scrolls the box (on a phone, where
   * the box is as tall as the table, the page) from top to bottom a view at a time and calls
   * `visit()` at each stop, once the lines in view are drawn. Ends scrolled back to the top.
   */
  async scrollTable(visit) {
    await this.page.waitForSelector('#tasks-table');
    const scroll = (to) => this.page.evaluate((to) => {
      const wrap = document.querySelector('.table-wrap');
      const box = wrap.scrollHeight > wrap.clientHeight + 1 ? wrap : document.scrollingElement;
      if (to === 'next') box.scrollTop += Math.max(100, Math.floor(box.clientHeight * 0.9));
      else box.scrollTop = 0;
      return box.scrollTop + box.clientHeight >= box.scrollHeight - 1;
    }, to);
    let last = await scroll('top');
    for (;;) {
      await this.tableDrawn();
      await visit();
      if (last) break;
      last = await scroll('next');
    }
    await scroll('top');
    await this.tableDrawn();
  }

  /** Wait until the task table's lines in view are drawn (no spacer row reaches into the view). */
  async tableDrawn() {
    await this.page.waitForFunction(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => {
      const wrap = document.querySelector('.table-wrap')?.getBoundingClientRect();
      const above = document.querySelector('#tasks-table [data-testid="spacer-above"]')?.getBoundingClientRect();
      const below = document.querySelector('#tasks-table [data-testid="spacer-below"]')?.getBoundingClientRect();
      if (!wrap || !above || !below) return resolve(false);
      const top = Math.max(wrap.top, 0);
      const bottom = Math.min(wrap.bottom, innerHeight);
      resolve(bottom <= top || (above.bottom <= top + 1 && below.top >= bottom - 1));
    }))), null, { polling: 50, timeout: 10_000 });
  }

  /**
   * `read(rows)` (run in the page, like `$$eval`) over every line of the task table's current
   * page matching `selector`, drawn or not: each line is read once, in order. Fails when a line
   * of the page (by aria-rowindex, up to the table's aria-rowcount) was never drawn. `each()`,
   * when given, runs at every stop too.
   */
  async mapTableRows(read, selector = '#tasks-table tbody tr[aria-rowindex]', { each } = {}) {
    const values = new Map();
    const seen = new Set();
    let count = 0;
    await this.scrollTable(async () => {
      // One set of rows for both reads: lines drawn or removed in between (the table measures
      // what it drew a frame later) must not shift the values against their indices.
      const rows = await this.page.evaluateHandle((selector) => [...document.querySelectorAll(selector)], selector);
      const indices = await rows.evaluate((rows) => rows.map((r) => Number(r.getAttribute('aria-rowindex'))));
      const got = await rows.evaluate(read);
      await rows.dispose();
      indices.forEach((i, n) => values.set(i, got[n]));
      for (const i of await this.page.$$eval('#tasks-table tbody tr[aria-rowindex]', (rows) => rows.map((r) => Number(r.getAttribute('aria-rowindex'))))) seen.add(i);
      count = await this.page.$eval('#tasks-table', (t) => Number(t.getAttribute('aria-rowcount')));
      await each?.();
    });
    const missing = [];
    for (let i = 2; i <= count; i += 1) if (!seen.has(i)) missing.push(i);
    if (missing.length) throw new Error(`task table: lines never drawn while scrolling: ${missing.slice(0, 20).join(', ')} (${missing.length} of ${count - 1})`);
    return [...values].sort((a, b) => a[0] - b[0]).map(([, v]) => v);
  }

  /** Text of every cell of every line of the task table's current page, as rows of strings. */
  async tableRows(selector = '#tasks-table tbody tr[aria-rowindex]') {
    return this.mapTableRows((rows) =>
      rows.map((row) => [...row.querySelectorAll('td,th')].map((cell) => cell.innerText.trim())), selector);
  }

  async count(selector) {
    return this.page.locator(selector).count();
  }

  url() {
    return new URL(this.page.url());
  }

  /** The Content-Security-Policy violations of the current document so far. */
  async cspViolations() {
    return this.page.evaluate(() => window.__cspViolations ?? []);
  }

  async screenshot(name) {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, `${name}.png`);
    await this.page.screenshot({ path: file, fullPage: false });
    return file;
  }

  async close() {
    await this.context.close();
  }
}

const slug = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/**
 * Declare a browser test: `fn(app, ctx)` gets an App opened on `query`. On failure a screenshot
 * goes to tests/artifacts/failure-<test-name>.png. `ctx.browser`/`ctx.server` are shared by a file;
 * `ctx.t` is the node:test context of the running test.
 * Every test also asserts that the page had no Content-Security-Policy violation, unless
 * `opts.cspViolations` is `'expected'` (the CSP negative control).
 */
export function browserSuite(name, { routes } = {}, body) {
  const shared = {};
  const suite = async (t) => {
    shared.server = await startServer(DIST, routes ?? {});
    shared.browser = await launchBrowser();
    try {
      await body((testName, query, fn, opts) => t.test(testName, async (tt) => {
        const app = await App.open(shared.browser, shared.server, query, opts);
        try {
          await fn(app, { ...shared, t: tt });
          if (opts?.cspViolations !== 'expected' && !app.page.isClosed()) {
            assert.deepEqual(await app.cspViolations(), [], 'no Content-Security-Policy violation');
          }
        } catch (err) {
          try { console.error(`screenshot: ${await app.screenshot(`failure-${slug(testName)}`)}`); } catch {}
          throw err;
        } finally {
          await app.close();
        }
      }), shared);
    } finally {
      await shared.browser.close();
      await shared.server.close();
    }
  };
  return test(name, suite);
}
