// Script injection tried for real against the demo pages (headless Chromium from Debian, driven by playwright-core):
// a hostile client speaks Bayeux to /sync over plain HTTP, as anyone can, and the pages must run none of it while
// the legitimate path still shows live changes.
//   broadcast: index.html; markup and a forged delete published on /broadcast (finding (a));
//   storage:   webix-chat.html; storage items whose id or $css holds markup, published and already stored (c).
// Each mode then hands the page's own Faye client hostile messages directly (as a hostile or broken server would
// send them), to check that the page's JavaScript ignores them too.
// Usage: node browser-attacks.js <baseUrl> <broadcast|storage> <screenshotDir>
// Prints one JSON line per step and exits 0 when every step passed, 1 otherwise.
'use strict';
const { launch: launchChromium, open: openPage } = require('./chromium');
const fs = require('fs');
const path = require('path');

const [baseUrl, mode, shots] = process.argv.slice(2);
const DATE = '2031-04-07'; // a Monday far from other tests' data
const report = (o) => console.log(JSON.stringify(o));
// Runs if written into the page as markup: sets a global and changes the title.
const PAYLOAD = `"><img src=x onerror="window.__xss=1;document.title='pwned'"><script>window.__xss=2</script>`;
const WAIT = { timeout: 10000, polling: 20 };

async function rest(method, url, body) {
  const response = await fetch(baseUrl + url, { method, headers: { 'Content-Type': 'application/json' }, body: body && JSON.stringify(body) });
  if (response.status !== 200) throw new Error(`${method} ${url} answered ${response.status}`);
  return response.json();
}

/** One Bayeux long-polling request, as any HTTP client can send it. */
async function bayeux(messages) {
  const response = await fetch(baseUrl + 'sync', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(messages) });
  if (response.status !== 200) throw new Error(`/sync answered ${response.status}`);
  return response.json();
}

async function handshake() {
  const [reply] = await bayeux([{ channel: '/meta/handshake', version: '1.0', supportedConnectionTypes: ['long-polling'] }]);
  if (!reply.successful) throw new Error('handshake refused: ' + JSON.stringify(reply));
  return reply.clientId;
}

async function publish(clientId, channel, data) {
  const [reply] = await bayeux([{ channel, clientId, data, id: 'p' }]);
  return reply;
}

async function noScriptRan(page, title, where) {
  const ran = await page.evaluate(([t, w]) => ({
    xss: window.__xss,
    title: document.title !== t ? document.title : null,
    img: document.querySelector(w + ' img') !== null,
  }), [title, where]);
  if (ran.xss !== undefined || ran.title !== null || ran.img) throw new Error('injected markup ran or was inserted: ' + JSON.stringify(ran));
}

const hasEvent = (text) => ({ fn: (t) => scheduler.getEvents(new Date(2000, 0, 1), new Date(2100, 0, 1)).some((e) => e.text === t), arg: text });

