#!/usr/bin/env node
// The widget's speed and memory in headless Chromium, measured on the built dist/.
//
//   node tools/bench/browser.mjs [--dist dist] [--out results.json] [--loads 20] [--changes 1000]
//
// It copies dist/ into a temp dir beside generated bench pages, serves that dir with
// tools/serve.mjs on 127.0.0.1, and measures:
//   start   navigation start -> the first `backup-change` of the last widget on the page, for
//           1, 10 and 50 widgets, over N cold loads (a new browser context each, with the
//           HTTP cache disabled through CDP); and the same for a page of plain <form>s of the
//           same fields with no wasm (plain-form.js), the baseline of the ratio;
//   memory  after start, for 1 and 50 widgets: the wasm linear memory (byteLength of the
//           instance's exported memory) and the JS heap (performance.memory.usedJSHeapSize,
//           made precise by --enable-precise-memory-info, after a CDP-forced GC);
//   change  a select or checkbox change -> the updated preview text, timed in the page with
//           performance.now() and a MutationObserver, for the `mixed` scenario and for 200
//           provisioners x 50 VSCs.
// Progress goes to stderr; the results, as JSON, to --out (or stdout). Nothing is asserted
// about the timings; the script only fails when the page does not do what is measured.

import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

import { CHROMIUM_ARGS as CHROMIUM_BASE_ARGS } from '../chromium.mjs';
import { start as serve } from '../serve.mjs';

// performance.memory is bucketed and cached without --enable-precise-memory-info.
export const CHROMIUM_ARGS = [...CHROMIUM_BASE_ARGS, '--enable-precise-memory-info'];

const WIDGET_COUNTS = [1, 10, 50];
const MEMORY_WIDGET_COUNTS = [1, 50];
const LARGE = { provisioners: 200, classes: 50 };

const log = (...args) => console.error('bench:', ...args);

// ---------------------------------------------------------------------------------------------
// Statistics

/** Median (mean of the two middle values for an even count) and p95 (nearest rank). */
export function summarize(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { n, median: NaN, p95: NaN, min: NaN, max: NaN };
  const median = n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  const p95 = sorted[Math.max(0, Math.ceil(0.95 * n) - 1)];
  return { n, median, p95, min: sorted[0], max: sorted[n - 1] };
}

// ---------------------------------------------------------------------------------------------
// Browser-side code, serialised into the bench pages (classic scripts, so that they run before
// the deferred module backup-form.js).

/** Records when each widget first reports `backup-change`; `__bench.ready` resolves once all have. */
function pageHarness() {
  const bench = { errors: [], firstChange: new Map() };
  bench.ready = new Promise((resolve) => {
    document.addEventListener('backup-change', (event) => {
      const now = performance.now();
      const element = event.target;
      if (bench.firstChange.has(element)) return;
      bench.firstChange.set(element, now);
      const all = document.querySelectorAll('create-backup-form');
      if (element === all[all.length - 1]) bench.lastStart = now;
      if (bench.firstChange.size === all.length) {
        resolve({ lastStart: bench.lastStart, allStarted: now, widgets: all.length, errors: bench.errors });
      }
    });
  });
  document.addEventListener('backup-config-error', (event) => bench.errors.push(event.detail));
  window.__bench = bench;
}

/** Gives the page's only widget a config of `provisioners` x `classes` (first VSC default). */
function largeConfig(provisioners, classes) {
  const config = { provisioners: [] };
  for (let p = 0; p < provisioners; p++) {
    const volumeSnapshotClasses = [];
    for (let c = 0; c < classes; c++) {
      volumeSnapshotClasses.push(c === 0 ? { name: `p${p}-vsc-${c}`, default: true } : { name: `p${p}-vsc-${c}` });
    }
    config.provisioners.push({ name: `p${p}.csi.example.com`, volumeSnapshotClasses });
  }
  document.querySelector('create-backup-form').setAttribute('config', JSON.stringify(config));
}

