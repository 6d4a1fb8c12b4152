// Two real browser pages (headless Chromium, playwright-core) on src-webapp/gantt.html, the default gantt: what one
// page does (its dataProcessor saves it, REST-JSON), the other must show without a reload: a task, a second task, a
// link between them, a task bar dragged with the mouse, a grid row dragged above another (order_branch), a child, a
// deleted parent with its subtree and links (cascade_delete, the client default); reloads show the stored state, and
// a third page loading the chart as XML shows what the JSON load shows.
// Each step's time to appear on the other page is reported.
// Usage: node browser-gantt.js <baseUrl> <mode: faye | remote-events> <screenshotDir>
'use strict';
const { launch: launchChromium, open: openPage } = require('./chromium');
const path = require('path');

const [baseUrl, mode, shots] = process.argv.slice(2);
const GOAL_MS = 1000;
const report = (o) => console.log(JSON.stringify(o));
const stamp = Date.now();

async function measure(step, action, check, arg, page) {
  const started = Date.now();
  await action();
  await page.waitForFunction(check, arg, { timeout: 10000, polling: 20 });
  const ms = Date.now() - started;
  report({ step, ms, overGoal: ms > GOAL_MS });
}

const has = (t) => { let f = false; gantt.eachTask((x) => { if (x.text === t) f = true; }); return f; };
const hasNot = (t) => { let f = false; gantt.eachTask((x) => { if (x.text === t) f = true; }); return !f; };
const startsOn = ([t, day]) => { let f = false; gantt.eachTask((x) => { if (x.text === t && x.start_date.getDate() === day) f = true; }); return f; };
const linked = ([s, t]) => gantt.getLinks().some((l) => gantt.isTaskExists(l.source) && gantt.isTaskExists(l.target)
  && gantt.getTask(l.source).text === s && gantt.getTask(l.target).text === t);
// The page's insert or update of that task has been answered (its row is no longer pending in the dataProcessor).
const saved = (t) => {
  let id = null;
  gantt.eachTask((x) => { if (x.text === t) id = x.id; });
  return id !== null && !gantt._dp.getState(id) && !gantt._dp._in_progress[id];
};
const before = ([first, second]) => {
  const id = (x) => { let r = null; gantt.eachTask((k) => { if (k.text === x) r = k.id; }); return r; };
  return id(first) !== null && id(second) !== null && gantt.getTaskIndex(id(first)) < gantt.getTaskIndex(id(second));
};

// Every task in tree order (text, parent's text, dates, duration, progress, type, open) and every link: two pages
// showing the same chart give the same string.
const chartSummary = () => {
  const name = (id) => (gantt.isTaskExists(id) ? gantt.getTask(id).text : 'root');
  const tasks = [];
  gantt.eachTask((k) => tasks.push([k.text, name(gantt.getParent(k.id)), +k.start_date, +k.end_date, Number(k.duration),
    Number(k.progress || 0), k.type || '', !!k.$open].join('|')));
  const links = gantt.getLinks().map((l) => [name(l.source), name(l.target), String(l.type)].join('|')).sort();
  return JSON.stringify({ tasks, links });
};

/** The centre of an element of the page, in page pixels, found by a function of the page given the task's text. */
async function centreOf(page, find, text) {
  await page.evaluate((t) => {
    let id = null;
    gantt.eachTask((k) => { if (k.text === t) id = k.id; });
    gantt.showTask(id); // scrolled into view, rendered on the next frames
  }, text);
  const node = await page.waitForFunction(([f, t]) => {
    let id = null;
    gantt.eachTask((k) => { if (k.text === t) id = k.id; });
    return f === 'bar' ? gantt.getTaskNode(id) : gantt.getTaskRowNode(id);
  }, [find, text], { timeout: 5000, polling: 'raf' });
  const r = await node.asElement().boundingBox();
  return { x: r.x + Math.min(r.width / 2, 60), y: r.y + r.height / 2, width: r.width, height: r.height };
}

/** A mouse drag as a user makes it, up to the release: press, move in steps (the release is the measured action). */
async function dragTo(page, from, to) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + (to.x - from.x) / 4, from.y + (to.y - from.y) / 4, { steps: 5 });
  await page.mouse.move(to.x, to.y, { steps: 10 });
}

