#!/usr/bin/env node
// The release bundle's size against its budget: every file the first load fetches from a
// release build (index.html, the app's and any worker's wasm and js, the css), each raw and
// gzip -9, and their gzip total. Exits 1 when the total is over the budget, so a feature cannot
// quietly grow the bundle past it (scripts/test.sh runs this right after `trunk build --release`).
// The demo worklogs the app then fetches are content, not bundle, and are not counted.
//
//   node scripts/size.mjs [dist-folder]      (default: dist; budget: 300 KB = 300,000 B gzip)
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';

/** The goal: 300 KB gzip for everything the first load fetches. */
const BUDGET = 300_000;
/** The enforced ceiling until the goal is met: the last measured total (BENCHMARKS.md, 2026-12-06,
 * one wasm for the app and its worker, with the windowed table and the parse-speed work:
 * 813,941 B) plus 1.2 %. It only ever moves with a measurement and what changed, in
 * BENCHMARKS.md. */
const LIMIT = 824_000;
const dist = process.argv[2] ?? 'dist';
if (!fs.existsSync(dist)) {
  console.error(`size: no ${dist}/ folder: run \`trunk build --release\` first`);
  process.exit(2);
}
const fetched = (name) => name === 'index.html' || /\.(wasm|js|css)$/.test(name);
const files = fs.readdirSync(dist).filter(fetched).sort();
if (!files.some((f) => f.endsWith('.wasm'))) {
  console.error(`size: no .wasm in ${dist}/: run \`trunk build --release\` first`);
  process.exit(2);
}

/** `gzip -9` of the file (the figures in BENCHMARKS.md); Node's zlib where gzip is missing. */
function gzipSize(file, bytes) {
  try {
    return execFileSync('gzip', ['-9', '-c', file], { maxBuffer: 1 << 28 }).length;
  } catch {
    return zlib.gzipSync(bytes, { level: 9 }).length;
  }
}
const group = (n) => n.toLocaleString('en-US');
const rows = files.map((name) => {
  const bytes = fs.readFileSync(path.join(dist, name));
  return { name, raw: bytes.length, gzip: gzipSize(path.join(dist, name), bytes) };
});
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip }), { raw: 0, gzip: 0 });
const width = Math.max(...rows.map((r) => r.name.length), 5);
console.log(`${'file'.padEnd(width)}  ${'raw B'.padStart(11)}  ${'gzip -9 B'.padStart(11)}`);
for (const r of [...rows, { name: 'total', ...total }]) {
  console.log(`${r.name.padEnd(width)}  ${group(r.raw).padStart(11)}  ${group(r.gzip).padStart(11)}`);
}
if (total.gzip > LIMIT) {
  console.error(
    `\nsize: FAIL: the first load fetches ${group(total.gzip)} B gzip, over the enforced ceiling of ` +
      `${group(LIMIT)} B by ${group(total.gzip - LIMIT)} B (the goal is ${group(BUDGET)} B). Find what ` +
      'grew with `scripts/size-report.sh` (per crate and per function, see BENCHMARKS.md) and cut it.',
  );
  process.exit(1);
}
if (total.gzip > BUDGET) {
  console.log(
    `\nsize: within the ceiling (${group(total.gzip)} B of ${group(LIMIT)} B gzip) but ` +
      `${group(total.gzip - BUDGET)} B over the ${group(BUDGET)} B goal (issue 11; BENCHMARKS.md says what remains)`,
  );
} else {
  console.log(`\nsize: OK: ${group(total.gzip)} B gzip of a ${group(BUDGET)} B budget`);
}
