// The demo scheduler page (index.html) in two real browser pages (Debian's headless Chromium, driven by
// playwright-core), one on each WildFly node of a cluster: what a user does in the page on node 1 (create through the
// lightbox, drag to other hours, delete) shows in the page on node 2 within a few seconds, without a reload, and a
// change made in the page on node 2 shows in the one on node 1.
// Usage: node browser-cluster.js <node-1 url> <node-2 url> <screenshotDir>
// Prints one JSON line per step ({"step","ms"}) and exits 0 when every step passed, 1 otherwise.
'use strict';
const { launch: launchChromium, open: openPage } = require('./chromium');
const fs = require('fs');
const path = require('path');

const [node1, node2, shots] = process.argv.slice(2);
const SHOWS_WITHIN_MS = 5000;
const WEEK = '2031-05-05'; // a Monday far from other tests' data
const report = (o) => console.log(JSON.stringify(o));

const hasEvent = (text) => ({ fn: (t) => scheduler.getEvents(new Date(2000, 0, 1), new Date(2100, 0, 1)).some((e) => e.text === t), arg: text });
const noEvent = (text) => ({ fn: (t) => !scheduler.getEvents(new Date(2000, 0, 1), new Date(2100, 0, 1)).some((e) => e.text === t), arg: text });
const startsAt = (text, hour) => ({
  fn: ([t, h]) => scheduler.getEvents(new Date(2000, 0, 1), new Date(2100, 0, 1)).some((e) => e.text === t && e.start_date.getHours() === h),
  arg: [text, hour],
});

/** Does {@code action} in one page and reports how long until {@code check} holds in the other. */
async function shows(step, action, check, other) {
  const started = Date.now();
  await action();
  await other.waitForFunction(check.fn, check.arg, { timeout: SHOWS_WITHIN_MS, polling: 20 })
    .catch((e) => { throw new Error(`${step}: not shown in the other node's page within ${SHOWS_WITHIN_MS} ms (${e.message})`); });
  report({ step, ms: Date.now() - started });
}

async function demoPage(browser, base) {
  const page = await openPage(browser, `${base}index.html?date=${WEEK}&view=week`, pageErrors);
  await page.waitForFunction(() => typeof scheduler !== 'undefined' && scheduler.getState().mode === 'week');
  await page.waitForFunction(() => {
    const indicator = document.getElementById('live-state');
    return indicator && indicator.getAttribute('data-state') === 'connected' && indicator.textContent === 'live';
  }, null, { timeout: 30000, polling: 50 });
  return page;
}

/** Creates an event through the lightbox, as a user would, and waits for the server's answer to the insert. */
async function createInLightbox(page, day, text) {
  await page.evaluate((d) => scheduler.addEventNow({ start_date: new Date(2031, 4, d, 9, 0), end_date: new Date(2031, 4, d, 10, 0) }), day);
  await page.fill('.dhx_cal_larea textarea', text);
  await page.click('.dhx_save_btn_set, .dhx_save_btn');
}

async function savedId(page, text) {
  const id = await page.evaluate((t) => scheduler.getEvents(new Date(2000, 0, 1), new Date(2100, 0, 1)).find((e) => e.text === t).id, text);
  await page.waitForFunction((i) => !scheduler._dp || !scheduler._dp.getState(i), id); // the insert's answer has come back
  return page.evaluate((t) => scheduler.getEvents(new Date(2000, 0, 1), new Date(2100, 0, 1)).find((e) => e.text === t).id, text);
}

/** Drags the event two hours down in its page. */
async function dragTwoHoursLater(page, id) {
  const box = await page.locator(`.dhx_cal_event[event_id="${id}"]`).boundingBox();
  const hourPx = await page.evaluate(() => scheduler.config.hour_size_px);
  await page.mouse.move(box.x + box.width / 2, box.y + 12);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + 12 + hourPx, { steps: 4 });
  await page.mouse.move(box.x + box.width / 2, box.y + 12 + 2 * hourPx, { steps: 4 });
  await page.mouse.up();
}

async function scenario(browser) {
  const [a, b] = [await demoPage(browser, node1), await demoPage(browser, node2)];
  report({ step: 'both-live' });
  const text = `made on node 1 ${Date.now()}`;

  await shows('create-on-node-1', () => createInLightbox(a, 6, text), hasEvent(text), b);
  const id = await savedId(a, text);
  await shows('move-on-node-1', () => dragTwoHoursLater(a, id), startsAt(text, 11), b);
  await a.screenshot({ path: path.join(shots, 'cluster-node-1.png') });
  await b.screenshot({ path: path.join(shots, 'cluster-node-2.png') });
  await a.waitForFunction((i) => !scheduler._dp || !scheduler._dp.getState(i), id); // the move's answer has come back
  await shows('delete-on-node-1', () => a.evaluate((i) => scheduler.deleteEvent(i), id), noEvent(text), b);

  const back = `made on node 2 ${Date.now()}`;
  await shows('create-on-node-2', () => createInLightbox(b, 7, back), hasEvent(back), a);
  const backId = await savedId(b, back);
  await shows('delete-on-node-2', () => b.evaluate((i) => scheduler.deleteEvent(i), backId), noEvent(back), a);
}

const pageErrors = [];

(async () => {
  fs.mkdirSync(shots, { recursive: true });
  const browser = await launchChromium();
  try {
    await scenario(browser);
    if (pageErrors.length) throw new Error('errors in the pages: ' + pageErrors.join(' | '));
    report({ result: 'pass' });
  } finally {
    await browser.close();
  }
})().catch((e) => { report({ result: 'fail', error: String(e && e.stack || e) }); process.exit(1); });
