// GitHub repositories by their address, offline: the real hosts (api.github.com,
// raw.githubusercontent.com, *.github.io) are intercepted in the browser with `context.route`
// and answer from repositories invented here (never copied from real worklogs).
//
// What is checked: one API call lists a repository and only its worklog pages are fetched; the
// pages belong to the intern REPO (key OWNER/REPO); a rate-limit answer is reported on that
// repository alone with its reset time while another loads; a repository without a worklog
// section says which sections it has and fetches nothing; a listing is cached (no second API
// call on reload, and a stale one is reused when the API refuses); tree/ and blob/ addresses;
// a deployed OWNER.github.io/REPO/ site built by `worklog site`; diagnostics link to the line
// on GitHub; the token stays in sessionStorage and goes to api.github.com only.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { browserSuite, DIST, ROOT } from '../lib/harness.mjs';

// ---- Invented repositories ------------------------------------------------------------------

/** A week page in the FCJ template: `rows` are [day, task, start, end]. */
function weekPage({ week, vi = false, objective, rows }) {
  const head = vi
    ? ['Thứ', 'Công việc', 'Ngày bắt đầu', 'Ngày hoàn thành', 'Nguồn tài liệu']
    : ['Day', 'Task', 'Start Date', 'Completion Date', 'Reference Material'];
  return `---
title: "${vi ? 'Nhật ký tuần' : 'Week'} ${week}"
date: 2025-09-0${week}
weight: ${week}
chapter: false
pre: " <b> 1.${week}. </b> "
---

### ${vi ? `Mục tiêu tuần ${week}` : `Week ${week} Objectives`}:

* ${objective}

### ${vi ? 'Các công việc cần triển khai trong tuần này' : 'Tasks to be carried out this week'}:
| ${head.join(' | ')} |
| --- | --- | --- | --- | --- |
${rows.map((r) => `| ${r.join(' | ')} | |`).join('\n')}

### ${vi ? `Kết quả đạt được tuần ${week}` : `Week ${week} Achievements`}:

* ${vi ? 'Hoàn thành các việc trên.' : 'Done what is above.'}
`;
}

/** alice/fcj-report: a whole Hugo site; its worklog has an index and weeks 1-2 in two languages. */
const ALICE = {
  'README.md': '# My internship report\n\nBuilt with Hugo.\n',
  'config.toml': 'baseURL = "https://alice.github.io/fcj-report/"\n',
  'static/images/diagram.png': 'PNG',
  'themes/hugo-theme-learn/README.md': '# Theme\n',
  '.github/workflows/hugo.yml': 'name: deploy\n',
  'content/_index.md': '---\ntitle: "Internship report"\n---\nWelcome.\n',
  'content/1-Worklog/_index.md': '---\ntitle: "Worklog"\nweight: 1\n---\n* [Week 1](1.1-week1/)\n* [Week 2](1.2-week2/)\n',
  'content/1-Worklog/1.1-Week1/_index.md': weekPage({
    week: 1, objective: 'Meet the mentors and open a sandbox account.',
    rows: [
      ['2', 'Pair with a mentor on the lab checklist', '01/09/2025', '01/09/2025'],
      ['3', 'Sketch a three-tier VPC on paper', '02/09/2025', '02/09/2025'],
      ['4', 'Launch a t3.micro EC2 instance and stop it again', '03/09/2025', '03/09/2025'],
    ],
  }),
  'content/1-Worklog/1.1-Week1/_index.vi.md': weekPage({
    week: 1, vi: true, objective: 'Gặp người hướng dẫn và mở tài khoản thử nghiệm.',
    rows: [
      ['2', 'Làm việc cùng người hướng dẫn về danh sách bài lab', '01/09/2025', '01/09/2025'],
      ['3', 'Vẽ phác thảo VPC ba tầng trên giấy', '02/09/2025', '02/09/2025'],
      ['4', 'Chạy thử một máy EC2 t3.micro rồi dừng lại', '03/09/2025', '03/09/2025'],
    ],
  }),
  'content/1-Worklog/1.2-Week2/_index.md': weekPage({
    week: 2, objective: 'Store files and serve them.',
    rows: [
      ['2', 'Create a versioned S3 bucket for the lab files', '08/09/2025', '08/09/2025'],
      // Not a calendar date: a diagnostic with a line number, linked to GitHub.
      ['3', 'Put CloudFront in front of the bucket', '31/02/2025', '09/09/2025'],
    ],
  }),
  'content/1-Worklog/1.2-Week2/_index.vi.md': weekPage({
    week: 2, vi: true, objective: 'Lưu trữ tệp và phân phối chúng.',
    rows: [
      ['2', 'Tạo bucket S3 có bật versioning cho tệp bài lab', '08/09/2025', '08/09/2025'],
      ['3', 'Đặt CloudFront trước bucket', '09/09/2025', '09/09/2025'],
    ],
  }),
  'content/2-Proposal/_index.md': '---\ntitle: "Proposal"\n---\nA serverless photo album.\n',
  'content/3-BlogsTranslated/3.1-Blog1/_index.md': '---\ntitle: "Blog 1"\n---\nA translated post about week 2 of something.\n',
};
/** Alice's worklog pages: the only files of hers the app may fetch. */
const ALICE_WORKLOG = Object.keys(ALICE).filter((p) => p.startsWith('content/1-Worklog/'));

