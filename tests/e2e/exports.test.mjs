// The module's exports, called from page JavaScript the way a host would.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { launchBrowser, openPage, serveDist } from './support.mjs';

describe('backup-form.js exports', () => {
  let browser;
  let server;
  let session;
  before(async () => {
    server = await serveDist();
    browser = await launchBrowser();
    session = await openPage(browser);
    await session.page.goto(server.url);
  });
  after(async () => {
    await session?.context.close();
    await browser?.close();
    await server?.close();
  });

  test('scenarios() lists the built-in scenarios, among them mixed and aws-ebs', async () => {
    const ids = await session.page.evaluate(async () => {
      const { scenarios } = await import(new URL('backup-form.js', document.baseURI).href);
      return scenarios().map((s) => s.id);
    });
    assert.ok(ids.includes('mixed'), `ids: ${ids}`);
    assert.ok(ids.includes('aws-ebs'), `ids: ${ids}`);
  });

  test('decide() gives a CSI snapshot (Table 1, row 6) for EBS with one default VSC', async () => {
    const decision = await session.page.evaluate(async () => {
      const { decide } = await import(new URL('backup-form.js', document.baseURI).href);
      return decide({
        provisioners: [{ name: 'ebs.csi.aws.com', volumeSnapshotClasses: [{ name: 'v', default: true }] }],
      });
    });
    const [ebs] = decision.provisioners;
    assert.equal(ebs.name, 'ebs.csi.aws.com');
    assert.equal(ebs.backupType, 'csi-snapshot');
    assert.equal(ebs.csiMatrixRow, 6);
  });

  test('no console error or page error while calling them', () => {
    assert.deepEqual(session.errors, []);
  });
});
