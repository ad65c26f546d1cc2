// Browser tests: a real `iotmap serve` on a free loopback port, driven in Debian's Chromium by
// playwright-core. Every page type is opened and checked for console errors and failed requests;
// links are followed from a hub provision to a mapped item and back; a search is run from the header
// form; the layout is checked on a phone-sized screen and with the keyboard. Screenshots go to
// build/screenshots/ for review. Ends with "N passed, N failed".
//
//   node tests/browser/run.mjs BINARY DATABASE
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const [binary, database] = process.argv.slice(2);
if (!binary || !database) {
  console.error('usage: node run.mjs BINARY DATABASE');
  process.exit(2);
}
const shots = 'build/screenshots';
mkdirSync(shots, { recursive: true });

function startServer() {
  return new Promise((resolve, reject) => {
    const proc = spawn(binary, ['serve', '--db', database, '--port', '0', '--access-log', '/dev/null'],
      { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    proc.stderr.on('data', (d) => {
      err += d;
      const m = err.match(/open (http:\/\/127\.0\.0\.1:\d+)\//);
      if (m) resolve({ proc, base: m[1] });
    });
    proc.on('exit', (code) => reject(new Error(`server exited (${code}): ${err}`)));
    setTimeout(() => reject(new Error(`server did not start: ${err}`)), 10000);
  });
}

let passed = 0;
let failed = 0;
async function check(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`ok   ${name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: ${e.message}`);
  }
}
function assert(cond, message) {
  if (!cond) throw new Error(message);
}

const { proc, base } = await startServer();
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

// A page that records console errors, uncaught exceptions and failed or erroring requests.
async function watchedPage(options = {}) {
  const page = await browser.newPage(options);
  page.problems = [];
  page.on('console', (m) => { if (m.type() === 'error') page.problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => page.problems.push(`exception: ${e.message}`));
  page.on('requestfailed', (r) => page.problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => {
    if (r.status() >= 400 && !page.expectError) page.problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  return page;
}

const HUB = 'etsi-en-303-645-v2.1.1';
const pages = [
  ['home', '/', /Consumer IoT security requirements, mapped/],
  ['document', `/documents/${HUB}`, /Cyber Security for Consumer Internet of Things/],
  ['hub-item', `/items/${HUB}:5.1-1`, /5\.1-1/],
  ['coverage', '/coverage', /Coverage of/],
  ['search', '/search?q=vulnerability', /Search requirements/],
  ['downloads', '/downloads', /Open data/],
  ['about', '/about', /About iotmap/],
];
for (const [name, path, heading] of pages) {
  await check(`${name} page renders without errors`, async () => {
    const page = await watchedPage({ viewport: { width: 1280, height: 900 } });
    const resp = await page.goto(base + path);
    assert(resp.status() === 200, `status ${resp.status()}`);
    const h1 = await page.locator('h1').innerText();
    assert(heading.test(h1), `h1 is "${h1}"`);
    assert((await page.title()).endsWith(' - iotmap'), `title "${await page.title()}"`);
    await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
    assert(page.problems.length === 0, page.problems.join('; '));
    await page.close();
  });
}

await check('hub item links to a mapped item, which links back', async () => {
  const page = await watchedPage();
  await page.goto(`${base}/items/${HUB}:5.1-1`);
  const link = page.locator('table.maps a[href^="/items/uk-cop-2018:"]').first();
  const target = await link.getAttribute('href');
  await link.click();
  await page.waitForURL(base + target);
  assert(/UK CoP 2018/.test(await page.locator('h1').innerText()), 'not on the Code of Practice item');
  const back = page.locator(`table.maps a[href="/items/${HUB}:5.1-1"]`);
  assert(await back.count() === 1, 'no link back to the hub provision');
  await back.click();
  await page.waitForURL(`${base}/items/${HUB}:5.1-1`);
  await page.screenshot({ path: `${shots}/followed-back.png` });
  assert(page.problems.length === 0, page.problems.join('; '));
  await page.close();
});

await check('breadcrumbs lead from an item to its document and home', async () => {
  const page = await watchedPage();
  await page.goto(`${base}/items/${HUB}:5.3-2`);
  await page.locator('nav.crumbs a', { hasText: 'EN 303 645 V2.1.1' }).click();
  await page.waitForURL(`${base}/documents/${HUB}`);
  await page.locator('nav.crumbs a', { hasText: 'Home' }).click();
  await page.waitForURL(`${base}/`);
  assert(page.problems.length === 0, page.problems.join('; '));
  await page.close();
});

await check('search from the header form shows highlighted results and filters', async () => {
  const page = await watchedPage();
  await page.goto(base + '/');
  await page.fill('#q-top', 'default password');
  await page.press('#q-top', 'Enter');
  await page.waitForURL(/\/search\?q=default\+password/);
  const results = await page.locator('ol.results li').count();
  assert(results > 0, 'no results');
  assert(await page.locator('ol.results mark').count() > 0, 'no highlighted match');
  await page.selectOption('#f-kind', 'guidance');
  await page.click('form.search button');
  await page.waitForURL(/kind=guidance/);
  const filtered = await page.locator('ol.results li').count();
  assert(filtered > 0 && filtered <= results, `filtered ${filtered} of ${results}`);
  await page.screenshot({ path: `${shots}/search-results.png`, fullPage: true });
  assert(page.problems.length === 0, page.problems.join('; '));
  await page.close();
});

await check('an unknown item shows a 404 page with suggestions', async () => {
  const page = await watchedPage();
  page.expectError = true;
  const resp = await page.goto(`${base}/items/${HUB}:5.1-9`);
  assert(resp.status() === 404, `status ${resp.status()}`);
  assert(await page.locator(`main a[href="/items/${HUB}:5.1-1"]`).count() === 1, 'no suggestion');
  await page.close();
});

await check('pages fit a phone screen without sideways scrolling', async () => {
  const page = await watchedPage({ viewport: { width: 375, height: 740 }, isMobile: true });
  for (const path of ['/', `/items/${HUB}:5.1-1`, `/documents/${HUB}`, '/search?q=update']) {
    await page.goto(base + path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert(overflow <= 0, `${path} overflows by ${overflow}px`);
  }
  await page.goto(`${base}/items/${HUB}:5.1-1`);
  await page.screenshot({ path: `${shots}/hub-item-phone.png`, fullPage: true });
  await page.close();
});

await check('keyboard: the first Tab reaches the skip link, which is visible', async () => {
  const page = await watchedPage();
  await page.goto(base + '/');
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement?.className);
  assert(focused === 'skip', `focused "${focused}"`);
  const box = await page.locator('a.skip').boundingBox();
  assert(box && box.x >= 0, 'skip link not on screen when focused');
  await page.close();
});

await browser.close();
proc.kill('SIGTERM');
console.log(`\nbrowser tests: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
