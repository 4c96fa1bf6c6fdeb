// A generated cohort of interns for the cohort tests (Rust and browser), with its truth
// computed here, from what the generator wrote — never by asking the core or the app.
//
//   node tests/lib/cohort-gen.mjs --out DIR [--interns 60] [--seed 1]
//   import { generateCohort } from './cohort-gen.mjs'
//
// Writes DIR/interns/<repo>/content/... (one Hugo site per intern: worklog index and weeks in
// English and Vietnamese, some a proposal page), DIR/cohort.json (interns with their `files`,
// readable by the app and the CLI), DIR/cohort-src.json (the same interns by `src` folder, for
// the CLI), and DIR/truth.json: every cell of the matrix, each intern's summary, the similar
// groups and the labs, as docs/cohort.md defines them.
//
// What the cohort holds (deterministic for a seed): 13 planned weeks starting on a Monday,
// "today" the Wednesday of week 12 (weeks 1-11 due); bilingual twins (a few interns write
// English only); 4-6 rows a week, some weeks 2-day rows; missing weeks, interns who stopped
// early, template-only weeks (`...` rows), weeks with no table, weeks without dates, the week in
// progress written by some, an empty week-14 folder (0-byte pages) by two; weeks with the
// template's dates left in (every row `week-out-of-order`); date typos (a row four weeks off —
// flagged, one `date-outside-week` warning — or a completion date before its start — one
// `end-before-start` warning); twelve sentences copied by 2-5 interns each with a
// small edit (a word swapped, the end dropped, a clause added, case and commas changed); lab
// links (titles in the links' text, a rarer variant, bare addresses, "Lab N").
//
// Everything else is written to be unlike anything else: each intern's rows carry resource names
// of their own, and no two rows of the cohort share their verb, service, topic and follow-up.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const GENERATOR_VERSION = 1;

