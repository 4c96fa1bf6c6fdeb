// Browser benchmark: prints the demo's load time and the filter time at 20,000 tasks, measured
// by the app itself (body[data-load-ms], body[data-filter-ms]) in headless Chromium.
//
//   node tests/bench/app.bench.mjs            (needs a release build in dist/ or WORKLOG_DIST)
import { App, launchBrowser, startServer, DIST } from '../lib/harness.mjs';

const PAGES = 2000;
const ROWS = 10; // 2,000 pages x 10 rows = 20,000 tasks
const SERVICES = ['EC2', 'S3', 'Lambda', 'DynamoDB', 'CloudWatch', 'IAM', 'VPC', 'RDS', 'SNS', 'SQS'];

/** A generated week page in the template shape, with dated rows naming AWS services. */
function page(n) {
  const week = (n % 12) + 1;
  const monday = new Date(Date.UTC(2025, 8, 8 + 7 * (week - 1)));
  const rows = [];
  for (let r = 0; r < ROWS; r++) {
    const d = new Date(monday.getTime() + (r % 5) * 86400000);
    const date = `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
    const svc = SERVICES[(n + r) % SERVICES.length];
    rows.push(`| ${(r % 5) + 2} | - Learn ${svc} basics <br>&emsp; + **Practice:** deploy with ${SERVICES[(n + r + 3) % SERVICES.length]} | ${date} | ${date} | <https://docs.aws.amazon.com/> |`);
  }
  return `---\ntitle: "Week ${week} Worklog"\n---\n### Week ${week} Objectives:\n* Practise\n\n### Tasks to be carried out this week:\n| Day | Task | Start Date | Completion Date | Reference Material |\n| --- | --- | --- | --- | --- |\n${rows.join('\n')}\n`;
}

const routes = {
  '/gen/index.json': (req, res) => {
    const files = Array.from({ length: PAGES }, (_, i) => `intern-${i}/content/1-Worklog/1.${(i % 12) + 1}-Week${(i % 12) + 1}/_index.md`);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ files }));
  },
};
const server = await startServer(DIST, new Proxy(routes, {
  get(target, key) {
    if (key in target) return target[key];
    const m = typeof key === 'string' && key.match(/^\/gen\/intern-(\d+)\//);
    if (!m) return undefined;
    return (req, res) => { res.writeHead(200, { 'content-type': 'text/markdown; charset=utf-8' }); res.end(page(Number(m[1]))); };
  },
}));
const browser = await launchBrowser();
const attr = (app, name) => app.page.evaluate((n) => Number(document.body.getAttribute(n)), name);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

try {
  const loads = [];
  for (let i = 0; i < 5; i++) {
    const app = await App.open(browser, server, '');
    loads.push(await attr(app, 'data-load-ms'));
    await app.close();
  }
  console.log(`demo load (navigation start → all pages parsed and shown): median ${median(loads)} ms over ${loads.length} fresh contexts [${loads.join(', ')}]`);

  const started = Date.now();
  const app = await App.open(browser, server, '?src=gen/index.json&view=tasks', { waitReady: true });
  const tasks = await app.page.locator('[data-testid="task-count"]').first().innerText();
  console.log(`generated load: ${PAGES} pages, task count shown "${tasks}", app-measured ${await attr(app, 'data-load-ms')} ms (wall ${Date.now() - started} ms)`);
  const filters = [
    ['service=lambda', '&service=lambda'],
    ['service=lambda&week=3', '&service=lambda&week=3'],
    ['q=deploy dynamodb', '&q=deploy+dynamodb'],
    ['category=database', '&category=database'],
  ];
  for (const [label, extra] of filters) {
    const times = [];
    let shown = '';
    for (let i = 0; i < 6; i++) {
      await app.page.evaluate((q) => {
        history.pushState(null, '', `?src=gen/index.json&view=tasks${q}`);
        dispatchEvent(new PopStateEvent('popstate'));
      }, i % 2 ? extra : '');
      await app.page.waitForTimeout(50);
      if (i % 2) {
        times.push(await attr(app, 'data-filter-ms'));
        shown = await app.page.locator('[data-testid="task-count"]').first().innerText();
      }
    }
    console.log(`filter ${label} over 20,000 tasks: ${times.map((t) => t.toFixed(1)).join(', ')} ms (→ ${shown} tasks)`);
  }
  await app.close();
} finally {
  await browser.close();
  await server.close();
}
