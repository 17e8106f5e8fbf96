// End-to-end test of the iskra web page: starts the real `iskra serve` on the seed collection on a
// free loopback port, drives Debian's chromium through playwright-core, walks every view (ask,
// source document, timeline, entities, quiz, phone layout, keyboard) and saves a screenshot of
// each to tests/e2e/artifacts/.
//
//   node tests/e2e/run.mjs --iskra build/iskra [--collection DIR] [--artifacts DIR]
//
// Exit codes: 0 passed, 1 failed, 77 skipped (no chromium or no node_modules: see the message).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SKIP = 77;
const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
const CHROMIUM = '/usr/bin/chromium';

function parseArgs(argv) {
  const args = { iskra: null, collection: null, artifacts: join(here, 'artifacts') };
  for (let i = 0; i < argv.length; i += 1) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in args) || i + 1 >= argv.length) throw new Error(`unknown or incomplete option ${argv[i]}`);
    args[key] = argv[++i];
  }
  if (!args.iskra) throw new Error('usage: run.mjs --iskra PATH [--collection DIR] [--artifacts DIR]');
  return args;
}

async function loadPlaywright() {
  if (!existsSync(CHROMIUM)) {
    console.log(`SKIP: ${CHROMIUM} not found (apt-get install chromium)`);
    process.exit(SKIP);
  }
  try {
    return await import('playwright-core');
  } catch {
    console.log(`SKIP: playwright-core missing; run 'npm ci' in ${here}`);
    process.exit(SKIP);
  }
}

let failures = 0;
function check(condition, what) {
  if (condition) {
    console.log(`  ok   ${what}`);
  } else {
    failures += 1;
    console.log(`  FAIL ${what}`);
  }
}

function buildCollection(iskra, dir) {
  const result = spawnSync(iskra, ['index', dir, join(repo, 'data', 'seeds')], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`iskra index failed: ${result.stderr}`);
}

/** Starts `iskra serve` on port 0 and resolves to {child, url} once it prints its address. */
function startServer(iskra, collection) {
  const child = spawn(iskra, ['serve', collection, '--port', '0', '--host', '127.0.0.1', '--quiet'],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolvePromise, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 30000);
    const onData = (data) => {
      output += data;
      const match = output.match(/at (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (match) {
        clearTimeout(timer);
        resolvePromise({ child, url: match[1] });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (data) => { output += data; });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
}

function stopServer(child) {
  return new Promise((resolvePromise) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); resolvePromise(null); }, 15000);
    child.removeAllListeners('exit');
    child.on('exit', (code, signal) => { clearTimeout(timer); resolvePromise({ code, signal }); });
    child.kill('SIGTERM');
  });
}

async function inViewport(page, selector) {
  return page.$eval(selector, (node) => {
    const box = node.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0;
  });
}

