// The training panels of the demo page (dist/index.html, which has `url-state`): axe-core with
// every panel open, in light and dark; the form state surviving a reload through the URL
// hash; a damaged link giving a notice, not a broken page.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { formatViolations, launchBrowser, openPage, runAxe, serveDist } from './support.mjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const OFFLOAD = 'Offload CSI snapshots to backup location';

describe('training panels and URL state (dist/index.html)', () => {
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

  const headline = (page) => page.locator('create-backup-form .cbw-headline').innerText();

  for (const scheme of ['light', 'dark']) {
    test(`axe-core finds no violation with every training panel open (${scheme})`, async () => {
      // The page's own CSP meta tag would block the injected axe-core script.
      const { context, page, errors } = await openPage(browser, { bypassCSP: true, colorScheme: scheme });
      try {
        await page.goto(server.url);
        await page.locator('create-backup-form [role="status"]').waitFor();
        await page.evaluate((s) => (document.documentElement.dataset.theme = s), scheme);
        const summaries = page.locator('create-backup-form details > summary');
        const count = await summaries.count();
        assert.ok(count >= 6, `six training panels, found ${count}`);
        for (let i = 0; i < count; i += 1) await summaries.nth(i).click();
        assert.equal(await page.locator('create-backup-form details[open]').count(), count);
        await page.getByRole('button', { name: 'Show row 9' }).click();
        const violations = await runAxe(page, { tags: TAGS });
        assert.deepEqual(violations, [], formatViolations(violations));
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });
  }

  test('the form state survives a reload through the URL hash, without adding history entries', async () => {
    const { context, page, errors } = await openPage(browser);
    try {
      await page.goto(server.url);
      await page.locator('create-backup-form [role="status"]').waitFor();
      assert.match(await headline(page), /The backup fails/);
      const before = await page.evaluate(() => history.length);
      await page.getByLabel(OFFLOAD).check();
      await page.waitForFunction(() => location.hash.startsWith('#v1.'));
      assert.equal(await page.evaluate(() => history.length), before, 'replaceState, not pushState');
      const link = page.url();
      await page.reload();
      await page.locator('create-backup-form [role="status"]').waitFor();
      assert.equal(await page.getByLabel(OFFLOAD).isChecked(), true, 'offload restored');
      assert.match(await headline(page), /The backup is created/);
      // The same link, opened in another context, shows the same case.
      const other = await openPage(browser);
      await other.page.goto(link);
      await other.page.locator('create-backup-form [role="status"]').waitFor();
      assert.equal(await other.page.getByLabel(OFFLOAD).isChecked(), true);
      await other.context.close();
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  for (const [what, hash] of [
    ['damaged', '#v1.!!not-base64!!'],
    ['from another version', '#v9.eyJ9'],
    ['oversize', `#v1.${'A'.repeat(70_000)}`],
  ]) {
    test(`a ${what} link gives a short notice and the defaults, and the page keeps working`, async () => {
      const { context, page, errors } = await openPage(browser);
      try {
        await page.goto(server.url + hash);
        await page.locator('create-backup-form [role="status"]').waitFor();
        const notice = page.locator('create-backup-form .cbw-link-notice');
        await notice.waitFor({ state: 'visible' });
        assert.ok((await notice.innerText()).length > 10, 'the notice says something');
        assert.match(await headline(page), /The backup fails/, 'the default scenario');
        await page.getByLabel(OFFLOAD).check();
        assert.match(await headline(page), /The backup is created/, 'still works');
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });
  }
});
