// Loading (SPEC, Loading): the widget on a page that enforces Trusted Types, through its one
// policy `create-backup-form`, and a widget that cannot start saying why, in every element's box,
// to the host (`backup-load-error`) and once on the console, with no uncaught rejection.
//
// Host pages are written into temporary copies of dist/ (one whole, one without the wasm, one
// without the stylesheet); each CSP is a header of its own server over the same files.

import assert from 'node:assert/strict';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { DIST, STRICT_CSP, launchBrowser, openPage, serveDir, waitForWidget, widgetParts } from './support.mjs';

const TRUSTED_TYPES_CSP = `${STRICT_CSP}; require-trusted-types-for 'script'; trusted-types create-backup-form`;
const BOTH_BUNDLES_CSP = `${STRICT_CSP}; require-trusted-types-for 'script'; trusted-types create-backup-form 'allow-duplicates'`;
const POLICY_REFUSED_CSP = `${STRICT_CSP}; require-trusted-types-for 'script'; trusted-types 'none'`;
const NO_WASM_CSP = "default-src 'self'; script-src 'self'; style-src 'self'";

/** A host page: the entries' stylesheet and module(s), two elements; no inline script. */
const page = (title, modules) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>${title}</title>
    <link rel="icon" href="favicon.svg" type="image/svg+xml">
    <link rel="stylesheet" href="backup-form.css">
    ${modules.map((m) => `<script type="module" src="${m}"></script>`).join('\n    ')}
  </head>
  <body>
    <main>
      <h1>${title}</h1>
      <create-backup-form id="a" scenario="mixed"></create-backup-form>
      <create-backup-form id="b" scenario="aws-ebs"></create-backup-form>
    </main>
  </body>