/**
 * Runs `count` changes in the page, alternating a VSC select (round robin over the enabled
 * selects with a choice, each moved to its next option) and the offload checkbox. For each:
 *   preview  t0 = just before the change; t1 = the last mutation of the [role=status] region
 *            (a MutationObserver callback, which runs as a microtask right after the DOM
 *            change), so t1 - t0 is change -> updated preview text;
 *   settled  the same up to the last mutation anywhere in the widget (the selects' options,
 *            hints and the request JSON as well).
 * A change is complete once the preview text differs and a whole task passed with no new
 * mutation (Leptos runs its effects as microtasks). Between changes the page renders a frame and
 * has an idle period, unmeasured, so each change starts from a rendered, idle page: what the
 * widget leaves for idle time (writing the last backup-change's whatIf) is not in these numbers;
 * `whatIfRead` below measures it. A change that comes before that idle work ran pays for it.
 *
 * Then, `whatIfRead`: for `reads` offload changes, the time a host's listener takes to read
 * `event.detail.whatIf` (written and parsed at once) is what that idle work costs.
 */
async function runChanges({ count, reads }) {
  const root = document.querySelector('create-backup-form').shadowRoot; // the widget renders into it
  const status = root.querySelector('[role=status]');
  const control = (text) =>
    [...root.querySelectorAll('label')].find((label) => label.textContent.trim() === text)?.control;
  const offload = control('Offload CSI snapshots to backup location');
  const selects = [...root.querySelectorAll('select')].filter(
    (s) => s.labels?.[0]?.textContent.startsWith('Volume snapshot class for ') && !s.disabled && s.options.length > 1,
  );
  if (!status || !offload || selects.length === 0) {
    throw new Error(`bench page: status ${!!status}, offload ${!!offload}, ${selects.length} selects`);
  }

  let previewAt = 0;
  let settledAt = 0;
  let mutations = 0;
  const options = { subtree: true, childList: true, characterData: true, attributes: true };
  new MutationObserver(() => (previewAt = performance.now())).observe(status, options);
  new MutationObserver(() => {
    settledAt = performance.now();
    mutations++;
  }).observe(root, options);
  const nextTask = () =>
    new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(0);
    });
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const idle = () => new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: 1000 }));

  const results = { select: { preview: [], settled: [] }, checkbox: { preview: [], settled: [] } };
  let unchanged = 0;
  let turn = 0;
  for (let i = 0; i < count; i++) {
    await nextFrame();
    await idle();
    await nextTask();
    const kind = i % 2 === 0 ? 'select' : 'checkbox';
    const before = status.textContent;
    previewAt = settledAt = 0;
    let t0;
    if (kind === 'select') {
      const select = selects[turn++ % selects.length];
      const next = (select.selectedIndex + 1) % select.options.length;
      t0 = performance.now();
      select.selectedIndex = next;
      select.dispatchEvent(new Event('input', { bubbles: true }));
      select.dispatchEvent(new Event('change', { bubbles: true }));
    } else {
      t0 = performance.now();
      offload.click(); // input + change, as a user's click
    }
    let seen = -1;
    for (let guard = 0; guard < 10000; guard++) {
      await nextTask();
      if (mutations === seen && status.textContent !== before) break;
      seen = mutations;
    }
    if (status.textContent === before || previewAt === 0) {
      unchanged++;
      continue;
    }
    results[kind].preview.push(previewAt - t0);
    results[kind].settled.push(settledAt - t0);
  }
  const whatIfRead = [];
  const element = document.querySelector('create-backup-form');
  const read = (event) => {
    const t0 = performance.now();
    if (event.detail.whatIf.classes.length < 0) throw new Error('unreachable'); // read, and use it
    whatIfRead.push(performance.now() - t0);
  };
  element.addEventListener('backup-change', read);
  for (let i = 0; i < reads; i++) {
    await nextFrame();
    await idle();
    offload.click();
    await nextTask();
  }
  element.removeEventListener('backup-change', read);
  return { results, unchanged, selects: selects.length, whatIfRead };
}

// ---------------------------------------------------------------------------------------------
// Bench pages