async function scenario(page, base, artifacts) {
  const shot = (name) => page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: false });

  console.log('home');
  await page.goto(base);
  await page.waitForSelector('.chips li a', { timeout: 15000 });
  check(await page.title() !== '', 'the page has a title');
  await shot('01-home');

  console.log('keyboard: / focuses the search box');
  await page.locator('body').click({ position: { x: 5, y: 400 } });
  await page.keyboard.press('/');
  check(await page.evaluate(() => document.activeElement.id) === 'q', '/ focuses the search box');

  console.log('ask');
  await page.keyboard.type('When was Leon Trotsky born?');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.answer-card', { timeout: 20000 });
  await page.waitForSelector('.results > li, #results .muted', { timeout: 20000 });
  const answer = await page.textContent('.answer-card .answer-value');
  check(answer && answer.trim().length > 0, `the answer card shows an answer ("${answer && answer.trim()}")`);
  check(/1879/.test(answer || ''), 'the answer is the birth year');
  check(await page.locator('.answer-card .source a').count() > 0, 'the answer card cites a source');
  check(await page.locator('.answer-card meter').count() === 1, 'the answer card shows a confidence bar');
  check(await page.locator('.results > li').count() > 0, 'ranked results are listed under the answer');
  check(await page.locator('.results mark').count() > 0, 'result snippets highlight the query words');
  check(page.url().includes('#/ask?q='), 'the ask view is linkable');
  await shot('02-answer');

  console.log('open the source');
  await page.locator('.answer-card .source a').first().click();
  await page.waitForSelector('.doc-text .sentence.hl', { timeout: 15000 });
  await page.waitForTimeout(300);
  check(await inViewport(page, '.doc-text .sentence.hl'), 'the cited sentence is scrolled into view');
  check(/1879/.test(await page.textContent('.doc-text .sentence.hl')), 'the highlighted sentence is the cited one');
  await shot('03-document');
  await page.keyboard.press('Escape');
  await page.waitForSelector('.answer-card', { timeout: 15000 });
  check(true, 'Esc goes back from the document to the answer');

  console.log('timeline');
  await page.goto(`${base}#/timeline`);
  await page.waitForSelector('svg.axis .mark', { timeout: 20000 });
  const marks = await page.locator('svg.axis .mark').count();
  check(marks > 5, `the time axis has event marks (${marks})`);
  const range = await page.$eval('#tl-from', (n) => `${n.min}-${n.max}`);
  const years = await page.evaluate(async () => {
    const response = await (await fetch('/api/v1/timeline?limit=1000')).json();
    const all = response.events.map((e) => e.date.year);
    return `${Math.min(...all)}-${Math.max(...all)}`;
  });
  check(range === years, `the axis spans the first to the last year of the events (${range})`);
  check(await page.locator('ol.events > li').count() > 5, 'the events are listed under the axis');
  await shot('04-timeline');
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.waitForTimeout(100);
  const zoomed = await page.$eval('#tl-from', (n) => `${n.value}-${document.querySelector('#tl-to').value}`);
  check(zoomed !== '1879-2001', `zoom in narrows the years (${zoomed})`);
  check(page.url().includes('from='), 'the zoomed timeline is linkable');
  await shot('04b-timeline-zoomed');

  console.log('entities');
  await page.goto(`${base}#/entities?type=person`);
  await page.waitForSelector('.entity-grid a', { timeout: 20000 });
  await shot('05a-entities');
  const firstName = (await page.textContent('.entity-grid a .name')).trim();
  await page.locator('.entity-grid a').first().click();
  await page.waitForFunction((name) => document.querySelector('h1')?.textContent.includes(name)
    && !document.querySelector('.loading'), firstName, { timeout: 20000 });
  const headings = await page.locator('main h2').allTextContents();
  check(headings.length > 0, `the entity view has sections (${headings.join(', ')})`);
  await shot('05-entity');

  console.log('quiz');
  await page.goto(`${base}#/quiz?seed=3`);
  await page.waitForSelector('.quiz fieldset', { timeout: 20000 });
  const questions = await page.locator('.quiz fieldset').count();
  check(questions > 0, `the quiz has questions (${questions})`);
  for (let index = 0; index < questions; index += 1) {
    await page.locator(`.quiz fieldset[data-question="${index}"] input`).first().check();
  }
  await page.getByRole('button', { name: 'Check answers' }).click();
  const score = await page.textContent('.score');
  check(/Score: \d+ of \d+/.test(score), `checking gives a score (${score})`);
  check(await page.locator('.quiz .correct').count() === questions, 'each question shows the right choice');
  check(await page.locator('.quiz .feedback .source a').count() === questions, 'each question shows its source');
  await shot('06-quiz');

  console.log('phone');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${base}#/ask?q=${encodeURIComponent('Where was Trotsky killed?')}`);
  await page.waitForSelector('.answer-card', { timeout: 20000 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 0, `no horizontal scrolling on a phone (overflow ${overflow}px)`);
  await shot('07-phone-answer');
  await page.goto(`${base}#/timeline`);
  await page.waitForSelector('svg.axis .mark', { timeout: 20000 });
  await shot('08-phone-timeline');
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const playwright = await loadPlaywright();
  mkdirSync(args.artifacts, { recursive: true });
  const scratch = mkdtempSync(join(tmpdir(), 'iskra-e2e-'));
  let server = null;
  let context = null;
  try {
    const collection = args.collection || join(scratch, 'collection');
    if (!args.collection) buildCollection(resolve(args.iskra), collection);
    server = await startServer(resolve(args.iskra), collection);
    console.log(`server at ${server.url}`);
    context = await playwright.chromium.launchPersistentContext(join(scratch, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1280, height: 900 },
    });
    const page = context.pages()[0] || await context.newPage();
    const problems = [];
    page.on('console', (message) => { if (message.type() === 'error') problems.push(`console: ${message.text()}`); });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    // Nothing may be fetched from anywhere but the server itself.
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.origin === new URL(server.url).origin) return route.continue();
      problems.push(`external request: ${url}`);
      return route.abort();
    });
    await scenario(page, server.url, args.artifacts);
    check(problems.length === 0, `no console errors or external requests${problems.length ? ': ' + problems.join('; ') : ''}`);
  } catch (error) {
    failures += 1;
    console.log(`  FAIL ${error.stack || error}`);
  } finally {
    if (context) await context.close();
    if (server) {
      const exit = await stopServer(server.child);
      check(exit && exit.code === 0, `SIGTERM shuts the server down cleanly (${JSON.stringify(exit)})`);
    }
    rmSync(scratch, { recursive: true, force: true });
  }
  console.log(failures ? `${failures} check(s) failed` : 'all checks passed');
  console.log(`screenshots in ${args.artifacts}`);
  process.exit(failures ? 1 : 0);
}

main();
