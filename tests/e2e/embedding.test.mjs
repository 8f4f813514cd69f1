// Embedding: dist/ under the promised CSP, from a sub-path, in a host page with several
// elements (events, attributes, properties), mount/unmount, names from a config shown as text,
// and bad input (a named error, shown in the widget, the last good state kept).
//
// Host pages are written into a temporary copy of dist/ (the static server serves files only).

import assert from 'node:assert/strict';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { DIST, STRICT_CSP, launchBrowser, openPage, recordPageEvents, recorded, serveDir, waitForWidget, widgetParts } from './support.mjs';
import { assertApiRequest } from './api.mjs';

const XSS = '<img src=x onerror=alert(1)>';

const EBS = { name: 'ebs.csi.aws.com', volumeSnapshotClasses: [{ name: 'ebs-vsc', default: true }] };
const IBM_CONFIG = {
  provisioners: [{ name: 'vpc.block.csi.ibm.io', volumeSnapshotClasses: [{ name: 'ibm-a' }, { name: 'ibm-b', default: true }] }],
  backupName: 'from-attribute',
};

/** A host page: one stylesheet, one module, the tags; no inline script. */
const HOST_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Host page with three widgets</title>
    <link rel="icon" href="favicon.svg" type="image/svg+xml">
    <link rel="stylesheet" href="backup-form.css">
    <link rel="stylesheet" href="host.css">
    <script type="module" src="backup-form.js"></script>
  </head>
  <body>
    <main>
      <h1>Three widgets</h1>
      <p class="cbw-hint" id="host-hint">The host's own paragraph, with one of the widget's class names.</p>
      <create-backup-form id="a" scenario="aws-ebs"></create-backup-form>
      <create-backup-form id="b" scenario="aws-efs"><span class="light">Written by the author</span></create-backup-form>
      <create-backup-form id="c" scenario="aws-efs" config='${JSON.stringify(IBM_CONFIG)}'></create-backup-form>
      <div id="shadow-host"></div>
      <div id="target"></div>
    </main>
  </body>
