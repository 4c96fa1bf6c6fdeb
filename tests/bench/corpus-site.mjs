// The benches' site: the corpus pages (../shared/corpus, real interns' worklogs) repeated under
// `interns` intern folders and served under /bench/ with a schema-2 manifest
// (`/bench/index.json`), as `worklog site` would deploy them.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../lib/harness.mjs';

export const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus');

/** Every `.md` under the corpus, as [relative path, bytes], in path order. */
export function corpusPages(dir = CORPUS, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) corpusPages(full, out);
    else if (entry.name.endsWith('.md')) out.push([path.relative(CORPUS, full).split(path.sep).join('/'), fs.readFileSync(full)]);
  }
  return out.sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

/**
 * The corpus repeated `interns` times: `{pages, totalBytes, routes}` where `routes` (for
 * `startServer`) serves the manifest, every page, and the extra `{path: handler}` given.
 */
export function benchSite(pages, interns, extra = {}) {
  const byPath = new Map();
  const list = [];
  for (let i = 0; i < interns; i++) {
    const key = `intern-${String(i).padStart(2, '0')}`;
    const files = pages.map(([rel, bytes]) => {
      byPath.set(`/bench/${key}/${rel}`, bytes);
      return `${key}/${rel}`;
    });
    list.push({ key, name: `Intern ${i}`, files });
  }
  const manifest = JSON.stringify({ schema: 2, interns: list });
  const totalBytes = [...byPath.values()].reduce((n, b) => n + b.length, 0);
  const routes = new Proxy({
    '/bench/index.json': (req, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(manifest); },
    ...extra,
  }, {
    get(target, key) {
      if (key in target) return target[key];
      const body = typeof key === 'string' && byPath.get(decodeURIComponent(key));
      if (!body) return undefined;
      return (req, res) => { res.writeHead(200, { 'content-type': 'text/markdown; charset=utf-8' }); res.end(body); };
    },
  });
  return { pages: byPath.size, totalBytes, routes };
}
