// Bad input (issue 17, item 6): every name a config can carry gets a payload, under the strict
// CSP of SPEC.md ("Loading"), in a host page that spies on every HTML-parsing sink from before the
// widget's module loads. Checked after every step:
//   1. each payload is shown as text where the widget shows that name;
//   2. no element or attribute comes from it (the shadow root and the light DOM are walked), no
//      `on*` attribute exists at all, and an <img onerror> never ran (under this CSP an inline
//      handler could not run anyway, but it would fire a securitypolicyviolation, which is
//      checked too; the walk is what would catch an injected element);
//   3. no innerHTML-like assignment in the page ever receives it (nor a valid name carrying a
//      marker, escaped or not: host text is never built into HTML);
//   4. a rejected config gives `backup-config-error` {message, path}, shown in a role="alert",
//      and the widget keeps its last good state.
// Each check is reported by a subtest of its own, with every problem it found.
//
// Host pages are written into a temporary copy of dist/ (the static server serves files only).

import assert from 'node:assert/strict';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { DIST, STRICT_CSP, launchBrowser, openPage, recordPageEvents, recorded, serveDir } from './support.mjs';

const HOST_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>Bad input</title>
    <link rel="icon" href="favicon.svg" type="image/svg+xml">
    <link rel="stylesheet" href="backup-form.css">
    <script type="module" src="backup-form.js"></script>
  </head>
  <body>
    <main>
      <create-backup-form id="w" scenario="aws-ebs"></create-backup-form>
    </main>
  </body>
