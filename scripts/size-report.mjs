#!/usr/bin/env node
// Per-crate and per-function size of the app's wasm, from `twiggy top --format csv` of a
// wasm-opt'ed build that kept its function names (scripts/size-report.sh makes it).
// Generic code (core/alloc sorts, closures, drops) is charged to the first crate its name
// mentions, so `core::…<tachys::…>` counts as "core<tachys>".
//
//   node scripts/size-report.mjs twiggy-top.csv [rows]
import fs from 'node:fs';

const [csv, shown = '30'] = process.argv.slice(2);
const CRATES = /(worklog_viewer|worklog|leptos_dom|leptos|tachys|reactive_graph|pulldown_cmark|yaml_rust2|toml_edit|toml|winnow|serde_json|serde_core|serde|chrono|aho_corasick|csv_core|csv|gloo_net|gloo_timers|wasm_bindgen_futures|wasm_bindgen|js_sys|web_sys|futures_util|hashbrown|indexmap|dlmalloc|percent_encoding|form_urlencoded|unicase|memchr)::/;

function fields(line) {
  const out = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (c === '"') quoted = false; else cur += c;
    } else if (c === ',') { out.push(cur); cur = ''; } else if (c === '"') quoted = true; else cur += c;
  }
  out.push(cur);
  return out;
}

function crateOf(name) {
  if (name.startsWith('data segment')) return '[data segments]';
  if (name.startsWith('custom section') || name.includes('subsection')) return '[custom sections]';
  if (/^(import|export|elem|table|type|global|code section|wasm magic)/.test(name)) return '[wasm structure]';
  const head = name.replace(/^[<&\s[(]+/, '').replace(/^(mut |dyn |impl )+/, '').match(/^([A-Za-z_][A-Za-z0-9_]*)/);
  if (!head) return '[other]';
  if (['core', 'alloc', 'std', 'T', 'F', 'str', 'char', 'f64', 'u32', 'usize'].includes(head[1])) {
    const inner = name.match(CRATES);
    return inner ? `${head[1]}<${inner[1]}>` : head[1];
  }
  return head[1];
}

const items = fs.readFileSync(csv, 'utf8').trim().split('\n').slice(1).map(fields)
  .map(([name, size]) => ({ name, size: Number(size) }))
  .filter((i) => !i.name.includes('function names'));
const total = items.reduce((t, i) => t + i.size, 0);
const byCrate = new Map();
for (const i of items) byCrate.set(crateOf(i.name), (byCrate.get(crateOf(i.name)) ?? 0) + i.size);
const pct = (n) => `${((100 * n) / total).toFixed(1)}%`.padStart(6);
const num = (n) => n.toLocaleString('en-US').padStart(9);

console.log(`wasm without the name section: ${total.toLocaleString('en-US')} B\n\nper crate (bytes, share):`);
for (const [c, s] of [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, Number(shown))) console.log(`${num(s)} ${pct(s)}  ${c}`);
console.log('\nlargest items:');
for (const i of [...items].sort((a, b) => b.size - a.size).slice(0, Number(shown))) {
  console.log(`${num(i.size)} ${pct(i.size)}  ${i.name.replace(/::h[0-9a-f]{16}$/, '').slice(0, 110)}`);
}
