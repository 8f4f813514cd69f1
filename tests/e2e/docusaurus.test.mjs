// A real Docusaurus 3 site (tests/sites/docusaurus, from npm, versions pinned by its
// package-lock.json) that embeds the widget exactly as README.md's "In Docusaurus" section
// says, built twice: at '/' and with baseUrl '/docs-site/'. Each build is served and opened in
// headless Chromium: every widget shows its status, a fresh load logs no console error (React's
// hydration error #418 included) and no request fails, and client-side navigation away and back
// leaves working widgets.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { access, cp, mkdtemp, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';

import { DIST, ROOT, launchBrowser, openPage, serveDir, widgetParts } from './support.mjs';

const SITE = path.join(ROOT, 'tests/sites/docusaurus');
const DOCUSAURUS = path.join(SITE, 'node_modules/.bin/docusaurus');
const WIDGETS = 'static/widgets/create-backup'; // where the README says to copy dist/

/** Copies the site to a temporary folder with dist/ in its static files, and builds it. */
async function buildSite(baseUrl) {
  await access(DOCUSAURUS).catch(() => {
    throw new Error(`Docusaurus is not installed in ${SITE}: run ./dev test (it runs npm ci there)`);
  });
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cbw-docusaurus-'));
  for (const file of ['docs', 'static', 'docusaurus.config.js', 'package.json']) await cp(path.join(SITE, file), path.join(dir, file), { recursive: true });
  await symlink(path.join(SITE, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  await cp(DIST, path.join(dir, WIDGETS), { recursive: true });
  const out = path.join(dir, 'build');
  try {
    await promisify(execFile)(DOCUSAURUS, ['build', '--out-dir', out, '--no-minify'], {
      cwd: dir,
      // No persistent webpack cache: Docusaurus keys it by neither the baseUrl nor the folder,
      // so a build would reuse the other baseUrl's output.
      env: { ...process.env, DOCS_BASE_URL: baseUrl, DOCUSAURUS_NO_PERSISTENT_CACHE: 'true' },
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    throw new Error(`docusaurus build (baseUrl ${baseUrl}) failed:\n${error.stdout}\n${error.stderr}`);
  }
  return { dir, out };
}

/** Waits until every <create-backup-form> of the page shows its status; resolves to their count. */
async function everyWidgetRenders(page, expected) {
  await page.waitForFunction(
    (expected) => {
      const widgets = [...document.querySelectorAll('create-backup-form')];
      return (
        widgets.length === expected &&
        widgets.every((w) => w.shadowRoot?.querySelector('[role="status"]')?.textContent.includes('The backup'))
      );
    },
    expected,
    { timeout: 20_000 },
  );
}

for (const baseUrl of ['/', '/docs-site/']) {
  describe(`Docusaurus 3 site with baseUrl ${baseUrl}`, () => {
    let site;
    let server;
    let browser;
    before(async () => {
      site = await buildSite(baseUrl);
      server = await serveDir(site.out, { base: baseUrl });
      browser = await launchBrowser();
    });
    after(async () => {
      await browser?.close();
      await server?.close();
      if (site) await rm(site.dir, { recursive: true, force: true });
    });

    test('a fresh load: every widget renders its status, no console error (no hydration error #418), no failed request', async () => {
      const { context, page, errors } = await openPage(browser);
      const bad = [];
      page.on('response', (response) => response.status() >= 400 && bad.push(`${response.status()} ${response.url()}`));
      try {
        const response = await page.goto(server.url);
        assert.equal(response.status(), 200);
        // The page is server-rendered: the tags are in its HTML, empty, as MDX wrote them.
        const html = await response.text();
        assert.equal((html.match(/<create-backup-form[^>]*><\/create-backup-form>/g) ?? []).length, 3, 'three empty tags in the served HTML');
        assert.ok(html.includes(`src="${baseUrl}widgets/create-backup/backup-form.js"`), 'the module is loaded under the baseUrl');
        await everyWidgetRenders(page, 3);
        await page.waitForLoadState('networkidle');
        // React hydrates the page: only then do client-side links work (checked below too).
        await page.waitForFunction(() => document.querySelector('a[href$="other"], a[href$="other/"]') !== null);
        await page.waitForTimeout(500); // a recoverable hydration error is reported after hydration
        const light = await page.evaluate(() => [...document.querySelectorAll('create-backup-form')].map((w) => w.childNodes.length));
        assert.deepEqual(light, [0, 0, 0], 'the light DOM stays as MDX rendered it');
        // The docs theme styles tables; the widget's tables keep their own style.
        const tables = await page.evaluate(() => {
          const own = document.querySelector('article table');
          const widget = document.querySelector('create-backup-form').shadowRoot.querySelector('table');
          return { docs: getComputedStyle(own).display, widget: getComputedStyle(widget).display, widgetBorder: getComputedStyle(widget).borderCollapse };
        });
        assert.equal(tables.widget, 'table', `the docs theme's table rule stays outside the widget (${JSON.stringify(tables)})`);
        assert.deepEqual(bad, [], 'no request answered with an error (no 404)');
        assert.deepEqual(errors, [], 'no console error, page error or failed request');
      } finally {
        await context.close();
      }
    });

    test('client-side navigation away and back leaves working widgets', async () => {
      const { context, page, errors } = await openPage(browser);
      const bad = [];
      page.on('response', (response) => response.status() >= 400 && bad.push(`${response.status()} ${response.url()}`));
      try {
        await page.goto(server.url);
        await everyWidgetRenders(page, 3);
        await page.evaluate(() => (window.__sameDocument = true)); // gone if a link reloads the page
        await page.locator('article').getByRole('link', { name: 'another page', exact: true }).click();
        await page.getByRole('heading', { name: 'Another page', level: 1 }).waitFor();
        assert.equal(await page.locator('create-backup-form').count(), 0);
        await page.locator('article').getByRole('link', { name: 'the widgets', exact: true }).click();
        await everyWidgetRenders(page, 3);
        assert.equal(await page.evaluate(() => window.__sameDocument), true, 'the navigation was client-side');
        assert.equal(new URL(page.url()).pathname, baseUrl);

        // The widgets work: offload turns EFS from failing to a CSI snapshot with offload.
        const efs = widgetParts(page, 'create-backup-form[scenario="aws-efs"]');
        assert.match(await efs.status.innerText(), /The backup fails/);
        await efs.offload.check();
        await page.waitForFunction(() =>
          document.querySelector('create-backup-form[scenario="aws-efs"]').shadowRoot.querySelector('[role="status"]').innerText.includes('The backup is created'),
        );
        assert.deepEqual(bad, [], 'no request answered with an error');
        assert.deepEqual(errors, [], 'no console error, page error or failed request');
      } finally {
        await context.close();
      }
    });
  });
}
