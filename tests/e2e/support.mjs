// Shared helpers of the Playwright tests (node:test + playwright-core, never a browser download):
// a headless system Chromium, dist/ served on 127.0.0.1, the page's errors, and axe-core.

import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../tools/chromium.mjs';
import { start, STRICT_CSP } from '../../tools/serve.mjs';

export { STRICT_CSP };

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DIST = path.join(ROOT, 'dist');
export const RESULTS = path.join(ROOT, 'test-results');

export { CHROMIUM_ARGS, CHROMIUM_PATH };

/** Launches headless Chromium. Close it with `browser.close()`. */
export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/**
 * Serves dist/ (built by `trunk build --release`) on 127.0.0.1 at a free port.
 * Options: `base` (a sub-path such as '/docs/widgets/'), `csp` (a Content-Security-Policy
 * header, e.g. STRICT_CSP). Resolves to { url, close }.
 */
export function serveDist(options = {}) {
  return start({ root: DIST, port: 0, ...options });
}

/**
 * Opens a page in a fresh context and records its console errors, page errors and failed
 * requests in `errors` (strings). Options go to `browser.newContext` (e.g. `bypassCSP: true`,
 * which `runAxe` needs on a page with a strict CSP).
 */
export async function openPage(browser, contextOptions = {}) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? 'unknown';
    // A request cancelled by navigation or by closing the page (e.g. the favicon) is no failure.
    if (reason === 'net::ERR_ABORTED') return;
    errors.push(`request failed: ${request.url()} (${reason})`);
  });
  return { context, page, errors };
}

/** Saves a full-page screenshot as test-results/<name>.png; returns its path. */
export async function screenshot(page, name) {
  await mkdir(RESULTS, { recursive: true });
  const file = path.join(RESULTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

const require = createRequire(import.meta.url);

/** The WCAG 2.2 A/AA rules of axe-core (the project's bar). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/**
 * Injects axe-core from node_modules and runs it on `include` (a selector, default the whole
 * page). Resolves to axe's violations, each as { id, impact, help, nodes: [html...] }.
 * A page under a strict CSP must be opened with `openPage(browser, { bypassCSP: true })`.
 */
export async function runAxe(page, { include = 'html', tags = WCAG_TAGS } = {}) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    try {
      await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    } catch (error) {
      throw new Error(`axe-core could not be injected (a page under a strict CSP needs openPage(browser, { bypassCSP: true })): ${error.message}`);
    }
  }
  const violations = await page.evaluate(
    async ({ include, tags }) => {
      const result = await window.axe.run(include, { runOnly: { type: 'tag', values: tags } });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => n.html),
      }));
    },
    { include, tags },
  );
  return violations;
}

/** One readable line per axe violation, for an assertion message. */
export function formatViolations(violations) {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 3).join('\n    ')}`)
    .join('\n');
}

// ---------------------------------------------------------------------------------------------
// Helpers of form, embedding and examples tests (additions; nothing above depends on them).

/** Serves any directory on 127.0.0.1 at a free port: the repository root for examples/, or a
 * temporary copy of dist/ with host pages written into it. Same options as `serveDist`. */
export function serveDir(root, options = {}) {
  return start({ root, port: 0, ...options });
}

/**
 * Records, from before the page's own scripts run, every `backup-change`, `backup-create` and
 * `backup-config-error` that reaches `document` (so: bubbled, and composed out of any shadow
 * root), and every `securitypolicyviolation`. Read them with `recorded(page)`.
 */
export function recordPageEvents(page) {
  return page.addInitScript(() => {
    const log = (window.__e2e = { events: [], csp: [] });
    for (const type of ['backup-change', 'backup-create', 'backup-config-error']) {
      document.addEventListener(type, (event) => {
        const origin = event.composedPath()[0];
        log.events.push({
          type,
          target: event.target?.id || event.target?.localName || null,
          origin: origin?.id || origin?.localName || null,
          bubbles: event.bubbles,
          composed: event.composed,
          detail: event.detail,
        });
      });
    }
    document.addEventListener('securitypolicyviolation', (event) =>
      log.csp.push(`${event.violatedDirective} blocked ${event.blockedURI || '(inline)'} (${event.sourceFile}:${event.lineNumber})`),
    );
  });
}

/** What `recordPageEvents` saw: { events: [{ type, target, origin, bubbles, composed, detail }], csp: [string] }. */
export function recorded(page) {
  return page.evaluate(() => window.__e2e ?? { events: [], csp: [] });
}

const cdpSessions = new WeakMap();

/**
 * The focused element's role and accessible name as Chromium's accessibility tree computes
 * them (what a screen reader announces), e.g. { role: 'checkbox', name: 'Cross Cloud Backup/Restore' }.
 */
export async function focusedAccessible(page) {
  let cdp = cdpSessions.get(page);
  if (!cdp) {
    cdp = await page.context().newCDPSession(page);
    cdpSessions.set(page, cdp);
  }
  // The deepest focused element: focus inside a shadow root shows as its host on document.
  const expression = '(() => { let e = document.activeElement; while (e && e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement; return e; })()';
  const { result } = await cdp.send('Runtime.evaluate', { expression, objectGroup: 'e2e-focus' });
  try {
    if (!result.objectId) return { role: null, name: null };
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { objectId: result.objectId, fetchRelatives: false });
    const node = nodes.find((n) => !n.ignored) ?? nodes[0];
    return { role: node?.role?.value ?? null, name: node?.name?.value ?? '' };
  } finally {
    await cdp.send('Runtime.releaseObjectGroup', { objectGroup: 'e2e-focus' });
  }
}

/**
 * Waits until the widget `selector` shows its live preview with a headline ("The backup ...").
 * Resolves to a locator of that widget.
 */
export async function waitForWidget(page, selector = 'create-backup-form', timeout = 15_000) {
  await page.waitForFunction(
    (selector) => document.querySelector(selector)?.shadowRoot?.querySelector('[role="status"]')?.textContent.includes('The backup'),
    selector,
    { timeout },
  );
  return page.locator(selector);
}

/**
 * A widget's parts, found by their accessible names: its element, the preview (role=status),
 * the config error (role=alert), the offload checkbox, Create, Backup name, and the provisioner
 * names of its "Volume snapshot class for …" selects.
 */
export function widgetParts(page, selector) {
  const widget = page.locator(selector);
  const form = widget.getByRole('form', { name: 'Create Backup' });
  return {
    widget,
    status: widget.locator('[role="status"]').first(),
    alert: widget.getByRole('alert'),
    offload: form.getByRole('checkbox', { name: 'Offload CSI snapshots to backup location', exact: true }),
    create: form.getByRole('button', { name: 'Create', exact: true }),
    backupName: form.getByRole('textbox', { name: 'Backup name', exact: true }),
    vscLabels: () =>
      form.evaluate((f) =>
        [...f.querySelectorAll('label')]
          .map((l) => l.textContent.trim())
          .filter((t) => t.startsWith('Volume snapshot class for '))
          .map((t) => t.slice('Volume snapshot class for '.length)),
      ),
  };
}
