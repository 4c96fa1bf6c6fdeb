// Whole Hugo sites of invented interns, written to disk for the browser tests, with the truth
// computed here by the generator (never by asking the app or the core): which interns, weeks
// and tasks a reader must see, and how many pages of other sections must be set aside.
//
// Each site has every section the FCJ report template has: the home page, the worklog (index +
// one folder per week, English and Vietnamese twins), a proposal with a task-like table, blogs,
// events, a workshop tree with its own "week" numbered pages, self-evaluation and feedback.
import fs from 'node:fs';
import path from 'node:path';

const SERVICES = ['Amazon S3', 'AWS Lambda', 'Amazon EC2', 'Amazon VPC', 'AWS IAM', 'Amazon RDS',
  'Amazon CloudWatch', 'Amazon DynamoDB', 'AWS CloudFormation', 'Amazon SNS'];

const pad = (n) => String(n).padStart(2, '0');
/** DD/MM/YYYY of `start` + `days`. */
function ddmm(start, days) {
  const d = new Date(Date.UTC(start[0], start[1] - 1, start[2] + days));
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

function write(root, rel, text) {
  const file = path.join(root, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

function weekPage({ intern, week, tasks, start, lang }) {
  const vi = lang === 'vi';
  const head = vi
    ? '| Thứ | Công việc | Ngày bắt đầu | Ngày hoàn thành | Nguồn tài liệu |'
    : '| Day | Task | Start Date | Completion Date | Reference Material |';
  const rows = tasks.map((t, k) => {
    const date = ddmm(start, 7 * (week - 1) + k);
    return `| ${k + 2} | ${t[lang]} | ${date} | ${date} | <https://docs.aws.amazon.com/> |`;
  });
  return `---
title: "${vi ? 'Nhật ký tuần' : 'Worklog Week'} ${week}"
date: ${new Date().toISOString().slice(0, 10)}
weight: ${week}
chapter: false
pre: " <b> 1.${week}. </b> "
---

### ${vi ? `Mục tiêu tuần ${week}` : `Week ${week} Objectives`}:

* ${vi ? 'Làm quen với dịch vụ AWS' : 'Get to know AWS services'} (${intern})

### ${vi ? 'Các công việc cần triển khai trong tuần này' : 'Tasks to be carried out this week'}:

${head}
| --- | --- | --- | --- | --- |
${rows.join('\n')}

### ${vi ? `Kết quả đạt được tuần ${week}` : `Week ${week} Achievements`}:

* ${vi ? 'Hoàn thành các bài thực hành' : 'Finished the labs'}
`;
}

/** Pages of the other sections: relative path → text. Tables and week words on purpose. */
function otherSections(intern) {
  const table = `| Day | Task | Start Date | Completion Date |
| --- | --- | --- | --- |
| 1 | Draft the architecture of ${intern}'s project | 08/09/2025 | 12/09/2025 |
| 2 | Estimate the cost | 15/09/2025 | 19/09/2025 |
`;
  const page = (title, weight, body) => `---
title: "${title}"
weight: ${weight}
chapter: false
---

${body}
`;
  return {
    'content/_index.md': page('Internship Report', 1, `# Internship report of ${intern}\n\n### Week 1 to week 12\n\n| Item | Value |\n| --- | --- |\n| Name | ${intern} |\n`),
    'content/_index.vi.md': page('Báo cáo thực tập', 1, `# Báo cáo thực tập của ${intern}\n`),
    'content/2-Proposal/_index.md': page('Proposal', 2, `# Serverless notes app\n\n### Week 1 plan\n\n${table}`),
    'content/2-Proposal/_index.vi.md': page('Đề xuất', 2, `# Ứng dụng ghi chú\n\n${table}`),
    'content/3-BlogsTranslated/_index.md': page('Translated Blogs', 3, '### Blog 1\n\nA translated blog.'),
    'content/3-BlogsTranslated/3.1-Blog1/_index.md': page('Blog 1', 1, '# Week 1 of serverless\n\nText of the blog.'),
    'content/3-BlogsTranslated/3.1-Blog1/_index.vi.md': page('Blog 1', 1, '# Tuần 1\n\nNội dung.'),
    'content/4-EventParticipated/4.1-Event1/_index.md': page('Event 1', 1, '# AWS Cloud Day\n\n### Week 3 event\n\nNotes.'),
    'content/5-Workshop/_index.md': page('Workshop', 5, `# Workshop\n\n${table}`),
    'content/5-Workshop/5.1-Workshop-overview/_index.md': page('Overview', 1, '# Overview\n\n* Lab steps'),
    'content/5-Workshop/5.3-Week3-lab/_index.md': page('Week 3 lab', 3, `# Week 3 lab\n\n${table}`),
    'content/6-Self-evaluation/_index.md': page('Self-evaluation', 6, '| Criterion | Score |\n| --- | --- |\n| Work | Good |\n'),
    'content/7-Feedback/_index.md': page('Feedback', 7, '### Feedback\n\n* Great programme'),
  };
}

/**
 * Write one intern's whole site under `root/<dir>`; returns its truth:
 * `{name, weeks, tasksEn, tasksVi, texts: [English task texts], setAside}`.
 */
export function writeSite(root, dir, { weeks = 12, tasksPerWeek = 3, start = [2025, 9, 8], bilingual = true } = {}) {
  const base = path.join(root, dir);
  // Task texts carry the folder below the cohort, so namesakes' tasks differ.
  const intern = dir.split('/').slice(1).join('/') || dir;
  const texts = [];
  let tasksVi = 0;
  for (let week = 1; week <= weeks; week++) {
    const tasks = Array.from({ length: tasksPerWeek }, (_, k) => {
      const service = SERVICES[(week + k) % SERVICES.length];
      return {
        en: `${intern} week ${week} task ${k + 1}: practise ${service}`,
        vi: `${intern} tuần ${week} việc ${k + 1}: thực hành ${service}`,
      };
    });
    texts.push(...tasks.map((t) => t.en));
    const folder = `content/1-Worklog/1.${week}-Week${week}`;
    write(base, `${folder}/_index.md`, weekPage({ intern, week, tasks, start, lang: 'en' }));
    if (bilingual) {
      write(base, `${folder}/_index.vi.md`, weekPage({ intern, week, tasks, start, lang: 'vi' }));
      tasksVi += tasks.length;
    }
  }
  write(base, 'content/1-Worklog/_index.md', `---\ntitle: "Worklog"\nweight: 1\nchapter: false\n---\n\n${Array.from({ length: weeks }, (_, i) => `**Week ${i + 1}:** [Week ${i + 1}](1.${i + 1}-Week${i + 1}/)`).join('\n\n')}\n`);
  const others = otherSections(intern);
  for (const [rel, text] of Object.entries(others)) write(base, rel, text);
  write(base, 'config.toml', `baseURL = "/"\ntitle = "${intern}"\n`);
  return { name: path.basename(dir), weeks, tasksEn: texts.length, tasksVi, texts, setAside: Object.keys(others).length };
}

/** A whole internship in one page: `## Week N: topic` sections with a date line each. */
export function writeSingleFile(root, dir, { weeks = 12 } = {}) {
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
    'September', 'October', 'November', 'December'];
  const sections = [];
  for (let week = 1; week <= weeks; week++) {
    const monday = new Date(Date.UTC(2026, 0, 5 + 7 * (week - 1)));
    const friday = new Date(Date.UTC(2026, 0, 9 + 7 * (week - 1)));
    const when = monday.getUTCMonth() === friday.getUTCMonth()
      ? `${months[monday.getUTCMonth()]} ${monday.getUTCDate()}–${friday.getUTCDate()}, 2026`
      : `${months[monday.getUTCMonth()]} ${monday.getUTCDate()} – ${months[friday.getUTCMonth()]} ${friday.getUTCDate()}, 2026`;
    sections.push(`## Week ${week}: ${SERVICES[week % SERVICES.length]} basics\n\n**📅 ${when}**\n\n- Studied ${SERVICES[week % SERVICES.length]}\n- Did the lab of week ${week}\n`);
  }
  write(path.join(root, dir), 'content/worklog/_index.md', `---\ntitle: "My internship worklog"\n---\n\n# Worklog\n\n${sections.join('\n')}`);
  return { weeks };
}
