// The walk of docs/own-table.md, in headless Chromium: two demo pages on the calendar "default" (mapped onto a
// company's table), a save made in page A shows in page B, then a change typed at the database's own command-line
// client (the shell command given) shows in both, without a reload.
// Usage: node browser-own-table.js <baseUrl> <date YYYY-MM-DD> [<shell command> <text it writes>]
// Prints one JSON line per step ({"step","ms"}); exits 0 when every step passed, 1 otherwise.
'use strict';
const { execSync } = require('child_process');
const { launch, open } = require('./chromium');

const [baseUrl, date, command, commandText] = process.argv.slice(2);
const report = (o) => console.log(JSON.stringify(o));
const hasEvent = (text) => ({ fn: (t) => scheduler.getEvents(new Date(2000, 0, 1), new Date(2100, 0, 1)).some((e) => e.text === t), arg: text });

async function shows(pages, step, text, action) {
  const started = Date.now();
  await action();
  await Promise.all(pages.map((p) => p.waitForFunction(hasEvent(text).fn, hasEvent(text).arg, { timeout: 15000, polling: 20 })));
  report({ step, ms: Date.now() - started });
}

(async () => {
  const browser = await launch();
  const errors = [];
  try {
    const url = `${baseUrl}?date=${date}&view=week`;
    const [a, b] = await Promise.all([open(browser, url, errors), open(browser, url, errors)]);
    await Promise.all([a, b].map((p) => p.waitForFunction(() => {
      const indicator = document.getElementById('live-state');
      return indicator && indicator.getAttribute('data-state') === 'connected';
    }, null, { timeout: 15000, polling: 50 })));
    report({ step: 'both pages live', events: await a.evaluate(() => scheduler.getEvents(new Date(2000, 0, 1), new Date(2100, 0, 1)).map((e) => e.text)) });
    await b.waitForTimeout(700); // both live handshakes done before the first change
    const saved = `saved in page A ${Date.now()}`;
    const [y, m, d] = date.split('-').map(Number);
    await shows([b], 'a save in page A shows in page B', saved,
      () => a.evaluate(([t, y, m, d]) => scheduler.addEvent({ start_date: new Date(y, m - 1, d, 14, 0), end_date: new Date(y, m - 1, d, 15, 0), text: t }), [saved, y, m, d]));
    if (command) {
      await shows([a, b], `the command-line change shows in both pages: ${command}`, commandText, async () => { execSync(command, { stdio: 'inherit' }); });
    }
    if (errors.length) throw new Error(`script errors in the pages: ${errors.join('; ')}`);
    report({ step: 'done' });
  } catch (e) {
    console.error(e);
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
})();
