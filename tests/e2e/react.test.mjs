// `create-backup-widget/react` in a real React 19 console: `tools/package.mjs` packs dist/, and the
// tarball is installed into a fresh temporary copy of tests/sites/react (React 19, Vite and
// TypeScript from npm, pinned by its package-lock.json) the way README.md's "Install" section
// says. The app renders <create-backup-form> in JSX inside StrictMode, typed by react.d.ts.
//
// - react.d.ts declares exactly the attributes, writable properties and events of
//   custom-elements.json, with the same types (read from the file, then checked by tsc);
// - `tsc --noEmit` accepts the app, and rejects a config of the wrong shape and a handler that
//   expects another detail type;
// - `vite build` bundles it (and once more as a development build, where StrictMode really
//   mounts twice); each build, served under the strict CSP, is driven in Chromium: React 19
//   sets `config` as the property (never an attribute) and adds the on<event> props as
//   listeners; backup-change on start and after a change, a new config from React state,
//   Create, a rejected config, one widget after StrictMode's double mount, and unmounting the
//   tree frees the widget; no console error.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';

import { ROOT, STRICT_CSP, launchBrowser, openPage, serveDir, waitForWidget, widgetParts } from './support.mjs';

const run = promisify(execFile);
const SITE = path.join(ROOT, 'tests/sites/react');

