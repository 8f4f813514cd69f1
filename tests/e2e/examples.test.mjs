// The two example hosts of examples/, as their readers open them: the repository root on a
// static server, then /examples/docs-page/ and /examples/admin-console/ (they load ../../dist/).

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { assertApiRequest } from './api.mjs';
import { ROOT, launchBrowser, openPage, recordPageEvents, recorded, serveDir, waitForWidget, widgetParts } from './support.mjs';

describe('examples/ (the repository root served)', () => {
  let browser;
  let server;
  before(async () => {
    server = await serveDir(ROOT);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('docs-page: two widgets with their own state, no console error and no CSP violation under its CSP meta tag', async () => {
    const { context, page, errors } = await openPage(browser);
    try {
      await recordPageEvents(page);
      await page.goto(`${server.url}examples/docs-page/`);
      const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/, 'the page has its strict CSP meta tag');
      await waitForWidget(page, '#ebs');
      await waitForWidget(page, '#efs');
      const ebs = widgetParts(page, '#ebs');
      const efs = widgetParts(page, '#efs');
      assert.deepEqual(await ebs.vscLabels(), ['ebs.csi.aws.com']);
      assert.deepEqual(await efs.vscLabels(), ['efs.csi.aws.com']);
      const ebsText = await ebs.status.innerText();
      assert.match(ebsText, /The backup is created/);
      assert.match(await efs.status.innerText(), /The backup fails/);

      // Offload in the EFS widget: it changes, the EBS widget does not.
      await efs.offload.check();
      await page.waitForFunction(() => document.querySelector('#efs').shadowRoot.querySelector('[role="status"]').innerText.includes('The backup is created'));
      assert.match(await efs.status.innerText(), /Direct KDMP backup/);
      assert.equal(await ebs.offload.isChecked(), false, 'the EBS widget keeps offload off');
      assert.equal(await ebs.status.innerText(), ebsText, 'the EBS widget shows the same preview');
      const events = (await recorded(page)).events.filter((e) => e.type === 'backup-change');
      assert.ok(events.some((e) => e.target === 'efs') && events.filter((e) => e.target === 'ebs').length === 1, 'only #efs sent a change after its start event');

      assert.deepEqual((await recorded(page)).csp, [], 'no securitypolicyviolation');
      assert.deepEqual(errors, [], 'no console error, page error or failed request');
    } finally {
      await context.close();
    }
  });

  test('admin-console: mounts with the kubectl inventory, logs backup-change, builds its fetch from the backup-create detail (only shown with no API base URL), and rejects pasted bad inventory while keeping the form', async () => {
    const { context, page, errors } = await openPage(browser);
    try {
      await recordPageEvents(page);
      await page.goto(`${server.url}examples/admin-console/`);
      await waitForWidget(page, '#widget');
      const widget = widgetParts(page, '#widget');

      // The inventory of storageclasses.json and volumesnapshotclasses.json.
      assert.deepEqual((await widget.vscLabels()).sort(), ['ebs.csi.aws.com', 'efs.csi.aws.com', 'pxd.portworx.com']);
      const status = await widget.status.innerText();
      assert.match(status, /csi-azuredisk-vsc/, 'the unmatched-snapshot-classes notice names csi-azuredisk-vsc');
      const start = (await recorded(page)).events.find((e) => e.type === 'backup-change');
      assert.ok(start.detail.notices.some((n) => n.id === 'unmatched-snapshot-classes' && n.text.includes('csi-azuredisk-vsc')), 'the Decision has the notice unmatched-snapshot-classes');
      const lastChange = page.locator('#last-change');
      await page.waitForFunction(() => document.getElementById('last-change').textContent !== 'none yet');
      const logged = await lastChange.innerText();
      assert.match(logged, /^fails \(/, `the console logs the start backup-change: ${logged}`);
      for (const name of ['ebs.csi.aws.com', 'efs.csi.aws.com', 'pxd.portworx.com']) assert.ok(logged.includes(name), `the log names ${name}`);

      // The console's API settings are empty by default.
      const base = page.getByLabel('API base URL', { exact: true });
      const token = page.getByLabel('Bearer token', { exact: true });
      assert.equal(await base.inputValue(), '');
      assert.equal(await token.inputValue(), '');
      const apiCalls = [];
      page.on('request', (r) => {
        if (r.url().includes('/v1/backup')) apiCalls.push(r);
      });

      // Offload on, then Create with no base URL: the console shows the call it would make, sends nothing.
      await widget.offload.check();
      await page.waitForFunction(() => document.getElementById('last-change').textContent.startsWith('can create'));
      assert.match(await lastChange.innerText(), /efs\.csi\.aws\.com: direct-kdmp/);
      await widget.create.click();
      await page.waitForFunction(() => document.getElementById('create-request').textContent.trim().startsWith('{'));
      assert.match(await page.locator('#create-status').innerText(), /^Not sent: no API base URL/);
      assert.equal(await page.locator('#create-call').innerText(), 'POST /v1/backup');
      const [created] = (await recorded(page)).events.filter((e) => e.type === 'backup-create');
      assertApiRequest(assert, created.detail, 'admin-console backup-create');
      const request = JSON.parse(await page.locator('#create-request').innerText());
      assert.deepEqual(request, created.detail.body, 'the console shows the body of the detail');
      assert.deepEqual(request.metadata, { name: 'orders-nightly', org_id: 'default' });
      assert.deepEqual(request.cluster_ref, { name: 'prod-eu-1' }, 'the console\'s cluster');
      assert.equal(request.backup_location_ref.name, 'eu-s3-backups');
      assert.deepEqual(request.namespaces, ['orders', 'payments']);
      assert.equal(request.backup_type, 'Generic', 'offload on: Generic');
      assert.equal(request.volume_snapshot_class_mapping['ebs.csi.aws.com'], 'ebs-vsc', 'the default EBS class');
      assert.equal(request.direct_kdmp, false);
      assert.equal(request.backup_object_type.type, 'All');
      assert.equal(apiCalls.length, 0, 'with no base URL nothing is sent');

      // With a base URL (same origin, as the page's CSP allows) and a token: the fetch is built
      // from the detail, and the console says what the API answered.
      let answer = { status: 200, body: '{}' };
      const received = [];
      await page.route('**/pxb/v1/**', (route) => {
        received.push(route.request());
        return route.fulfill({ status: answer.status, contentType: 'application/json', body: answer.body });
      });
      await base.fill(`${server.url}pxb/`);
      await token.fill('test-token');
      await widget.create.click();
      await page.waitForFunction(() => document.getElementById('create-status').textContent.startsWith('Portworx Backup accepted'));
      assert.equal(received.length, 1);
      const call = received[0];
      assert.equal(call.method(), 'POST');
      assert.equal(call.url(), `${server.url}pxb/v1/backup`);
      assert.equal((await call.allHeaders()).authorization, 'Bearer test-token');
      assert.equal((await call.allHeaders())['content-type'], 'application/json');
      assert.deepEqual(JSON.parse(call.postData()), created.detail.body, 'the body is the detail\'s body');
      assert.equal(await page.locator('#create-call').innerText(), `POST ${server.url}pxb/v1/backup`);

      // A refusal is shown as one, never as a success.
      answer = { status: 401, body: '{"error":"token is invalid"}' };
      await widget.create.click();
      await page.waitForFunction(() => document.getElementById('create-status').textContent.startsWith('Portworx Backup refused'));
      assert.match(await page.locator('#create-status').innerText(), /HTTP 401/);
      assert.match(await page.locator('#create-response').innerText(), /token is invalid/);
      await page.unroute('**/pxb/v1/**');
      // Chromium logs the 401 as a failed resource load: that one is expected.
      const unexpected = errors.filter((e) => !(e.includes('401') && e.startsWith('console error: Failed to load resource')));
      errors.length = 0;
      errors.push(...unexpected);
      await base.fill('');

      const kept = await widget.status.innerText();
      const apply = page.getByRole('button', { name: 'Apply inventory', exact: true });
      const result = page.locator('#apply-result');
      const storage = page.getByLabel('kubectl get storageclass -o json', { exact: true });
      const original = await storage.inputValue();

      // Pasted text that is not JSON.
      await storage.fill('{ "items": [ oops');
      await apply.click();
      await page.waitForFunction(() => document.getElementById('apply-result').textContent.startsWith('Not applied'));
      assert.match(await result.innerText(), /not JSON/);
      assert.equal(await widget.status.innerText(), kept, 'the form keeps its state');

      // JSON, but not a StorageClass list: the widget's own error, shown in the widget too.
      await storage.fill(JSON.stringify({ kind: 'PodList', items: [{ kind: 'Pod', metadata: { name: 'web' } }] }));
      await apply.click();
      await widget.alert.waitFor();
      const [error] = (await recorded(page)).events.filter((e) => e.type === 'backup-config-error');
      assert.ok(error?.detail.path.startsWith('kubernetes.storageClasses'), `the error names the field: ${JSON.stringify(error?.detail)}`);
      assert.equal(await result.innerText(), `Not applied: ${error.detail.message} (at ${error.detail.path})`);
      assert.ok((await widget.alert.innerText()).includes(error.detail.message), 'the widget shows the same message');
      assert.equal(await widget.status.innerText(), kept, 'the form keeps its last good state');
      assert.equal(await widget.offload.isChecked(), true, 'offload stays on');
      assert.deepEqual((await widget.vscLabels()).sort(), ['ebs.csi.aws.com', 'efs.csi.aws.com', 'pxd.portworx.com']);
      console.log(`admin-console, pasted PodList: ${await result.innerText()}`);

      // The original inventory again: applied, and the error is gone.
      await storage.fill(original);
      await apply.click();
      await page.waitForFunction(() => document.getElementById('apply-result').textContent === 'Inventory applied.');
      assert.equal(await widget.alert.count(), 0);

      assert.deepEqual((await recorded(page)).csp, [], 'no securitypolicyviolation');
      assert.deepEqual(errors, [], 'no console error, page error or failed request');
    } finally {
      await context.close();
    }
  });
});