async function broadcastScenario(browser) {
  const page = await open(browser, `${baseUrl}index.html?date=${DATE}&view=week`);
  await page.waitForFunction(() => typeof scheduler !== 'undefined' && scheduler.getState().mode === 'week');
  const title = await page.title();

  // The legitimate path: a change made through the API shows live (this also proves the page is subscribed).
  const text = `attack target ${Date.now()}`;
  const target = await rest('POST', 'api/events', { start_date: '2031-04-08 09:00', end_date: '2031-04-08 10:00', text });
  await page.waitForFunction(hasEvent(text).fn, text, WAIT);
  report({ step: 'legitimate-change-shown' });

  // The attack, with no session at all: refused outright.
  const markupInsert = { sid: PAYLOAD, tid: PAYLOAD, status: 'inserted',
    data: { id: PAYLOAD, text: PAYLOAD, start_date: '08-04-2031 11:00', end_date: '08-04-2031 12:00' } };
  const [clientless] = await bayeux([{ channel: '/broadcast', data: markupInsert }]);
  if (clientless.successful || !String(clientless.error).startsWith('402:')) throw new Error('a publish with no session was taken: ' + JSON.stringify(clientless));
  report({ step: 'publish-without-session-refused', error: clientless.error });

  // The attack, with a session (anyone can have one): accepted on /broadcast, but nothing of it reaches /update.
  const attacker = await handshake();
  const forgedText = `forged ${Date.now()}`;
  for (const data of [
    markupInsert,
    { sid: String(target.tid), tid: String(target.tid), status: 'deleted', data: {} },
    { sid: '999999991', tid: '999999991', status: 'inserted', data: { id: '999999991', text: forgedText, start_date: '08-04-2031 13:00', end_date: '08-04-2031 14:00' } },
  ]) {
    const reply = await publish(attacker, '/broadcast', data);
    report({ step: 'published', tid: data.tid.slice(0, 20), successful: reply.successful, error: reply.error });
  }
  // A relay happens while its publish is handled: a change committed after the answers reaches the page after it.
  const marker = `committed after the attack ${Date.now()}`;
  const after = await rest('POST', 'api/events', { start_date: '2031-04-09 09:00', end_date: '2031-04-09 10:00', text: marker });
  await page.waitForFunction(hasEvent(marker).fn, marker, WAIT);
  await noScriptRan(page, title, '.dhx_cal_data');
  const state = await page.evaluate(([id, p, f]) => ({
    target: !!scheduler.getEvent(id),
    markup: scheduler.getEvents(new Date(2000, 0, 1), new Date(2100, 0, 1)).some((e) => e.text === p || String(e.id) === p),
    forged: scheduler.getEvents(new Date(2000, 0, 1), new Date(2100, 0, 1)).some((e) => e.text === f),
  }), [target.tid, PAYLOAD, forgedText]);
  if (!state.target) throw new Error('the forged delete removed a stored event from the page');
  if (state.markup || state.forged) throw new Error('a forged event was shown: ' + JSON.stringify(state));
  report({ step: 'broadcast-attack-refused' });

  // Our JavaScript on its own: messages that reach the page's Faye client anyway are sanitised or ignored.
  await page.evaluate(([p]) => {
    const deliver = (data) => dp._live_client._deliverMessage({ channel: '/update', data });
    const when = { start_date: '08-04-2031 15:00', end_date: '08-04-2031 16:00' };
    deliver({ sid: p, tid: p, status: 'inserted', data: Object.assign({ id: p, text: 'markup id' }, when) });
    deliver({ sid: '999999992', tid: '999999992', status: 'inserted', data: Object.assign({ id: p, text: 'markup data.id' }, when) });
    deliver({ sid: '999999993', tid: '999999993', status: 'inserted',
      data: Object.assign({ id: '999999993', text: 'styled', _text_style: p, $css: p, _timed: 'x' }, when) });
  }, [PAYLOAD]);
  await page.waitForFunction(hasEvent('styled').fn, 'styled', WAIT); // the plain one is applied: the path was live
  await noScriptRan(page, title, '.dhx_cal_data');
  const applied = await page.evaluate(() => {
    const events = scheduler.getEvents(new Date(2000, 0, 1), new Date(2100, 0, 1));
    const styled = scheduler.getEvent('999999993');
    return { markup: events.some((e) => e.text === 'markup id' || e.text === 'markup data.id'),
      fields: Object.keys(styled).filter((k) => k === '_text_style' || k === '$css') };
  });
  if (applied.markup) throw new Error('the page applied an update with a markup id');
  if (applied.fields.length) throw new Error('the page copied markup fields into an event: ' + applied.fields);
  report({ step: 'page-ignores-hostile-updates' });
  await page.screenshot({ path: path.join(shots, 'attack-broadcast.png') });
  await rest('DELETE', `api/events/${target.tid}`);
  await rest('DELETE', `api/events/${after.tid}`);
}