async function sh(command, args, cwd, env = {}) {
  try {
    return await run(command, args, { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1', ...env } });
  } catch (error) {
    throw Object.assign(new Error(`${command} ${args.join(' ')} failed (${error.code}):\n${error.stdout}\n${error.stderr}`), { stdout: error.stdout, stderr: error.stderr });
  }
}

// ---------------------------------------------------------------------------------------------
// What custom-elements.json says a JSX author can pass: the attributes (by their property's name
// when a writable property reflects them: React 19 sets those as properties), the writable
// properties, and each event as on<event>, each with its type.

const manifest = JSON.parse(await readFile(path.join(ROOT, 'js/custom-elements.json'), 'utf8'));
const [element] = manifest.modules.flatMap((m) => m.declarations).filter((d) => d.customElement);
const fields = (element.members ?? []).filter((m) => m.kind === 'field' && !m.static);

/** { prop, type, kind } for every prop the manifest implies, in its order. */
function manifestProps() {
  const props = new Map();
  for (const attribute of element.attributes ?? []) {
    const field = fields.find((f) => f.name === attribute.fieldName || f.attribute === attribute.name);
    if (field && !field.readonly) continue; // set as the property, below
    props.set(attribute.name, { prop: attribute.name, type: attribute.type.text, kind: 'attribute' });
  }
  for (const field of fields.filter((f) => !f.readonly)) {
    // The property's type without null: null is what it reads before connect, not a config.
    props.set(field.name, { prop: field.name, type: field.type.text, kind: 'property' });
  }
  for (const event of element.events ?? []) props.set(`on${event.name}`, { prop: `on${event.name}`, type: event.type.text, kind: 'event' });
  return [...props.values()];
}

/** The props react.d.ts's CreateBackupFormAttributes declares, by name. */
async function declaredProps() {
  const text = await readFile(path.join(ROOT, 'js/react.d.ts'), 'utf8');
  const body = text.match(/interface CreateBackupFormAttributes\s*\{([\s\S]*?)\n\}/)?.[1];
  assert.ok(body, 'react.d.ts declares interface CreateBackupFormAttributes');
  return [...body.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/^\s*'?([\w-]+)'?\?:/gm)].map((m) => m[1]);
}

/** A TypeScript file that type-checks only when react.d.ts and custom-elements.json agree. */
function manifestCheck() {
  const props = manifestProps();
  const builtIn = new Set(['CustomEvent', 'HTMLElement', 'Record', 'Array']);
  const names = [...new Set(props.flatMap((p) => p.type.match(/\b[A-Z]\w*/g) ?? []))].filter((n) => !builtIn.has(n)).sort();
  const id = (prop) => prop.replace(/\W/g, '_');
  const lines = [
    '// Written by tests/e2e/react.test.mjs from custom-elements.json: the JSX props of',
    "// <create-backup-form> (create-backup-widget/react) and the manifest's names and types.",
    "import type { CreateBackupFormAttributes } from 'create-backup-widget/react';",
    names.length ? `import type { ${names.join(', ')} } from 'create-backup-widget/react';` : '',
    'type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;',
    'type Prop<K extends keyof CreateBackupFormAttributes> = NonNullable<CreateBackupFormAttributes[K]>;',
    `export const the_props_are_the_manifests: Equal<keyof CreateBackupFormAttributes, ${props.map((p) => `'${p.prop}'`).join(' | ')}> = true;`,
  ];
  for (const { prop, type, kind } of props) {
    if (kind === 'event') {
      lines.push(`export const ${id(prop)}_takes_its_event: Equal<Parameters<Prop<'${prop}'>>[0], ${type}> = true;`);
      lines.push(`export const ${id(prop)}_returns_void: Equal<ReturnType<Prop<'${prop}'>>, void> = true;`);
    } else {
      lines.push(`export const ${id(prop)}_has_its_${kind}_type: Equal<Prop<'${prop}'>, NonNullable<${type}>> = true;`);
    }
  }
  return `${lines.filter(Boolean).join('\n')}\n`;
}

describe('create-backup-widget/react: the JSX declaration', () => {
  test('names exactly the attributes, writable properties and events of custom-elements.json', async () => {
    const expected = manifestProps().map((p) => p.prop);
    assert.ok(expected.includes('config') && expected.includes('scenario') && expected.includes('onbackup-change'), expected.join(', '));
    assert.ok(!expected.includes('decision'), 'a read-only property is no prop');
    assert.deepEqual((await declaredProps()).sort(), [...expected].sort());
  });

  test("the main entry's types never read React's", async () => {
    const main = await readFile(path.join(ROOT, 'js/backup-form.d.ts'), 'utf8');
    assert.doesNotMatch(main, /from\s+['"]react|reference\s+types=['"]react|\bReact\./, 'backup-form.d.ts is free of @types/react');
    const react = await readFile(path.join(ROOT, 'js/react.d.ts'), 'utf8');
    assert.match(react, /from '\.\/backup-form\.js'/, "react.d.ts imports backup-form.d.ts's declarations, it does not copy them");
    for (const name of ['Config', 'Decision', 'BackupCreateDetail', 'ConfigError', 'CreateBackupFormElement']) {
      assert.doesNotMatch(react, new RegExp(`(interface|type)\\s+${name}\\b`), `react.d.ts does not redeclare ${name}`);
    }
  });
});

describe('create-backup-widget/react in a React 19 + Vite + TypeScript app', () => {
  let out;
  let tarball;
  let project;
  let browser;
  before(async () => {
    out = await mkdtemp(path.join(os.tmpdir(), 'cbw-npm-react-'));
    const { stdout } = await sh('node', [path.join(ROOT, 'tools/package.mjs'), '--out', out], ROOT);
    tarball = stdout.trim().split('\n').at(-1);
    project = await mkdtemp(path.join(os.tmpdir(), 'cbw-react-'));
    for (const file of ['index.html', 'package.json', 'package-lock.json', 'tsconfig.json', 'vite.config.ts', 'src', 'public']) {
      await cp(path.join(SITE, file), path.join(project, file), { recursive: true });
    }
    // From npm's cache when it holds them (./dev test fills it); the tarball as README.md says.
    await sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], project);
  });
  after(async () => {
    await browser?.close();
    if (out) await rm(out, { recursive: true, force: true });
    if (project) await rm(project, { recursive: true, force: true });
  });

  test('the package: ./react is the docs entry with react.d.ts, and React\'s types are an optional peer', async () => {
    const pkg = JSON.parse(await readFile(path.join(project, 'node_modules/create-backup-widget/package.json'), 'utf8'));
    assert.deepEqual(pkg.exports['./react'], { types: './react.d.ts', default: './backup-form.js' });
    assert.equal(pkg.types, './backup-form.d.ts', 'the main entry keeps its own types');
    assert.ok(pkg.files.includes('react.d.ts'), `react.d.ts is packed: ${pkg.files.join(', ')}`);
    assert.ok('@types/react' in (pkg.peerDependencies ?? {}), 'a peer dependency on @types/react');
    assert.deepEqual(pkg.peerDependenciesMeta?.['@types/react'], { optional: true }, 'an optional one');
    assert.ok(!('react' in (pkg.dependencies ?? {})) && !('@types/react' in (pkg.dependencies ?? {})), 'nothing of React is a dependency');
  });

  const tsc = (...args) => sh(path.join(project, 'node_modules/.bin/tsc'), ['--noEmit', '-p', '.', ...args], project);
  /** Adds `file` to src/, runs tsc, removes it; resolves to tsc's output when it fails, or null. */
  async function rejected(file, text) {
    await writeFile(path.join(project, 'src', file), text);
    try {
      return await tsc().then(
        () => null,
        (error) => `${error.stdout}${error.stderr}`,
      );
    } finally {
      await rm(path.join(project, 'src', file));
    }
  }

  test('tsc --noEmit accepts the app and agrees with custom-elements.json, and rejects a wrong config or handler', async () => {
    await tsc();

    await writeFile(path.join(project, 'src/manifest-check.ts'), manifestCheck());
    await tsc().catch((error) => assert.fail(`react.d.ts and custom-elements.json drifted apart:\n${error.message}\n${manifestCheck()}`));
    await rm(path.join(project, 'src/manifest-check.ts'));

    const config = await rejected('wrong-config.tsx', "export const page = <create-backup-form config={{ provisioners: 'ebs.csi.aws.com' }} />;\n");
    assert.match(config ?? 'accepted', /wrong-config\.tsx\(1,\d+\): error TS2322: .*not assignable to type 'ProvisionerConfig\[\]'/, 'a config of the wrong shape');

    const handler = await rejected(
      'wrong-handler.tsx',
      "import type { ConfigError } from 'create-backup-widget/react';\n" +
        'export const page = <create-backup-form onbackup-change={(event: CustomEvent<ConfigError>) => console.log(event.detail.path)} />;\n',
    );
    assert.match(handler ?? 'accepted', /wrong-handler\.tsx\(2,\d+\): error TS2322:[\s\S]*'CustomEvent<Decision>' is not assignable to type 'CustomEvent<ConfigError>'/, 'a handler of another detail type');

    const ref = await rejected(
      'wrong-ref.tsx',
      "import { useRef } from 'react';\nexport function Page() {\n  const ref = useRef<HTMLInputElement>(null);\n  return <create-backup-form ref={ref} />;\n}\n",
    );
    assert.match(ref ?? 'accepted', /wrong-ref\.tsx\(4,\d+\): error TS2322:[\s\S]*CreateBackupFormElement/, 'a ref to another element');

    // The element is known to JSX only through create-backup-widget/react: the main entry alone
    // does not declare it (it never reads React's types).
    await writeFile(path.join(project, 'tsconfig.main-only.json'), JSON.stringify({ extends: './tsconfig.json', include: ['main-only'] }));
    await cp(path.join(project, 'src/vite-env.d.ts'), path.join(project, 'main-only/vite-env.d.ts'));
    await writeFile(path.join(project, 'main-only/page.tsx'), "import { mount } from 'create-backup-widget';\nmount(document.body);\nexport const page = <create-backup-form />;\n");
    const plain = await sh(path.join(project, 'node_modules/.bin/tsc'), ['--noEmit', '-p', 'tsconfig.main-only.json'], project).then(
      () => null,
      (error) => `${error.stdout}${error.stderr}`,
    );
    await rm(path.join(project, 'main-only'), { recursive: true });
    await rm(path.join(project, 'tsconfig.main-only.json'));
    assert.match(plain ?? 'accepted', /page\.tsx\(3,\d+\): error TS2339: Property 'create-backup-form' does not exist on type 'JSX\.IntrinsicElements'/, 'the main entry alone adds nothing to JSX');
  });

  test('vite build bundles it with the wasm as its own asset (production, and a development build)', async () => {
    const vite = path.join(project, 'node_modules/.bin/vite');
    await sh(vite, ['build'], project);
    await sh(vite, ['build', '--mode', 'development', '--outDir', 'dist-dev'], project, { NODE_ENV: 'development' });
    for (const dir of ['dist', 'dist-dev']) {
      const assets = await readdir(path.join(project, dir, 'assets'));
      assert.ok(assets.some((f) => /^create-backup-widget_bg-[\w-]+\.wasm$/.test(f)), `${dir}: a hashed wasm asset: ${assets.join(', ')}`);
      assert.ok(!assets.some((f) => f.includes('training')), `${dir}: the training entry is not bundled: ${assets.join(', ')}`);
    }
  });

  for (const [build, strict] of [
    ['dist', false],
    ['dist-dev', true],
  ]) {
    test(`the ${strict ? 'development build (StrictMode mounts twice)' : 'production build'} in Chromium: config as a property, the events as props, new and bad configs, unmounting`, async () => {
      const server = await serveDir(path.join(project, build), { csp: STRICT_CSP });
      browser ??= await launchBrowser();
      const { context, page, errors } = await openPage(browser);
      try {
        await page.addInitScript(watchTheElement);
        await page.goto(server.url);
        await waitForWidget(page, '#backup');
        const parts = widgetParts(page, '#backup');
        const log = () => page.evaluate(() => window.__host.log.map(({ type, detail, fromElement, custom }) => ({ type, detail, fromElement, custom })));
        const changes = async () => (await log()).filter((e) => e.type === 'backup-change');
        const text = (id) => page.locator(`#${id}`).textContent();

        // StrictMode: the effect ran mount, cleanup, mount in development; once in production.
        const effects = await page.evaluate(() => window.__host.effects);
        assert.deepEqual(effects, strict ? ['mount create-backup-form', 'cleanup', 'mount create-backup-form'] : ['mount create-backup-form'], 'StrictMode in the development build only');

        // React 19 set `config` as the property (an object) and added on<event> as listeners;
        // nothing of them became an attribute.
        await page.waitForFunction(() => document.getElementById('can-create').textContent === 'true');
        const calls = await page.evaluate(() => window.__calls);
        assert.ok(calls.includes('set config object'), `config was set as the property, as an object: ${calls.join('; ')}`);
        for (const type of ['backup-change', 'backup-create', 'backup-config-error']) {
          assert.ok(calls.includes(`addEventListener ${type}`), `on${type} became a listener of ${type}: ${calls.join('; ')}`);
        }
        assert.deepEqual(calls.filter((c) => c.startsWith('setAttribute') && !c.startsWith('setAttribute class=')), [], 'React set no attribute but class');
        const state = () =>
          page.evaluate(() => {
            const el = document.getElementById('backup');
            return {
              elements: document.querySelectorAll('create-backup-form').length,
              forms: el.shadowRoot.querySelectorAll('[part~="form"]').length,
              attributes: el.getAttributeNames().sort(),
              config: el.config,
              listeners: window.__listeners(),
            };
          });
        let now = await state();
        assert.deepEqual(now.attributes, ['class', 'id', 'style'], 'no config or on<event> attribute');
        assert.equal(now.config.backupName, 'orders-nightly', "the widget's config is React's");
        assert.equal(now.config.provisioners[0].name, 'ebs.csi.aws.com');
        assert.equal(await parts.backupName.inputValue(), 'orders-nightly');
        // One element, one widget in it, one listener per event (StrictMode doubled none).
        assert.deepEqual({ elements: now.elements, forms: now.forms, listeners: now.listeners }, {
          elements: 1,
          forms: 1,
          listeners: { 'backup-change': 1, 'backup-create': 1, 'backup-config-error': 1 },
        });

        // backup-change on start, once, from the element, as a CustomEvent with the Decision.
        await page.waitForTimeout(100); // time for a second start event, were there one
        let seen = await changes();
        assert.equal(seen.length, 1, `one backup-change on start: ${JSON.stringify(seen.map((e) => e.type))}`);
        assert.ok(seen[0].fromElement && seen[0].custom, 'on the element (currentTarget is the ref), a CustomEvent');
        assert.equal(seen[0].detail.canCreate, true);
        assert.deepEqual(seen[0].detail.provisioners.map((p) => [p.name, p.backupType]), [['ebs.csi.aws.com', 'csi-snapshot']]);

        // A change in the form: one more backup-change, and React's state follows it.
        await parts.offload.check();
        await page.waitForFunction(() => window.__host.log.filter((e) => e.type === 'backup-change').length === 2);
        seen = await changes();
        assert.deepEqual(seen[1].detail.provisioners.map((p) => [p.name, p.backupType]), [['ebs.csi.aws.com', 'csi-snapshot-offload']], 'offload changed the Decision');

        // A new config from React state (a button's setState): the widget takes it as a property.
        await page.getByRole('button', { name: 'Use the EFS cluster' }).click();
        await page.waitForFunction(() => window.__host.log.at(-1)?.detail?.provisioners?.[0]?.name === 'efs.csi.aws.com');
        assert.equal(await parts.backupName.inputValue(), 'files-weekly', 'the form shows the new config');
        assert.equal(await parts.offload.isChecked(), true, "the new config's offload");
        now = await state();
        assert.equal(now.config.backupName, 'files-weekly');
        assert.deepEqual(now.attributes, ['class', 'id', 'style'], 'still no config attribute');
        assert.ok((await page.evaluate(() => window.__calls)).filter((c) => c === 'set config object').length >= 2, 'set as the property again');
        await page.waitForFunction(() => document.getElementById('can-create').textContent === 'true');

        // Create: onbackup-create gets the request, and React shows it.
        await parts.create.click();
        await page.waitForFunction(() => window.__host.log.some((e) => e.type === 'backup-create'));
        const created = (await log()).filter((e) => e.type === 'backup-create');
        assert.equal(created.length, 1, 'one backup-create');
        assert.ok(created[0].fromElement && created[0].custom);
        const { method, path: apiPath, body } = created[0].detail;
        assert.deepEqual([method, apiPath, body.metadata.name, body.cluster_ref.name, body.backup_type], ['POST', '/v1/backup', 'files-weekly', 'console-cluster', 'Generic']);
        // React renders a state set from a DOM event in a task of its own: wait for it.
        await page.waitForFunction(() => document.getElementById('request').textContent !== 'none');
        assert.equal(await text('request'), 'POST /v1/backup files-weekly');

        // A bad config from React: onbackup-config-error with its path; the widget keeps its last good state.
        await page.getByRole('button', { name: 'Send a bad config' }).click();
        await page.waitForFunction(() => window.__host.log.some((e) => e.type === 'backup-config-error'));
        const [rejectedConfig, ...more] = (await log()).filter((e) => e.type === 'backup-config-error');
        assert.equal(more.length, 0, 'one backup-config-error');
        assert.ok(rejectedConfig.fromElement && rejectedConfig.custom);
        assert.equal(rejectedConfig.detail.path, 'provisioners[1].name');
        assert.ok(rejectedConfig.detail.message.length > 0);
        await page.waitForFunction(() => document.getElementById('config-error').textContent !== 'none');
        assert.equal(await text('config-error'), `provisioners[1].name: ${rejectedConfig.detail.message}`);
        assert.match(await parts.alert.textContent(), new RegExp(rejectedConfig.detail.message.slice(0, 40).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), 'the widget shows the same message');
        assert.equal(await parts.backupName.inputValue(), 'files-weekly', 'and keeps its last good state');
        assert.equal((await state()).config.backupName, 'files-weekly');

        // Unmounting the React tree removes the element, and the element frees its widget.
        const before = (await log()).length;
        const freed = await page.evaluate(async () => {
          const el = document.getElementById('backup');
          window.__host.unmount();
          await new Promise((resolve) => setTimeout(resolve, 100));
          return {
            elements: document.querySelectorAll('create-backup-form').length,
            connected: el.isConnected,
            decision: el.decision,
            config: el.config,
            shadowChildren: el.shadowRoot.childNodes.length,
          };
        });
        assert.deepEqual(freed, { elements: 0, connected: false, decision: null, config: null, shadowChildren: 0 }, 'no widget left behind');
        assert.equal((await log()).length, before, 'no event from a removed widget');

        // Mounting the tree again: one new working widget (twice, to see nothing accumulates).
        for (let round = 1; round <= 2; round += 1) {
          const started = (await changes()).length;
          await page.evaluate(() => window.__host.mount());
          await waitForWidget(page, '#backup');
          await page.waitForFunction((n) => window.__host.log.filter((e) => e.type === 'backup-change').length === n, started + 1);
          await page.waitForTimeout(100);
          assert.equal((await changes()).length, started + 1, `remount ${round}: one backup-change on start`);
          now = await state();
          assert.deepEqual({ elements: now.elements, forms: now.forms, listeners: now.listeners }, {
            elements: 1,
            forms: 1,
            listeners: { 'backup-change': 1, 'backup-create': 1, 'backup-config-error': 1 },
          }, `remount ${round}: one widget, one listener per event`);
          assert.equal(now.config.backupName, 'orders-nightly');
          await page.evaluate(() => window.__host.unmount());
        }
        await page.waitForTimeout(100);
        assert.deepEqual(errors, [], 'no console error');
      } finally {
        await context.close();
        await server.close();
      }
    });
  }
});

/**
 * Runs in the page before its scripts: records how React touches <create-backup-form> (the
 * config property's sets, setAttribute, add/removeEventListener) in window.__calls, and counts
 * the listeners it holds per event type (window.__listeners()).
 */
function watchTheElement() {
  const TAG = 'create-backup-form';
  const calls = (window.__calls = []);
  const listeners = new WeakMap();
  const held = (el) => listeners.get(el) ?? listeners.set(el, new Map()).get(el);
  const { addEventListener, removeEventListener } = EventTarget.prototype;
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    if (this.localName === TAG) {
      calls.push(`addEventListener ${type}`);
      const set = held(this).get(type) ?? new Set();
      set.add(listener);
      held(this).set(type, set);
    }
    return addEventListener.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (type, listener, options) {
    if (this.localName === TAG) {
      calls.push(`removeEventListener ${type}`);
      held(this).get(type)?.delete(listener);
    }
    return removeEventListener.call(this, type, listener, options);
  };
  const { setAttribute } = Element.prototype;
  Element.prototype.setAttribute = function (name, value) {
    if (this.localName === TAG) calls.push(`setAttribute ${name}=${String(value).slice(0, 40)}`);
    return setAttribute.call(this, name, value);
  };
  const { define } = CustomElementRegistry.prototype;
  CustomElementRegistry.prototype.define = function (name, constructor, options) {
    if (name === TAG) {
      const property = Object.getOwnPropertyDescriptor(constructor.prototype, 'config');
      Object.defineProperty(constructor.prototype, 'config', {
        ...property,
        set(value) {
          calls.push(`set config ${value === null ? 'null' : typeof value}`);
          property.set.call(this, value);
        },
      });
    }
    return define.call(this, name, constructor, options);
  };
  window.__listeners = () => {
    const el = document.querySelector(TAG);
    const counts = {};
    for (const [type, set] of el ? held(el) : []) if (type.startsWith('backup-')) counts[type] = set.size;
    return counts;
  };
}