/** dave/aws-journal: no Hugo site, a worklog folder at the top. */
const DAVE = {
  'README.md': '# AWS journal\n',
  'docs/setup.md': '# How I set up my laptop\n',
  'worklog/week-1.md': weekPage({
    week: 1, objective: 'Learn IAM.',
    rows: [['2', 'Create an IAM group for the developers', '01/09/2025', '01/09/2025']],
  }),
  'worklog/week-2.md': weekPage({
    week: 2, objective: 'Learn Lambda.',
    rows: [['5', 'Write a Lambda function that resizes an image', '11/09/2025', '11/09/2025']],
  }),
};

/** carol/site: a Hugo site without a worklog section. */
const CAROL = {
  'README.md': '# Site\n',
  'content/_index.md': '---\ntitle: "Home"\n---\n',
  'content/1-Proposal/_index.md': '---\ntitle: "Proposal"\n---\nAn idea.\n',
  'content/2-Events/2.1-Event1/_index.md': '---\ntitle: "Event 1"\n---\nA meetup.\n',
  'content/2-Events/2.2-Event2/_index.md': '---\ntitle: "Event 2"\n---\nA workshop day.\n',
};

const REPOS = { 'alice/fcj-report': ALICE, 'dave/aws-journal': DAVE, 'carol/site': CAROL, 'bob/report': DAVE };

// ---- The intercepted hosts ------------------------------------------------------------------

/** The headers GitHub's API sends for cross-origin callers. */
const API_CORS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'ETag, Link, Location, Retry-After, X-GitHub-OTP, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Used, X-RateLimit-Resource, X-RateLimit-Reset',
};

/** A git tree answer for `files` (folders and blobs, as `?recursive=1` lists them). */
function treeAnswer(key, files, sha) {
  const folders = new Set();
  for (const p of Object.keys(files)) {
    const parts = p.split('/');
    for (let i = 1; i < parts.length; i++) folders.add(parts.slice(0, i).join('/'));
  }
  const tree = [
    ...[...folders].map((p) => ({ path: p, mode: '040000', type: 'tree', sha: 'a'.repeat(40) })),
    ...Object.entries(files).map(([p, c]) => ({ path: p, mode: '100644', type: 'blob', sha: 'b'.repeat(40), size: c.length })),
  ].sort((a, b) => a.path.localeCompare(b.path));
  return { sha, url: `https://api.github.com/repos/${key}/git/trees/${sha}`, tree, truncated: false };
}

/** The tree sha the fake API gives a repository. */
const shaOf = (key) => [...key].map((c) => c.charCodeAt(0).toString(16)).join('').padEnd(40, '0').slice(0, 40);

