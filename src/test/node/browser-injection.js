// Issue 17, script injection (b): the demo page (index.html, legacy live mode) shows rows stored before the fix, whose
// _text_style, color and textColor held markup that leaves the scheduler's style attribute. The page must run none of
// it, in the week view (_text_style in the event box) and the month view (color/textColor in the bar), nor after a
// live update of such a row. Last, the same payloads are set on a loaded event in the page itself, to show that they
// do run when handed to the scheduler (else this test would prove nothing).
// Usage: node browser-injection.js <baseUrl> <marker> <screenshotDir>  (the rows' texts end with the marker)
'use strict';
const { launch: launchChromium } = require('./chromium');
const fs = require('fs');
const path = require('path');

const [baseUrl, marker, shots] = process.argv.slice(2);
const DATE = '2032-05-10'; // the Monday of the rows BrowserStoredEventInjectionIT stored
const PAYLOAD = 'x\'"><img src=x onerror=window.__pwned=1>';
const report = (o) => console.log(JSON.stringify(o));
const pageErrors = [];

const shows = (t) => ({ fn: (x) => scheduler.getEvents(new Date(2000, 0, 1), new Date(2100, 0, 1)).some((e) => e.text === x), arg: t });

async function open(browser, view) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${baseUrl}index.html?date=${DATE}&view=${view}`);
  await page.waitForFunction((v) => typeof scheduler !== 'undefined' && scheduler.getState().mode === v, view);
  for (const text of [`pre-fix style ${marker}`, `pre-fix colour ${marker}`]) {
    await page.waitForFunction(shows(text).fn, text, { timeout: 10000 });
  }
  return page;
}

async function ranNothing(page, step) {
  await page.waitForTimeout(300); // an injected onerror would have fired by now (the image fails at once)
  const found = await page.evaluate((m) => ({
    pwned: window.__pwned,
    images: document.querySelectorAll('#scheduler_here img').length,
    handedOut: scheduler.getEvents(new Date(2000, 0, 1), new Date(2100, 0, 1)).filter((e) => String(e.text).endsWith(m))
      .filter((e) => e._text_style !== undefined || e.$css !== undefined || e.textColor !== undefined || e.color !== undefined)
      .map((e) => e.text),
  }), marker);
  if (found.pwned !== undefined || found.images > 0) throw new Error(`${step}: a stored payload ran: ${JSON.stringify(found)}`);
  if (found.handedOut.length) throw new Error(`${step}: the page was handed the fields: ${found.handedOut}`);
  report({ step });
}

(async () => {
  fs.mkdirSync(shots, { recursive: true });
  const browser = await launchChromium();
  try {
    const week = await open(browser, 'week');
    await ranNothing(week, 'week');
    const month = await open(browser, 'month');
    await ranNothing(month, 'month');
    await month.screenshot({ path: path.join(shots, 'injection-month.png') });

    // a live payload of a pre-fix row: a REST change of its text reaches both pages with the stored row
    await week.waitForTimeout(700); // let the live handshakes finish before the change
    const id = await week.evaluate((t) => scheduler.getEvents(new Date(2000, 0, 1), new Date(2100, 0, 1)).find((e) => e.text === t).id,
      `pre-fix style ${marker}`);
    const renamed = `pre-fix style, renamed ${marker}`;
    const response = await fetch(`${baseUrl}api/events/${id}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: renamed }) });
    if (response.status !== 200) throw new Error(`PUT answered ${response.status}`);
    for (const p of [week, month]) await p.waitForFunction(shows(renamed).fn, renamed, { timeout: 10000 });
    await ranNothing(week, 'live-update');
    await ranNothing(month, 'live-update-month');

    // the control: the same payloads handed to the scheduler in the page do run (window.__pwned is set)
    await week.evaluate(([t, p]) => { const e = scheduler.getEvents(new Date(2000, 0, 1), new Date(2100, 0, 1)).find((x) => x.text === t);
      e._text_style = p; scheduler.updateView(); }, [renamed, PAYLOAD]);
    await month.evaluate(([t, p]) => { const e = scheduler.getEvents(new Date(2000, 0, 1), new Date(2100, 0, 1)).find((x) => x.text === t);
      e.color = 'red' + p; scheduler.updateView(); }, [`pre-fix colour ${marker}`, PAYLOAD]);
    for (const [p, where] of [[week, '_text_style in the week view'], [month, 'color in the month view']]) {
      await p.waitForFunction(() => window.__pwned === 1, null, { timeout: 5000 })
        .catch(() => { throw new Error(`the control did not run: ${where} is not a sink in this scheduler`); });
    }
    report({ step: 'payloads-would-run' });
    if (pageErrors.length) throw new Error('errors in the pages: ' + pageErrors.join(' | '));
    report({ result: 'pass' });
  } finally {
    await browser.close();
  }
})().catch((e) => { report({ result: 'fail', error: String(e && e.stack || e) }); process.exit(1); });