</html>
`;

/** The fields that get a payload; each id is in its markers, and no id is a prefix of another's marker. */
const FIELDS = {
  prov: 'provisioner name',
  vsc: 'volume snapshot class name',
  loc: 'backup location name',
  policy: 'schedule policy name',
  cluster: 'cluster name',
  org: 'organisation (orgId)',
  ns: 'namespace',
  backup: 'backup name',
  key: 'unknown key',
  // Short: JSON.parse's message quotes only the first characters of the text.
  nj: 'text that is not JSON',
};

/** A payload that would make elements, attributes and a handler if it were parsed as HTML. */
const payload = (f) => `zq-${f}-<img src=x onerror="window.__pwned='${f}'"><zq-${f}-tag zq-${f}-attr>`;
/** What shows that a string carries field `f`'s text: the payload's prefix (it survives
 * escaping), or the valid name's. */
const markers = (f) => [`zq-${f}-`, `zqmark-${f}`];

/** Valid names with a marker: accepted by the Kubernetes-name checks, so the widget shows them. */
const OK = {
  prov: 'zqmark-prov.example.com',
  vscA: 'zqmark-vsc-a',
  vscB: 'zqmark-vsc-b',
  loc: 'zqmark-loc',
  loc2: 'zqmark-loc-two',
  policy: 'zqmark-policy',
  policy2: 'zqmark-policy-two',
  cluster: 'zqmark-cluster',
  org: 'zqmark-org',
  ns: 'zqmark-ns',
  backup: 'zqmark-backup',
};

const GOOD = {
  provisioners: [{ name: OK.prov, volumeSnapshotClasses: [{ name: OK.vscA }, { name: OK.vscB, default: true }] }],
  cluster: { name: OK.cluster },
  orgId: OK.org,
  backupName: OK.backup,
  backupLocations: [
    { name: OK.loc, type: 's3' },
    { name: OK.loc2, type: 'nfs' },
  ],
  backupLocation: OK.loc,
  namespaces: [OK.ns],
  backupKind: 'scheduled',
  schedulePolicies: [OK.policy, { name: OK.policy2 }],
  schedulePolicy: OK.policy,
};

const clone = (value) => JSON.parse(JSON.stringify(value));
const edited = (edit) => {
  const config = clone(GOOD);
  edit(config);
  return config;
};

/** `kubectl get storageclass -o json` and `kubectl get volumesnapshotclass -o json`, as SPEC's `kubernetes`. */
const kubernetes = (provisioner, vscs) => ({
  storageClasses: { kind: 'StorageClassList', items: [{ kind: 'StorageClass', metadata: { name: 'sc' }, provisioner }] },
  volumeSnapshotClasses: {
    kind: 'VolumeSnapshotClassList',
    items: vscs.map(([name, driver]) => ({ kind: 'VolumeSnapshotClass', metadata: { name }, driver })),
  },
});
const fromKubernetes = (provisioner, vscs) =>
  edited((c) => {
    delete c.provisioners;
    c.kubernetes = kubernetes(provisioner, vscs);
  });

/** Rejected configs: [field, what, input (an object for the property, or text for the attribute), path]. */
const REJECTED = [
  ['prov', 'provisioners[0].name', edited((c) => (c.provisioners[0].name = payload('prov'))), 'provisioners[0].name'],
  ['prov', 'a StorageClass\'s provisioner (kubectl list)', fromKubernetes(payload('prov'), []), 'kubernetes.storageClasses.items[0].provisioner'],
  ['vsc', 'provisioners[0].volumeSnapshotClasses[0].name', edited((c) => (c.provisioners[0].volumeSnapshotClasses[0].name = payload('vsc'))), 'provisioners[0].volumeSnapshotClasses[0].name'],
  ['vsc', 'provisioners[0].volumeSnapshotClass', edited((c) => (c.provisioners[0].volumeSnapshotClass = payload('vsc'))), 'provisioners[0].volumeSnapshotClass'],
  ['loc', 'backupLocations[0].name', edited((c) => (c.backupLocations[0].name = payload('loc'))), 'backupLocations[0].name'],
  ['loc', 'backupLocation', edited((c) => (c.backupLocation = payload('loc'))), 'backupLocation'],
  ['policy', 'schedulePolicies[0] (a string)', edited((c) => (c.schedulePolicies[0] = payload('policy'))), 'schedulePolicies[0]'],
  ['policy', 'schedulePolicies[1].name', edited((c) => (c.schedulePolicies[1].name = payload('policy'))), 'schedulePolicies[1].name'],
  ['policy', 'schedulePolicy', edited((c) => (c.schedulePolicy = payload('policy'))), 'schedulePolicy'],
  ['cluster', 'cluster.name', edited((c) => (c.cluster.name = payload('cluster'))), 'cluster.name'],
  ['org', 'orgId', edited((c) => (c.orgId = payload('org'))), 'orgId'],
  ['ns', 'namespaces[0]', edited((c) => (c.namespaces = [payload('ns')])), 'namespaces[0]'],
  ['backup', 'backupName', edited((c) => (c.backupName = payload('backup'))), 'backupName'],
  ['key', 'an unknown key', edited((c) => (c[payload('key')] = 1)), payload('key')],
  // Last: through the config attribute, as text (the steps after it remove the attribute).
  ['nj', 'the config attribute', payload('nj'), '(root)'],
];

/**
 * The spy, run by Playwright before any script of the page (also under a CSP that forbids inline
 * script): every string given to an HTML-parsing sink, with the sink and the test's step.
 */
function installSinkSpy() {
  const log = { installed: [], calls: [], atInstall: null };
  Object.defineProperty(window, '__zqSinks', { value: log });
  log.atInstall = {
    scripts: document.getElementsByTagName('script').length,
    elementDefined: Boolean(window.customElements?.get('create-backup-form')),
  };
  // Where the HTML went: the element (tag, id, classes), or the shadow root's host.
  const describe = (node) => {
    if (node instanceof ShadowRoot) return `the shadow root of ${describe(node.host)}`;
    if (!(node instanceof Element)) return null;
    const classes = [...node.classList].slice(0, 2).map((c) => `.${c}`).join('');
    return `<${node.localName}${node.id ? `#${node.id}` : ''}${classes}>`;
  };
  const record = (sink, target, value) =>
    log.calls.push({ sink, target: describe(target), step: window.__zqStep ?? '(page load)', text: String(value) });
  const setter = (owner, ownerName, prop) => {
    const descriptor = owner && Object.getOwnPropertyDescriptor(owner, prop);
    if (!descriptor?.set) return;
    const original = descriptor.set;
    Object.defineProperty(owner, prop, {
      ...descriptor,
      set(value) {
        record(`${ownerName}.${prop}`, this, value);
        return original.call(this, value);
      },
    });
    log.installed.push(`${ownerName}.${prop} (setter)`);
  };
  const method = (owner, ownerName, name, texts) => {
    const original = owner?.[name];
    if (typeof original !== 'function') return;
    const descriptor = Object.getOwnPropertyDescriptor(owner, name);
    Object.defineProperty(owner, name, {
      ...descriptor,
      value: function (...args) {
        record(`${ownerName}.${name}()`, this, texts(args));
        return original.apply(this, args);
      },
    });
    log.installed.push(`${ownerName}.${name}()`);
  };
  setter(Element.prototype, 'Element', 'innerHTML');
  setter(Element.prototype, 'Element', 'outerHTML');
  setter(ShadowRoot.prototype, 'ShadowRoot', 'innerHTML');
  setter(window.HTMLIFrameElement?.prototype, 'HTMLIFrameElement', 'srcdoc');
  method(Element.prototype, 'Element', 'insertAdjacentHTML', (args) => args[1]);
  method(Document.prototype, 'Document', 'write', (args) => args.join(''));
  method(Document.prototype, 'Document', 'writeln', (args) => args.join(''));
  method(Range.prototype, 'Range', 'createContextualFragment', (args) => args[0]);
  method(DOMParser.prototype, 'DOMParser', 'parseFromString', (args) => args[0]);
  method(Element.prototype, 'Element', 'setHTMLUnsafe', (args) => args[0]);
  method(ShadowRoot.prototype, 'ShadowRoot', 'setHTMLUnsafe', (args) => args[0]);
  method(Element.prototype, 'Element', 'setHTML', (args) => args[0]);
  method(ShadowRoot.prototype, 'ShadowRoot', 'setHTML', (args) => args[0]);
  method(Document, 'Document', 'parseHTMLUnsafe', (args) => args[0]);
  method(Document, 'Document', 'parseHTML', (args) => args[0]);
}

/**
 * In the page: every element of the light DOM and of every open shadow root (and template
 * contents) that could only come from a payload: an <img> (the widget has none), a tag or
 * attribute named zq-…, and any on* attribute at all.
 */
function walkForInjected() {
  const found = [];
  const visit = (root, where) => {
    for (const el of root.querySelectorAll('*')) {
      const tag = el.localName;
      if (tag === 'img' || tag.startsWith('zq-')) found.push(`${where}: an element <${tag}>`);
      for (const name of el.getAttributeNames()) {
        if (/^on/i.test(name)) found.push(`${where}: <${tag}> has the attribute ${name}="${el.getAttribute(name)}"`);
        else if (name.startsWith('zq-')) found.push(`${where}: <${tag}> has the attribute ${name}`);
      }
      if (el.shadowRoot) visit(el.shadowRoot, `${where} > <${tag}${el.id ? `#${el.id}` : ''}> shadow root`);
      if (el.content instanceof DocumentFragment) visit(el.content, `${where} > <template> content`);
    }
  };
  visit(document, 'document');
  return { found, pwned: window.__pwned ?? null };
}

/** In the page: what widget `selector` shows, read through its shadow root as text. */
function readWidget(selector) {
  const host = document.querySelector(selector);
  const root = host.shadowRoot;
  const text = (el) => el?.textContent.replace(/\s+/g, ' ').trim() ?? null;
  const labels = [...root.querySelectorAll('label')];
  const controls = (name) => labels.filter((l) => text(l) === name).map((l) => l.control).filter(Boolean);
  const control = (name) => controls(name)[0] ?? null;
  const options = (select) => (select ? [...select.options].map((o) => o.textContent) : null);
  const described = (el) =>
    el
      ? (el.getAttribute('aria-describedby') ?? '')
          .split(/\s+/)
          .filter(Boolean)
          .map((id) => text(root.getElementById(id)) ?? '')
          .join(' | ')
      : null;
  // "Namespaces" also names a radio button (Back up: Namespaces): the text field is the one.
  const textbox = (name) => controls(name).find((el) => el instanceof HTMLInputElement && el.type === 'text') ?? null;
  const mapping = labels.map(text).filter((t) => t.startsWith('Volume snapshot class for '));
  const pre = [...root.querySelectorAll('pre')].map((p) => p.textContent).find((t) => t.trim().startsWith('{'));
  let request = null;
  try {
    request = pre ? JSON.parse(pre) : null;
  } catch {
    request = `(not JSON) ${pre}`;
  }
  const backupName = textbox('Backup name');
  const namespaces = textbox('Namespaces');
  const cluster = textbox('Cluster');
  return {
    mapping,
    vscOptions: Object.fromEntries(mapping.map((label) => [label, options(control(label))])),
    status: text(root.querySelector('[role="status"]')),
    request,
    locationOptions: options(control('Backup location')),
    policyOptions: options(control('Schedule policy')),
    cluster: cluster?.value ?? null,
    clusterDescribed: described(cluster),
    backupName: backupName?.value ?? null,
    backupNameDescribed: described(backupName),
    backupNameInvalid: backupName?.getAttribute('aria-invalid') ?? null,
    namespaces: namespaces?.value ?? null,
    namespacesDescribed: described(namespaces),
    namespacesInvalid: namespaces?.getAttribute('aria-invalid') ?? null,
    alert: text(root.querySelector('[role="alert"]')),
    decision: host.decision,
  };
}

describe('Bad input: names from a config, and typed, are text, never HTML (issue 17, item 6)', () => {
  let browser;
  let root;
  let server;
  before(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'cbw-bad-input-'));
    await cp(DIST, root, { recursive: true });
    await writeFile(path.join(root, 'bad-input.html'), HOST_PAGE);
    browser = await launchBrowser();
    server = await serveDir(root, { csp: STRICT_CSP });
  });
  after(async () => {
    await server?.close();
    await browser?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });

  test(`every name a config carries, under "${STRICT_CSP}": shown as text, no element or attribute from it, no HTML sink receives it, a rejected config keeps the last good state`, async (t) => {
    const { context, page, errors } = await openPage(browser);
    const problems = { text: [], dom: [], state: [] };
    const imageRequests = [];
    page.on('request', (request) => {
      if (/\/x$/.test(new URL(request.url()).pathname)) imageRequests.push(request.url());
    });
    try {
      await page.addInitScript(installSinkSpy);
      await recordPageEvents(page);
      const response = await page.goto(`${server.url}bad-input.html`);
      assert.equal(response.headers()['content-security-policy'], STRICT_CSP, 'the host page is served with the strict policy');
      await page.waitForFunction(() => document.querySelector('#w')?.shadowRoot?.querySelector('[role="status"]')?.textContent.includes('The backup'), null, { timeout: 15_000 });

      // The spy is in place under the CSP, before the page's scripts: it saw no script and no
      // defined element when it was installed, and it records an assignment made now.
      const spy = await page.evaluate(() => {
        window.__zqStep = '(spy check)';
        document.createElement('div').innerHTML = '<b>zq-spy-check</b>';
        const log = window.__zqSinks;
        return log && { installed: log.installed, atInstall: log.atInstall, seen: log.calls.some((c) => c.text.includes('zq-spy-check')) };
      });
      assert.ok(spy, 'the init script ran under the strict CSP (page.addInitScript is injected by the browser, not as an inline script)');
      assert.deepEqual(spy.atInstall, { scripts: 0, elementDefined: false }, 'the spy was installed before the page\'s scripts and before the element was defined');
      assert.ok(spy.seen, 'the spy records an innerHTML assignment');
      for (const sink of ['Element.innerHTML (setter)', 'Element.outerHTML (setter)', 'ShadowRoot.innerHTML (setter)', 'Element.insertAdjacentHTML()', 'Document.write()', 'Range.createContextualFragment()', 'DOMParser.parseFromString()']) {
        assert.ok(spy.installed.includes(sink), `the spy is on ${sink}: ${spy.installed.join(', ')}`);
      }

      const read = () => page.evaluate(readWidget, '#w');
      const setStep = (label) => {
        return page.evaluate((label) => (window.__zqStep = label), label);
      };
      const expect = (kind, ok, message) => {
        if (!ok) problems[kind].push(message);
      };
      /** Check 2, after every step. */
      const walk = async (step) => {
        await page.waitForTimeout(150); // time for an <img onerror> to fire, if one were made
        const { found, pwned } = await page.evaluate(walkForInjected);
        for (const f of found) problems.dom.push(`${step}: ${f}`);
        expect('dom', pwned === null, `${step}: window.__pwned was set to ${JSON.stringify(pwned)}: a payload's handler ran`);
        const { csp } = await recorded(page);
        expect('dom', csp.length === 0, `${step}: securitypolicyviolation (an injected inline handler or script would cause one): ${csp.join('; ')}`);
      };
      const configErrors = async () => (await recorded(page)).events.filter((e) => e.type === 'backup-config-error');

      // ---- The good config: every valid marked name is accepted and shown as text. ----
      await setStep('good config (valid names with markers)');
      await page.locator('#w').evaluate((el, config) => (el.config = config), GOOD);
      await page.waitForFunction((prov) => document.querySelector('#w').shadowRoot.textContent.includes(prov), OK.prov, { timeout: 5_000 });
      const good = await read();
      const mappingLabel = `Volume snapshot class for ${OK.prov}`;
      expect('text', good.mapping.includes(mappingLabel), `the snapshot-class mapping label shows "${mappingLabel}": ${JSON.stringify(good.mapping)}`);
      const vscOptions = good.vscOptions[mappingLabel] ?? [];
      for (const vsc of [OK.vscA, OK.vscB]) expect('text', vscOptions.some((o) => o.includes(vsc)), `an option of the VSC select shows "${vsc}": ${JSON.stringify(vscOptions)}`);
      expect('text', good.status?.includes(OK.prov), `the outcome list (role=status) shows "${OK.prov}": ${good.status}`);
      for (const loc of [OK.loc, OK.loc2]) expect('text', good.locationOptions?.some((o) => o.includes(loc)), `a Backup location option shows "${loc}": ${JSON.stringify(good.locationOptions)}`);
      for (const policy of [OK.policy, OK.policy2]) expect('text', good.policyOptions?.some((o) => o.includes(policy)), `a Schedule policy option shows "${policy}": ${JSON.stringify(good.policyOptions)}`);
      expect('text', good.cluster === OK.cluster, `the Cluster field shows "${OK.cluster}": ${JSON.stringify(good.cluster)}`);
      expect('text', good.clusterDescribed?.includes(OK.org), `the Cluster field's description names the organisation "${OK.org}": ${good.clusterDescribed}`);
      expect('text', good.backupName === OK.backup, `the Backup name field shows "${OK.backup}": ${JSON.stringify(good.backupName)}`);
      expect('text', good.namespaces === OK.ns, `the Namespaces field shows "${OK.ns}": ${JSON.stringify(good.namespaces)}`);
      // The preview shows the request's body (or the whole request).
      const body = good.request?.metadata ? good.request : good.request?.body;
      const shownInRequest = {
        'metadata.name': [body?.metadata?.name, OK.backup],
        'metadata.org_id': [body?.metadata?.org_id, OK.org],
        'cluster_ref.name': [body?.cluster_ref?.name, OK.cluster],
        'backup_location_ref.name': [body?.backup_location_ref?.name, OK.loc],
        'schedule_policy_ref.name': [body?.schedule_policy_ref?.name, OK.policy],
        namespaces: [JSON.stringify(body?.namespaces), JSON.stringify([OK.ns])],
        volume_snapshot_class_mapping: [JSON.stringify(body?.volume_snapshot_class_mapping), JSON.stringify({ [OK.prov]: OK.vscB })],
      };
      for (const [field, [shown, expected]] of Object.entries(shownInRequest)) {
        expect('text', shown === expected, `the request JSON in the preview has ${field} ${expected}: ${shown}`);
      }
      expect('text', good.alert === null, `a good config shows no config error: ${good.alert}`);
      await walk('good config');
      const lastGood = good.decision;
      expect('state', lastGood?.provisioners?.[0]?.name === OK.prov, `the decision is of the good config: ${JSON.stringify(lastGood?.provisioners?.map((p) => p.name))}`);

      // ---- Rejected configs: a named error, shown as text; the last good state kept. ----
      const table = [];
      for (const [field, what, input, expectedPath] of REJECTED) {
        const step = `rejected config: ${FIELDS[field]} in ${what}`;
        await setStep(step);
        const before = (await configErrors()).length;
        await page.locator('#w').evaluate((el, input) => {
          if (typeof input === 'string') el.setAttribute('config', input);
          else el.config = input;
        }, input);
        let event;
        try {
          await page.waitForFunction((n) => window.__e2e.events.filter((e) => e.type === 'backup-config-error').length > n, before, { timeout: 5_000 });
          event = (await configErrors()).at(-1);
        } catch {
          problems.state.push(`${step}: no backup-config-error event`);
          await walk(step);
          continue;
        }
        const { message, path: where } = event.detail ?? {};
        table.push([step, where, message]);
        expect('state', typeof message === 'string' && message.length > 0, `${step}: the detail has a message: ${JSON.stringify(event.detail)}`);
        expect('state', where === expectedPath, `${step}: the detail's path is ${JSON.stringify(expectedPath)}: ${JSON.stringify(where)}`);
        expect('state', event.target === 'w' && event.bubbles && event.composed, `${step}: the event comes from #w, bubbles and is composed`);
        try {
          await page.waitForFunction((m) => document.querySelector('#w').shadowRoot.querySelector('[role="alert"]')?.textContent.includes(m), message, { timeout: 5_000 });
        } catch {
          // reported below
        }
        const now = await read();
        expect('state', now.alert?.includes(message), `${step}: the role="alert" shows the message "${message}": ${now.alert}`);
        expect('state', now.alert?.includes(where), `${step}: the role="alert" shows the path "${where}": ${now.alert}`);
        // The payload as text: whole where the message quotes it; for text that is not JSON, what
        // of it the message quotes (JSON.parse quotes its start; another parser may quote none).
        if (field === 'nj') {
          expect('state', /JSON/.test(message ?? ''), `${step}: the message says it is not JSON: ${message}`);
          const quoted = message?.includes(`zq-${field}-`);
          expect('text', !quoted || now.alert?.includes(message), `${step}: the quoted start of the text is shown as text: ${now.alert}`);
        } else {
          expect('text', message?.includes(payload(field)), `${step}: the message quotes the payload whole: ${message}`);
          expect('text', now.alert?.includes(payload(field)), `${step}: the role="alert" shows the payload as text: ${now.alert}`);
        }
        try {
          assert.deepEqual(now.decision, lastGood);
        } catch {
          problems.state.push(`${step}: the decision changed: ${JSON.stringify(now.decision?.provisioners?.map((p) => p.name))}`);
        }
        expect('state', now.mapping.includes(mappingLabel) && now.status?.includes(OK.prov), `${step}: the form still shows the last good provisioner ${OK.prov}: ${JSON.stringify(now.mapping)}`);
        expect('state', now.cluster === OK.cluster && now.backupName === OK.backup, `${step}: the fields keep the last good config: ${now.cluster}, ${now.backupName}`);
        await walk(step);
      }

      // ---- Typed by the user: the inline error quotes it as text. ----
      const form = page.locator('#w').getByRole('form', { name: 'Create Backup' });
      for (const [field, name, described, invalid] of [
        ['backup', 'Backup name', 'backupNameDescribed', 'backupNameInvalid'],
        ['ns', 'Namespaces', 'namespacesDescribed', 'namespacesInvalid'],
      ]) {
        const step = `typed into ${name}`;
        await setStep(step);
        await form.getByRole('textbox', { name, exact: true }).fill(payload(field));
        try {
          await page.waitForFunction((p) => document.querySelector('#w').shadowRoot.querySelector('form').textContent.includes(p), payload(field), { timeout: 5_000 });
        } catch {
          // reported below
        }
        const now = await read();
        expect('text', now[described]?.includes(payload(field)), `${step}: the field's inline error (its aria-describedby text) shows the payload as text: ${now[described]}`);
        expect('text', now[invalid] === 'true', `${step}: the field is aria-invalid="true": ${now[invalid]}`);
        await walk(step);
      }

      // ---- Accepted configs that name a host's names in the headline and the notices. ----
      // A provisioner with no VSC and no offload: the backup fails, and the headline, the
      // outcome and the line under Create say which provisioner.
      const noVsc = 'zqmark-prov-novsc.example.com';
      await setStep('a config whose backup fails (a provisioner with no VSC)');
      await page.locator('#w').evaluate((el, config) => {
        el.removeAttribute('config');
        el.config = config;
      }, edited((c) => c.provisioners.push({ name: noVsc })));
      await page.waitForFunction((name) => document.querySelector('#w').shadowRoot.querySelector('[role="status"]')?.textContent.includes(name), noVsc, { timeout: 5_000 }).catch(() => {});
      const failing = await read();
      expect('text', failing.status?.includes(noVsc), `a failing backup: the preview (role=status) names "${noVsc}": ${failing.status}`);
      expect('text', failing.mapping.includes(`Volume snapshot class for ${noVsc}`), `a failing backup: the mapping shows "${noVsc}": ${JSON.stringify(failing.mapping)}`);
      expect('state', failing.alert === null && failing.decision?.canCreate === false, `a failing backup is a good config that cannot be created: alert ${failing.alert}, canCreate ${failing.decision?.canCreate}`);
      await walk('a config whose backup fails');

      // kubectl lists with a VolumeSnapshotClass whose driver has no StorageClass: its name and
      // driver are not checked as names (they are the cluster's), and a notice lists them.
      await setStep('kubectl lists with an unmatched VolumeSnapshotClass (payloads as its name and driver)');
      await page.locator('#w').evaluate((el, config) => (el.config = config), fromKubernetes(OK.prov, [[OK.vscA, OK.prov], [payload('vsc'), payload('prov')]]));
      await page.waitForFunction((p) => document.querySelector('#w').shadowRoot.textContent.includes(p), payload('vsc'), { timeout: 5_000 }).catch(() => {});
      const unmatched = await read();
      const where = unmatched.alert === null ? 'the preview (role=status)' : 'the role="alert"';
      const shownIn = unmatched.alert === null ? unmatched.status : unmatched.alert;
      for (const f of ['vsc', 'prov']) expect('text', shownIn?.includes(payload(f)), `an unmatched VolumeSnapshotClass: ${where} shows its ${FIELDS[f].replace(' name', '')} payload as text: ${shownIn}`);
      expect('text', unmatched.mapping.includes(mappingLabel), `kubectl lists: the mapping shows "${OK.prov}": ${JSON.stringify(unmatched.mapping)}`);
      await walk('kubectl lists with an unmatched VolumeSnapshotClass');

      // ---- The good config again: accepted, the error is gone. ----
      await setStep('good config again');
      await page.locator('#w').evaluate((el, config) => {
        el.removeAttribute('config');
        el.config = config;
      }, GOOD);
      await page.waitForFunction(() => !document.querySelector('#w').shadowRoot.querySelector('[role="alert"]'), null, { timeout: 5_000 }).catch(() => {});
      const restored = await read();
      expect('state', restored.alert === null, `the good config again clears the config error: ${restored.alert}`);
      expect('state', restored.backupName === OK.backup, `the good config again sets Backup name: ${restored.backupName}`);
      await walk('good config again');
      expect('dom', imageRequests.length === 0, `no request for a payload's <img src=x>: ${imageRequests.join(', ')}`);

      console.log(`Rejected configs (step → path → message):\n${table.map(([s, p, m]) => `  ${s}\n      ${p}  ${m}`).join('\n')}`);

      // ---- Check 3: the sinks. ----
      const calls = await page.evaluate(() => window.__zqSinks.calls.filter((c) => c.step !== '(spy check)'));
      const perSink = {};
      for (const c of calls) perSink[c.sink] = (perSink[c.sink] ?? 0) + 1;
      console.log(`HTML-parsing sink calls while the test ran: ${JSON.stringify(perSink)}`);
      const hits = [];
      const summary = new Map();
      for (const c of calls) {
        const fields = Object.keys(FIELDS).filter((f) => markers(f).some((m) => c.text.includes(m)));
        if (fields.length > 0) hits.push(c);
        for (const f of fields) {
          const at = Math.min(...markers(f).map((m) => c.text.indexOf(m)).filter((i) => i >= 0));
          const key = `${c.sink}${c.target ? ` on ${c.target}` : ''} received the ${FIELDS[f]}`;
          if (!summary.has(key)) summary.set(key, { steps: new Set(), excerpt: c.text.slice(Math.max(0, at - 60), at + 100).replace(/\s+/g, ' ') });
          summary.get(key).steps.add(c.step);
        }
      }
      const sinkReport = [...summary].map(
        ([key, { steps, excerpt }]) => `${key}\n      in ${[...steps].join('; ')}\n      e.g. …${excerpt}…`,
      );

      await t.test('1. each payload (and each valid marked name) is shown as text where the widget shows that name', () => {
        assert.deepEqual(problems.text, [], `not shown as text:\n  ${problems.text.join('\n  ')}`);
      });
      await t.test('2. no element or attribute comes from a payload; no on* attribute at all; no handler ran', () => {
        assert.deepEqual(problems.dom, [], `made from a payload:\n  ${problems.dom.join('\n  ')}`);
      });
      await t.test('3. no innerHTML-like sink ever receives a name from the config or from the user', () => {
        assert.equal(hits.length, 0, `${hits.length} HTML-parsing assignments received host or user text (${summary.size} sink × field pairs):\n  ${sinkReport.join('\n  ')}`);
      });
      await t.test('4. a rejected config gives backup-config-error {message, path}, shown in role="alert"; the last good state is kept', () => {
        assert.deepEqual(problems.state, [], `\n  ${problems.state.join('\n  ')}`);
      });
      await t.test('no console error, page error or failed request', () => {
        assert.deepEqual(errors, []);
      });
    } finally {
      await context.close();
    }
  });
});