// ---- deterministic randomness -----------------------------------------------------------------
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---- dates (UTC, whole days) ------------------------------------------------------------------
const DAY = 86_400_000;
const dateOf = (iso) => new Date(`${iso}T00:00:00Z`);
const iso = (d) => d.toISOString().slice(0, 10);
const addDays = (d, n) => new Date(d.getTime() + n * DAY);
const pad = (n) => String(n).padStart(2, '0');
const ddmmyyyy = (d) => `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;

// ---- vocabulary (written for this generator) --------------------------------------------------
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Gia', 'Đức', 'Ngọc', 'Thanh', 'Hoàng', 'Quốc', 'Bảo'];
const GIVEN = ['An', 'Bình', 'Chi', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hiếu', 'Hòa', 'Huy', 'Khánh', 'Khoa', 'Lan',
  'Linh', 'Long', 'Mai', 'Minh', 'Nam', 'Ngọc', 'Phúc', 'Quân', 'Quang', 'Sơn', 'Tâm', 'Thảo', 'Trang', 'Trung', 'Tuấn',
  'Uyên', 'Việt', 'Vy', 'Yến', 'Đạt', 'Phong', 'Nhi'];

const ascii = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');

const VERBS = [
  ['Configured', 'Cấu hình'], ['Deployed', 'Triển khai'], ['Tested', 'Kiểm thử'], ['Reviewed', 'Rà soát'],
  ['Documented', 'Viết tài liệu cho'], ['Automated', 'Tự động hóa'], ['Monitored', 'Giám sát'], ['Secured', 'Bảo mật'],
  ['Benchmarked', 'Đo hiệu năng'], ['Migrated', 'Chuyển đổi'], ['Debugged', 'Gỡ lỗi'], ['Refactored', 'Tái cấu trúc'],
];
const SERVICES = ['Amazon S3', 'Amazon EC2', 'AWS Lambda', 'Amazon RDS', 'Amazon DynamoDB', 'Amazon VPC', 'AWS IAM',
  'Amazon CloudWatch', 'Amazon SNS', 'Amazon SQS', 'Amazon ECS', 'AWS CloudFormation', 'Amazon Route 53',
  'Amazon CloudFront', 'AWS Glue', 'Amazon Athena', 'AWS KMS', 'Amazon API Gateway'];
const TOPICS = [
  ['access policies', 'chính sách truy cập'], ['lifecycle rules', 'quy tắc vòng đời'], ['alarms', 'cảnh báo'],
  ['backups', 'bản sao lưu'], ['scaling settings', 'thiết lập co giãn'], ['log groups', 'nhóm log'],
  ['event triggers', 'trình kích hoạt sự kiện'], ['parameter groups', 'nhóm tham số'], ['security groups', 'nhóm bảo mật'],
  ['stack templates', 'mẫu stack'], ['dashboards', 'bảng điều khiển'], ['cost reports', 'báo cáo chi phí'],
];
const FOLLOW = [
  ['checked', 'kiểm tra'], ['recorded', 'ghi lại'], ['compared', 'so sánh'], ['summarised', 'tóm tắt'],
  ['shared', 'chia sẻ'], ['verified', 'xác minh'],
];
const NOUNS = ['Orders', 'Billing', 'Media', 'Chat', 'Inventory', 'Booking', 'Reports', 'Auth', 'Search', 'Notify'];

// Sentences several interns copy (each used by one group only), English and Vietnamese.
const SHARED = [
  ['Followed the workshop guide to build a serverless image thumbnail pipeline with S3 events, Lambda and a DynamoDB metadata table',
    'Làm theo hướng dẫn workshop để xây dựng pipeline tạo ảnh thu nhỏ serverless với sự kiện S3, Lambda và bảng metadata DynamoDB'],
  ['Completed the networking lab by creating a VPC with public and private subnets, a NAT gateway and one route table per tier',
    'Hoàn thành bài lab mạng bằng cách tạo VPC với subnet công khai và riêng tư, một NAT gateway và bảng định tuyến cho từng tầng'],
  ['Practised writing IAM policies with conditions and tested them in the policy simulator before attaching them to the developer group',
    'Luyện viết chính sách IAM có điều kiện và thử chúng trong policy simulator trước khi gắn vào nhóm developer'],
  ['Prepared the team architecture diagram for the final project and presented the data flow between the web tier and the queue workers',
    'Chuẩn bị sơ đồ kiến trúc của nhóm cho dự án cuối kỳ và trình bày luồng dữ liệu giữa tầng web và các worker xử lý hàng đợi'],
  ['Set up a delivery pipeline with CodePipeline and CodeBuild that runs the unit tests and deploys the container image to the staging cluster',
    'Thiết lập pipeline triển khai với CodePipeline và CodeBuild để chạy unit test và đưa container image lên cụm staging'],
  ['Studied the reliability pillar of the Well-Architected Framework and wrote notes on multi-AZ databases, health checks and restore drills',
    'Tìm hiểu trụ cột độ tin cậy của Well-Architected Framework và ghi chú về cơ sở dữ liệu multi-AZ, health check và diễn tập khôi phục'],
  ['Created CloudWatch dashboards and alarms for CPU, memory and error rates and sent the alarm notifications to the team chat through SNS',
    'Tạo bảng điều khiển và cảnh báo CloudWatch cho CPU, bộ nhớ và tỉ lệ lỗi rồi gửi thông báo đến kênh chat của nhóm qua SNS'],
  ['Moved the sample MySQL database to Amazon RDS from a snapshot and then rotated the master password with Secrets Manager',
    'Chuyển cơ sở dữ liệu MySQL mẫu sang Amazon RDS từ snapshot rồi đổi mật khẩu master bằng Secrets Manager'],
  ['Wrote a CloudFormation template for the three tier web application and deployed it to a fresh account to check every output value',
    'Viết template CloudFormation cho ứng dụng web ba tầng và triển khai lên một tài khoản mới để kiểm tra từng giá trị output'],
  ['Went through the monthly bill in Cost Explorer, tagged every resource by project and created a budget alert at eighty percent',
    'Xem hóa đơn tháng trong Cost Explorer, gắn tag dự án cho mọi tài nguyên và tạo cảnh báo ngân sách ở mức tám mươi phần trăm'],
  ['Built a small data lake by landing CSV exports in S3, cataloguing them with a Glue crawler and querying the tables with Athena',
    'Xây dựng data lake nhỏ bằng cách đưa file CSV vào S3, lập danh mục bằng Glue crawler và truy vấn các bảng bằng Athena'],
  ['Put CloudFront in front of the static site bucket with origin access control, a custom error page and a cache invalidation step',
    'Đặt CloudFront trước bucket website tĩnh với origin access control, trang lỗi tùy chỉnh và bước xóa cache'],
];
const EDIT_WORDS = ['carefully', 'quickly', 'again', 'together', 'finally'];
const ADDED = ' and then shared my notes with the whole team';

// Labs: ids in the FCJ address form, titles invented here (the main one and a rarer variant).
const LABS = [
  [1, 'First steps with the AWS console', 'AWS console basics'],
  [2, 'Managing access with IAM users and roles', 'IAM users and roles'],
  [3, 'Building a network with Amazon VPC', 'VPC networking'],
  [4, 'Running virtual machines on Amazon EC2', 'EC2 instances'],
  [7, 'Keeping costs under control with budgets', 'Budgets'],
  [13, 'Protecting data with scheduled backups', 'Scheduled backups'],
  [17, 'Shipping containers with a delivery pipeline', 'Container pipeline'],
  [33, 'Encrypting storage with managed keys', 'Managed keys'],
  [45, 'Serverless APIs with Lambda and API Gateway', 'Serverless APIs'],
];
const labCode = (id) => String(id).padStart(6, '0');
const TEMPLATE_MONDAY = dateOf('2025-08-11');

// ---- pages ------------------------------------------------------------------------------------
const FRONT = (title, date, week) => `---
title: "${title}"
${date ? `date: ${date}\n` : ''}weight: ${week}
chapter: false
pre: " <b> 1.${week}. </b> "
---
`;

/**
 * A week page; `rows` are {day, start, end, text, ref} with dates as Date or null. Returns
 * {text, lines}: the page and the 1-based line of each row.
 */
function weekPage({ lang, week, monday, rows, table = true, frontDate = true }) {
  const vi = lang === 'vi';
  const out = [];
  out.push(...FRONT(vi ? `Worklog Tuần ${week}` : `Week ${week} Worklog`, frontDate ? iso(monday) : null, week).trimEnd().split('\n'));
  out.push('', vi ? `### Mục tiêu tuần ${week}:` : `### Week ${week} Objectives:`, '');
  out.push(vi ? '* Hoàn thành các bài lab của tuần' : "* Finish this week's labs");
  out.push(vi ? '* Cập nhật nhật ký công việc' : '* Keep the worklog up to date', '');
  const lines = [];
  if (table) {
    out.push(vi ? '### Các công việc cần triển khai trong tuần này:' : '### Tasks to be carried out this week:', '');
    out.push(vi
      ? '| Thứ | Công việc | Ngày bắt đầu | Ngày hoàn thành | Nguồn tài liệu |'
      : '| Day | Task | Start Date | Completion Date | Reference Material |');
    out.push('| --- | --- | --- | --- | --- |');
    const fmt = (d) => (d ? (vi ? ddmmyyyy(d) : iso(d)) : '');
    for (const r of rows) {
      out.push(`| ${r.day} | ${r.text[lang]} | ${fmt(r.start)} | ${fmt(r.end)} | ${r.ref ? r.ref[lang] : ''} |`);
      lines.push(out.length);
    }
    out.push('');
  }
  out.push(vi ? `### Kết quả đạt được tuần ${week}:` : `### Week ${week} Achievements:`, '');
  out.push(vi ? '* Nắm được các khái niệm chính của tuần' : "* Understood the week's main ideas", '');
  return { text: out.join('\n'), lines };
}

