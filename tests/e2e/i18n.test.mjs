// The interface in English and Vietnamese: it follows the browser's language, `ui=` in the URL
// overrides it, the EN/VI switch of the header writes `ui=` (a history entry: reload and
// back/forward keep it), dates and numbers come from the browser's Intl (vi-VN / en-GB), and
// diagnostics are worded in Vietnamese from their code and values, under a Vietnamese title.
// Pages: the bundled demo (twelve weeks, most in both languages) and pages written here.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { browserSuite } from '../lib/harness.mjs';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const VI = { locale: 'vi-VN' };

/** A week-3 page whose rows break rules: day labels that are not the date's weekday
 * (day-label-mismatch, twice), a task that ends before it starts (end-before-start), a start
 * date that is no date (unparsed-date), so the row's date comes from its label
 * (date-from-day-label). */
const PROBLEMS = `---
title: "Week 3 Worklog"
---

### Week 3 Objectives:

* Learn Amazon S3

### Tasks to be carried out this week:

| Day | Task | Start Date | Completion Date | Reference Material |
| --- | --- | --- | --- | --- |
| 2 | Create an Amazon S3 bucket | 23/09/2025 | 23/09/2025 | |
| 4 | Upload files to the bucket | 25/09/2025 | 24/09/2025 | |
| 5 | Write the S3 report | soon | | |
`;

/** One week with 1,234 tasks: counts large enough to be grouped (1,234 / 1.234). */
const ROWS = 1234;
const BIG = (() => {
  const rows = [];
  for (let i = 0; i < ROWS; i++) {
    const day = 15 + (i % 5);
    rows.push(`| ${2 + (i % 5)} | Task number ${i + 1} with Amazon S3 | ${day}/09/2025 | ${day}/09/2025 | |`);
  }
  return `---\ntitle: "Week 2"\n---\n\n### Tasks to be carried out this week:\n\n| Day | Task | Start Date | Completion Date | Reference Material |\n| --- | --- | --- | --- | --- |\n${rows.join('\n')}\n`;
})();

const page = (text) => (req, res) => {
  res.writeHead(200, { 'content-type': 'text/markdown; charset=utf-8' });
  res.end(text);
};
const routes = {
  '/i18n/problems/content/1-Worklog/1.3-Week3/_index.md': page(PROBLEMS),
  '/i18n/big/content/1-Worklog/1.2-Week2/_index.md': page(BIG),
};
const PROBLEMS_SRC = 'i18n/problems/content/1-Worklog/1.3-Week3/_index.md';
const BIG_SRC = 'i18n/big/content/1-Worklog/1.2-Week2/_index.md';

const htmlLang = (app) => app.page.evaluate(() => document.documentElement.lang);
const tabTexts = (app) => app.page.$$eval('nav.tabs a', (tabs) => tabs.map((t) => t.innerText.trim()));
const pressed = (app) => app.page.$$eval('[data-ui-lang]', (bs) =>
  bs.filter((b) => b.getAttribute('aria-pressed') === 'true').map((b) => b.dataset.uiLang));
const text = (app, selector) => app.page.locator(selector).first().innerText();

/** Wait until the interface speaks `lang` (the tab labels are its first words). */
async function speaks(app, lang) {
  const weeks = lang === 'vi' ? 'Tuần' : 'Weeks';
  await app.page.waitForFunction(([l, w]) => document.documentElement.lang === l
    && document.querySelector('nav.tabs a[data-view="weeks"]')?.innerText.trim() === w, [lang, weeks]);
}

/**
 * Every `<time>` on screen says what the browser's Intl says for its `datetime` in `locale`
 * with the app's options: a Vietnamese date is `06/10/2025`, an English one `6 Oct 2025`
 * (each optionally after a weekday). Returns the texts.
 */