/**
 * Answer for GitHub in `context`: the API lists `REPOS` (repositories in `gh.limited` get a 403
 * rate-limit answer), raw.githubusercontent.com serves their files. Every request is logged.
 */
async function fakeGithub(context) {
  const gh = {
    limited: new Set(),
    resetAt: Math.floor(Date.now() / 1000) + 1800,
    api: [], // {path, auth}
    raw: [], // {path, auth}
  };
  await context.route('https://api.github.com/**', async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    gh.api.push({ path: url.pathname + url.search, auth: request.headers().authorization });
    const m = url.pathname.match(/^\/repos\/([^/]+)\/([^/]+)\/git\/trees\/(.+)$/);
    const key = m ? `${m[1]}/${m[2]}` : '';
    if (gh.limited.has(key)) {
      return route.fulfill({
        status: 403,
        headers: {
          ...API_CORS, 'content-type': 'application/json; charset=utf-8',
          'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '0', 'x-ratelimit-used': '60',
          'x-ratelimit-resource': 'core', 'x-ratelimit-reset': String(gh.resetAt),
        },
        body: JSON.stringify({
          message: 'API rate limit exceeded for 203.0.113.9. (But here\'s the good news: Authenticated requests get a higher rate limit.)',
          documentation_url: 'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api',
        }),
      });
    }
    const files = REPOS[key];
    if (!m || !files || url.searchParams.get('recursive') !== '1') {
      return route.fulfill({ status: 404, headers: { ...API_CORS, 'content-type': 'application/json' }, body: '{"message":"Not Found"}' });
    }
    return route.fulfill({
      status: 200,
      headers: { ...API_CORS, 'content-type': 'application/json; charset=utf-8', 'x-ratelimit-remaining': '59', 'x-ratelimit-reset': String(gh.resetAt) },
      body: JSON.stringify(treeAnswer(key, files, shaOf(key))),
    });
  });
  await context.route('https://raw.githubusercontent.com/**', async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    gh.raw.push({ path: decodeURIComponent(url.pathname), auth: request.headers().authorization });
    const [, owner, repo, , ...rest] = decodeURIComponent(url.pathname).split('/');
    const body = REPOS[`${owner}/${repo}`]?.[rest.join('/')];
    if (body === undefined) return route.fulfill({ status: 404, headers: { 'access-control-allow-origin': '*' }, body: '404: Not Found' });
    return route.fulfill({ status: 200, headers: { 'access-control-allow-origin': '*', 'content-type': 'text/plain; charset=utf-8' }, body });
  });
  return gh;
}

// ---- Reading the screen ---------------------------------------------------------------------

const taskCount = async (app) => Number((await app.page.locator('[data-testid="task-count"]').first().innerText()).replace(/\D+/g, ''));

/** The intern facet as shown: {name: count}. */
async function internCounts(app) {
  const options = await app.page.$$eval('[data-testid="facet-sources"] label', (labels) => labels.map((l) => [
    l.querySelector('.option-label').innerText.trim(), Number(l.querySelector('.count').innerText)]));
  return Object.fromEntries(options);
}

/** The loading problems shown, each without the label of its source (`https://github.com/o/r: `). */
const sourceErrors = (app) => app.page.$$eval('[data-testid="source-error"]', (items) => items.map((li) => {
  const label = li.querySelector('strong')?.innerText ?? '';
  return li.innerText.slice(label ? label.length + 2 : 0).trim();
}));

/** The sources of the task rows of the table's page (their `title`: the full page source). */
const rowSources = (app) => app.mapTableRows((rows) => rows.map((r) => r.querySelector('td.col-source').getAttribute('title')),
  '#tasks-table tbody tr[data-testid="task-row"]');

