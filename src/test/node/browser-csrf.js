// With liveupdate.security.csrf=true the demo pages still save: a load hands the page its dhx_security key and the
// page's REST-JSON saves send it back in the X-Dhx-Security header (demo.sendSecurityKey). A save without it is
// refused 403 (the same request, replayed by fetch without the header).
// Usage: node browser-csrf.js <baseUrl> <index.html|remote-events.html> <screenshotDir>
'use strict';
const { launch: launchChromium } = require('./chromium');
const fs = require('fs');
const path = require('path');

const [baseUrl, file, shots] = process.argv.slice(2);
const report = (o) => console.log(JSON.stringify(o));
const pageErrors = [];

(async () => {
  fs.mkdirSync(shots, { recursive: true });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const answers = [];
    page.on('response', (r) => { if (r.url().includes('/api/events') && r.request().method() !== 'GET') answers.push(r.status()); });
    await page.goto(`${baseUrl}${file}?date=2032-06-07&view=week`);
    await page.waitForFunction(() => typeof scheduler !== 'undefined' && scheduler.getState().mode === 'week' && !!scheduler.security_key,
      null, { timeout: 10000 });
    report({ step: 'key-loaded' });

    const text = `saved with the key ${Date.now()}`;
    const tempId = await page.evaluate((t) => scheduler.addEvent({ start_date: new Date(2032, 5, 8, 9, 0), end_date: new Date(2032, 5, 8, 10, 0), text: t }), text);
    // the insert's answer gives the event its server id
    await page.waitForFunction(([t, temp]) => { const e = scheduler.getEvents(new Date(2000, 0, 1), new Date(2100, 0, 1)).find((x) => x.text === t);
      return e && String(e.id) !== String(temp) && !scheduler._dp.getState(e.id); }, [text, tempId], { timeout: 10000 });
    const stored = await (await fetch(`${baseUrl}api/events`)).json();
    const row = stored.data.find((e) => e.text === text);
    if (!row) throw new Error(`the page's save was not stored (answers: ${answers})`);
    if (answers.some((s) => s !== 200)) throw new Error(`a save was refused: ${answers}`);
    report({ step: 'saved-with-key' });

    // the same kind of save without the header, as another site's page would send it: refused
    const refused = await page.evaluate(async () => (await fetch('/api/events', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ start_date: '2032-06-08 11:00', end_date: '2032-06-08 12:00', text: 'no key' }) })).status);
    if (refused !== 403) throw new Error(`a save without the key answered ${refused}`);
    report({ step: 'refused-without-key' });

    await page.evaluate((id) => scheduler.deleteEvent(id), row.id);
    await page.waitForFunction((id) => !scheduler._dp.getState(id), row.id, { timeout: 10000 });
    const after = await (await fetch(`${baseUrl}api/events`)).json();
    if (after.data.some((e) => e.text === text)) throw new Error('the page\'s delete was not applied');
    report({ step: 'deleted-with-key' });
    await page.screenshot({ path: path.join(shots, `csrf-${file}.png`) });
    if (pageErrors.length) throw new Error('errors in the page: ' + pageErrors.join(' | '));
    report({ result: 'pass' });
  } finally {
    await browser.close();
  }
})().catch((e) => { report({ result: 'fail', error: String(e && e.stack || e) }); process.exit(1); });
