// The search box, used the way people type: with pauses longer than the debounce between keys,
// spaces, Vietnamese diacritics, backspace, an input method composing syllables (Telex), and
// back/forward. The box always shows exactly what was typed; the table and the URL follow the
// normalised text. Pages: tests/fixtures/worklogs (week 2; week 5 in English and Vietnamese).
import assert from 'node:assert/strict';
import { browserSuite, fixtureRoutes } from '../lib/harness.mjs';

/** Longer than the app's search debounce (140 ms): each pause lets the search apply. */
const PAUSE = 400;
const FIXTURES = '?src=fixtures/index.json&view=tasks';

const box = (app) => app.page.locator('#search');
const boxValue = (app) => box(app).inputValue();
const urlQuery = (app) => app.url().searchParams.get('q');
const taskCount = async (app) => Number((await app.page.locator('[data-testid="task-count"]').innerText()).replace(/\D+/g, ''));
const taskTexts = (app) => app.mapTableRows((rows) => rows.map((r) => r.innerText), '#tasks-table tbody tr[data-testid="task-row"]');

/** Type `text` one key at a time, pausing after each key longer than the debounce. */
async function typeSlowly(app, text) {
  for (const key of text) {
    await app.page.keyboard.type(key);
    await app.page.waitForTimeout(PAUSE);
  }
}

/** Type `text` at typing speed (keys closer than the debounce), then pause longer than it. */
async function typeThenPause(app, text) {
  await app.page.keyboard.type(text, { delay: 30 });
  await app.page.waitForTimeout(PAUSE);
}

async function pressSlowly(app, key, times) {
  for (let i = 0; i < times; i++) {
    await app.page.keyboard.press(key);
    await app.page.waitForTimeout(PAUSE);
  }
}

/** Wait until the table shows `n` tasks. */
const tasksShown = (app, n) => app.page.waitForFunction(
  (n) => Number(document.querySelector('[data-testid="task-count"]')?.innerText.replace(/\D+/g, '')) === n, n);