function page({ title, widgets, body = '', attributes = 'scenario="mixed"', module = 'backup-form.js' }) {
  const elements = Array.from({ length: widgets }, () => `<create-backup-form ${attributes}></create-backup-form>`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="backup-form.css">
<script src="bench-harness.js"></script>
<script type="module" src="${module}"></script>
</head>
<body>
${elements.join('\n')}
${body}
</body>
</html>
`;
}

async function makeSite(dist) {
  const site = await mkdtemp(path.join(tmpdir(), 'cbw-bench-'));
  await cp(dist, site, { recursive: true });
  await writeFile(path.join(site, 'bench-harness.js'), `(${pageHarness})();\n`);
  await cp(new URL('./plain-form.js', import.meta.url), path.join(site, 'plain-form.js'));
  await writeFile(
    path.join(site, 'bench-large-config.js'),
    `(${largeConfig})(${LARGE.provisioners}, ${LARGE.classes});\n`,
  );
  for (const n of WIDGET_COUNTS) {
    await writeFile(path.join(site, `start-${n}.html`), page({ title: `start, ${n} widgets`, widgets: n }));
    // The baseline: the same page with a plain <form> of the same fields, and no wasm.
    await writeFile(path.join(site, `plain-${n}.html`), page({ title: `plain form, ${n}`, widgets: n, module: 'plain-form.js' }));
  }
  await writeFile(path.join(site, 'change-mixed.html'), page({ title: 'change, mixed', widgets: 1 }));
  await writeFile(
    path.join(site, 'change-large.html'),
    page({
      title: 'change, large',
      widgets: 1,
      attributes: '',
      body: '<script src="bench-large-config.js"></script>',
    }),
  );
  return site;
}

// ---------------------------------------------------------------------------------------------
// Measurements

/** A fresh context and page with the HTTP cache disabled; counts requests for the wasm. */
async function coldPage(browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const requests = { wasm: 0 };
  page.on('request', (request) => {
    if (request.url().endsWith('.wasm')) requests.wasm++;
  });
  const problems = [];
  page.on('pageerror', (error) => problems.push(String(error)));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  return { context, page, cdp, requests, problems };
}

async function started(page, problems, label) {
  const ready = await Promise.race([
    page.evaluate(() => window.__bench.ready),
    new Promise((_, reject) => setTimeout(() => reject(new Error(`${label}: no start within 60 s`)), 60_000)),
  ]);
  if (problems.length) throw new Error(`${label}: page errors: ${problems.join(' | ')}`);
  if (ready.errors.length) throw new Error(`${label}: config errors: ${JSON.stringify(ready.errors)}`);
  return ready;
}

/**
 * The wasm linear memory and the JS heap, after a forced GC. The wasm memory is read from the
 * very instance backup-form.js initialised: an ES module is instantiated once per URL and
 * realm, so importing create-backup-widget.js again (same URL) returns that module, and its
 * default export (wasm-bindgen's init) returns the cached `wasm` exports without fetching or
 * instantiating anything when it is already initialised. `memory` is the exported
 * WebAssembly.Memory; its buffer's byteLength is the linear memory now (pages x 64 KiB; it
 * grows and never shrinks). The JS heap figure does not include that buffer (it lives outside
 * V8's heap).
 */
async function memory(page, cdp, requests) {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const result = await page.evaluate(async () => {
    const glue = await import(new URL('create-backup-widget.js', document.baseURI).href);
    const wasm = await glue.default();
    return { wasm: wasm.memory.buffer.byteLength, heap: performance.memory.usedJSHeapSize };
  });
  if (requests.wasm !== 1) throw new Error(`memory: expected one wasm request, saw ${requests.wasm}`);
  return result;
}

async function measureStart(browser, base, widgets, loads, kind = 'start') {
  const times = [];
  const allStarted = [];
  const wasm = [];
  const heap = [];
  for (let run = 0; run < loads; run++) {
    const { context, page, cdp, requests, problems } = await coldPage(browser);
    try {
      await page.goto(`${base}${kind}-${widgets}.html`);
      const ready = await started(page, problems, `${kind}-${widgets}`);
      if (ready.widgets !== widgets) throw new Error(`${kind}-${widgets}: ${ready.widgets} widgets started`);
      times.push(ready.lastStart);
      allStarted.push(ready.allStarted);
      if (kind === 'start' && MEMORY_WIDGET_COUNTS.includes(widgets)) {
        const m = await memory(page, cdp, requests);
        wasm.push(m.wasm);
        heap.push(m.heap);
      }
    } finally {
      await context.close();
    }
  }
  log(`${kind}, ${widgets} widget(s): ${loads} cold loads done`);
  return {
    widgets,
    loads,
    start: summarize(times),
    allStarted: summarize(allStarted),
    memory: wasm.length ? { wasm: summarize(wasm), heap: summarize(heap) } : null,
  };
}

async function measureChanges(browser, base, name, file, provisioners, changes) {
  const { context, page, problems } = await coldPage(browser);
  try {
    await page.goto(`${base}${file}`);
    await started(page, problems, file);
    const count = await page.evaluate(
      () =>
        [...document.querySelector('create-backup-form').shadowRoot.querySelectorAll('select')].filter((s) =>
          s.labels?.[0]?.textContent.startsWith('Volume snapshot class for '),
        ).length,
    );
    if (count !== provisioners) throw new Error(`${file}: ${count} VSC selects, expected ${provisioners}`);
    const reads = Math.min(100, changes);
    const { results, unchanged, selects, whatIfRead } = await page.evaluate(runChanges, { count: changes, reads });
    if (problems.length) throw new Error(`${file}: page errors: ${problems.join(' | ')}`);
    log(`change, ${name}: ${changes} changes done (${selects} selects in play, ${unchanged} without a new preview)`);
    const kinds = {};
    for (const [kind, r] of Object.entries(results)) {
      kinds[kind] = { preview: summarize(r.preview), settled: summarize(r.settled) };
    }
    return { name, provisioners, changes, unchanged, selects, kinds, whatIfRead: summarize(whatIfRead) };
  } finally {
    await context.close();
  }
}

export async function run({ dist = 'dist', loads = 20, changes = 1000, executablePath = '/usr/bin/chromium' } = {}) {
  const site = await makeSite(dist);
  const server = await serve({ root: site, port: 0 });
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  try {
    log(`serving ${site} at ${server.url}; ${browser.version()}`);
    // One unmeasured load first: the server, the disk cache of the OS and the browser process
    // warm up; every measured load is still cold for the page (new context, no HTTP cache).
    await measureStart(browser, server.url, 1, 1);
    const start = [];
    for (const widgets of WIDGET_COUNTS) {
      // For each count, the widget's loads and then the plain form's, back to back, so that
      // both see the machine in the same state as nearly as one run allows.
      const widget = await measureStart(browser, server.url, widgets, loads);
      const plain = await measureStart(browser, server.url, widgets, loads, 'plain');
      start.push({ ...widget, plain: plain.start });
    }
    const change = [
      await measureChanges(browser, server.url, 'mixed', 'change-mixed.html', 5, changes),
      await measureChanges(
        browser,
        server.url,
        `${LARGE.provisioners} provisioners x ${LARGE.classes} VSCs`,
        'change-large.html',
        LARGE.provisioners,
        changes,
      ),
    ];
    return { browser: browser.version(), loads, changes, start, change };
  } finally {
    await browser.close();
    await server.close();
    await rm(site, { recursive: true, force: true });
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      dist: { type: 'string', default: 'dist' },
      out: { type: 'string' },
      loads: { type: 'string', default: process.env.BENCH_LOADS ?? '20' },
      changes: { type: 'string', default: process.env.BENCH_CHANGES ?? '1000' },
      chromium: { type: 'string', default: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
    },
  });
  const results = await run({
    dist: values.dist,
    loads: Number(values.loads),
    changes: Number(values.changes),
    executablePath: values.chromium,
  });
  const json = JSON.stringify(results, null, 2);
  if (values.out) await writeFile(values.out, `${json}\n`);
  else console.log(json);
}

if (process.argv[1] && path.resolve(process.argv[1]) === new URL(import.meta.url).pathname) {
  main().catch((error) => {
    console.error(`bench: ${error.stack ?? error}`);
    process.exit(1);
  });
}