async function main() {
  const browser = await launchChromium();
  const errors = [];
  let pages = [];
  try {
    const url = `${baseUrl}gantt.html${mode === 'remote-events' ? '?live=remote-events' : ''}`;
    report({ mode, url });
    const [a, b] = await Promise.all([openPage(browser, url, errors), openPage(browser, url, errors)]);
    pages = [a, b];
    // Console errors fail the scenario; the library's warnings ("Task with ID 7 already exists. Skipping add.": the
    // saving page's own change coming back live) are expected and only reported.
    for (const p of pages) p.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    for (const p of [a, b]) {
      await p.waitForFunction(() => {
        const indicator = document.getElementById('live-state');
        return typeof gantt !== 'undefined' && gantt._dp && indicator && indicator.getAttribute('data-state') === 'connected';
      }, null, { timeout: 15000, polling: 50 });
    }
    report({ step: 'indicator-connected' });
    await b.waitForTimeout(500);
    const one = `task one ${stamp}`;
    const two = `task two ${stamp}`;
    const child = `child ${stamp}`;

    await measure('create', () => a.evaluate((t) => gantt.addTask({ text: t, start_date: new Date(2031, 2, 3), duration: 2 }), one), has, one, b);
    await a.waitForFunction(saved, one);
    await measure('create-second', () => a.evaluate((t) => gantt.addTask({ text: t, start_date: new Date(2031, 2, 10), duration: 1 }), two), has, two, b);
    await a.waitForFunction(saved, two);
    await measure('link', () => a.evaluate(([s, t]) => {
      const id = (x) => { let r = null; gantt.eachTask((k) => { if (k.text === x) r = k.id; }); return r; };
      gantt.addLink({ source: id(s), target: id(t), type: gantt.config.links.finish_to_start });
    }, [one, two]), linked, [one, two], b);
    await a.waitForFunction(linked, [one, two]);
    // the bar of task one dragged two days later with the mouse, in the timeline of A (snapped to days)
    const bar = await centreOf(a, 'bar', one);
    const dayWidth = await a.evaluate(() => gantt.posFromDate(new Date(2031, 2, 4)) - gantt.posFromDate(new Date(2031, 2, 3)));
    await dragTo(a, bar, { x: bar.x + 2 * dayWidth, y: bar.y });
    await measure('drag', () => a.mouse.up(), startsOn, [one, 5], b);
    await a.waitForFunction(startsOn, [one, 5], { timeout: 5000 });
    await a.waitForFunction(saved, one);
    // the grid row of task one dragged with the mouse to the bottom edge of task two's (order_branch): after it, the
    // order save (target=next:<id>); further inside the row, order_branch_free would make it two's child
    const row = await centreOf(a, 'row', one);
    const below = await centreOf(a, 'row', two);
    await dragTo(a, row, { x: row.x, y: below.y + below.height / 2 - 2 });
    await measure('reorder', () => a.mouse.up(), before, [two, one], b);
    await a.waitForFunction(before, [two, one], { timeout: 5000 });
    await a.waitForFunction(saved, one);
    await measure('child', () => a.evaluate(([c, p]) => {
      let parent = null;
      gantt.eachTask((k) => { if (k.text === p) parent = k.id; });
      gantt.addTask({ text: c, start_date: new Date(2031, 2, 5), duration: 1 }, parent);
    }, [child, one]), has, child, b);
    await a.waitForFunction(saved, child);
    await a.screenshot({ path: path.join(shots, `gantt-${mode}-page-a.png`) });
    await b.screenshot({ path: path.join(shots, `gantt-${mode}-page-b.png`) });
    // B reloaded: the stored chart is what it showed (the drag, the order, the link, the child)
    const reloadStarted = Date.now();
    await b.reload();
    await b.waitForFunction((args) => typeof gantt !== 'undefined' && gantt._dp && (() => {
      const one = args[0], two = args[1], child = args[2];
      const id = (x) => { let r = null; gantt.eachTask((k) => { if (k.text === x) r = k.id; }); return r; };
      const linkedUp = gantt.getLinks().some((l) => gantt.isTaskExists(l.source) && gantt.isTaskExists(l.target)
        && gantt.getTask(l.source).text === one && gantt.getTask(l.target).text === two);
      return id(one) !== null && gantt.getTask(id(one)).start_date.getDate() === 5 && id(two) !== null
        && gantt.getTaskIndex(id(two)) < gantt.getTaskIndex(id(one)) && linkedUp && gantt.getParent(id(child)) == id(one);
    })(), [one, two, child], { timeout: 10000, polling: 50 });
    report({ step: 'reload-shows-every-change', ms: Date.now() - reloadStarted });
    // A third page loads the same chart as XML (gantt.load(url, "xml")): it shows what B's JSON load shows.
    const xmlStarted = Date.now();
    const c = await openPage(browser, url, errors);
    pages.push(c);
    // the page's own JSON load done first, so that it cannot land after the XML one
    await c.waitForFunction(() => typeof gantt !== 'undefined' && gantt._dp && gantt.getTaskCount() > 0
      && document.getElementById('live-state').getAttribute('data-state') === 'connected', null, { timeout: 15000, polling: 50 });
    await c.evaluate(() => new Promise((done) => {
      gantt.clearAll();
      if (gantt.getTaskCount() !== 0) throw new Error('clearAll left tasks');
      gantt.load(new URL('api/gantts/default?format=xml', location.href).href, 'xml', done);
    }));
    const [fromXml, fromJson] = await Promise.all([c.evaluate(chartSummary), b.evaluate(chartSummary)]);
    if (fromXml !== fromJson) throw new Error(`the XML load differs from the JSON load:\n${fromXml}\n${fromJson}`);
    if (!fromXml.includes(child)) throw new Error('the XML load lacks the child: ' + fromXml);
    await c.close();
    pages.pop();
    report({ step: 'xml-load', ms: Date.now() - xmlStarted });
    await b.waitForFunction(() => document.getElementById('live-state').getAttribute('data-state') === 'connected', null, { timeout: 15000 });
    await measure('delete-parent', () => a.evaluate((t) => {
      let id = null;
      gantt.eachTask((k) => { if (k.text === t) id = k.id; });
      gantt.deleteTask(id);
    }, one), ([p, c]) => { let f = false; gantt.eachTask((x) => { if (x.text === p || x.text === c) f = true; }); return !f && gantt.getLinks().length === 0; }, [one, child], b);

    await b.waitForTimeout(300);
    for (const p of [a, b]) {
      await p.reload();
      await p.waitForFunction(([keep, gone]) => {
        if (typeof gantt === 'undefined') return false;
        let kept = false, removed = true;
        gantt.eachTask((x) => { if (x.text === keep) kept = true; if (x.text === gone[0] || x.text === gone[1]) removed = false; });
        return kept && removed;
      }, [two, [one, child]], { timeout: 10000, polling: 50 });
    }
    report({ step: 'reload' });
    if (errors.length) throw new Error('script errors in the pages: ' + errors.join(' | '));
    report({ result: 'pass' });
  } catch (e) {
    const states = [];
    for (const p of pages) {
      states.push(await p.evaluate(() => ({
        gantt: typeof gantt, dp: typeof gantt !== 'undefined' && !!gantt._dp, tasks: typeof gantt !== 'undefined' ? gantt.getTaskCount() : -1,
        indicator: document.getElementById('live-state') && document.getElementById('live-state').getAttribute('data-state'),
        order: (() => { const r = []; if (typeof gantt !== 'undefined') gantt.eachTask((k) => r.push(`${k.id} ${k.text} p=${k.parent}`
          + ` i=${gantt.getTaskIndex(k.id)} s=${k.sortorder} open=${k.$open}`)); return r; })(),
      })).catch((x) => String(x)));
    }
    for (const [i, p] of pages.entries()) {
      await p.screenshot({ path: path.join(shots, `gantt-${mode}-failed-${i ? 'b' : 'a'}.png`) }).catch(() => {});
    }
    report({ result: 'fail', error: String(e && e.stack || e), pageErrors: errors, states });
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
}
main();