async function datesAreIntl(app, locale) {
  const times = await app.page.$$eval('time[datetime]', (els, loc) => els.map((el) => {
    const date = new Date(`${el.getAttribute('datetime')}T00:00:00Z`);
    const vi = loc === 'vi-VN';
    const day = vi ? '2-digit' : 'numeric';
    const month = vi ? '2-digit' : 'short';
    const fmt = (o) => new Intl.DateTimeFormat(loc, { timeZone: 'UTC', ...o }).format(date);
    return {
      text: el.innerText.trim(),
      lang: el.lang,
      full: fmt({ weekday: 'short', day, month, year: 'numeric' }),
      medium: fmt({ day, month, year: 'numeric' }),
    };
  }), locale);
  assert.ok(times.length > 0, 'dates are shown');
  for (const t of times) {
    assert.ok(t.text === t.full || t.text === t.medium, `"${t.text}" is Intl's ${locale} ("${t.full}" or "${t.medium}")`);
    assert.equal(t.lang, locale.slice(0, 2), `<time> carries the interface language: ${t.text}`);
  }
  return times.map((t) => t.text);
}

/** Words of the English interface that must not be left in the Vietnamese one. */
const ENGLISH_CHROME = ['Filters', 'Reset', 'Search tasks', 'Open files', 'Open folder', 'Paste', 'Load URL',
  'Clear', 'Export', 'Weeks', 'Timeline', 'Diagnostics', 'Cohort', 'Group by', 'Rows per page', 'Category', 'Language',
  'Dates', 'From week', ' tasks', 'Page ', 'Per week'];
async function noEnglishChrome(app) {
  const chrome = await app.page.$$eval(
    'header.topbar, nav.tabs, .filters summary, .filters legend, .filters label, .table-tools, .status p, .pager',
    (els) => els.map((e) => e.innerText).join('\n'));
  for (const word of ENGLISH_CHROME) {
    assert.ok(!chrome.includes(word), `no English "${word}" in the Vietnamese interface:\n${chrome}`);
  }
}