browserSuite('search box', { routes: fixtureRoutes() }, async (it) => {
  await it('typing "ec2 lambda" a word at a time keeps the space, and the table shows tasks with both words', FIXTURES, async (app) => {
    assert.equal(await taskCount(app), 10, 'week 2 and week 5 (the Vietnamese twin is folded)');
    await box(app).click();
    await typeThenPause(app, 'ec2 ');
    assert.equal(await boxValue(app), 'ec2 ', 'the space stays in the box after the pause');
    assert.equal(urlQuery(app), 'ec2', 'the URL gets the normalised text');
    await tasksShown(app, 3);
    await typeThenPause(app, 'lambda');
    assert.equal(await boxValue(app), 'ec2 lambda');
    assert.equal(urlQuery(app), 'ec2 lambda');
    await tasksShown(app, 2);
    for (const text of await taskTexts(app)) {
      assert.match(text, /EC2/i);
      assert.match(text, /Lambda/i);
    }
    // Backspace, one key at a time with pauses, back to "ec2 " and to nothing.
    await pressSlowly(app, 'Backspace', 3);
    assert.equal(await boxValue(app), 'ec2 lam');
    assert.equal(urlQuery(app), 'ec2 lam');
    await pressSlowly(app, 'Backspace', 3);
    assert.equal(await boxValue(app), 'ec2 ', 'the space is still there');
    assert.equal(urlQuery(app), 'ec2');
    await tasksShown(app, 3);
    await typeSlowly(app, 's3');
    assert.equal(await boxValue(app), 'ec2 s3', 'a pause after every key, space included');
    await tasksShown(app, 0);
    await pressSlowly(app, 'Backspace', 6);
    assert.equal(await boxValue(app), '');
    assert.equal(urlQuery(app), null, 'an empty search leaves the URL');
    await tasksShown(app, 10);
  });

  await it('leading, doubled and trailing spaces stay in the box while typing', FIXTURES, async (app) => {
    await box(app).click();
    await typeThenPause(app, ' s3  ');
    assert.equal(await boxValue(app), ' s3  ');
    await typeThenPause(app, 'bucket ');
    assert.equal(await boxValue(app), ' s3  bucket ');
    assert.equal(urlQuery(app), 's3 bucket');
    await tasksShown(app, 1);
  });

  await it('Vietnamese diacritics typed with pauses: "Tìm hiểu" stays exactly as typed and filters', `${FIXTURES}&lang=vi`, async (app) => {
    assert.equal(await taskCount(app), 5, 'the Vietnamese week 5');
    await box(app).click();
    await typeThenPause(app, 'Tìm ');
    assert.equal(await boxValue(app), 'Tìm ');
    await typeThenPause(app, 'hiểu');
    assert.equal(await boxValue(app), 'Tìm hiểu');
    assert.equal(urlQuery(app), 'Tìm hiểu');
    await tasksShown(app, 3);
    for (const text of await taskTexts(app)) assert.match(text, /Tìm hiểu/);
    await pressSlowly(app, 'Backspace', 1);
    assert.equal(await boxValue(app), 'Tìm hiể', 'backspace removes one character, diacritics included');
    await tasksShown(app, 3);
    // A mistyped letter finds nothing, and says so with an empty table, not a changed box.
    await typeSlowly(app, 'x');
    assert.equal(await boxValue(app), 'Tìm hiểx');
    await tasksShown(app, 0);
  });

  await it('an input method composing "Tìm hiểu" (Telex): nothing filters until a syllable is committed', `${FIXTURES}&lang=vi`, async (app) => {
    const cdp = await app.context.newCDPSession(app.page);
    // Records what the page saw, to prove composition events (not key presses) were used.
    await app.page.evaluate(() => {
      window.__composition = [];
      for (const type of ['compositionstart', 'compositionupdate', 'compositionend']) {
        document.getElementById('search').addEventListener(type, (e) => window.__composition.push(`${type}:${e.data}`));
      }
    });
    await box(app).click();
    /** Compose `steps` (what a Telex input method shows while typing), then commit `final`. */
    const compose = async (steps, final, committedQuery) => {
      for (const text of steps) {
        await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
        await app.page.waitForTimeout(PAUSE);
        assert.ok((await boxValue(app)).endsWith(text), `the box shows the syllable being composed: ${text}`);
        assert.equal(urlQuery(app), committedQuery, `half-composed "${text}" does not filter`);
        assert.equal(await taskCount(app), committedQuery ? 3 : 5, 'the table does not change while composing');
      }
      await cdp.send('Input.insertText', { text: final });
      await app.page.waitForTimeout(PAUSE);
    };
    // t → ti → tim → timf (Telex: f adds the grave accent) shows "tìm".
    await compose(['t', 'ti', 'tim', 'tìm'], 'Tìm', null);
    assert.equal(await boxValue(app), 'Tìm');
    assert.equal(urlQuery(app), 'Tìm');
    await tasksShown(app, 3);
    await app.page.keyboard.type(' ');
    await app.page.waitForTimeout(PAUSE);
    // h → hi → hie → hiee (ê) → hieeu → hieeur (hỏi: ể).
    await compose(['h', 'hi', 'hie', 'hiê', 'hiêu', 'hiểu'], 'hiểu', 'Tìm');
    assert.equal(await boxValue(app), 'Tìm hiểu');
    assert.equal(urlQuery(app), 'Tìm hiểu');
    await tasksShown(app, 3);
    for (const text of await taskTexts(app)) assert.match(text, /Tìm hiểu/);
    const seen = await app.page.evaluate(() => window.__composition);
    assert.ok(seen.includes('compositionstart:'), `composition events reached the box: ${seen.join(', ')}`);
    assert.ok(seen.some((e) => e.startsWith('compositionend:')), 'and the composition was committed');
  });

  await it('back and forward put the search text of each step back in the box', FIXTURES, async (app) => {
    await box(app).click();
    await typeSlowly(app, 'ec2');
    assert.equal(urlQuery(app), 'ec2');
    // A deliberate step (a click) after typing: history entry 2.
    await app.page.locator('[data-testid="facet-services"] [data-service="lambda"]').first().check();
    await app.page.waitForFunction(() => new URL(location.href).searchParams.get('service') === 'lambda');
    await tasksShown(app, 2);
    // Esc clears the search: history entry 3.
    await box(app).click();
    await app.page.keyboard.press('Escape');
    await app.page.waitForFunction(() => !new URL(location.href).searchParams.has('q'));
    await app.page.waitForTimeout(PAUSE);
    assert.equal(await boxValue(app), '');
    await tasksShown(app, 3);

    await app.page.goBack();
    await app.page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'ec2');
    await tasksShown(app, 2);
    assert.equal(await boxValue(app), 'ec2', 'back: the box shows the search of that step');
    await app.page.goBack();
    await app.page.waitForFunction(() => !new URL(location.href).searchParams.has('service'));
    await tasksShown(app, 3);
    assert.equal(await boxValue(app), 'ec2');
    await app.page.goForward();
    await app.page.goForward();
    await app.page.waitForFunction(() => !new URL(location.href).searchParams.has('q'));
    await tasksShown(app, 3);
    assert.equal(await boxValue(app), '', 'forward: the cleared search is cleared in the box');
  });

  await it('a shared link with a search shows it in the box', `${FIXTURES}&q=cloudwatch%20alarms`, async (app) => {
    assert.equal(await boxValue(app), 'cloudwatch alarms');
    await tasksShown(app, 1);
  });
});
