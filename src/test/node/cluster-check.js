'use strict';
// The live part of server-config/cluster-check.sh, against the cluster server-config/cluster.sh started: real Faye
// clients (npm faye, with the pages' catch-up extension src-webapp/js/live-catchup.js) on node 2 and through the
// balancer, and the demo page in Debian's Chromium (playwright-core) on each node and through the balancer; saves
// through node 1, then node 2 killed and its balancer clients followed to node 1.
//
//   node cluster-check.js <balancer url> <node-1 url> <node-2 url> <node-2 pid file>
//
// Prints one line per step; exits 0 when every step passed, 1 at the first that did not (with the reason).
// A step waits for what it expects up to a generous deadline (a smoke check of a set-up, not a speed test).

const fs = require('fs');
const path = require('path');
const faye = require('faye');
const { launch: launchChromium } = require('./chromium');
const LiveCatchUp = require(path.join(__dirname, '../../../src-webapp/js/live-catchup.js'));

const [balancer, node1, node2, node2PidFile] = process.argv.slice(2);
if (!node2PidFile) {
  console.error('usage: node cluster-check.js <balancer url> <node-1 url> <node-2 url> <node-2 pid file>');
  process.exit(2);
}
const WAIT_MS = 60000;
const calendar = 'cluster-check-' + Date.now();
const channel = '/calendars/' + calendar + '/update';

function step(text) {
  console.log('ok   ' + text);
}

function fail(text) {
  console.log('FAIL ' + text);
  process.exit(1);
}

function within(promise, what) {
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error('nothing within ' + WAIT_MS / 1000 + ' s: ' + what)), WAIT_MS);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** A subscribed Faye client whose received changes can be awaited; transport 'websocket' or 'long-polling'. */
async function subscriber(name, url, transport, headers) {
  const client = new faye.Client(url + '/sync', { timeout: 60, retry: 2 });
  if (transport !== 'websocket') client.disable('websocket');
  for (const [k, v] of Object.entries(headers || {})) client.setHeader(k, v);
  LiveCatchUp.attach(client, { onReload: () => fail(name + ': the server had no catch-up for it (reload)') });
  const received = [];
  const waiting = [];
  const subscription = client.subscribe(channel, (update) => {
    received.push(update);
    for (const w of waiting.splice(0)) if (!w(update)) waiting.push(w);
  });
  await within(subscription, name + ' subscribing');
  return {
    name,
    client,
    /** Resolves with the first change (received before or after the call) for which test(update) holds. */
    awaitUpdate(test, what) {
      const already = received.find(test);
      if (already) return Promise.resolve(already);
      return within(new Promise((resolve) => waiting.push((u) => (test(u) ? (resolve(u), true) : false))),
          name + ' receiving ' + what);
    },
  };
}

async function save(url, text) {
  const response = await fetch(url + '/api/calendars/' + calendar + '/events', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ text, start_date: '2026-12-03 09:00', end_date: '2026-12-03 10:00' }),
  });
  const answer = await response.json();
  if (response.status !== 200 || answer.action !== 'inserted') fail('saving "' + text + '" through ' + url + ': ' + JSON.stringify(answer));
  return answer.tid;
}

function inserted(tid) {
  return (update) => update && update.status === 'inserted' && String(update.tid) === String(tid);
}

// The demo page (index.html, the default calendar) on a week far from other data; 'connected' once its indicator
// says live. pinTo: the balancer's SRV cookie it starts with, as if an earlier request had set it.
const WEEK = '2031-04-07';
async function demoPage(browser, base, pinTo) {
  const context = await browser.newContext();
  if (pinTo) await context.addCookies([{ name: 'SRV', value: pinTo, url: base }]);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(base + '/index.html?date=' + WEEK + '&view=week');
  await page.waitForFunction(() => {
    const indicator = document.getElementById('live-state');
    return indicator && indicator.getAttribute('data-state') === 'connected' && indicator.textContent === 'live';
  }, null, { timeout: WAIT_MS, polling: 100 });
  return {
    async shows(text, where) {
      await page.waitForFunction((t) => scheduler.getEvents(new Date(2000, 0, 1), new Date(2100, 0, 1)).some((e) => e.text === t),
          text, { timeout: WAIT_MS, polling: 50 }).catch(() => fail('the demo page ' + where + ' does not show "' + text + '"'));
      if (errors.length) fail('errors in the demo page ' + where + ': ' + errors.join(' | '));
    },
  };
}