function indexPage(lang, weeks) {
  const vi = lang === 'vi';
  const out = ['---', `title: "${vi ? 'Nhật ký công việc' : 'Worklog'}"`, 'weight: 1', 'chapter: false', 'pre: " <b> 1. </b> "', '---'];
  out.push('', vi ? 'Các tuần thực tập:' : 'The weeks of the internship:', '');
  for (const w of weeks) out.push(`**${vi ? 'Tuần' : 'Week'} ${w}:** [${vi ? 'Tuần' : 'Week'} ${w}](1.${w}-week${w}/)`, '');
  return out.join('\n');
}

const PROPOSAL = `---
title: "Proposal"
weight: 2
chapter: false
pre: " <b> 2. </b> "
---

### Project proposal

| Phase | Task | Start Date | Completion Date |
| --- | --- | --- | --- |
| 1 | Requirements and architecture review | 2025-09-15 | 2025-09-19 |
`;

// ---- the cohort -------------------------------------------------------------------------------
/**
 * Write a cohort under `out` and return its truth (also written to `out/truth.json`).
 * @param {{out: string, interns?: number, seed?: number}} options
 */
export function generateCohort({ out, interns: count = 60, seed = 1 }) {
  const rand = mulberry32(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const chance = (p) => rand() < p;
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const shuffle = (list) => {
    const a = [...list];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  };

  const start = dateOf('2025-09-08'); // a Monday
  const plannedWeeks = 13;
  const dueWeeks = 11;
  const today = addDays(start, 7 * dueWeeks + 2); // Wednesday of week 12
  const cohortName = `Generated cohort (${count} interns, seed ${seed})`;
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });

  // Interns: unique names and handles.
  const interns = [];
  const names = new Set();
  while (interns.length < count) {
    const name = `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`;
    if (names.has(name)) continue;
    names.add(name);
    const i = interns.length;
    const given = ascii(name.split(' ').at(-1)).toLowerCase();
    const family = ascii(name.split(' ')[0]).toLowerCase();
    const handle = `${given}${family}${i}`;
    const repo = `${given}-${family}-${i}-fcj-report`;
    interns.push({
      i, name, handle, repo,
      key: `${handle}/${repo}`,
      dir: `interns/${repo}`,
      bilingual: !chance(0.12),
      files: [],
      cells: new Map(), // week → cell facts
      rows: [], // every row written: {week, lang, file, line, text, flagged, real, days, labs}
    });
  }

  // Each intern's plan: the kind of every week 1..14.
  for (const it of interns) {
    const kinds = new Map();
    const lastWritten = chance(0.06) ? int(7, 9) : dueWeeks; // stopped early
    for (let w = 1; w <= lastWritten; w++) kinds.set(w, 'dated');
    if (lastWritten === dueWeeks && chance(0.35)) kinds.set(12, 'progress');
    const some = () => int(2, lastWritten);
    if (chance(0.18)) kinds.delete(some());
    if (chance(0.06)) kinds.delete(some());
    if (chance(0.15)) kinds.set(some(), 'template');
    if (chance(0.06)) kinds.set(int(3, lastWritten), 'misdated');
    if (chance(0.08)) kinds.set(some(), 'notable');
    if (chance(0.06)) kinds.set(some(), 'undated');
    it.kinds = kinds;
  }
  // Two interns made an empty week-14 folder.
  for (const it of interns.slice(3, 5)) it.kinds.set(14, 'stub');

  // Copied sentences: each to a group of 2-5 interns with that week written normally.
  const copies = new Map(); // `${intern}:${week}` → {group, edit}
  const groups = [];
  SHARED.forEach((sentence, g) => {
    const week = int(2, dueWeeks);
    const eligible = shuffle(interns.filter((it) => it.kinds.get(week) === 'dated' && !copies.has(`${it.i}:${week}`)));
    const size = Math.min(int(2, 5), eligible.length);
    if (size < 2) return;
    const members = eligible.slice(0, size);
    const edits = ['none', 'swap', 'drop', 'add', 'case'];
    members.forEach((it, k) => {
      copies.set(`${it.i}:${week}`, { group: g, edit: k === 0 ? 'none' : edits[1 + ((g + k) % 4)] });
    });
    groups.push({ group: g, week, sentence, members: members.map((it) => it.i), rows: [] });
  });

  // Lab title counts, to keep the main title the most common one.
  const titleCounts = new Map(LABS.map(([id]) => [id, { main: 0, variant: 0 }]));
  const usedCombos = new Set();

  /** A row unlike any other of the cohort. */
  const uniqueRow = (it, week, k) => {
    for (;;) {
      const v = int(0, VERBS.length - 1);
      const s = int(0, SERVICES.length - 1);
      const t = int(0, TOPICS.length - 1);
      const f = int(0, FOLLOW.length - 1);
      const combo = `${v}.${s}.${t}.${f}`;
      if (usedCombos.has(combo)) continue;
      usedCombos.add(combo);
      const [n1, n2, n3] = shuffle(NOUNS);
      const a = `${it.handle}${n1}W${week}R${k}`;
      const b = `${it.handle}${n2}W${week}`;
      const c = `${n3.toLowerCase()}-${it.handle}`;
      // The intern's resource names between the slots: two rows of different interns share
      // at most a topic and a service in a row (Vietnamese syllables make short words).
      return {
        en: `${VERBS[v][0]} the \`${a}\` ${TOPICS[t][0]} on ${SERVICES[s]} for ${c}, then ${FOLLOW[f][0]} \`${b}\` results`,
        vi: `${VERBS[v][1]} \`${a}\`: ${TOPICS[t][1]} của ${SERVICES[s]} cho ${c}, rồi ${FOLLOW[f][1]} \`${b}\``,
      };
    }
  };

  const copiedText = (sentence, edit, lang) => {
    const text = sentence[lang === 'en' ? 0 : 1];
    if (lang === 'vi') return edit === 'case' ? text.toLowerCase().replace(/,/g, '') : text;
    const words = text.split(' ');
    switch (edit) {
      case 'swap': {
        const at = Math.floor(words.length / 2);
        words.splice(at, 0, EDIT_WORDS[at % EDIT_WORDS.length]);
        words.splice(at + 1, 1);
        return words.join(' ');
      }
      case 'drop': return words.slice(0, -3).join(' ');
      case 'add': return text + ADDED;
      case 'case': return text.toLowerCase().replace(/,/g, '');
      default: return text;
    }
  };

  const labLink = (id, lang) => {
    const [, main, variant] = LABS.find(([l]) => l === id);
    const code = labCode(id);
    const counts = titleCounts.get(id);
    const en = (() => {
      const roll = rand();
      if (roll < 0.55) { counts.main += 1; return { text: `[${code} - ${main}](https://${code}.awsstudygroup.com/en/)`, title: main }; }
      if (roll < 0.7 && counts.main >= counts.variant + 2) { counts.variant += 1; return { text: `[${variant}](https://${code}.awsstudygroup.com/)`, title: variant }; }
      if (roll < 0.85) return { text: `<https://${code}.awsstudygroup.com/>`, title: null };
      return { text: `[Lab ${id}](https://${code}.awsstudygroup.com/)`, title: null };
    })();
    return { en: en.text, vi: `<https://${code}.awsstudygroup.com/vi/>`, lang };
  };

  // Write every intern's site.
  for (const it of interns) {
    const langs = it.bilingual ? ['en', 'vi'] : ['en'];
    const weeksWritten = [...it.kinds.keys()].filter((w) => w !== 14).sort((a, b) => a - b);
    const writePage = (rel, text) => {
      const file = path.join(out, it.dir, rel);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
      it.files.push(`${it.dir}/${rel}`);
      return `${it.dir}/${rel}`;
    };
    for (const lang of langs) {
      writePage(`content/1-Worklog/_index${lang === 'vi' ? '.vi' : ''}.md`, indexPage(lang, weeksWritten));
    }
    if (chance(0.3)) writePage('content/2-Proposal/_index.md', PROPOSAL);
    const typoWeek = chance(0.12) ? pick(weeksWritten.filter((w) => it.kinds.get(w) === 'dated' && !copies.has(`${it.i}:${w}`))) : null;
    const typoKind = chance(0.5) ? 'shift' : 'reversed';

    for (const [week, kind] of [...it.kinds.entries()].sort((a, b) => a[0] - b[0])) {
      const monday = addDays(start, 7 * (week - 1));
      const cell = { week, kind, pages: 0, tasks: 0, twin_tasks: 0, template_tasks: 0, real: 0, datedOk: 0, days: new Set(), flagged: 0, diagnostics: 0, similar: 0, labs: new Set() };
      it.cells.set(week, cell);
      const folder = `content/1-Worklog/1.${week}-Week${week}`;
      if (kind === 'stub') {
        for (const lang of langs) writePage(`${folder}/_index${lang === 'vi' ? '.vi' : ''}.md`, '');
        cell.pages = langs.length;
        continue;
      }
      // The rows of the week, shared by both languages.
      const rows = [];
      const days = kind === 'progress' ? 3 : int(4, 6);
      const copy = copies.get(`${it.i}:${week}`);
      const copyAt = copy ? int(0, days - 1) : -1;
      for (let k = 0; k < days; k++) {
        const day = addDays(monday, k);
        const row = { day: String(k + 2), start: day, end: day, ref: null, real: true, labs: [] };
        if (kind === 'template') {
          row.text = { en: '...', vi: '...' };
          row.real = false;
          row.start = row.end = null; // dates come from the day label; template rows never count
        } else if (k === copyAt) {
          row.text = { en: copiedText(SHARED[copy.group], copy.edit, 'en'), vi: copiedText(SHARED[copy.group], copy.edit, 'vi') };
          row.group = copy.group;
          row.edit = copy.edit;
        } else if (k === 0 && chance(0.4)) {
          row.text = { en: 'Weekly sync with FCJ mentors', vi: 'Họp tuần với mentor FCJ' };
        } else {
          row.text = uniqueRow(it, week, k);
        }
        if (kind === 'undated') {
          row.day = '';
          row.start = row.end = null;
        } else if (kind === 'misdated') {
          // The template's dates left in: the week of 11 August, before the internship began.
          row.start = row.end = addDays(TEMPLATE_MONDAY, k);
          row.misdated = true;
        } else if (row.real && k < days - 1 && chance(0.15)) {
          row.end = addDays(day, 1); // a two-day task
        }
        if (row.real && kind !== 'undated' && chance(0.25)) {
          const lab = pick(LABS)[0];
          row.ref = labLink(lab, 'en');
          row.labs = [lab];
        } else if (row.real && chance(0.2)) {
          row.ref = { en: '<https://docs.aws.amazon.com/>', vi: '<https://docs.aws.amazon.com/vi_vn/>' };
        }
        rows.push(row);
      }
      // A date typo in the English page (never on a copied row, never the only row).
      let typoRow = -1;
      if (week === typoWeek && kind === 'dated') typoRow = int(0, rows.length - 1);

      for (const lang of langs) {
        const pageRows = rows.map((r, k) => {
          if (lang !== 'en' || k !== typoRow) return r;
          return typoKind === 'shift'
            ? { ...r, start: addDays(r.start, 28), end: addDays(r.end, 28), typo: 'shift' }
            : { ...r, end: addDays(r.start, -1), typo: 'reversed' };
        });
        const page = weekPage({
          lang, week, monday, rows: pageRows,
          table: kind !== 'notable',
          frontDate: kind !== 'undated',
        });
        const file = writePage(`${folder}/_index${lang === 'vi' ? '.vi' : ''}.md`, page.text);
        cell.pages += 1;
        if (kind === 'notable') continue;
        pageRows.forEach((r, k) => {
          const line = page.lines[k];
          if (lang === 'en') cell.tasks += 1; else cell.twin_tasks += 1;
          if (!r.real) { cell.template_tasks += 1; return; }
          cell.real += 1;
          // A row four weeks off is `date-outside-week`; a week dated before the one it
          // follows has every row `week-out-of-order`: one warning per row either way.
          const flagged = r.typo === 'shift' || r.misdated === true;
          if (!flagged && r.start) cell.datedOk += 1;
          if (flagged) { cell.flagged += 1; cell.diagnostics += 1; }
          if (r.typo === 'reversed') cell.diagnostics += 1;
          if (!flagged && r.start) {
            const [a, b] = r.end < r.start ? [r.end, r.start] : [r.start, r.end];
            for (let d = a; d <= b; d = addDays(d, 1)) cell.days.add(iso(d));
          }
          for (const lab of r.labs) cell.labs.add(lab);
          const record = { week, lang, file, line, text: r.text[lang], flagged, real: true, start: r.start, end: r.end, labs: r.labs };
          it.rows.push(record);
          if (r.group !== undefined) {
            const group = groups.find((g) => g.group === r.group);
            group.rows.push({ key: it.key, intern: it.i, week, lang, file, line, edit: r.edit, source: r.edit === 'none' && group.members[0] === it.i });
          }
        });
      }
    }
  }

  // Similar rows: every row of a group whose language has at least two interns. In English
  // each copy is one small edit away from the source row (so each matches it); in Vietnamese
  // the copies are verbatim (case and commas aside), so any two match.
  const similarGroups = [];
  for (const g of groups) {
    for (const lang of ['en', 'vi']) {
      const rows = g.rows.filter((r) => r.lang === lang);
      const source = rows.find((r) => r.source) || rows[0];
      if (!source || new Set(rows.map((r) => r.intern)).size < 2) continue;
      similarGroups.push({ group: g.group, week: g.week, language: lang, source: { file: source.file, line: source.line }, rows: rows.map(({ key, file, line, edit }) => ({ key, file, line, edit })) });
      for (const r of rows) interns[r.intern].cells.get(g.week).similar += 1;
    }
  }

  // Lab titles: the most common title each lab was given in a link's text.
  const labs = LABS.map(([id, main, variant]) => {
    const c = titleCounts.get(id);
    const title = c.main > 0 ? main : c.variant > 0 ? variant : null;
    const users = interns.filter((it) => [...it.cells.values()].some((cell) => cell.labs.has(id))).length;
    return { id, code: labCode(id), title, interns: users };
  }).filter((l) => l.interns > 0);

  // Cells and summaries as docs/cohort.md defines them.
  const columns = [...new Set([...Array.from({ length: plannedWeeks }, (_, k) => k + 1), ...interns.flatMap((it) => [...it.cells.keys()])])].sort((a, b) => a - b);
  const isDue = (w) => w >= 1 && w <= plannedWeeks && today >= addDays(start, 7 * w);
  const truthInterns = interns.map((it) => {
    const cells = {};
    for (const w of columns) {
      const c = it.cells.get(w);
      let state;
      if (!c) state = w > plannedWeeks ? 'extra' : isDue(w) ? 'missing' : 'not-due';
      else if (c.tasks + c.twin_tasks === 0) state = 'empty';
      else if (c.real === 0) state = 'template';
      else if (c.datedOk > 0) state = 'dated';
      else if (c.flagged > 0) state = 'misdated';
      else state = 'undated';
      cells[w] = {
        state,
        due: isDue(w),
        pages: c ? c.pages : 0,
        tasks: c ? c.tasks : 0,
        twin_tasks: c ? c.twin_tasks : 0,
        template_tasks: c ? c.template_tasks : 0,
        dated_days: c ? c.days.size : 0,
        flagged: c ? c.flagged : 0,
        diagnostics: c ? c.diagnostics : 0,
        similar: c ? c.similar : 0,
        labs: c ? [...c.labs].sort((a, b) => a - b) : [],
      };
    }
    const list = Object.values(cells);
    const dueWeeksCount = list.filter((c) => c.due).length;
    const datedWeeks = list.filter((c) => c.due && c.state === 'dated').length;
    const missing = list.filter((c) => c.state === 'missing').length;
    const unfilled = list.filter((c) => c.state === 'empty' || c.state === 'template').length;
    const diagnostics = list.reduce((n, c) => n + c.diagnostics, 0);
    let last = null;
    for (const r of it.rows) {
      if (r.flagged || !r.start) continue;
      const end = r.end < r.start ? r.start : r.end;
      if (!last || end > last) last = end;
    }
    const labWeeks = new Map();
    for (const [w, c] of it.cells) for (const lab of c.labs) labWeeks.set(lab, [...(labWeeks.get(lab) || []), w]);
    return {
      key: it.key,
      name: it.name,
      bilingual: it.bilingual,
      cells,
      summary: {
        dated_weeks: datedWeeks,
        due_weeks: dueWeeksCount,
        last_dated: last ? iso(last) : null,
        problems: diagnostics + missing + unfilled,
        missing,
        unfilled,
        diagnostics,
        flagged: list.reduce((n, c) => n + c.flagged, 0),
        similar: list.reduce((n, c) => n + c.similar, 0),
        tasks: list.reduce((n, c) => n + c.tasks, 0),
        labs: [...labWeeks.entries()].sort((a, b) => a[0] - b[0]).map(([lab, weeks]) => ({ lab, weeks: weeks.sort((a, b) => a - b) })),
      },
    };
  });

  const cohort = {
    schema: 2,
    name: cohortName,
    start: iso(start),
    weeks: plannedWeeks,
    interns: interns.map((it) => ({ key: it.key, name: it.name, files: it.files })),
  };
  const cohortSrc = { ...cohort, interns: interns.map((it) => ({ key: it.key, name: it.name, src: it.dir })) };
  const truth = {
    generator: 'tests/lib/cohort-gen.mjs',
    version: GENERATOR_VERSION,
    seed,
    cohort: { name: cohortName, start: iso(start), weeks: plannedWeeks, today: iso(today) },
    columns,
    interns: truthInterns,
    similar: similarGroups,
    labs,
  };
  fs.writeFileSync(path.join(out, 'cohort.json'), `${JSON.stringify(cohort, null, 2)}\n`);
  fs.writeFileSync(path.join(out, 'cohort-src.json'), `${JSON.stringify(cohortSrc, null, 2)}\n`);
  fs.writeFileSync(path.join(out, 'truth.json'), `${JSON.stringify(truth, null, 2)}\n`);
  return truth;
}

// ---- command line -----------------------------------------------------------------------------
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const value = (flag, fallback) => {
    const at = args.indexOf(flag);
    return at >= 0 && at + 1 < args.length ? args[at + 1] : fallback;
  };
  const out = value('--out', null);
  if (!out) {
    console.error('usage: node tests/lib/cohort-gen.mjs --out DIR [--interns 60] [--seed 1]');
    process.exit(2);
  }
  const truth = generateCohort({ out, interns: Number(value('--interns', 60)), seed: Number(value('--seed', 1)) });
  const files = truth.interns.reduce((n, it) => n + Object.values(it.cells).reduce((m, c) => m + c.pages, 0), 0);
  console.log(`cohort of ${truth.interns.length} interns written to ${out} (${files} week pages; cohort.json, cohort-src.json, truth.json)`);
}
