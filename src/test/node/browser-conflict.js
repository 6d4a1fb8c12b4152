// Conflicting edits in real browser pages (headless Chromium, playwright-core): page B saves an event while someone
// else's change of it commits first (B's save is held in the network until that change has committed). B's save
// must be refused with the reason shown, B must end up showing the change that won and be able to edit on, and page
// A, the database and B must agree.
// Usage: node browser-conflict.js <baseUrl> <legacy|remote> <screenshotDir>
// Prints one JSON line per step ({"step",...}) and exits 0 when every step passed, 1 otherwise.
'use strict';
const { launch: launchChromium } = require('./chromium');
const fs = require('fs');
const path = require('path');

const [baseUrl, mode, shots] = process.argv.slice(2);
const DATE = '2031-03-10'; // a Monday far from other tests' data
const report = (o) => console.log(JSON.stringify(o));
const WAIT = { timeout: 10000, polling: 20 };

async function rest(method, url, body) {
  const response = await fetch(baseUrl + url, { method, headers: { 'Content-Type': 'application/json' }, body: body && JSON.stringify(body) });
  if (response.status !== 200) throw new Error(`${method} ${url} answered ${response.status}`);
  return response.json();
}

const shows = (id, text) => ({ fn: ([i, t]) => !!scheduler.getEvent(i) && scheduler.getEvent(i).text === t, arg: [id, text] });

async function scenario(browser, file) {
  const stamp = Date.now();
  const inserted = await rest('POST', 'api/events', { start_date: '2031-03-11 09:00', end_date: '2031-03-11 10:00', text: `base ${stamp}` });
  const id = inserted.tid;
  const url = `${baseUrl}${file}?date=${DATE}&view=week`;
  const [a, b] = await Promise.all([open(browser, url), open(browser, url)]);
  for (const page of [a, b]) await page.waitForFunction(shows(id, `base ${stamp}`).fn, shows(id, `base ${stamp}`).arg, WAIT);
  await b.waitForTimeout(700); // let both pages finish their live handshakes before the first change

  // Someone else's change commits while B's save is on its way: hold B's PUT until it has.
  const winner = `someone else's change ${stamp}`;
  await b.route(`**/api/events/${id}`, async (route) => {
    if (route.request().method() === 'PUT') {
      const stored = (await rest('GET', 'api/events')).data.find((e) => e.id === id);
      await rest('PUT', `api/events/${id}`, { text: winner, version: stored.version });
    }
    await route.continue();
  }, { times: 1 });
  const answered = b.waitForResponse((r) => r.url().endsWith(`/api/events/${id}`) && r.request().method() === 'PUT');
  await b.evaluate((i) => edit(i, 'edit made in page B'), id);
  const answer = await (await answered).json();
  report({ step: 'refused', answer: { action: answer.action, message: answer.message } });
  if (answer.action !== 'error' || !/changed by someone else/.test(answer.message)) throw new Error('B\'s stale save was not refused: ' + JSON.stringify(answer));

  for (const page of [a, b]) await page.waitForFunction(shows(id, winner).fn, shows(id, winner).arg, WAIT);
  await b.waitForFunction(() => /changed by someone else/.test(document.body.innerText), null, WAIT);
  if (await b.evaluate((i) => !!scheduler._dp.is_invalid(i) || !!scheduler._dp.getState(i), id)) throw new Error('B still marks the event as unsaved');
  report({ step: 'winner-shown' });
  await b.screenshot({ path: path.join(shots, `conflict-${mode}-page-b.png`) });

  // B edits on, on the version that won: accepted, and A shows it.
  const next = `B edits on ${stamp}`;
  const saved = b.waitForResponse((r) => r.url().endsWith(`/api/events/${id}`) && r.request().method() === 'PUT');
  await b.evaluate(([i, t]) => edit(i, t), [id, next]);
  const second = await (await saved).json();
  if (second.action !== 'updated') throw new Error('B\'s next edit was refused: ' + JSON.stringify(second));
  await a.waitForFunction(shows(id, next).fn, shows(id, next).arg, WAIT);
  const stored = (await rest('GET', 'api/events')).data.find((e) => e.id === id);
  if (stored.text !== next) throw new Error('the database holds ' + JSON.stringify(stored));
  for (const page of [a, b]) {
    const shown = await page.evaluate((i) => ({ text: scheduler.getEvent(i).text, version: scheduler.getEvent(i).version }), id);
    if (shown.text !== stored.text || Number(shown.version) !== stored.version) {
      throw new Error(`a page shows ${JSON.stringify(shown)}, the database ${stored.text} v${stored.version}`);
    }
  }
  report({ step: 'same-as-database', version: stored.version });
  if (mode === 'legacy') await lightboxCollision(a, b, id, stamp);
  await rest('DELETE', `api/events/${id}`);
}

// live_updates.js: someone else's change arrives for the event B has open in the lightbox. B is told
// (onLiveUpdateCollision, shown by the demo page), and B's save of the lightbox is refused instead of overwriting it.
async function lightboxCollision(a, b, id, stamp) {
  await b.evaluate((i) => scheduler.showLightbox(i), id);
  await b.waitForSelector('.dhx_cal_larea textarea');
  const stored = (await rest('GET', 'api/events')).data.find((e) => e.id === id);
  const winner = `changed while B edits ${stamp}`;
  await rest('PUT', `api/events/${id}`, { text: winner, version: stored.version });
  await b.waitForFunction(() => /Someone else changed this event while you were editing it/.test(document.body.innerText), null, WAIT);
  report({ step: 'collision-shown' });
  await b.fill('.dhx_cal_larea textarea', 'B\'s lightbox edit');
  const answered = b.waitForResponse((r) => r.url().endsWith(`/api/events/${id}`) && r.request().method() === 'PUT');
  await b.click('.dhx_save_btn_set, .dhx_save_btn');
  const answer = await (await answered).json();
  if (answer.action !== 'error') throw new Error('the lightbox save overwrote the other change: ' + JSON.stringify(answer));
  for (const page of [a, b]) await page.waitForFunction(shows(id, winner).fn, shows(id, winner).arg, WAIT);
  const now = (await rest('GET', 'api/events')).data.find((e) => e.id === id);
  if (now.text !== winner) throw new Error('the database holds ' + JSON.stringify(now));
  report({ step: 'lightbox-refused' });
  await b.screenshot({ path: path.join(shots, `conflict-${mode}-lightbox.png`) });
}

const pageErrors = [];
async function open(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  // An edit as the lightbox's save makes it: change the event, then tell the scheduler (and so its dataProcessor).
  await page.addInitScript(() => {
    window.edit = (id, text) => {
      const event = scheduler.getEvent(id);
      event.text = text;
      scheduler.updateEvent(id);
      scheduler.callEvent('onEventChanged', [id, event]);
    };
  });
  await page.goto(url);
  return page;
}

(async () => {
  fs.mkdirSync(shots, { recursive: true });
  const browser = await launchChromium();
  try {
    if (mode === 'legacy') await scenario(browser, 'index.html');
    else if (mode === 'remote') await scenario(browser, 'remote-events.html');
    else throw new Error('unknown mode ' + mode);
    if (pageErrors.length) throw new Error('errors in the pages: ' + pageErrors.join(' | '));
    report({ result: 'pass' });
  } finally {
    await browser.close();
  }
})().catch((e) => { report({ result: 'fail', error: String(e && e.stack || e) }); process.exit(1); });