/** The clock time GitHub's reset (seconds) reads as in the app's English (en-GB, 2-digit). */
const clockOf = (app, seconds) => app.page.evaluate((s) =>
  new Date(s * 1000).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' }), seconds);

/** The cached listing records (IndexedDB `worklog-viewer-github`), as {key: record}. */
const cachedListings = (app) => app.page.evaluate(() => new Promise((resolve, reject) => {
  const open = indexedDB.open('worklog-viewer-github');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains('listings')) { db.close(); resolve({}); return; }
    const store = db.transaction('listings').objectStore('listings');
    const keys = store.getAllKeys();
    const values = store.getAll();
    values.onsuccess = () => {
      db.close();
      resolve(Object.fromEntries(keys.result.map((k, i) => [k, JSON.parse(values.result[i])])));
    };
  };
}));

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical violations on the page (injected under the app's CSP). */
async function axeBlocking(app) {
  if (!(await app.page.evaluate(() => typeof window.axe === 'object'))) await app.page.evaluate(AXE_SOURCE);
  const results = await app.page.evaluate(() => window.axe.run(document, {
    resultTypes: ['violations'],
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  }));
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

/** Wait (at most 15 s) until `condition()` holds in the test. */
async function until(condition, what) {
  for (const started = Date.now(); !condition(); await new Promise((r) => setTimeout(r, 50))) {
    if (Date.now() - started > 15_000) throw new Error(`timed out waiting: ${what}`);
  }
}

const src = (...addresses) => `?${addresses.map((a) => `src=${encodeURIComponent(a)}`).join('&')}`;

/** A cohort file whose interns are GitHub addresses (one of them refused by the API). */
const COHORT = {
  schema: 2, name: 'GitHub cohort', start: '2025-09-01', weeks: 2,
  interns: [
    { key: 'alice/fcj-report', name: 'Alice', src: 'https://github.com/alice/fcj-report' },
    { name: 'Dave', src: 'github.com/dave/aws-journal' },
    { key: 'bob/report', name: 'Bob', src: 'https://github.com/bob/report' },
  ],
};
const routes = {
  '/cohorts/github.json': (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(COHORT));
  },
};

browserSuite('GitHub repositories by address', { routes }, async (it) => {
  await it('a repository: one API call, only its worklog pages fetched, tasks under intern REPO', '?view=weeks', async (app) => {
    const gh = await fakeGithub(app.context);
    await app.goto(`${src('https://github.com/alice/fcj-report', 'github.com/dave/aws-journal')}&view=tasks`);
    assert.deepEqual(gh.api.map((r) => r.path).sort(), [
      '/repos/alice/fcj-report/git/trees/HEAD?recursive=1',
      '/repos/dave/aws-journal/git/trees/HEAD?recursive=1',
    ], 'one listing call per repository');
    assert.deepEqual(gh.raw.map((r) => r.path).sort(), [
      ...ALICE_WORKLOG.map((p) => `/alice/fcj-report/HEAD/${p}`),
      '/dave/aws-journal/HEAD/worklog/week-1.md', '/dave/aws-journal/HEAD/worklog/week-2.md',
    ].sort(), 'only worklog pages are fetched: no README, proposal, blog, theme or home page');
    assert.deepEqual(await sourceErrors(app), []);
    assert.equal(await taskCount(app), 7, "alice's 5 English rows (the Vietnamese twins folded) and dave's 2");
    assert.deepEqual(await internCounts(app), { 'aws-journal': 2, 'fcj-report': 5 }, 'one intern per repository, named REPO');
    const keys = await app.page.$$eval('[data-testid="facet-sources"] input', (inputs) => inputs.map((i) => i.value).sort());
    assert.deepEqual(keys, ['alice/fcj-report', 'dave/aws-journal'], 'interns keyed OWNER/REPO');
    const sources = await rowSources(app);
    assert.ok(sources.includes('https://github.com/alice/fcj-report/blob/HEAD/content/1-Worklog/1.1-Week1/_index.md'),
      `a page's source is its place in the repository: ${sources.join(', ')}`);
    // The intern filter by key, as a link would give it.
    await app.goto(`${src('https://github.com/alice/fcj-report', 'github.com/dave/aws-journal')}&view=tasks&source=alice/fcj-report`);
    assert.equal(await taskCount(app), 5);
    assert.ok((await rowSources(app)).every((s) => s.startsWith('https://github.com/alice/fcj-report/blob/HEAD/content/1-Worklog/')));
  });

  await it('a cohort file whose interns are GitHub addresses: each one listed, a refused one reported alone', '?view=weeks', async (app) => {
    const gh = await fakeGithub(app.context);
    gh.limited.add('bob/report');
    await app.goto('?cohort=cohorts/github.json&view=tasks');
    assert.deepEqual(gh.api.map((r) => r.path).sort(), [
      '/repos/alice/fcj-report/git/trees/HEAD?recursive=1',
      '/repos/bob/report/git/trees/HEAD?recursive=1',
      '/repos/dave/aws-journal/git/trees/HEAD?recursive=1',
    ]);
    assert.equal(gh.raw.length, ALICE_WORKLOG.length + 2, 'only worklog pages are fetched');
    const errors = await sourceErrors(app);
    assert.equal(errors.length, 1, errors.join('\n'));
    assert.match(errors[0], /bob\/report: GitHub's API limit is reached/);
    assert.deepEqual(await internCounts(app), { Alice: 5, Dave: 2 }, "the cohort's names, each intern's rows");
  });

  await it('a rate-limited repository reports the limit and its reset time; the other loads', '?view=weeks', async (app) => {
    const gh = await fakeGithub(app.context);
    gh.limited.add('bob/report');
    await app.goto(`${src('https://github.com/bob/report', 'https://github.com/alice/fcj-report')}&view=tasks`);
    const errors = await sourceErrors(app);
    assert.equal(errors.length, 1, errors.join('\n'));
    const clock = await clockOf(app, gh.resetAt);
    assert.match(errors[0], /bob\/report: GitHub's API limit is reached \(60 listings an hour without a token\)/);
    assert.ok(errors[0].includes(`resets at ${clock} (in 30 min)`), `${errors[0]} names the reset time ${clock}`);
    assert.ok(!errors[0].includes('alice'), 'the limit is reported on that repository alone');
    assert.equal(await taskCount(app), 5, "alice's repository loads all the same");
    assert.ok(!gh.raw.some((r) => r.path.startsWith('/bob/')), 'nothing of the refused repository is fetched');
    // The sources list: bob's source loaded nothing, alice's its pages.
    await app.page.click('[data-testid="sources"] summary');
    const pages = await app.page.locator('[data-testid="source-pages"]').allInnerTexts();
    assert.deepEqual(pages, ['0 pages', `${ALICE_WORKLOG.length} pages`]);
    // In Vietnamese, the same message in Vietnamese with the time.
    await app.goto(`${src('https://github.com/bob/report')}&ui=vi`);
    const vi = await sourceErrors(app);
    assert.equal(vi.length, 1);
    assert.match(vi[0], /bob\/report: đã hết giới hạn API của GitHub/);
    assert.ok(vi[0].includes(await app.page.evaluate((s) =>
      new Date(s * 1000).toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit' }), gh.resetAt)));
  });

  await it('a repository without a worklog section says so and fetches nothing', '?view=weeks', async (app) => {
    const gh = await fakeGithub(app.context);
    await app.goto(src('https://github.com/carol/site'));
    assert.deepEqual(await sourceErrors(app),
      ['no worklog section found in carol/site: sections are 1-Proposal, 2-Events.']);
    assert.equal(gh.api.length, 1);
    assert.deepEqual(gh.raw, [], 'no page is fetched');
    await app.page.waitForSelector('[data-testid="empty-state"]');
    // A folder of a repository that holds no worklog either.
    await app.goto(src('https://github.com/alice/fcj-report/tree/HEAD/content/2-Proposal'));
    assert.deepEqual(await sourceErrors(app),
      ['no worklog section found in alice/fcj-report/content/2-Proposal: sections are 2-Proposal.']);
    assert.deepEqual(gh.raw, []);
  });

  await it('a listing is cached: a reload makes no second API call; a stale one is reused on a refusal', '?view=weeks', async (app) => {
    const gh = await fakeGithub(app.context);
    await app.goto(`${src('https://github.com/alice/fcj-report')}&view=tasks`);
    assert.equal(await taskCount(app), 5);
    assert.equal(gh.api.length, 1);
    const cached = await cachedListings(app);
    assert.deepEqual(Object.keys(cached), ['alice/fcj-report@HEAD'], 'one record per repository and reference');
    assert.equal(cached['alice/fcj-report@HEAD'].sha, shaOf('alice/fcj-report'), "the tree's sha is kept");
    assert.ok(!cached['alice/fcj-report@HEAD'].paths.includes('static/images/diagram.png'), 'only markdown paths are kept');

    await app.page.reload();
    await app.waitReady();
    assert.equal(await taskCount(app), 5, 'the pages load again');
    assert.equal(gh.api.length, 1, 'the fresh cached listing is used: no second API call');
    assert.equal(gh.raw.length, 2 * ALICE_WORKLOG.length, 'the pages themselves are fetched again');

    // Two hours later (the record aged by hand) the API is asked again; it refuses: the old
    // listing is used, with a note.
    await app.page.evaluate(() => new Promise((resolve, reject) => {
      const open = indexedDB.open('worklog-viewer-github');
      open.onsuccess = () => {
        const store = open.result.transaction('listings', 'readwrite').objectStore('listings');
        const get = store.get('alice/fcj-report@HEAD');
        get.onsuccess = () => {
          const record = JSON.parse(get.result);
          record.listed -= 2 * 3600 * 1000;
          const put = store.put(JSON.stringify(record), 'alice/fcj-report@HEAD');
          put.onsuccess = () => { open.result.close(); resolve(); };
          put.onerror = () => reject(put.error);
        };
      };
      open.onerror = () => reject(open.error);
    }));
    gh.limited.add('alice/fcj-report');
    await app.page.reload();
    await app.waitReady();
    assert.equal(gh.api.length, 2, 'a stale listing is listed again');
    assert.equal(await taskCount(app), 5, 'the stale listing is used when the API refuses');
    const errors = await sourceErrors(app);
    assert.equal(errors.length, 1);
    assert.match(errors[0], /alice\/fcj-report: GitHub's API limit is reached; it resets at .*; the listing saved 2 h ago is used/);
  });

  await it('tree/ addresses load that folder, blob/ addresses that page (also typed in the URL box)', '?view=weeks', async (app) => {
    const gh = await fakeGithub(app.context);
    await app.goto(`${src('https://github.com/alice/fcj-report/tree/main/content/1-Worklog/1.2-Week2')}&view=tasks`);
    assert.deepEqual(gh.api.map((r) => r.path), ['/repos/alice/fcj-report/git/trees/main?recursive=1']);
    assert.deepEqual(gh.raw.map((r) => r.path).sort(), [
      '/alice/fcj-report/main/content/1-Worklog/1.2-Week2/_index.md',
      '/alice/fcj-report/main/content/1-Worklog/1.2-Week2/_index.vi.md',
    ], 'only the pages under the folder');
    assert.equal(await taskCount(app), 2);
    assert.ok((await rowSources(app)).every((s) => s === 'https://github.com/alice/fcj-report/blob/main/content/1-Worklog/1.2-Week2/_index.md'));

    gh.api.length = 0;
    gh.raw.length = 0;
    await app.goto('?view=tasks');
    await app.page.click('#clear-button');
    await app.page.fill('#url-input', 'github.com/dave/aws-journal/blob/main/worklog/week-2.md');
    await app.page.press('#url-input', 'Enter');
    await app.page.waitForFunction(() => document.querySelectorAll('[data-testid="task-row"]').length === 1);
    assert.deepEqual(gh.api, [], 'a page needs no listing');
    assert.deepEqual(gh.raw.map((r) => r.path), ['/dave/aws-journal/main/worklog/week-2.md']);
    assert.deepEqual(await rowSources(app), ['https://github.com/dave/aws-journal/blob/main/worklog/week-2.md']);
    assert.equal(app.url().searchParams.get('src'), 'github.com/dave/aws-journal/blob/main/worklog/week-2.md',
      'the address goes into the link as typed');
    // A page of it opens the same way from the address.
    await app.goto(src('https://github.com/dave/aws-journal/blob/main/README.md?plain=1'));
    assert.deepEqual(await sourceErrors(app), [], 'a markdown page that is no worklog still loads, as asked');
  });

  await it('diagnostics of a GitHub page link to the line in the repository, in a new tab', '?view=weeks', async (app) => {
    await fakeGithub(app.context);
    await app.goto(`${src('https://github.com/alice/fcj-report/tree/main/content/1-Worklog')}&view=diagnostics`);
    const page = app.page.locator('[data-testid="page-diagnostics"][data-source="https://github.com/alice/fcj-report/blob/main/content/1-Worklog/1.2-Week2/_index.md"]');
    const diagnostic = page.locator('[data-testid="diagnostic"][data-code="unparsed-date"]');
    await diagnostic.waitFor();
    const link = diagnostic.locator('a[data-testid="diagnostic-link"]');
    const line = ALICE['content/1-Worklog/1.2-Week2/_index.md'].split('\n').findIndex((l) => l.includes('31/02/2025')) + 1;
    assert.equal(await link.getAttribute('href'),
      `https://github.com/alice/fcj-report/blob/main/content/1-Worklog/1.2-Week2/_index.md#L${line}`);
    assert.equal(await link.getAttribute('target'), '_blank');
    assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
    assert.match(await link.getAttribute('aria-label'), new RegExp(`^line ${line}(:\\d+)?: open on GitHub \\(new tab\\)$`));
    const file = page.locator('a[data-testid="page-link"]');
    assert.equal(await file.getAttribute('href'),
      'https://github.com/alice/fcj-report/blob/main/content/1-Worklog/1.2-Week2/_index.md', 'the page heading links to the file');
    assert.equal(await file.getAttribute('rel'), 'noopener noreferrer');
    const hrefs = await app.page.$$eval('a[data-testid="diagnostic-link"]', (links) => links.map((a) => a.href));
    assert.ok(hrefs.length >= 1);
    for (const href of hrefs) assert.match(href, /^https:\/\/github\.com\/alice\/fcj-report\/blob\/main\/content\/1-Worklog\//);
    assert.deepEqual(await axeBlocking(app), [], 'the linked diagnostics pass axe');
    await diagnostic.scrollIntoViewIfNeeded();
    await app.screenshot('github-diagnostics');
    // A page from elsewhere (the demo) has no such link.
    await app.goto('?view=diagnostics');
    await app.page.waitForSelector('[data-testid="page-diagnostics"]');
    assert.equal(await app.count('a[data-testid="diagnostic-link"]'), 0);
    assert.equal(await app.count('a[data-testid="page-link"]'), 0);
  });

  await it('a deployed OWNER.github.io/REPO/ site built by worklog site opens from its address', '?view=weeks', async (app) => {
    // The site, built by the CLI from a repository of alice's pages.
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'worklog-ghio-'));
    const repo = path.join(tmp, 'fcj-report');
    for (const [p, body] of Object.entries(ALICE)) {
      fs.mkdirSync(path.dirname(path.join(repo, p)), { recursive: true });
      fs.writeFileSync(path.join(repo, p), body);
    }
    const out = path.join(tmp, 'site');
    execFileSync('cargo', ['run', '-q', '-p', 'worklog-cli', '--', 'site', repo, '--out', out, '--dist', DIST,
      '--base-url', '/fcj-report/'], { cwd: ROOT, stdio: 'inherit' });
    const requested = [];
    await app.context.route('https://alice.github.io/**', async (route) => {
      const url = new URL(route.request().url());
      requested.push(url.pathname);
      let rel = decodeURIComponent(url.pathname).replace(/^\/fcj-report\/?/, '');
      if (rel === '' || rel.endsWith('/')) rel += 'index.html';
      const file = path.join(out, rel);
      if (!url.pathname.startsWith('/fcj-report/') || !file.startsWith(out) || !fs.existsSync(file)) {
        return route.fulfill({ status: 404, headers: { 'access-control-allow-origin': '*' }, body: 'not found' });
      }
      return route.fulfill({ status: 200, headers: { 'access-control-allow-origin': '*' }, body: fs.readFileSync(file) });
    });
    for (const address of ['https://alice.github.io/fcj-report/', 'https://alice.github.io/fcj-report']) {
      requested.length = 0;
      await app.goto(`${src(address)}&view=tasks`);
      assert.deepEqual(await sourceErrors(app), [], address);
      assert.equal(await taskCount(app), 5, `${address}: alice's 5 English rows`);
      assert.ok(requested.includes('/fcj-report/worklogs/index.json'), `${address}: the site manifest is read`);
      assert.ok((await rowSources(app)).every((s) => s.startsWith('https://alice.github.io/fcj-report/worklogs/')));
    }
  });

  await it('the token field keeps the token in sessionStorage only and sends it to api.github.com only', '?view=weeks', async (app) => {
    const gh = await fakeGithub(app.context);
    const token = 'github_pat_TEST0nly0fake0token';
    await app.page.click('[data-testid="github-token"] summary');
    assert.equal(await app.page.getAttribute('#github-token-input', 'type'), 'password');
    await app.page.fill('#github-token-input', token);
    assert.equal(await app.page.evaluate(() => sessionStorage.getItem('worklog-viewer.github-token')), token);
    await app.page.fill('#url-input', 'https://github.com/alice/fcj-report');
    await app.page.press('#url-input', 'Enter');
    await until(() => gh.raw.length === ALICE_WORKLOG.length, 'every worklog page is fetched');
    assert.equal(gh.api.length, 1);
    assert.equal(gh.api[0].auth, `Bearer ${token}`, 'the API call carries the token');
    assert.ok(gh.raw.length > 0 && gh.raw.every((r) => r.auth === undefined), 'raw.githubusercontent.com never gets it');
    assert.ok(!app.page.url().includes(token), 'never in the address');
    const local = await app.page.evaluate(() => JSON.stringify({ ...localStorage }));
    assert.ok(!local.includes(token), 'never in localStorage');
    assert.ok(!JSON.stringify(await cachedListings(app)).includes(token), 'never in the cached listings');
    // A reload of the tab keeps it (sessionStorage); the field shows it is set.
    await app.page.reload();
    await app.waitReady();
    assert.match(await app.page.locator('[data-testid="github-token"] summary').innerText(), /✓/);
    // A new tab of another session does not have it.
    const other = await app.context.browser().newContext();
    const fresh = await other.newPage();
    await fresh.goto(app.server.url);
    assert.equal(await fresh.evaluate(() => sessionStorage.getItem('worklog-viewer.github-token')), null);
    await other.close();
    // The field and a loading problem pass axe, and fit a phone's width.
    gh.limited.add('bob/report');
    await app.goto(src('https://github.com/bob/report'));
    await app.page.click('[data-testid="github-token"] summary');
    assert.deepEqual(await axeBlocking(app), [], 'the token field and the rate-limit message pass axe');
    await app.page.setViewportSize({ width: 375, height: 800 });
    assert.ok(await app.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      'no horizontal scroll at 375 px with the token field open');
    await app.screenshot('github-token-375');
    await app.page.setViewportSize({ width: 1280, height: 900 });
    // Cleared, it is gone.
    await app.page.fill('#github-token-input', '');
    assert.equal(await app.page.evaluate(() => sessionStorage.getItem('worklog-viewer.github-token')), null);
  });
});
