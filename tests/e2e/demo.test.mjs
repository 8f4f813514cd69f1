// The demo page of dist/: it loads cleanly and the widget shows the engine's headline.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { formatViolations, launchBrowser, openPage, runAxe, screenshot, serveDist } from './support.mjs';

describe('demo page (dist/index.html)', () => {
  let browser;
  let server;
  before(async () => {
    server = await serveDist();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('loads with no console error or page error, and the widget shows its headline', async () => {
    const { context, page, errors } = await openPage(browser);
    try {
      await page.goto(server.url);
      const status = page.locator('create-backup-form [role="status"]');
      await status.waitFor({ state: 'visible', timeout: 15_000 });
      await page.waitForFunction(
        () => document.querySelector('create-backup-form').shadowRoot.querySelector('[role="status"]')?.textContent.includes('The backup'),
        null,
        { timeout: 15_000 },
      );
      const text = await status.textContent();
      assert.match(text, /The backup/, 'the role="status" region shows the headline');
      assert.match(text, /pxd\.portworx\.com/, 'the mixed scenario names the Portworx provisioner');
      await screenshot(page, 'demo');
      assert.deepEqual(errors, [], 'no console error, page error or failed request');
    } finally {
      await context.close();
    }
  });

  test('has no axe-core violation of WCAG 2.2 A/AA', async () => {
    const { context, page } = await openPage(browser, { bypassCSP: true });
    try {
      await page.goto(server.url);
      await page.locator('create-backup-form [role="status"]').waitFor({ timeout: 15_000 });
      const violations = await runAxe(page);
      assert.equal(violations.length, 0, `axe-core found:\n${formatViolations(violations)}`);
    } finally {
      await context.close();
    }
  });
});
