// Two real browser pages (headless Chromium, playwright-core) on src-webapp/gantt.html, the default gantt: what one
// page does through dhtmlxGantt's own API (its dataProcessor saves it, REST-JSON), the other must show without a
// reload: a task, a second task, a link between them, a move, a child, a deleted parent with its subtree and links
// (cascade_delete, the client default); a reload shows the stored state. Each step's time is reported.
// Usage: node browser-gantt.js <baseUrl> <mode (unused)> <screenshotDir>
'use strict';
const { launch: launchChromium, open: openPage } = require('./chromium');
const path = require('path');

const [baseUrl, , shots] = process.argv.slice(2);
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

async function main() {
  const browser = await launchChromium();
  const errors = [];
  let pages = [];
  try {
    const url = `${baseUrl}gantt.html`;
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
    await measure('move', () => a.evaluate((t) => {
      let task = null;
      gantt.eachTask((k) => { if (k.text === t) task = k; });
      task.start_date = new Date(2031, 2, 5);
      task.end_date = gantt.calculateEndDate(task);
      gantt.updateTask(task.id);
    }, one), startsOn, [one, 5], b);
    await a.waitForFunction(saved, one);
    // reorder in A as the grid's drag and drop ends (order_branch): the task moved, then the dataProcessor's order save
    await measure('reorder', () => a.evaluate(([first, second]) => {
      const id = (x) => { let r = null; gantt.eachTask((k) => { if (k.text === x) r = k.id; }); return r; };
      gantt._dp.ignore(() => gantt.moveTask(id(second), 0, gantt.config.root_id));
      const task = gantt.getTask(id(second));
      task.$drop_target = String(id(first));
      gantt._sendTaskOrder(task.id, task); // what the dataProcessor's onRowDragEnd handler does
    }, [one, two]), ([first, second]) => {
      const id = (x) => { let r = null; gantt.eachTask((k) => { if (k.text === x) r = k.id; }); return r; };
      return id(second) !== null && gantt.getTaskIndex(id(second)) < gantt.getTaskIndex(id(first));
    }, [one, two], b);
    await a.waitForFunction(saved, two);
    await measure('child', () => a.evaluate(([c, p]) => {
      let parent = null;
      gantt.eachTask((k) => { if (k.text === p) parent = k.id; });
      gantt.addTask({ text: c, start_date: new Date(2031, 2, 5), duration: 1 }, parent);
    }, [child, one]), has, child, b);
    await a.waitForFunction(saved, child);
    await a.screenshot({ path: path.join(shots, 'gantt-page-a.png') });
    await b.screenshot({ path: path.join(shots, 'gantt-page-b.png') });
    await measure('delete-parent', () => a.evaluate((t) => {
      let id = null;
      gantt.eachTask((k) => { if (k.text === t) id = k.id; });
      gantt.deleteTask(id);
    }, one), ([p, c]) => { let f = false; gantt.eachTask((x) => { if (x.text === p || x.text === c) f = true; }); return !f && gantt.getLinks().length === 0; }, [one, child], b);

    await b.waitForTimeout(300);
    await b.reload();
    await b.waitForFunction(([keep, gone]) => {
      if (typeof gantt === 'undefined') return false;
      let kept = false, removed = true;
      gantt.eachTask((x) => { if (x.text === keep) kept = true; if (x.text === gone) removed = false; });
      return kept && removed;
    }, [two, one], { timeout: 10000, polling: 50 });
    report({ step: 'reload' });
    if (errors.length) throw new Error('script errors in the pages: ' + errors.join(' | '));
    report({ result: 'pass' });
  } catch (e) {
    const states = [];
    for (const p of pages) {
      states.push(await p.evaluate(() => ({
        gantt: typeof gantt, dp: typeof gantt !== 'undefined' && !!gantt._dp, tasks: typeof gantt !== 'undefined' ? gantt.getTaskCount() : -1,
        indicator: document.getElementById('live-state') && document.getElementById('live-state').getAttribute('data-state'),
      })).catch((x) => String(x)));
    }
    report({ result: 'fail', error: String(e && e.stack || e), pageErrors: errors, states });
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
}
main();
