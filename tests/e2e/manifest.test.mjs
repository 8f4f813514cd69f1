// The Custom Elements Manifest (js/custom-elements.json, shipped in dist/ and the npm package)
// held against the element itself, so that it cannot drift from the code: the attributes the
// element reads, its properties, the events it dispatches and their detail types (as
// backup-form.d.ts declares them), the CSS custom properties its stylesheet defines and uses,
// the ::part() names in its shadow root, and the module's exports. README.md names them too.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { DIST, ROOT, launchBrowser, openPage, serveDist, waitForWidget } from './support.mjs';

const manifest = JSON.parse(await readFile(path.join(ROOT, 'js/custom-elements.json'), 'utf8'));
const [element] = manifest.modules.flatMap((m) => m.declarations).filter((d) => d.customElement);
const names = (list) => (list ?? []).map((x) => x.name).sort();

describe('custom-elements.json', () => {
  let browser;
  let server;
  let page;
  let context;
  let errors;
  before(async () => {
    browser = await launchBrowser();
    server = await serveDist();
    ({ context, page, errors } = await openPage(browser));
    // Records every event dispatched on a <create-backup-form>, from before the module runs.
    await page.addInitScript(() => {
      window.__dispatched = [];
      const dispatch = EventTarget.prototype.dispatchEvent;
      EventTarget.prototype.dispatchEvent = function (event) {
        if (this.localName === 'create-backup-form') window.__dispatched.push(event.type);
        return dispatch.call(this, event);
      };
    });
    await page.goto(server.url);
    await waitForWidget(page);
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  test('is a schema 2.x manifest of <create-backup-form>, also in dist/', async () => {
    assert.match(manifest.schemaVersion, /^2\.\d+\.\d+$/);
    assert.equal(element.tagName, 'create-backup-form');
    assert.equal(element.kind, 'class');
    for (const m of manifest.modules) {
      assert.ok(
        m.exports.some((e) => e.kind === 'custom-element-definition' && e.name === 'create-backup-form'),
        `${m.path} defines the element`,
      );
    }
    assert.deepEqual(JSON.parse(await readFile(path.join(DIST, 'custom-elements.json'), 'utf8')), manifest, 'dist/ has the same manifest');
  });

  test('attributes: what the element observes and reads when it connects', async () => {
    const read = await page.evaluate(() => {
      const Element = customElements.get('create-backup-form');
      const el = document.createElement('create-backup-form');
      const seen = new Set(Element.observedAttributes);
      for (const method of ['getAttribute', 'hasAttribute']) {
        const original = el[method];
        el[method] = (name) => (seen.add(name), original.call(el, name));
      }
      document.body.append(el);
      el.remove();
      return [...seen].sort();
    });
    assert.deepEqual(names(element.attributes), read);
  });

  test('properties: the element class\'s own accessors, read-only where it has no setter', async () => {
    const props = await page.evaluate(() => {
      const proto = customElements.get('create-backup-form').prototype;
      return Object.entries(Object.getOwnPropertyDescriptors(proto))
        .filter(([, d]) => d.get)
        .map(([name, d]) => ({ name, readonly: !d.set }))
        .sort((a, b) => a.name.localeCompare(b.name));
    });
    const fields = element.members.filter((m) => m.kind === 'field');
    assert.deepEqual(
      fields.map((f) => ({ name: f.name, readonly: Boolean(f.readonly) })).sort((a, b) => a.name.localeCompare(b.name)),
      props,
    );
    // The same types as the element's interface in backup-form.d.ts.
    const dts = await readFile(path.join(ROOT, 'js/backup-form.d.ts'), 'utf8');
    const iface = dts.slice(dts.indexOf('interface CreateBackupFormElement'));
    for (const f of fields) {
      const declared = iface.match(new RegExp(`^\\s*(readonly )?${f.name}: ([^;]+);`, 'm'));
      assert.ok(declared, `${f.name} is declared in backup-form.d.ts`);
      assert.equal(declared[2], f.type.text, `${f.name}'s type`);
    }
  });

  test('events: what the element dispatches, with the detail types of backup-form.d.ts', async () => {
    // Start (backup-change), a bad config (backup-config-error), Create (backup-create).
    await page.evaluate(() => document.querySelector('create-backup-form').setAttribute('config', '{"provisioners": 1}'));
    await page.evaluate(() => document.querySelector('create-backup-form').setAttribute('config', '{"provisioners":[{"name":"pxd.portworx.com"}],"backupName":"manifest","cluster":{"name":"docs-cluster"}}'));
    await page.locator('create-backup-form [aria-disabled="false"]', { hasText: 'Create' }).waitFor();
    await page.locator('create-backup-form').getByRole('button', { name: 'Create', exact: true }).click();
    await page.waitForFunction(() => window.__dispatched.includes('backup-create'));
    const dispatched = [...new Set(await page.evaluate(() => window.__dispatched))].sort();
    // backup-load-error needs a page where the widget cannot start: loading.test.mjs.
    assert.deepEqual(names(element.events).filter((name) => name !== 'backup-load-error'), dispatched);
    const dts = await readFile(path.join(ROOT, 'js/backup-form.d.ts'), 'utf8');
    for (const event of element.events) {
      const declared = dts.match(new RegExp(`'${event.name}': ([^;]+);`));
      assert.equal(declared?.[1], event.type.text, `${event.name}'s detail type in HTMLElementEventMap`);
    }
  });

  test('CSS custom properties: those the stylesheet defines on :host, with their defaults, are all it uses', async () => {
    const css = await page.evaluate(() => {
      const [sheet] = document.querySelector('create-backup-form').shadowRoot.adoptedStyleSheets;
      const rules = [...sheet.cssRules];
      const host = rules.find((r) => r.selectorText === ':host');
      const defined = [...host.style].filter((p) => p.startsWith('--cbw-')).map((name) => ({ name, default: host.style.getPropertyValue(name).trim() }));
      const used = [...new Set([...rules.map((r) => r.cssText).join('\n').matchAll(/var\((--cbw-[\w-]+)/g)].map((m) => m[1]))].sort();
      return { defined: defined.sort((a, b) => a.name.localeCompare(b.name)), used };
    });
    // The release stylesheet is minified (#ffffff as #fff, 0.5rem as .5rem, no spaces): the
    // same value written shorter is the same default.
    const same = (value) =>
      value
        .replace(/\s+/g, '')
        .replace(/#([0-9a-f])\1([0-9a-f])\2([0-9a-f])\3\b/gi, '#$1$2$3')
        .replace(/(^|[^\d.])0\./g, '$1.')
        .toLowerCase();
    const written = (list) => list.map((p) => ({ name: p.name, default: same(p.default) }));
    assert.deepEqual(
      written(element.cssProperties).sort((a, b) => a.name.localeCompare(b.name)),
      written(css.defined),
    );
    assert.deepEqual(css.used.filter((p) => !names(element.cssProperties).includes(p)), [], 'every --cbw- property used is documented');
  });

  test('CSS parts: the part names in the shadow root', async () => {
    // The config error shows its part only while a config is rejected.
    await page.evaluate(() => document.querySelector('create-backup-form').setAttribute('config', '{"provisioners": 1}'));
    await page.locator('create-backup-form [part="config-error"]').waitFor();
    const parts = await page.evaluate(() =>
      [...new Set([...document.querySelector('create-backup-form').shadowRoot.querySelectorAll('[part]')].flatMap((el) => el.getAttribute('part').split(/\s+/)))].sort(),
    );
    assert.deepEqual(names(element.cssParts), parts);
  });

  test('the module exports what the manifest says', async () => {
    const exported = await page.evaluate(async () => Object.keys(await import(new URL('backup-form.js', document.baseURI).href)).sort());
    const [main] = manifest.modules;
    assert.deepEqual(main.exports.filter((e) => e.kind === 'js').map((e) => e.name).sort(), exported);
    assert.deepEqual(errors.filter((e) => !e.includes('provisioners')), [], 'no console error');
  });

  test('README.md names every CSS custom property and part', async () => {
    const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
    for (const { name } of element.cssProperties) assert.ok(readme.includes(`\`${name}\``), `README.md names ${name}`);
    for (const { name } of element.cssParts) assert.ok(readme.includes(`\`${name}\``), `README.md names the part ${name}`);
  });
});