browserSuite('Vietnamese and English interface', { routes }, async (it) => {
  await it('a Vietnamese browser gets Vietnamese labels, vi-VN dates and the Vietnamese twins', '?view=weeks', async (app) => {
    await speaks(app, 'vi');
    assert.equal(await htmlLang(app), 'vi', '<html lang> follows the interface');
    // The five views of docs/url-parameters.md first (views added later, like the cohort, follow).
    assert.deepEqual((await tabTexts(app)).slice(0, 5), ['Tuần', 'Công việc', 'Dòng thời gian', 'Dịch vụ', 'Chẩn đoán']);
    assert.deepEqual(await pressed(app), ['vi'], 'the switch shows VI');
    assert.equal(app.url().searchParams.get('ui'), null, 'the browser language is not written to the URL');
    assert.equal(await app.page.title(), 'Tuần · Worklog Viewer');
    assert.equal((await text(app, '#filters-heading')).trim(), 'Bộ lọc');
    assert.match(await text(app, '.status p'), /^\d+ \/ \d+ công việc/);

    // Week cards: "Tuần N", opened on the Vietnamese page when the week has one (no lang=).
    assert.match(await text(app, '[data-testid="week-card"] h3'), /^Tuần 1$/);
    const twinCards = app.page.locator('[data-testid="week-card"]:has(.lang-switch)');
    assert.ok(await twinCards.count() >= 8, 'the demo has weeks in both languages');
    for (const card of await twinCards.all()) {
      assert.equal(await card.locator('.lang-switch button[aria-pressed="true"]').getAttribute('data-lang'), 'vi');
      assert.equal(await card.locator('.week-body').getAttribute('lang'), 'vi');
    }
    const dates = await datesAreIntl(app, 'vi-VN');
    assert.ok(dates.some((d) => /^(Thứ \d|CN), \d{2}\/\d{2}\/\d{4}$/.test(d)), `weekday and dd/mm/yyyy: ${dates[0]}`);
    await noEnglishChrome(app);

    // The other views too.
    await app.page.click('nav.tabs a[data-view="tasks"]');
    await app.page.waitForSelector('[data-testid="task-row"]');
    const headers = await app.page.$$eval('#tasks-table thead th', (ths) => ths.map((th) => th.innerText.trim()));
    assert.deepEqual(headers, ['Tuần', 'Thứ', 'Bắt đầu', 'Kết thúc', 'Công việc', 'Tài liệu tham khảo', 'Dịch vụ', 'Nguồn']);
    assert.match(await text(app, '[data-testid="page-indicator"]'), /^Trang 1 \/ \d+$/);
    const medium = await datesAreIntl(app, 'vi-VN');
    assert.ok(medium.every((d) => /^\d{2}\/\d{2}\/\d{4}$/.test(d)), 'the table shows dd/mm/yyyy');
    await noEnglishChrome(app);
    await app.page.click('nav.tabs a[data-view="timeline"]');
    await app.page.waitForSelector('[data-testid="timeline-bar"]');
    assert.match(await app.page.locator('[data-testid="timeline-bar"]').first().getAttribute('aria-label'), /^(⚠ .*; )?Tuần \d+, (Thứ \d|CN), \d{2}\/\d{2}\/\d{4}/);
    assert.match(await text(app, '.segmented'), /Theo tuần/);
    await app.page.click('nav.tabs a[data-view="services"]');
    await app.page.waitForSelector('[data-testid="heatmap"]');
    assert.equal((await text(app, '.services-view h2')).trim(), 'Dịch vụ theo tuần');
    assert.deepEqual(app.errors, []);
  }, VI);

  await it('?ui=en overrides a Vietnamese browser', '?ui=en&view=tasks', async (app) => {
    await speaks(app, 'en');
    assert.equal(await htmlLang(app), 'en');
    assert.deepEqual((await tabTexts(app)).slice(0, 5), ['Weeks', 'Tasks', 'Timeline', 'Services', 'Diagnostics']);
    assert.deepEqual(await pressed(app), ['en']);
    assert.equal(app.url().searchParams.get('ui'), 'en', 'the address keeps ui=en');
    await app.page.waitForSelector('[data-testid="task-row"]');
    const dates = await datesAreIntl(app, 'en-GB');
    assert.ok(dates.every((d) => /^\d{1,2} [A-Z][a-z]{2,3} \d{4}$/.test(d)), `day month year: ${dates[0]}`);
    assert.match(await text(app, '.status p'), /^\d+ of \d+ tasks/);
  }, VI);

  await it('?ui=vi overrides an English browser; an English browser without ui= gets English', '?ui=vi', async (app) => {
    await speaks(app, 'vi');
    await app.goto('?view=weeks');
    await speaks(app, 'en');
    assert.equal(await app.page.title(), 'Weeks · Worklog Viewer');
    const twinCard = app.page.locator('[data-testid="week-card"]:has(.lang-switch)').first();
    assert.equal(await twinCard.locator('.lang-switch button[aria-pressed="true"]').getAttribute('data-lang'), 'en');
    const dates = await datesAreIntl(app, 'en-GB');
    assert.ok(dates.some((d) => /^[A-Z][a-z]{2}, \d{1,2} [A-Z][a-z]{2,3} \d{4}$/.test(d)), `Mon, 6 Oct 2025: ${dates[0]}`);
  });

  await it('lang= decides the twin whatever ui= says', '?ui=vi&lang=en', async (app) => {
    await speaks(app, 'vi');
    const card = app.page.locator('[data-testid="week-card"]').first();
    assert.equal(await card.locator('.week-body').getAttribute('lang'), 'en');
  });

  await it('the EN/VI switch changes the language, writes ui= and survives a reload', '?view=weeks', async (app) => {
    await speaks(app, 'en');
    await app.page.click('[data-ui-lang="vi"]');
    await speaks(app, 'vi');
    assert.equal(app.url().searchParams.get('ui'), 'vi');
    assert.equal(app.url().searchParams.get('view'), null, 'the rest of the state is kept (weeks is the default)');
    assert.deepEqual(await pressed(app), ['vi']);
    // Cards already on screen switch to the Vietnamese twin and Vietnamese dates.
    const twinCard = app.page.locator('[data-testid="week-card"]:has(.lang-switch)').first();
    assert.equal(await twinCard.locator('.lang-switch button[aria-pressed="true"]').getAttribute('data-lang'), 'vi');
    await datesAreIntl(app, 'vi-VN');
    await app.page.reload();
    await app.waitReady();
    await speaks(app, 'vi');
    assert.equal(app.url().searchParams.get('ui'), 'vi');
    await app.page.click('[data-ui-lang="en"]');
    await speaks(app, 'en');
    assert.equal(app.url().searchParams.get('ui'), 'en', 'an explicit choice is written even when it is the browser\'s');
    // Keyboard: the switch is two buttons in the tab order.
    await app.page.focus('[data-ui-lang="en"]');
    await app.page.keyboard.press('Tab');
    assert.equal(await app.page.evaluate(() => document.activeElement?.dataset.uiLang), 'vi');
    await app.page.keyboard.press('Enter');
    await speaks(app, 'vi');
  });

  await it('back and forward restore the language with the rest of the screen', '?view=weeks', async (app) => {
    await speaks(app, 'en');
    await app.page.click('[data-ui-lang="vi"]');
    await speaks(app, 'vi');
    await app.page.click('nav.tabs a[data-view="tasks"]');
    await app.page.waitForSelector('[data-testid="task-row"]');
    assert.equal(app.url().search, '?view=tasks&ui=vi');
    await app.page.goBack();
    await app.page.waitForSelector('[data-testid="week-card"]');
    await speaks(app, 'vi');
    assert.equal(app.url().searchParams.get('ui'), 'vi');
    await app.page.goBack();
    await speaks(app, 'en');
    assert.equal(app.url().searchParams.get('ui'), null);
    assert.deepEqual(await pressed(app), ['en']);
    await app.page.goForward();
    await speaks(app, 'vi');
    await app.page.goForward();
    await app.page.waitForSelector('[data-testid="task-row"]');
    await speaks(app, 'vi');
    assert.equal(await app.page.title(), 'Công việc · Worklog Viewer');
  });

  await it('with ui=vi diagnostics are worded in Vietnamese from their code and values, under a Vietnamese title', `?src=${PROBLEMS_SRC}&view=diagnostics`, async (app) => {
    await speaks(app, 'vi');
    await app.page.waitForSelector('[data-testid="diagnostic"]');
    const read = () => app.page.$$eval('[data-testid="diagnostic"]', (items) => items.map((li) => ({
      code: li.dataset.code,
      title: li.querySelector('[data-testid="diagnostic-title"]')?.innerText ?? null,
      titleLang: li.querySelector('[data-testid="diagnostic-title"]')?.lang ?? null,
      message: li.querySelector('[data-testid="diagnostic-message"]').innerText,
      messageLang: li.querySelector('[data-testid="diagnostic-message"]').lang,
      severity: li.querySelector('.severity').innerText,
      line: li.querySelector('.line-no').innerText,
    })));
    const diagnostics = await read();
    const byCode = Object.fromEntries(diagnostics.map((d) => [d.code, d]));
    assert.ok(byCode['day-label-mismatch'], `day-label-mismatch reported: ${JSON.stringify(diagnostics)}`);
    assert.ok(byCode['end-before-start'], 'end-before-start reported');
    assert.equal(byCode['day-label-mismatch'].title, 'Thứ và ngày không khớp');
    assert.equal(byCode['end-before-start'].title, 'Ngày kết thúc trước ngày bắt đầu');
    // The values of the page in Vietnamese words: weekdays, dd/mm/yyyy dates, the cell as written.
    const messages = diagnostics.map((d) => d.message);
    for (const expected of [
      'Nhãn thứ "2" nghĩa là Thứ Hai nhưng ngày 23/09/2025 lại là Thứ Ba; ngày ghi trong bảng được dùng.',
      'Nhãn thứ "4" nghĩa là Thứ Tư nhưng ngày 25/09/2025 lại là Thứ Năm; ngày ghi trong bảng được dùng.',
      'Ngày kết thúc 24/09/2025 sớm hơn ngày bắt đầu 25/09/2025.',
      'Ngày bắt đầu "soon" không phải là ngày mà trình đọc hiểu được (hãy viết ví dụ như 06/10/2025 hoặc 2025-10-06).',
      'Hàng này không có ngày; ngày 26/09/2025 được suy ra từ nhãn thứ và ngày ở dòng 14.',
    ]) {
      assert.ok(messages.includes(expected), `"${expected}" is shown:\n${messages.join('\n')}`);
    }
    for (const d of diagnostics) {
      assert.ok(d.title, `every documented code has a title: ${d.code}`);
      assert.equal(d.titleLang, 'vi');
      assert.equal(d.messageLang, 'vi', `the message is Vietnamese and says so: ${d.message}`);
      assert.match(d.severity, /^(lỗi|cảnh báo|ghi chú)$/i);
      assert.match(d.line, /^(dòng \d+(:\d+)?|cả tệp)$/);
    }
    // No English message left anywhere in the view (the core's wording of these diagnostics).
    const view = await text(app, '.diagnostics-view');
    for (const english of ['The day label', 'means Monday', 'is a Tuesday', 'the date is used', 'The end date',
      'is before the start date', 'The start date', 'not a date this reader understands', 'This row has no date',
      'follows from the day label', 'has a first part above 12', 'so it can only be']) {
      assert.ok(!view.includes(english), `no English "${english}" in the Vietnamese diagnostics view:\n${view}`);
    }
    assert.match(await text(app, '[data-testid="diagnostics-summary"]'), /^1 trang · \d+ lỗi · \d+ cảnh báo · \d+ ghi chú$/);
    // Why the dates read day/month, worded from the reason's data, and marked Vietnamese.
    const reason = () => app.page.$eval('[data-testid="date-order-reason"]', (p) =>
      ({ text: p.innerText, lang: p.querySelector('span[lang]').lang }));
    assert.deepEqual(await reason(), {
      text: 'Thứ tự ngày tháng: 23/09/2025 (dòng 13) có phần đầu lớn hơn 12 nên chỉ có thể là ngày/tháng.',
      lang: 'vi',
    });
    // In English the core's message is alone, and says it is English.
    await app.page.click('[data-ui-lang="en"]');
    await speaks(app, 'en');
    assert.equal(await app.count('[data-testid="diagnostic-title"]'), 0);
    const english = await read();
    assert.ok(english.some((d) => d.message === 'The day label "2" means Monday but 2025-09-23 is a Tuesday; the date is used.'),
      english.map((d) => d.message).join('\n'));
    assert.ok(english.every((d) => d.messageLang === 'en'));
    assert.deepEqual(await reason(), {
      text: 'Date order: 23/09/2025 (line 13) has a first part above 12, so it can only be day/month.',
      lang: 'en',
    });
    assert.match(await text(app, '[data-testid="diagnostics-summary"]'), /^1 page · \d+ errors? · \d+ warnings? · \d+ notes?$/);
    // And back: the same diagnostics reword without a reload.
    await app.page.click('[data-ui-lang="vi"]');
    await speaks(app, 'vi');
    assert.ok((await read()).every((d) => d.messageLang === 'vi'));
    assert.deepEqual(app.errors, []);
  }, VI);

  await it('the Vietnamese interface has no serious accessibility violation in any view', '?view=weeks', async (app) => {
    await speaks(app, 'vi');
    await app.page.evaluate(AXE_SOURCE);
    const views = await app.page.$$eval('nav.tabs a[data-view]', (tabs) => tabs.map((t) => t.dataset.view));
    for (const view of views) {
      await app.page.click(`nav.tabs a[data-view="${view}"]`);
      await app.page.waitForFunction((v) => document.querySelector(`[data-view="${v}"]`)?.getAttribute('aria-current') === 'page', view);
      await app.page.waitForTimeout(300);
      const results = await app.page.evaluate(() => window.axe.run(document, {
        resultTypes: ['violations'],
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      }));
      const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      console.log(`axe ui=vi ${view}: ${blocking.length} serious/critical [${blocking.map((v) => v.id).join(', ') || 'none'}]`);
      assert.deepEqual(blocking.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`), [], view);
    }
  }, VI);

  await it('numbers are grouped the Vietnamese and the English way', `?src=${BIG_SRC}&view=tasks&ui=vi`, async (app) => {
    await speaks(app, 'vi');
    await app.page.waitForFunction((n) => document.querySelector('[data-testid="task-count"]')?.innerText === n, '1.234');
    assert.match(await text(app, '.status p'), /^1\.234 \/ 1\.234 công việc/);
    await app.page.click('[data-ui-lang="en"]');
    await speaks(app, 'en');
    assert.equal(await text(app, '[data-testid="task-count"]'), '1,234');
    assert.match(await text(app, '.status p'), /^1,234 of 1,234 tasks/);
    // The app groups counts itself (a first Intl.NumberFormat costs a long task): the browser's
    // Intl must agree with it for both locales.
    const intl = await app.page.evaluate(() => [1234, 20000, 1234567].map((n) => [
      new Intl.NumberFormat('en-GB').format(n), new Intl.NumberFormat('vi-VN').format(n)]));
    assert.deepEqual(intl, [['1,234', '1.234'], ['20,000', '20.000'], ['1,234,567', '1.234.567']]);
  });
});
