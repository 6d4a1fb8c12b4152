// Debian's Chromium as every browser test starts it: headless, and without the background networking that this
// machine's closed network would refuse (playwright-core drives it; no browser download).
const { chromium } = require('playwright-core');

exports.launch = () => chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
    '--no-first-run', '--disable-component-update', '--disable-sync'],
});

/** A new page of its own (fresh context) at {@code url}; script errors in it are added to {@code pageErrors}. */
exports.open = async (browser, url, pageErrors) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(url);
  return page;
};
