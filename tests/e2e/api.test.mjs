// What Create dispatches is what Portworx Backup's API accepts: for every built-in scenario,
// manual and scheduled, namespaces and VMs, with offload and with Cross Cloud Backup/Restore,
// Create is pressed and the `backup-create` detail is validated against the vendor's
// definitions (api/px-backup-api.json, additionalProperties false everywhere) and the SPEC's
// contract (api/backup-create-contract.json) with ajv; method and path are checked too.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { assertApiRequest, requestErrors } from './api.mjs';
import { launchBrowser, openPage, recordPageEvents, recorded, serveDist, waitForWidget, widgetParts } from './support.mjs';

describe('backup-create sends what the API accepts (dist/)', () => {
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

  test('the validator rejects a field the API does not define, and a schedule sent to /v1/backup', () => {
    const good = {
      method: 'POST',
      path: '/v1/backup',
      body: {
        metadata: { name: 'a', org_id: 'default' },
        cluster_ref: { name: 'c' },
        backup_location_ref: { name: 'l' },
        namespaces: ['n'],
        volume_snapshot_class_mapping: {},
        backup_type: 'Normal',
        direct_kdmp: false,
        backup_object_type: { type: 'All' },
      },
    };
    assert.deepEqual(requestErrors(good), []);
    assert.notDeepEqual(requestErrors({ ...good, body: { ...good.body, schedule_policy_ref: { name: 'daily' } } }), []);
    assert.notDeepEqual(requestErrors({ ...good, body: { ...good.body, cluster_ref: { name: 'c', kind: 'x' } } }), []);
    assert.notDeepEqual(requestErrors({ ...good, body: { ...good.body, metadata: { name: 'a' } } }), []);
    assert.notDeepEqual(requestErrors({ ...good, path: '/v1/backupschedule' }), []);
    assert.notDeepEqual(requestErrors({ ...good, method: 'PUT' }), []);
  });

  test('Create on every scenario x offload x cross cloud x manual/scheduled x namespace/VM', async () => {
    const { context, page, errors } = await openPage(browser);
    try {
      await recordPageEvents(page);
      await page.goto(`${server.url}index.html`);
      await waitForWidget(page);
      const ids = await page.evaluate(async () => {
        const { scenarios } = await import(new URL('backup-form.js', document.baseURI).href);
        return scenarios().map((s) => s.id);
      });
      assert.ok(ids.length >= 10, `scenarios: ${ids}`);
      await page.evaluate(() => {
        const el = document.createElement('create-backup-form');
        el.id = 'api-check';
        document.body.append(el);
      });
      const { create } = widgetParts(page, '#api-check');
      let sent = 0;
      let blocked = 0;
      for (const id of ids) {
        await page.evaluate((id) => document.getElementById('api-check').setAttribute('scenario', id), id);
        await page.waitForFunction((id) => document.getElementById('api-check').config?.namespaces?.length > 0 && document.getElementById('api-check').getAttribute('scenario') === id, id);
        const base = await page.evaluate(() => document.getElementById('api-check').config);
        assert.ok(base.cluster?.name, `${id}: the scenario names its cluster`);
        for (const offload of [false, true]) {
          for (const crossCloud of [false, true]) {
            for (const backupKind of ['manual', 'scheduled']) {
              for (const backupObject of ['namespace', 'vm']) {
                const where = `${id} offload=${offload} crossCloud=${crossCloud} ${backupKind} ${backupObject}`;
                const canCreate = await page.evaluate(
                  (config) => {
                    const el = document.getElementById('api-check');
                    el.config = config;
                    return el.decision.canCreate;
                  },
                  { ...base, offload, crossCloud, backupKind, backupObject },
                );
                const before = (await recorded(page)).events.filter((e) => e.type === 'backup-create').length;
                // A blocked Create is aria-disabled (still focusable): pressed all the same.
                await create.click({ force: !canCreate });
                if (!canCreate) {
                  blocked += 1;
                  continue;
                }
                await page.waitForFunction((n) => window.__e2e.events.filter((e) => e.type === 'backup-create').length > n, before);
                const detail = (await recorded(page)).events.filter((e) => e.type === 'backup-create').at(-1).detail;
                assertApiRequest(assert, detail, where);
                assert.equal(detail.method, 'POST', where);
                assert.equal(detail.path, backupKind === 'scheduled' ? '/v1/backupschedule' : '/v1/backup', where);
                assert.equal(detail.body.cluster_ref.name, base.cluster.name, where);
                assert.equal(detail.body.metadata.org_id, 'default', where);
                assert.equal(detail.body.backup_type, offload ? 'Generic' : 'Normal', where);
                assert.equal(detail.body.direct_kdmp, crossCloud, where);
                assert.equal(detail.body.backup_object_type.type, backupObject === 'vm' ? 'VirtualMachine' : 'All', where);
                sent += 1;
              }
            }
          }
        }
      }
      console.log(`backup-create validated: ${sent}; blocked by the matrix (no event): ${blocked}`);
      assert.ok(sent >= ids.length * 8, `most cases send: ${sent} sent, ${blocked} blocked`);
      const events = (await recorded(page)).events.filter((e) => e.type === 'backup-create');
      assert.equal(events.length, sent, 'a blocked Create sent nothing');

      // uids and an organisation from the config come along.
      await page.evaluate(() => {
        document.getElementById('api-check').config = {
          provisioners: [{ name: 'ebs.csi.aws.com', volumeSnapshotClasses: [{ name: 'ebs-vsc', default: true }] }],
          cluster: { name: 'prod-eu-1', uid: '0f6e2a4c-1b7d-4c3e-9a8f-2d5b6c7e8f90' },
          orgId: 'finance',
          backupName: 'orders-nightly',
          namespaces: ['orders'],
          backupLocations: [{ name: 'eu-s3', type: 's3', uid: 'loc-1' }],
          schedulePolicies: [{ name: 'nightly', uid: 'pol-1' }],
          backupKind: 'scheduled',
        };
      });
      await create.click();
      await page.waitForFunction((n) => window.__e2e.events.filter((e) => e.type === 'backup-create').length > n, sent);
      const detail = (await recorded(page)).events.filter((e) => e.type === 'backup-create').at(-1).detail;
      assertApiRequest(assert, detail, 'with uids');
      assert.equal(detail.path, '/v1/backupschedule');
      assert.deepEqual(detail.body.metadata, { name: 'orders-nightly', org_id: 'finance' });
      assert.deepEqual(detail.body.cluster_ref, { name: 'prod-eu-1', uid: '0f6e2a4c-1b7d-4c3e-9a8f-2d5b6c7e8f90' });
      assert.deepEqual(detail.body.backup_location_ref, { name: 'eu-s3', uid: 'loc-1' });
      assert.deepEqual(detail.body.schedule_policy_ref, { name: 'nightly', uid: 'pol-1' });
      assert.deepEqual(errors, [], 'no console error, page error or failed request');
    } finally {
      await context.close();
    }
  });
});