async function saveOnDemoCalendar(url, text, day) {
  const response = await fetch(url + '/api/events', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ text, start_date: '2031-04-0' + day + ' 09:00', end_date: '2031-04-0' + day + ' 10:00' }),
  });
  if (response.status !== 200) fail('saving "' + text + '" through ' + url + ': ' + response.status);
}

async function main() {
  const browser = await launchChromium();
  const pages = {
    'on node 1': await demoPage(browser, node1),
    'on node 2': await demoPage(browser, node2),
    'through the balancer (pinned to node 2)': await demoPage(browser, balancer, 'node-2'),
  };
  step('the demo page is live on node 1, on node 2 and through the balancer');
  const demoText = 'demo save through node 1 ' + Date.now();
  await saveOnDemoCalendar(node1, demoText, 8);
  for (const [where, page] of Object.entries(pages)) await page.shows(demoText, where);
  step('a save through node 1 shows in all three demo pages');

  // On node 2 directly, over a WebSocket; through the balancer pinned to node 2 by its cookie, over a WebSocket;
  // through the balancer over long-polling with nothing but Faye's own cookie jar (as a browser would: haproxy's
  // SRV cookie from the handshake keeps its later polls on the same node).
  const onNode2 = await subscriber('a WebSocket client on node 2', node2, 'websocket');
  const pinned = await subscriber('a WebSocket client through the balancer on node 2', balancer, 'websocket', { Cookie: 'SRV=node-2' });
  const polling = await subscriber('a long-polling client through the balancer', balancer, 'long-polling');
  step('three Faye clients subscribed to ' + channel);

  const first = await save(node1, 'saved through node 1');
  for (const c of [onNode2, pinned, polling]) {
    const update = await c.awaitUpdate(inserted(first), 'the save through node 1');
    if (update.data.text !== 'saved through node 1') fail(c.name + ' got ' + JSON.stringify(update));
    step(c.name + ' got the save through node 1 (event ' + first + ')');
  }

  const viaBalancer = await save(balancer, 'saved through the balancer');
  for (const c of [onNode2, pinned, polling]) await c.awaitUpdate(inserted(viaBalancer), 'the save through the balancer');
  step('all three got a save through the balancer (event ' + viaBalancer + ')');

  // Node 2 dies at once (SIGKILL: no goodbye to its clients), then a change is saved while its clients are cut off.
  const pid = Number(fs.readFileSync(node2PidFile, 'utf8').trim());
  process.kill(pid, 'SIGKILL');
  step('node 2 killed (pid ' + pid + ')');
  const whileDown = await save(node1, 'saved through node 1 while node 2 is down');
  // The pinned client reconnects through the balancer, which sends it to node 1 (node 2 refuses connections; after
  // two failed health checks it is out of the rotation); node 1 does not know its client id, so Faye handshakes again
  // and re-subscribes with the last number it had: node 1 replays what it missed.
  await pinned.awaitUpdate(inserted(whileDown), 'the change saved while node 2 was down');
  step('the client pinned to node 2 moved to node 1 through the balancer and caught up (event ' + whileDown + ')');
  await polling.awaitUpdate(inserted(whileDown), 'the change saved while node 2 was down');
  step('the long-polling client through the balancer got it too');
  const demoWhileDown = 'demo save through node 1 while node 2 is down ' + Date.now();
  await saveOnDemoCalendar(node1, demoWhileDown, 9);
  await pages['through the balancer (pinned to node 2)'].shows(demoWhileDown, 'through the balancer, after node 2 died');
  await pages['on node 1'].shows(demoWhileDown, 'on node 1');
  step('the demo page that was on node 2 through the balancer moved to node 1 and shows a save made meanwhile');

  const after = await save(node1, 'saved through node 1 after the move');
  await pinned.awaitUpdate(inserted(after), 'a save after the move');
  step('and it gets the next save live (event ' + after + ')');

  const health = await fetch(balancer + '/api/health', { headers: { Cookie: 'SRV=node-2' } });
  const cookie = health.headers.get('set-cookie') || '';
  if (health.status !== 200 || !/SRV=node-1/.test(cookie)) fail('the balancer with SRV=node-2: ' + health.status + ' ' + cookie);
  step('the balancer answers a node-2 cookie from node 1 and re-pins it (' + cookie.split(';')[0] + ')');

  for (const c of [onNode2, pinned, polling]) c.client.disconnect();
  await browser.close();
}

main().then(() => process.exit(0), (e) => fail(e.message));