async function storageScenario(browser) {
  const page = await open(browser, `${baseUrl}webix-chat.html`);
  await page.waitForFunction(() => window.$$ && $$('messages'));
  const title = await page.title();
  const has = (value) => ({ fn: (v) => $$('messages').find((m) => m.value === v).length > 0, arg: value });
  const stamp = Date.now();

  // Items stored before ids had to be plain (the IT wrote them into the database, the markup one first): the one
  // with a markup id is not handed to the page, the one with a plain id is, after it and without its $css.
  await page.waitForFunction(has('stored before the fix, plain id').fn, 'stored before the fix, plain id', WAIT);
  const stored = await page.evaluate(() => $$('messages').serialize().filter((m) => String(m.value).startsWith('stored before the fix'))
    .map((m) => ({ value: m.value, css: m.$css === undefined ? null : m.$css })));
  if (stored.length !== 1 || stored[0].value !== 'stored before the fix, plain id' || stored[0].css !== null) {
    throw new Error('the snapshot handed out unsafe stored items, or not the safe one: ' + JSON.stringify(stored));
  }
  await noScriptRan(page, title, '[view_id="messages"]');
  report({ step: 'stored-items-safe' });

  const attacker = await handshake();
  const insert = (id, fields) => ({ id, operation: 'insert', data: Object.assign({ id, user: 'mallory' }, fields), clientId: 'mallory' });
  // The legitimate path: another client's insert with a plain id shows live, without its $ markers.
  const legit = `legit ${stamp}`;
  const legitId = `ok-${stamp}`;
  const accepted = await publish(attacker, '/chat', insert(legitId, { value: legit, $css: PAYLOAD }));
  if (!accepted.successful) throw new Error('a plain insert was refused: ' + JSON.stringify(accepted));
  await page.waitForFunction(has(legit).fn, legit, WAIT);
  report({ step: 'legitimate-insert-shown' });

  // An item whose id is markup: refused as any malformed operation.
  const refused = await publish(attacker, '/chat', insert(PAYLOAD, { value: `markup id ${stamp}` }));
  if (refused.successful || refused.error !== '405:/chat:Invalid storage operation') throw new Error('a markup id was taken: ' + JSON.stringify(refused));
  report({ step: 'markup-id-refused', error: refused.error });
  const after = `after the attack ${stamp}`;
  await publish(attacker, '/chat', insert(`after-${stamp}`, { value: after }));
  await page.waitForFunction(has(after).fn, after, WAIT);
  await noScriptRan(page, title, '[view_id="messages"]');
  const shown = await page.evaluate(([id, s]) => ({
    css: $$('messages').getItem(id) && $$('messages').getItem(id).$css,
    markup: $$('messages').find((m) => m.value === `markup id ${s}`).length,
  }), [legitId, stamp]);
  if (shown.css !== undefined || shown.markup) throw new Error('unsafe item fields reached the page: ' + JSON.stringify(shown));
  report({ step: 'storage-attack-refused' });

  // A page that opens later is handed the stored items: still none of the attack.
  await page.reload();
  await page.waitForFunction(has(after).fn, after, WAIT);
  await noScriptRan(page, title, '[view_id="messages"]');
  report({ step: 'reload-safe' });

  // Our JavaScript on its own: hostile storage messages that reach the page's Faye client are ignored or cleaned.
  await page.evaluate(([p, s]) => {
    const deliver = (data) => webix.proxy.faye.client._deliverMessage({ channel: '/chat', data });
    deliver({ operation: 'insert', clientId: 'evil', data: { id: p, user: 'x', value: `js markup id ${s}` } });
    deliver({ operation: 'insert', clientId: 'evil', data: { id: `js-${s}`, user: 'x', value: `js css ${s}`, $css: p } });
  }, [PAYLOAD, stamp]);
  await page.waitForFunction(has(`js css ${stamp}`).fn, `js css ${stamp}`, WAIT);
  await noScriptRan(page, title, '[view_id="messages"]');
  const cleaned = await page.evaluate((s) => ({
    markup: $$('messages').find((m) => m.value === `js markup id ${s}`).length,
    css: $$('messages').getItem(`js-${s}`).$css,
  }), stamp);
  if (cleaned.markup || cleaned.css !== undefined) throw new Error('the page applied a hostile storage message: ' + JSON.stringify(cleaned));
  report({ step: 'page-ignores-hostile-items' });
  await page.screenshot({ path: path.join(shots, 'attack-storage.png') });
  for (const id of [legitId, `after-${stamp}`]) {
    await publish(attacker, '/chat', { id, operation: 'delete', data: { id }, clientId: 'mallory' });
  }
}

const pageErrors = [];
const open = (browser, url) => openPage(browser, url, pageErrors);

(async () => {
  fs.mkdirSync(shots, { recursive: true });
  const browser = await launchChromium();
  try {
    if (mode === 'broadcast') await broadcastScenario(browser);
    else if (mode === 'storage') await storageScenario(browser);
    else throw new Error('unknown mode ' + mode);
    if (pageErrors.length) throw new Error('errors in the pages: ' + pageErrors.join(' | '));
    report({ result: 'pass' });
  } finally {
    await browser.close();
  }
})().catch((e) => { report({ result: 'fail', error: String(e && e.stack || e) }); process.exit(1); });