</html>
`;

const PAGES = {
  'docs.html': page('Docs page', ['backup-form.js']),
  'training.html': page('Training page', ['backup-form-training.js']),
  'both.html': page('Both bundles', ['backup-form.js', 'backup-form-training.js']),
};

/** Records, before the page's scripts, every backup-load-error and backup-change that reaches
 * document, and every securitypolicyviolation. */
function recordLoading(page) {
  return page.addInitScript(() => {
    const log = (window.__loading = { loadErrors: [], changes: 0, violations: [] });
    document.addEventListener('backup-load-error', (event) =>
      log.loadErrors.push({ target: event.target.id, message: event.detail?.message, bubbles: event.bubbles, composed: event.composed }),
    );
    document.addEventListener('backup-change', () => (log.changes += 1));
    document.addEventListener('securitypolicyviolation', (event) => log.violations.push(`${event.effectiveDirective}: ${event.blockedURI} ${event.sample}`));
  });
}

const loading = (page) => page.evaluate(() => window.__loading);

/** The text a failed element shows in its own box. */
const failureText = (page, id) => page.evaluate((id) => document.getElementById(id).shadowRoot?.textContent.trim() ?? '', id);

describe('loading: Trusted Types, and a widget that cannot start', () => {
  let browser;
  let whole;
  let noWasm;
  let noStyles;
  const servers = [];
  /** A server over `root` with `csp`; closed after the suite. */
  const serve = async (root, csp) => {
    const server = await serveDir(root, { csp });
    servers.push(server);
    return server;
  };

  before(async () => {
    const copy = async (without) => {
      const root = await mkdtemp(path.join(os.tmpdir(), 'cbw-loading-'));
      await cp(DIST, root, { recursive: true });
      for (const file of without) await rm(path.join(root, file));
      for (const [name, html] of Object.entries(PAGES)) await writeFile(path.join(root, name), html);
      return root;
    };
    whole = await copy([]);
    noWasm = await copy(['create-backup-widget_bg.wasm']);
    noStyles = await copy(['backup-form.css']);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    for (const server of servers) await server.close();
    for (const root of [whole, noWasm, noStyles]) if (root) await rm(root, { recursive: true, force: true });
  });

  /** Changes a widget as a user would: Offload, a select, then the scenario; each changes the preview. */
  async function changeWidget(page, selector) {
    const parts = widgetParts(page, selector);
    const before = await parts.status.innerText();
    await parts.offload.click();
    await page.waitForFunction(
      ([s, text]) => document.querySelector(s).shadowRoot.querySelector('[role="status"]').innerText !== text,
      [selector, before],
    );
    const select = page.locator(selector).getByRole('combobox').first();
    const values = await select.evaluate((s) => [...s.options].filter((o) => !o.disabled).map((o) => o.value));
    const current = await select.inputValue();
    const other = values.find((v) => v !== current);
    if (other !== undefined) {
      await select.selectOption(other);
      assert.equal(await select.inputValue(), other);
    }
    await page.evaluate((s) => document.querySelector(s).setAttribute('scenario', 'gcp-disk'), selector);
    await page.waitForFunction((s) => document.querySelector(s).shadowRoot.textContent.includes('pd.csi.storage.gke.io'), selector);
  }

  for (const [name, bundle] of [
    ['docs.html', 'backup-form.js'],
    ['training.html', 'backup-form-training.js'],
  ]) {
    test(`Trusted Types enforced: ${bundle} renders and changes, with no violation and no console error`, async () => {
      const server = await serve(whole, TRUSTED_TYPES_CSP);
      const { context, page, errors } = await openPage(browser);
      try {
        await recordLoading(page);
        await page.goto(`${server.url}${name}`);
        await waitForWidget(page, '#a');
        await waitForWidget(page, '#b');
        await changeWidget(page, '#a');
        await changeWidget(page, '#b');
        if (bundle === 'backup-form-training.js') {
          const summaries = page.locator('#a details > summary');
          const count = await summaries.count();
          assert.ok(count >= 6, `six training panels, found ${count}`);
          for (let i = 0; i < count; i += 1) await summaries.nth(i).click();
          assert.equal(await page.locator('#a details[open]').count(), count);
        }
        // A widget mounted later through the export renders through the same policy.
        await page.evaluate(async (entry) => {
          const { mount } = await import(new URL(entry, document.baseURI).href);
          const target = document.createElement('div');
          target.id = 'mounted';
          document.querySelector('main').append(target);
          mount(target, undefined);
        }, bundle);
        await waitForWidget(page, '#mounted');
        const log = await loading(page);
        assert.deepEqual(log.violations, [], 'no securitypolicyviolation');
        assert.deepEqual(log.loadErrors, [], 'no backup-load-error');
        assert.deepEqual(errors, [], 'no console error, page error or failed request');
      } finally {
        await context.close();
      }
    });
  }

  test("Trusted Types with 'allow-duplicates': a page that loads both bundles works", async () => {
    const server = await serve(whole, BOTH_BUNDLES_CSP);
    const { context, page, errors } = await openPage(browser);
    try {
      await recordLoading(page);
      await page.goto(`${server.url}both.html`);
      await waitForWidget(page, '#a');
      await waitForWidget(page, '#b');
      await changeWidget(page, '#a');
      // Each bundle's exports render through its own wasm.
      for (const entry of ['backup-form.js', 'backup-form-training.js']) {
        const id = entry.replace(/\W/g, '-');
        await page.evaluate(
          async ([entry, id]) => {
            const { mount } = await import(new URL(entry, document.baseURI).href);
            const target = document.createElement('div');
            target.id = id;
            document.querySelector('main').append(target);
            mount(target, undefined);
          },
          [entry, id],
        );
        await waitForWidget(page, `#${id}`);
      }
      const log = await loading(page);
      assert.deepEqual(log.violations, []);
      assert.deepEqual(log.loadErrors, []);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  /**
   * Opens `name` from `root` under `csp` and checks that each element says `cause` in its box,
   * dispatches one backup-load-error with it, that the console has one line of the widget's, that
   * no rejection went uncaught, that an element added later says the same, and that the exports
   * throw it. Returns what was logged.
   */
  async function assertCannotStart({ root, csp = STRICT_CSP, name = 'docs.html', entry = 'backup-form.js', cause }) {
    const server = await serve(root, csp);
    const { context, page, errors } = await openPage(browser);
    const widgetLines = [];
    page.on('console', (message) => {
      // The browser's own CSP report names the policy too; the widget's lines start with its name.
      if (message.text().startsWith('create-backup-form')) widgetLines.push(message.text());
    });
    try {
      await recordLoading(page);
      await page.goto(`${server.url}${name}`);
      await page.waitForFunction(() => window.__loading.loadErrors.length >= 2, null, { timeout: 15_000 });
      for (const id of ['a', 'b']) {
        const text = await failureText(page, id);
        assert.equal(text, `The Create Backup form could not load: ${cause}.`, `#${id} says why`);
        const height = await page.evaluate((id) => document.getElementById(id).getBoundingClientRect().height, id);
        assert.ok(height > 10, `#${id} keeps a box (${height}px)`);
      }
      // An element added later says the same, and tells the host too.
      await page.evaluate(() => {
        const late = document.createElement('create-backup-form');
        late.id = 'late';
        document.querySelector('main').append(late);
      });
      await page.waitForFunction(() => window.__loading.loadErrors.length >= 3);
      assert.equal(await failureText(page, 'late'), `The Create Backup form could not load: ${cause}.`);
      const thrown = await page.evaluate(async (entry) => {
        const module = await import(new URL(entry, document.baseURI).href);
        const messages = [];
        for (const call of [() => module.decide({}), () => module.scenarios(), () => module.mount(document.createElement('div'))]) {
          try {
            call();
            messages.push(null);
          } catch (error) {
            messages.push(error.message);
          }
        }
        return messages;
      }, entry);
      assert.deepEqual(thrown, Array(3).fill(`create-backup-form could not load: ${cause}`), 'the exports throw the same cause');
      const log = await loading(page);
      assert.deepEqual(
        log.loadErrors,
        ['a', 'b', 'late'].map((target) => ({ target, message: cause, bubbles: true, composed: true })),
        'one backup-load-error per element',
      );
      assert.deepEqual(widgetLines, [`create-backup-form could not load: ${cause}`], 'one console line of the widget');
      assert.deepEqual(
        errors.filter((e) => e.startsWith('page error')),
        [],
        'no uncaught error or rejection',
      );
      assert.equal(log.changes, 0);
      return { log, errors };
    } finally {
      await context.close();
    }
  }

  test('the wasm answers 404: every element says so, and the host is told', async () => {
    await assertCannotStart({ root: noWasm, cause: 'could not fetch create-backup-widget_bg.wasm (404)' });
  });

  test('the stylesheet answers 404: every element says so, and the host is told', async () => {
    await assertCannotStart({ root: noStyles, cause: 'could not fetch backup-form.css (404)' });
  });

  test("a CSP without 'wasm-unsafe-eval': every element says the page does not allow WebAssembly", async () => {
    await assertCannotStart({ root: whole, csp: NO_WASM_CSP, cause: "this page's Content-Security-Policy does not allow WebAssembly ('wasm-unsafe-eval')" });
  });

  for (const [name, entry] of [
    ['docs.html', 'backup-form.js'],
    ['training.html', 'backup-form-training.js'],
  ]) {
    test(`Trusted Types that refuse the policy (negative control, ${entry}): a violation is seen, and every element says why`, async () => {
      const { log } = await assertCannotStart({
        root: whole,
        csp: POLICY_REFUSED_CSP,
        name,
        entry,
        cause: "this page's Trusted Types policy does not allow create-backup-form",
      });
      assert.ok(
        log.violations.some((v) => v.startsWith('trusted-types')),
        `the page's Trusted Types check is live: ${JSON.stringify(log.violations)}`,
      );
    });
  }
});