</html>
`;

/** The host's stylesheet: a docs theme that restyles every table, code and label, uses one of
 * the widget's class names, and themes widget #a through a custom property and a ::part(). */
const HOST_CSS = `
table, code, label, p { color: rgb(255, 0, 0) !important; font-family: serif !important; }
.cbw-table, .cbw-preview { display: none !important; }
#a { --cbw-accent: rgb(1, 2, 3); }
#a::part(create-button) { outline: 3px dotted rgb(4, 5, 6); }
`;

const BACKUP_TYPES = ['portworx-cloud-snapshot', 'direct-kdmp', 'csi-snapshot', 'csi-snapshot-offload', 'fails'];
const VSC_OPTIONS = ['disabled', 'none', 'default-single', 'non-default-single', 'multiple'];
const DRIVER_ROWS = ['cross-cloud', 'snapshot-class-mapping', 'snapshot-class-mapping-offload', 'cloudsnap'];

/** The Decision of SPEC.md: every field, with its type. */
function assertDecisionShape(d, where) {
  assert.equal(typeof d?.canCreate, 'boolean', `${where}: canCreate`);
  assert.ok(Array.isArray(d.provisioners) && d.provisioners.length > 0, `${where}: provisioners`);
  for (const p of d.provisioners) {
    assert.equal(typeof p.name, 'string', `${where}: provisioners[].name`);
    assert.ok(VSC_OPTIONS.includes(p.vscOption), `${where}: ${p.name}.vscOption ${p.vscOption}`);
    assert.ok(p.volumeSnapshotClass === null || typeof p.volumeSnapshotClass === 'string', `${where}: ${p.name}.volumeSnapshotClass`);
    assert.ok(BACKUP_TYPES.includes(p.backupType), `${where}: ${p.name}.backupType ${p.backupType}`);
    assert.ok(p.csiMatrixRow === null || (Number.isInteger(p.csiMatrixRow) && p.csiMatrixRow >= 1 && p.csiMatrixRow <= 10), `${where}: ${p.name}.csiMatrixRow ${p.csiMatrixRow}`);
    assert.ok(typeof p.reason === 'string' && p.reason.length > 0, `${where}: ${p.name}.reason`);
  }
  assert.ok(Array.isArray(d.driverMatrixRows) && d.driverMatrixRows.every((r) => DRIVER_ROWS.includes(r)), `${where}: driverMatrixRows ${d.driverMatrixRows}`);
  assert.ok(Array.isArray(d.notices), `${where}: notices`);
  for (const n of d.notices) {
    assert.equal(typeof n.id, 'string', `${where}: notices[].id`);
    assert.ok(['info', 'warning', 'error'].includes(n.level), `${where}: notices[].level ${n.level}`);
    assert.ok(typeof n.text === 'string' && n.text.length > 0, `${where}: notices[].text`);
  }
  const whatIf = d.whatIf;
  for (const flip of [whatIf?.offload, whatIf?.crossCloud]) {
    assert.equal(typeof flip?.canCreate, 'boolean', `${where}: whatIf.offload/crossCloud.canCreate`);
    assert.ok(flip.changes.every((c) => typeof c.name === 'string' && BACKUP_TYPES.includes(c.backupType)), `${where}: whatIf changes`);
  }
  assert.ok(Array.isArray(whatIf.classes), `${where}: whatIf.classes`);
  for (const select of whatIf.classes) {
    assert.ok(select.options.length > 0 && select.options.filter((o) => o.selected).length <= 1, `${where}: whatIf.classes ${select.name}`);
    assert.ok(select.options.every((o) => BACKUP_TYPES.includes(o.backupType)), `${where}: whatIf options of ${select.name}`);
  }
}

/** Waits until `count` events of `type` were recorded; resolves to all of them. */
async function eventsOf(page, type, count = 1) {
  try {
    await page.waitForFunction(({ type, count }) => window.__e2e.events.filter((e) => e.type === type).length >= count, { type, count }, { timeout: 5_000 });
  } catch {
    const seen = (await recorded(page)).events.filter((e) => e.type === type);
    assert.fail(`expected ${count} ${type} event(s) on document (bubbling), saw ${seen.length}`);
  }
  return (await recorded(page)).events.filter((e) => e.type === type);
}

describe('Embedding dist/', () => {
  let browser;
  let root;
  before(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'cbw-e2e-'));
    await cp(DIST, root, { recursive: true });
    await writeFile(path.join(root, 'host.html'), HOST_PAGE);
    await writeFile(path.join(root, 'host.css'), HOST_CSS);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });

  test(`under "Content-Security-Policy: ${STRICT_CSP}" it works and no securitypolicyviolation fires`, async () => {
    const server = await serveDir(root, { csp: STRICT_CSP });
    const { context, page, errors } = await openPage(browser);
    try {
      await recordPageEvents(page);
      for (const file of ['', 'host.html']) {
        const response = await page.goto(server.url + file);
        assert.equal(response.headers()['content-security-policy'], STRICT_CSP, 'the page is served with the strict policy');
        await waitForWidget(page);
        const target = file ? '#b' : 'create-backup-form';
        const { status, offload } = widgetParts(page, target);
        assert.match(await status.innerText(), /The backup fails/, `${file || 'index.html'}: EFS without offload fails`);
        await offload.check();
        await page.waitForFunction((t) => document.querySelector(t).shadowRoot.querySelector('[role="status"]').innerText.includes('The backup is created'), target);
        // The widget's stylesheet applies: on the element (the page's link) and in its shadow root
        // (adopted, allowed by style-src 'self').
        const display = await page.locator(target).evaluate((el) => [getComputedStyle(el).display, getComputedStyle(el.shadowRoot.querySelector('.cbw')).display]);
        assert.deepEqual(display, ['block', 'grid'], 'backup-form.css applies to the element and inside its shadow root');
        const { csp } = await recorded(page);
        assert.deepEqual(csp, [], `${file || 'index.html'}: no securitypolicyviolation`);
      }
      assert.deepEqual(errors, [], 'no console error, page error or failed request');

      // The listener does catch a violation: an inline <style> is refused under this policy.
      await page.evaluate(() => document.head.append(Object.assign(document.createElement('style'), { textContent: 'p{}' })));
      await page.waitForFunction(() => window.__e2e.csp.length > 0);
      assert.match((await recorded(page)).csp[0], /style-src/);
    } finally {
      await context.close();
      await server.close();
    }
  });

  test('served from a sub-path (/docs/widgets/) it works, and no request leaves the page\'s origin', async () => {
    const server = await serveDir(root, { base: '/docs/widgets/' });
    const { context, page, errors } = await openPage(browser);
    const requests = [];
    const bad = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('response', (response) => response.status() >= 400 && bad.push(`${response.status()} ${response.url()}`));
    page.on('requestfailed', (request) => {
      const error = request.failure()?.errorText;
      // The browser's own favicon fetch may still be running when the test moves to the next
      // page, which aborts it; that is not an error answer.
      if (error === 'net::ERR_ABORTED' && request.url().endsWith('/favicon.svg')) return;
      bad.push(`${error} ${request.url()}`);
    });
    try {
      const origin = new URL(server.url).origin;
      for (const file of ['', 'host.html']) {
        await page.goto(server.url + file, { waitUntil: 'load' });
        await waitForWidget(page);
        const target = file ? '#a' : 'create-backup-form';
        const { offload, status } = widgetParts(page, target);
        const before = await status.innerText();
        await offload.check();
        await page.waitForFunction(
          ({ t, before }) => document.querySelector(t).shadowRoot.querySelector('[role="status"]').innerText !== before,
          { t: target, before },
        );
        await page.waitForLoadState('networkidle'); // the favicon too, before the next page
      }
      const outside = requests.filter((url) => new URL(url).origin !== origin);
      assert.deepEqual(outside, [], 'every request goes to the page\'s own origin');
      for (const file of ['backup-form.js', 'create-backup-widget.js', 'create-backup-widget_bg.wasm', 'backup-form.css']) {
        assert.ok(requests.includes(`${server.url}${file}`), `${file} is loaded from the sub-path: ${requests.join(', ')}`);
      }
      assert.deepEqual(bad, [], 'no request answered with an error');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
      await server.close();
    }
  });

  describe('in a host page', () => {
    let server;
    before(async () => {
      server = await serveDir(root);
    });
    after(async () => {
      await server?.close();
    });

    /** A fresh page on host.html, its events recorded, its three widgets ready. */
    async function hostPage() {
      const session = await openPage(browser);
      await recordPageEvents(session.page);
      await session.page.goto(`${server.url}host.html`);
      for (const id of ['#a', '#b', '#c']) await waitForWidget(session.page, id);
      return session;
    }

    test('two elements of different scenarios keep their own state; events carry the SPEC\'s shapes, bubble and are composed', async () => {
      const { context, page, errors } = await hostPage();
      try {
        // Once on start: one backup-change per element, with a Decision.
        const starts = await eventsOf(page, 'backup-change', 3);
        for (const id of ['a', 'b', 'c']) {
          const first = starts.find((e) => e.target === id);
          assert.ok(first, `backup-change once on start for #${id}`);
          assert.equal(first.bubbles, true, 'bubbles');
          assert.equal(first.composed, true, 'composed');
          assertDecisionShape(first.detail, `#${id} backup-change`);
        }
        const decisionOf = (id) => page.locator(id).evaluate((el) => el.decision);
        const a0 = await decisionOf('#a');
        const b0 = await decisionOf('#b');
        assert.equal(a0.provisioners[0].name, 'ebs.csi.aws.com');
        assert.equal(a0.provisioners[0].backupType, 'csi-snapshot');
        assert.equal(b0.provisioners[0].name, 'efs.csi.aws.com');
        assert.equal(b0.provisioners[0].backupType, 'fails');
        const aText = await widgetParts(page, '#a').status.innerText();

        // Changing #b leaves #a as it was.
        const changesBefore = (await recorded(page)).events.filter((e) => e.type === 'backup-change').length;
        await widgetParts(page, '#b').offload.check();
        const changes = await eventsOf(page, 'backup-change', changesBefore + 1);
        const last = changes.at(-1);
        assert.equal(last.target, 'b', 'the change event comes from #b');
        assertDecisionShape(last.detail, '#b backup-change after offload');
        assert.equal(last.detail.provisioners[0].backupType, 'direct-kdmp', 'EFS with offload: direct KDMP');
        assert.ok(!changes.slice(changesBefore).some((e) => e.target === 'a'), '#a sends no backup-change');
        assert.deepEqual(await decisionOf('#a'), a0, '#a keeps its decision');
        assert.equal(await widgetParts(page, '#a').status.innerText(), aText, '#a shows the same preview');
        assert.equal(await widgetParts(page, '#a').offload.isChecked(), false, '#a keeps offload off');

        // Create on #a: backup-create with the Request, bubbling and composed.
        await widgetParts(page, '#a').create.click();
        const [create] = await eventsOf(page, 'backup-create');
        assert.equal(create.target, 'a');
        assert.equal(create.bubbles, true);
        assert.equal(create.composed, true);
        assertApiRequest(assert, create.detail, '#a backup-create');
        assert.equal(create.detail.method, 'POST');
        assert.equal(create.detail.path, '/v1/backup');
        const body = create.detail.body;
        assert.deepEqual(body.metadata, { name: 'orders-backup', org_id: 'default' });
        assert.deepEqual(body.cluster_ref, { name: 'eks-prod-us-east-1' });
        assert.deepEqual(body.namespaces, ['orders']);
        assert.deepEqual(body.volume_snapshot_class_mapping, { 'ebs.csi.aws.com': 'ebs-vsc' });
        assert.equal(body.direct_kdmp, false);
        assert.equal(body.backup_type, 'Normal');
        assert.equal(body.backup_object_type.type, 'All');

        // Composed: an element inside an open shadow root reaches listeners on document.
        await page.evaluate(() => {
          const shadow = document.getElementById('shadow-host').attachShadow({ mode: 'open' });
          const element = document.createElement('create-backup-form');
          element.id = 'in-shadow';
          element.setAttribute('scenario', 'portworx');
          shadow.append(element);
        });
        await page.waitForFunction(() => window.__e2e.events.some((e) => e.origin === 'in-shadow'));
        const fromShadow = (await recorded(page)).events.find((e) => e.origin === 'in-shadow');
        assert.equal(fromShadow.type, 'backup-change');
        assert.equal(fromShadow.target, 'shadow-host', 'retargeted to the shadow host: the event left the shadow root');
        assert.equal(fromShadow.detail.provisioners[0].backupType, 'portworx-cloud-snapshot');

        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });

    test('each backup-change keeps its own whatIf: read in the listener, before or after idle time, or after later changes', async () => {
      const { context, page, errors } = await hostPage();
      try {
        const result = await page.evaluate(async () => {
          const element = document.getElementById('b');
          const offload = element.shadowRoot.getElementById('offload');
          const kept = [];
          const expected = [];
          let readInListener = null;
          element.addEventListener('backup-change', (event) => {
            kept.push(event.detail);
            expected.push(JSON.stringify(element.decision.whatIf)); // the Decision now, whatIf included
            if (kept.length === 2) readInListener = JSON.stringify(event.detail.whatIf);
          });
          // Four changes in a row, with no idle time between them.
          for (let i = 0; i < 4; i++) {
            offload.click();
            await new Promise((resolve) => setTimeout(resolve, 0));
          }
          const lastBeforeIdle = JSON.stringify(kept.at(-1).whatIf);
          await new Promise((resolve) => requestIdleCallback(resolve));
          return {
            count: kept.length,
            readInListener,
            lastBeforeIdle,
            kept: kept.map((detail) => JSON.stringify(detail.whatIf)),
            keys: kept.map((detail) => Object.keys(detail).includes('whatIf')),
            spread: JSON.stringify({ ...kept[0] }.whatIf),
            expected,
          };
        });
        assert.equal(result.count, 4, 'one backup-change a change');
        assert.deepEqual(result.kept, result.expected, 'each detail has the whatIf of its own Decision');
        assert.notEqual(result.kept[0], result.kept[1], 'offload flipped: the whatIf differs');
        assert.equal(result.readInListener, result.expected[1], 'read in the listener');
        assert.equal(result.lastBeforeIdle, result.expected[3], 'read before idle time');
        assert.deepEqual(result.keys, [true, true, true, true], 'whatIf is an own, enumerable key');
        assert.equal(result.spread, result.expected[0], 'spreading a detail copies its whatIf');
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });

    test('the config attribute and property, the decision property; changing scenario or config after load updates the widget', async () => {
      const { context, page, errors } = await hostPage();
      try {
        const c = page.locator('#c');
        // The config attribute wins over scenario.
        let decision = await c.evaluate((el) => el.decision);
        assert.deepEqual(decision.provisioners.map((p) => [p.name, p.vscOption, p.volumeSnapshotClass]), [['vpc.block.csi.ibm.io', 'multiple', 'ibm-b']]);
        assert.equal(await widgetParts(page, '#c').backupName.inputValue(), 'from-attribute');
        // The config property is a plain object.
        const config = await c.evaluate((el) => {
          const value = el.config;
          return { proto: Object.getPrototypeOf(value) === Object.prototype, value };
        });
        assert.ok(config.proto, 'config is a plain object');
        assert.equal(config.value.provisioners[0].name, 'vpc.block.csi.ibm.io');
        // It follows the user's choices, and setting it back changes nothing.
        await page.locator('#c').getByLabel('Volume snapshot class for vpc.block.csi.ibm.io', { exact: true }).selectOption('ibm-a');
        await widgetParts(page, '#c').offload.check();
        const roundTrip = await c.evaluate(async (el) => {
          const config = el.config;
          const decision = el.decision;
          el.config = config;
          await new Promise((resolve) => setTimeout(resolve, 50));
          return { config, before: decision, after: el.decision, alert: el.shadowRoot.querySelector('[role="alert"]')?.innerText ?? null };
        });
        assert.equal(roundTrip.config.provisioners[0].volumeSnapshotClass, 'ibm-a', 'config has the chosen class');
        assert.equal(roundTrip.config.offload, true, 'config has offload on');
        assert.equal(roundTrip.alert, null, 'el.config = el.config is accepted');
        assert.deepEqual(roundTrip.after, roundTrip.before, 'and gives the same decision');
        assert.equal(roundTrip.after.provisioners[0].volumeSnapshotClass, 'ibm-a');

        // Changing the config attribute.
        await c.evaluate((el) => el.setAttribute('config', JSON.stringify({ provisioners: [{ name: 'file.csi.azure.com', volumeSnapshotClasses: [{ name: 'azf' }] }] })));
        await page.waitForFunction(() => document.querySelector('#c').shadowRoot.querySelector('[role="status"]').innerText.includes('file.csi.azure.com'));
        decision = await c.evaluate((el) => el.decision);
        assert.equal(decision.provisioners[0].name, 'file.csi.azure.com');
        assert.equal(await page.locator('#c').getByLabel('Volume snapshot class for file.csi.azure.com', { exact: true }).count(), 1);

        // Setting the config property (an object).
        await c.evaluate((el) => (el.config = { provisioners: [{ name: 'pxd.portworx.com' }], offload: true, backupName: 'set-by-property' }));
        await page.waitForFunction(() => document.querySelector('#c').shadowRoot.querySelector('[role="status"]').innerText.includes('pxd.portworx.com'));
        assert.equal((await c.evaluate((el) => el.decision)).provisioners[0].csiMatrixRow, 1, 'Portworx with offload: Table 1, row 1');
        assert.equal(await widgetParts(page, '#c').offload.isChecked(), true);
        assert.equal(await widgetParts(page, '#c').backupName.inputValue(), 'set-by-property');
        assert.equal((await c.evaluate((el) => el.config)).backupName, 'set-by-property');

        // decision is read-only: assigning it changes nothing.
        const kept = await c.evaluate((el) => {
          try {
            el.decision = { canCreate: false };
          } catch {
            // a getter without a setter throws in strict code
          }
          return el.decision;
        });
        assert.equal(kept.canCreate, true);
        assert.equal(kept.provisioners[0].name, 'pxd.portworx.com');

        // Changing the scenario attribute of #a.
        await page.locator('#a').evaluate((el) => el.setAttribute('scenario', 'gcp-disk'));
        await page.waitForFunction(() => document.querySelector('#a').shadowRoot.querySelector('[role="status"]').innerText.includes('pd.csi.storage.gke.io'));
        assert.equal((await page.locator('#a').evaluate((el) => el.decision)).provisioners[0].name, 'pd.csi.storage.gke.io');
        assert.equal(await page.locator('#a').getByLabel('Volume snapshot class for ebs.csi.aws.com', { exact: true }).count(), 0, 'the old provisioner is gone');

        // A config property set before the element is connected is used when it connects.
        await page.evaluate(() => {
          const element = document.createElement('create-backup-form');
          element.id = 'late';
          element.config = { provisioners: [{ name: 'filestore.csi.storage.gke.io', volumeSnapshotClasses: [{ name: 'fs-vsc' }] }] };
          document.querySelector('main').append(element);
        });
        await waitForWidget(page, '#late');
        assert.equal((await page.locator('#late').evaluate((el) => el.decision)).provisioners[0].name, 'filestore.csi.storage.gke.io');

        // Removing an element empties it.
        const left = await page.evaluate(async () => {
          const element = document.getElementById('late');
          element.remove();
          await new Promise((resolve) => setTimeout(resolve, 0));
          return { children: element.childNodes.length, decision: element.decision };
        });
        assert.deepEqual(left, { children: 0, decision: null }, 'a removed element is emptied and has no decision');
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });

    test('its own shadow root: the light DOM is untouched, the host\'s CSS stays out and the widget\'s stays in, theming goes through custom properties and ::part(), ids resolve within each root', async () => {
      const { context, page, errors } = await hostPage();
      try {
        const light = await page.evaluate(() =>
          ['a', 'b', 'c'].map((id) => {
            const el = document.getElementById(id);
            return { id, mode: el.shadowRoot?.mode ?? null, html: el.innerHTML, attributes: el.getAttributeNames().sort() };
          }),
        );
        assert.deepEqual(
          light,
          [
            { id: 'a', mode: 'open', html: '', attributes: ['id', 'scenario'] },
            { id: 'b', mode: 'open', html: '<span class="light">Written by the author</span>', attributes: ['id', 'scenario'] },
            { id: 'c', mode: 'open', html: '', attributes: ['config', 'id', 'scenario'] },
          ],
          'each element has an open shadow root; its children and attributes are as the author wrote them',
        );

        const styles = await page.evaluate(() => {
          const root = document.getElementById('a').shadowRoot;
          const style = (el) => getComputedStyle(el);
          const hint = document.getElementById('host-hint');
          return {
            label: style(root.querySelector('label')).color,
            code: style(root.querySelector('code')).fontFamily,
            table: style(root.querySelector('.cbw-table')).display,
            preview: style(root.querySelector('.cbw-preview')).display,
            accent: style(root.querySelector('.cbw-button')).backgroundColor,
            part: style(root.querySelector('[part="create-button"]')).outline,
            hostHint: { fontSize: style(hint).fontSize, marginTop: style(hint).marginTop },
          };
        });
        assert.notEqual(styles.label, 'rgb(255, 0, 0)', "the host's label rule does not reach the widget's labels");
        assert.doesNotMatch(styles.code, /^serif/, "the host's code rule does not reach the widget's code");
        assert.notEqual(styles.table, 'none', "the host's .cbw-table rule does not reach the widget's tables");
        assert.notEqual(styles.preview, 'none', "the host's .cbw-preview rule does not reach the widget's preview");
        assert.equal(styles.accent, 'rgb(1, 2, 3)', 'a --cbw-accent set on the element themes the widget');
        assert.match(styles.part, /rgb\(4, 5, 6\) dotted 3px/, '::part(create-button) reaches the Create button');
        assert.deepEqual(styles.hostHint, { fontSize: '16px', marginTop: '16px' }, "the widget's .cbw-hint rule does not reach the host's paragraph");

        // Ids: unique within each shadow root, and every reference resolves within the same root.
        const references = await page.evaluate(() =>
          ['a', 'b', 'c'].map((id) => {
            const root = document.getElementById(id).shadowRoot;
            const ids = [...root.querySelectorAll('[id]')].map((el) => el.id);
            const duplicates = ids.filter((x, i) => ids.indexOf(x) !== i);
            const refs = [...root.querySelectorAll('[aria-describedby], [aria-labelledby], [aria-controls], label[for]')].flatMap((el) =>
              ['aria-describedby', 'aria-labelledby', 'aria-controls', 'for'].flatMap((name) => (el.getAttribute(name) ?? '').split(/\s+/).filter(Boolean)),
            );
            const dangling = refs.filter((ref) => !root.getElementById(ref));
            return { id, ids: ids.length, refs: refs.length, duplicates, dangling };
          }),
        );
        for (const r of references) {
          assert.ok(r.ids > 10 && r.refs > 10, `#${r.id}: ids and references are there (${r.ids} ids, ${r.refs} references)`);
          assert.deepEqual(r.duplicates, [], `#${r.id}: no duplicate id in its shadow root`);
          assert.deepEqual(r.dangling, [], `#${r.id}: every aria-describedby, aria-labelledby, aria-controls and label[for] resolves in its shadow root`);
        }
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });

    test('<html data-theme> wins over the colour scheme, also when it changes after load', async () => {
      const { context, page, errors } = await openPage(browser, { colorScheme: 'light' });
      try {
        await page.goto(`${server.url}host.html`);
        await waitForWidget(page, '#a');
        const luminance = () =>
          page.evaluate(() => {
            const [r, g, b] = getComputedStyle(document.getElementById('a').shadowRoot.querySelector('.cbw')).color.match(/\d+/g).map(Number);
            return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
          });
        assert.ok((await luminance()) < 0.4, 'light scheme: dark text');
        await page.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
        await page.waitForFunction(() => document.getElementById('a').shadowRoot.querySelector('.cbw-root').dataset.theme === 'dark');
        assert.ok((await luminance()) > 0.6, 'data-theme="dark": light text');
        await page.evaluate(() => (document.documentElement.dataset.theme = 'light'));
        await page.waitForFunction(() => document.getElementById('a').shadowRoot.querySelector('.cbw-root').dataset.theme === 'light');
        assert.ok((await luminance()) < 0.4, 'data-theme="light": dark text again');
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });

    test('mount/unmount 100 times on one element: still works, its shadow root is emptied, an unmounted handle does not crash the page', async () => {
      const { context, page, errors } = await hostPage();
      try {
        const result = await page.evaluate(
          async ({ EBS }) => {
            const { mount } = await import(new URL('backup-form.js', document.baseURI).href);
            const target = document.getElementById('target');
            const efs = { provisioners: [{ name: 'efs.csi.aws.com' }] };
            const problems = [];
            let handle;
            for (let i = 0; i < 100; i++) {
              handle = mount(target, i % 2 ? efs : { provisioners: [EBS] });
              if (target.shadowRoot.querySelectorAll('form').length !== 1) problems.push(`mount ${i}: ${target.shadowRoot.querySelectorAll('form').length} forms`);
              if (handle.decision()?.provisioners?.[0]?.name !== (i % 2 ? 'efs.csi.aws.com' : 'ebs.csi.aws.com')) problems.push(`mount ${i}: wrong decision`);
              handle.unmount();
              if (target.shadowRoot.childNodes.length !== 0) problems.push(`unmount ${i}: ${target.shadowRoot.childNodes.length} nodes left in its shadow root`);
              if (target.childNodes.length !== 0) problems.push(`unmount ${i}: the light DOM changed`);
            }
            const stale = handle;
            let updateOutcome;
            try {
              updateOutcome = { returned: stale.update({ provisioners: [EBS] }) };
            } catch (error) {
              updateOutcome = { threw: error instanceof Error, message: error.message };
            }
            const staleDecision = stale.decision();
            // An element that cannot have a shadow root, or has one of its own: a clear Error.
            const refusals = [];
            const owned = document.createElement('div');
            owned.attachShadow({ mode: 'open' }).append('the host\'s own');
            for (const element of [document.createElement('input'), owned]) {
              try {
                mount(element, { provisioners: [EBS] });
                refusals.push(`<${element.localName}>: mounted`);
              } catch (error) {
                refusals.push(error instanceof Error && /shadow root/.test(error.message) ? 'refused' : `<${element.localName}>: ${error}`);
              }
            }
            if (owned.shadowRoot.textContent !== 'the host\'s own') refusals.push('the host\'s shadow root was changed');
            stale.unmount(); // a second unmount does nothing
            // Let whatever the 100 widgets had queued run out (see the todo test below).
            await new Promise((resolve) => setTimeout(resolve, 100));

            // Mount once more: it works, and one change sends one backup-change (no leftover widget).
            let changes = 0;
            target.addEventListener('backup-change', () => changes++);
            const fresh = mount(target, { provisioners: [EBS], backupName: 'after-100' });
            await new Promise((resolve) => setTimeout(resolve, 50));
            return { problems, refusals, updateOutcome, staleDecision, changesOnMount: changes, decision: fresh.decision(), forms: target.shadowRoot.querySelectorAll('form').length };
          },
          { EBS },
        );
        assert.deepEqual(result.problems, [], 'each mount shows one widget with its decision; each unmount empties the shadow root');
        assert.ok(
          result.updateOutcome.returned === null || (result.updateOutcome.threw && /unmount/i.test(result.updateOutcome.message)),
          `update on an unmounted handle is a no-op or throws a clear Error: ${JSON.stringify(result.updateOutcome)}`,
        );
        assert.equal(result.staleDecision, null, 'decision() on an unmounted handle is null');
        assert.deepEqual(result.refusals, ['refused', 'refused'], 'mount() into an <input>, or into an element with its own shadow root, throws an Error that says why');
        assert.equal(result.forms, 1, 'mounted once more: one form');
        assert.equal(result.decision.provisioners[0].backupType, 'csi-snapshot');
        assert.equal(result.changesOnMount, 1, 'one backup-change on start');

        const target = widgetParts(page, '#target');
        await waitForWidget(page, '#target');
        assert.equal(await target.backupName.inputValue(), 'after-100');
        await page.evaluate(() => {
          window.__changes = 0;
          document.getElementById('target').addEventListener('backup-change', () => window.__changes++);
        });
        await target.offload.check();
        await page.waitForFunction(() => document.querySelector('#target').shadowRoot.querySelector('[role="status"]').innerText.includes('offload'));
        await page.waitForTimeout(100);
        assert.equal(await page.evaluate(() => window.__changes), 1, 'one change, one backup-change: none from the 100 unmounted widgets');

        // The element too: removed and added back 100 times, it still works.
        const element = await page.evaluate(async () => {
          const el = document.getElementById('b');
          const parent = el.parentNode;
          for (let i = 0; i < 100; i++) {
            el.remove();
            await Promise.resolve();
            await new Promise((resolve) => setTimeout(resolve, 0));
            parent.append(el);
          }
          return { forms: el.shadowRoot.querySelectorAll('form').length, type: el.decision?.provisioners?.[0]?.backupType };
        });
        assert.deepEqual(element, { forms: 1, type: 'fails' }, 'after 100 removals, one widget with its decision');
        assert.deepEqual(errors, [], 'no console error or page error');
      } finally {
        await context.close();
      }
    });

    test(
      'a widget unmounted in the task that mounted it sends no backup-change afterwards (mount() and the element)',
      async () => {
        const { context, page, errors } = await hostPage();
        try {
          const late = await page.evaluate(async () => {
            const { mount } = await import(new URL('backup-form.js', document.baseURI).href);
            const seen = [];
            const target = document.getElementById('target');
            target.addEventListener('backup-change', (e) => seen.push(`mount(): ${e.detail.provisioners[0].name}`));
            mount(target, { provisioners: [{ name: 'efs.csi.aws.com' }] }).unmount();
            const element = document.createElement('create-backup-form');
            element.setAttribute('scenario', 'aws-efs');
            element.addEventListener('backup-change', (e) => seen.push(`element: ${e.detail.provisioners[0].name}`));
            document.querySelector('main').append(element);
            element.remove();
            await new Promise((resolve) => setTimeout(resolve, 100));
            return seen;
          });
          assert.deepEqual(late, [], 'no event from a widget that is gone');
          assert.deepEqual(errors, []);
        } finally {
          await context.close();
        }
      },
    );

    test(`names from a config are text, never HTML: ${XSS}`, async () => {
      const { context, page, errors } = await hostPage();
      const dialogs = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        dialog.dismiss().catch(() => {});
      });
      try {
        const seen = [];
        // `host`: the widget's element; `inner`: where in its shadow root the name shows.
        const check = async (where, host, inner = '.cbw') => {
          await page.waitForTimeout(200); // time for an <img onerror> to fire, if one were made
          const found = await page.evaluate(
            ({ host, inner, XSS }) => {
              const root = document.querySelector(host).shadowRoot;
              return {
                images: document.querySelectorAll('img').length + root.querySelectorAll('img').length,
                literal: root.querySelector(inner).innerText.includes(XSS),
              };
            },
            { host, inner, XSS },
          );
          seen.push(`${where}: ${found.literal ? 'shown as text' : 'not shown'}`);
          assert.equal(found.images, 0, `${where}: no img element`);
          assert.ok(found.literal, `${where}: the name appears literally`);
          assert.deepEqual(dialogs, [], `${where}: no dialog`);
        };

        // A provisioner name (rejected: not a valid name; the error quotes it).
        await page.evaluate((XSS) => (document.getElementById('a').config = { provisioners: [{ name: XSS }] }), XSS);
        await widgetParts(page, '#a').alert.waitFor();
        await check('provisioners[0].name, by the config property', '#a');

        // The same name in the config attribute of a new element (mounted with the error shown).
        await page.evaluate((XSS) => {
          const element = document.createElement('create-backup-form');
          element.id = 'x';
          element.setAttribute('config', JSON.stringify({ provisioners: [{ name: XSS, volumeSnapshotClasses: [{ name: 'v' }] }] }));
          document.querySelector('main').append(element);
        }, XSS);
        await widgetParts(page, '#x').alert.waitFor();
        await check('provisioners[0].name, in the config attribute at mount', '#x');

        // A StorageClass provisioner from kubectl output, through mount().
        await page.evaluate(
          async ({ XSS }) => {
            const { mount } = await import(new URL('backup-form.js', document.baseURI).href);
            mount(document.getElementById('target'), {
              kubernetes: { storageClasses: { kind: 'StorageClassList', items: [{ kind: 'StorageClass', metadata: { name: 'sc' }, provisioner: XSS }] } },
            });
          },
          { XSS },
        );
        await widgetParts(page, '#target').alert.waitFor();
        await check('kubernetes.storageClasses.items[0].provisioner, by mount()', '#target');

        // A VolumeSnapshotClass whose driver has no StorageClass: accepted, and listed in a notice.
        await page.evaluate((XSS) => {
          document.getElementById('b').config = {
            kubernetes: {
              storageClasses: { kind: 'StorageClassList', items: [{ kind: 'StorageClass', metadata: { name: 'gp3' }, provisioner: 'ebs.csi.aws.com' }] },
              volumeSnapshotClasses: { kind: 'VolumeSnapshotClassList', items: [{ kind: 'VolumeSnapshotClass', metadata: { name: XSS }, driver: '<b>bold</b>' }] },
            },
          };
        }, XSS);
        await page.waitForFunction(() => document.querySelector('#b').shadowRoot.querySelector('[role="status"]').innerText.includes('<b>bold</b>'));
        await check('an unmatched VolumeSnapshotClass name, in a notice', '#b', '[role="status"]');

        // Typed into Backup name: the inline error quotes it.
        await widgetParts(page, '#c').backupName.fill(XSS);
        await page.waitForFunction((XSS) => document.querySelector('#c').shadowRoot.querySelector('form').innerText.includes(XSS), XSS);
        await check('typed into Backup name', '#c', 'form');
        assert.equal(await widgetParts(page, '#c').backupName.getAttribute('aria-invalid'), 'true', 'Backup name is marked invalid');

        console.log(`${XSS}:\n  ${seen.join('\n  ')}`);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });

    test('each bad input gives backup-config-error {message, path}, the widget shows the message (role="alert") and keeps its last good state', async () => {
      const { context, page, errors } = await hostPage();
      try {
        const { status, alert, offload } = widgetParts(page, '#a');
        // The last good state: aws-ebs, with offload turned on by the user.
        await offload.check();
        await page.waitForFunction(() => document.querySelector('#a').shadowRoot.querySelector('[role="status"]').innerText.includes('offload'));
        const good = {
          decision: await page.locator('#a').evaluate((el) => el.decision),
          config: await page.locator('#a').evaluate((el) => el.config),
          status: await status.innerText(),
        };
        const ebs = JSON.stringify(EBS);
        const cases = [
          ['oversize JSON (300 KiB)', `{"provisioners":[${ebs}]}${' '.repeat(300 * 1024)}`, '(root)', /256 KiB/],
          ['wrong type: "offload": "yes"', `{"provisioners":[${ebs}],"offload":"yes"}`, 'offload', /boolean/],
          ['wrong type: provisioner name 42', '{"provisioners":[{"name":42}]}', 'provisioners[0].name', /string/],
          ['wrong type: provisioners is an object', `{"provisioners":${ebs}}`, 'provisioners', /sequence|array|list/i],
          ['unknown key "colour"', `{"provisioners":[${ebs}],"colour":"blue"}`, 'colour', /colour/],
          ['unknown key in a provisioner', '{"provisioners":[{"name":"ebs.csi.aws.com","snapshotClass":"x"}]}', 'provisioners[0].snapshotClass', /snapshotClass/],
          ['duplicate provisioners', `{"provisioners":[${ebs},{"name":"ebs.csi.aws.com"}]}`, 'provisioners[1].name', /twice/],
          ['duplicate VSC names', `{"provisioners":[${ebs},{"name":"disk.csi.azure.com","volumeSnapshotClasses":[{"name":"ebs-vsc"}]}]}`, 'provisioners[1].volumeSnapshotClasses[0].name', /ebs-vsc/],
          ['a selection naming no VSC', '{"provisioners":[{"name":"ebs.csi.aws.com","volumeSnapshotClasses":[{"name":"ebs-vsc"}],"volumeSnapshotClass":"gone"}]}', 'provisioners[0].volumeSnapshotClass', /gone/],
          ['a name of 254 characters', `{"provisioners":[{"name":"${'a'.repeat(254)}"}]}`, 'provisioners[0].name', /253/],
          ['a backup name of 254 characters', `{"provisioners":[${ebs}],"backupName":"${'b'.repeat(254)}"}`, 'backupName', /253/],
          ['a name outside RFC 1123', `{"provisioners":[${ebs}],"backupName":"Orders_Nightly"}`, 'backupName', /Orders_Nightly/],
          ['a VSC name outside RFC 1123', '{"provisioners":[{"name":"ebs.csi.aws.com","volumeSnapshotClasses":[{"name":"EBS_VSC"}]}]}', 'provisioners[0].volumeSnapshotClasses[0].name', /EBS_VSC/],
          ['two defaults for one driver', '{"provisioners":[{"name":"ebs.csi.aws.com","volumeSnapshotClasses":[{"name":"v1","default":true},{"name":"v2","default":true}]}]}', 'provisioners[0].volumeSnapshotClasses[1].default', /default/],
          ['empty list: provisioners', '{"provisioners":[]}', 'provisioners', /at least one/],
          ['empty list: backupLocations', `{"provisioners":[${ebs}],"backupLocations":[]}`, 'backupLocations', /at least one/],
          ['empty list: StorageClass items', '{"kubernetes":{"storageClasses":{"kind":"StorageClassList","items":[]}}}', 'kubernetes.storageClasses.items', /empty/],
          ['not JSON at all', 'this is not JSON', '(root)', /JSON/],
          ['unknown scenario', { scenario: 'no-such-scenario' }, 'scenario', /no-such-scenario/],
        ];
        const table = [];
        for (const [name, input, path, pattern] of cases) {
          const before = (await recorded(page)).events.filter((e) => e.type === 'backup-config-error').length;
          await page.locator('#a').evaluate((el, input) => {
            if (typeof input === 'string') el.config = input;
            else el.setAttribute('scenario', input.scenario);
          }, input);
          const [event] = (await eventsOf(page, 'backup-config-error', before + 1)).slice(before);
          table.push([name, event.detail.path, event.detail.message]);
          assert.equal(event.target, 'a', `${name}: the event comes from #a`);
          assert.equal(event.bubbles && event.composed, true, `${name}: bubbles, composed`);
          assert.equal(event.detail.path, path, `${name}: path`);
          assert.match(event.detail.message, pattern, `${name}: message "${event.detail.message}"`);
          await page.waitForFunction((message) => document.querySelector('#a').shadowRoot.querySelector('[role="alert"]')?.innerText.includes(message), event.detail.message);
          const shown = await alert.innerText();
          assert.ok(shown.includes(event.detail.path), `${name}: the widget shows the path too: ${shown}`);
          assert.deepEqual(await page.locator('#a').evaluate((el) => el.decision), good.decision, `${name}: the decision is kept`);
          assert.deepEqual(await page.locator('#a').evaluate((el) => el.config), good.config, `${name}: the config is kept`);
          assert.equal(await status.innerText(), good.status, `${name}: the preview is kept`);
          assert.equal(await offload.isChecked(), true, `${name}: the user's offload stays on`);
        }
        const width = Math.max(...table.map(([name]) => name.length));
        const pathWidth = Math.max(...table.map(([, p]) => p.length));
        console.log(
          `Bad inputs (input → path → message):\n${table.map(([name, p, m]) => `  ${name.padEnd(width)}  ${p.padEnd(pathWidth)}  ${m}`).join('\n')}`,
        );

        // The same through the config attribute and through mount().update().
        await page.locator('#a').evaluate((el) => el.setAttribute('config', '{"provisioners":[{"name":"ebs.csi.aws.com"}],"mode":"sideways"}'));
        const [fromAttribute] = (await recorded(page)).events.filter((e) => e.type === 'backup-config-error').slice(-1);
        assert.equal(fromAttribute.detail.path, 'mode', 'the config attribute: the error names mode');
        assert.deepEqual(await page.locator('#a').evaluate((el) => el.decision), good.decision, 'the config attribute: the decision is kept');
        const fromUpdate = await page.evaluate(async (EBS) => {
          const { mount } = await import(new URL('backup-form.js', document.baseURI).href);
          const handle = mount(document.getElementById('target'), { provisioners: [EBS] });
          const error = handle.update('{"provisioners":[{"name":"ebs.csi.aws.com"}],"crossCloud":1}');
          await new Promise((resolve) => setTimeout(resolve, 50));
          return { error, alert: document.querySelector('#target').shadowRoot.querySelector('[role="alert"]')?.innerText ?? '', type: handle.decision().provisioners[0].backupType };
        }, EBS);
        assert.equal(fromUpdate.error?.path, 'crossCloud', 'update() returns {message, path}');
        assert.ok(fromUpdate.alert.includes(fromUpdate.error.message), 'and the widget shows the message');
        assert.equal(fromUpdate.type, 'csi-snapshot', 'and keeps its state');

        // A good config clears the error.
        await page.locator('#a').evaluate((el) => {
          el.removeAttribute('config');
          el.setAttribute('scenario', 'aws-efs');
        });
        await page.waitForFunction(() => document.querySelector('#a').shadowRoot.querySelector('[role="status"]').innerText.includes('efs.csi.aws.com'));
        assert.equal(await alert.count(), 0, 'a good scenario clears the error');
        assert.deepEqual(errors, [], 'no console error or page error: every bad input is handled');
      } finally {
        await context.close();
      }
    });
  });
});
