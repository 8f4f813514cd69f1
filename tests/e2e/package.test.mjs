// The npm package in a real bundler: `tools/package.mjs` packs dist/ (what `./dev package`
// does after building it); the tarball is installed into a fresh temporary copy of
// tests/sites/vite (Vite and TypeScript from npm, pinned by its package-lock.json), whose typed
// host file imports it the way README.md's "Install" section says. `tsc --noEmit` must accept
// it (and reject a type error), `vite build` must bundle it with the wasm and the stylesheet as
// its own assets, and the built page, served under the strict CSP, must render the widgets and
// emit their events with no console error.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';

import { ROOT, STRICT_CSP, launchBrowser, openPage, serveDir, waitForWidget, widgetParts } from './support.mjs';

const run = promisify(execFile);
const SITE = path.join(ROOT, 'tests/sites/vite');

async function sh(command, args, cwd) {
  try {
    return await run(command, args, { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
  } catch (error) {
    throw Object.assign(new Error(`${command} ${args.join(' ')} failed (${error.code}):\n${error.stdout}\n${error.stderr}`), { stdout: error.stdout, stderr: error.stderr });
  }
}

describe('The npm package', () => {
  let out;
  let tarball;
  let project;
  before(async () => {
    out = await mkdtemp(path.join(os.tmpdir(), 'cbw-npm-'));
    const { stdout } = await sh('node', [path.join(ROOT, 'tools/package.mjs'), '--out', out], ROOT);
    tarball = stdout.trim().split('\n').at(-1);
  });
  after(async () => {
    if (out) await rm(out, { recursive: true, force: true });
    if (project) await rm(project, { recursive: true, force: true });
  });

  test('the tarball holds what runs and its metadata, not the demo page', async () => {
    const { stdout } = await sh('tar', ['-tzf', tarball], out);
    const files = stdout.trim().split('\n').map((f) => f.replace(/^package\//, '')).sort();
    for (const file of [
      'package.json',
      'README.md',
      'backup-form.js',
      'backup-form-training.js',
      'backup-form.css',
      'backup-form-training.css',
      'backup-form.d.ts',
      'react.d.ts',
      'custom-elements.json',
      'create-backup-widget.js',
      'create-backup-widget_bg.wasm',
      'create-backup-widget-training.js',
      'create-backup-widget-training_bg.wasm',
    ]) {
      assert.ok(files.includes(file), `${file} is in the package: ${files.join(', ')}`);
    }
    for (const file of ['index.html', 'demo.js', 'demo.css', 'favicon.svg']) assert.ok(!files.includes(file), `${file} (the demo page) is not`);

    const pkg = JSON.parse((await sh('tar', ['-xzOf', tarball, 'package/package.json'], out)).stdout);
    const cargo = await readFile(path.join(ROOT, 'Cargo.toml'), 'utf8');
    assert.equal(pkg.version, cargo.match(/^\[package\][^[]*?^version = "([^"]+)"/ms)[1], 'the version is Cargo.toml\'s');
    assert.equal(pkg.type, 'module');
    assert.equal(pkg.license, 'Apache-2.0');
    assert.equal(pkg.customElements, 'custom-elements.json');
    assert.deepEqual(pkg.exports['.'], { types: './backup-form.d.ts', default: './backup-form.js' });
    assert.deepEqual(pkg.exports['./training'], { types: './backup-form.d.ts', default: './backup-form-training.js' });
    assert.deepEqual(pkg.exports['./react'], { types: './react.d.ts', default: './backup-form.js' }, 'the React subpath is the docs entry (tests/e2e/react.test.mjs)');
    assert.equal(pkg.exports['./backup-form.css'], './backup-form.css');
    assert.equal(pkg.types, './backup-form.d.ts');
    assert.ok(Array.isArray(pkg.sideEffects) && pkg.sideEffects.includes('./backup-form.js'), 'sideEffects names the entries');
    assert.deepEqual([...pkg.files].sort(), files.filter((f) => !['package.json', 'README.md'].includes(f)), '"files" lists exactly what is packed');
  });

  describe('installed into a fresh Vite project', () => {
    let server;
    let browser;
    before(async () => {
      project = await mkdtemp(path.join(os.tmpdir(), 'cbw-vite-'));
      for (const file of ['index.html', 'package.json', 'package-lock.json', 'tsconfig.json', 'src', 'public']) {
        await cp(path.join(SITE, file), path.join(project, file), { recursive: true });
      }
      // From npm's cache when it holds them (./dev test fills it); the tarball as README.md says.
      await sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], project);
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    test('tsc --noEmit accepts the typed host file, and rejects a type error', async () => {
      const tsc = path.join(project, 'node_modules/.bin/tsc');
      await sh(tsc, ['--noEmit', '-p', '.'], project);
      await writeFile(path.join(project, 'src/wrong.ts'), "const el = document.querySelector('create-backup-form')!;\nexport const n: number = el.decision;\n");
      const rejected = await sh(tsc, ['--noEmit', '-p', '.'], project).then(
        () => null,
        (error) => `${error.stdout}${error.stderr}`,
      );
      await rm(path.join(project, 'src/wrong.ts'));
      assert.match(rejected ?? 'accepted', /wrong\.ts.*(Decision|not assignable)/s, 'the types are really checked');
    });

    test('vite build bundles it, with the wasm and the stylesheet as its own assets', async () => {
      await sh(path.join(project, 'node_modules/.bin/vite'), ['build'], project);
      const assets = await readdir(path.join(project, 'dist/assets'));
      assert.ok(assets.some((f) => /^create-backup-widget_bg-[\w-]+\.wasm$/.test(f)), `a hashed wasm asset: ${assets.join(', ')}`);
      assert.ok(assets.some((f) => /^backup-form-[\w-]+\.css$/.test(f)), `a hashed stylesheet asset: ${assets.join(', ')}`);
      assert.ok(!assets.some((f) => f.includes('training')), `the training entry is not bundled when not imported: ${assets.join(', ')}`);
    });

    test('the built page renders the widgets and emits backup-change and backup-create, with no console error, under the strict CSP', async () => {
      server = await serveDir(path.join(project, 'dist'), { csp: STRICT_CSP });
      browser = await launchBrowser();
      const { context, page, errors } = await openPage(browser);
      const requests = [];
      page.on('response', (response) => requests.push(`${response.status()} ${new URL(response.url()).pathname}`));
      try {
        await page.goto(server.url);
        await waitForWidget(page, '#docs');
        await waitForWidget(page, '#console');
        // The console's widget, mounted after its listeners: backup-change on start, then Create.
        await page.waitForFunction(() => window.__events.some((e) => e.type === 'backup-change' && e.target === 'console'));
        await widgetParts(page, '#console').create.click();
        await page.waitForFunction(() => window.__events.some((e) => e.type === 'backup-create'));
        // The element of the page (defined before the host's listeners ran): a change, an event.
        await widgetParts(page, '#docs').offload.check();
        await page.waitForFunction(() => document.getElementById('last-change').textContent === 'can create');
        const events = (await page.evaluate(() => window.__events)).map((e) => `${e.type} ${e.target}${'canCreate' in e ? ` ${e.canCreate}` : ''}`);
        assert.ok(events.includes('backup-change console true'), events.join('; '));
        assert.ok(events.includes('backup-create console: POST /v1/backup orders-nightly'), events.join('; '));
        assert.equal(events.at(-1), 'backup-change docs true', 'EFS with offload on can be created');
        assert.ok(requests.some((r) => /^200 \/assets\/create-backup-widget_bg-[\w-]+\.wasm$/.test(r)), `the wasm comes from Vite's assets: ${requests.join(', ')}`);
        assert.ok(requests.some((r) => /^200 \/assets\/backup-form-[\w-]+\.css$/.test(r)), `the shadow root's stylesheet comes from Vite's assets: ${requests.join(', ')}`);
        assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById('docs').shadowRoot.querySelector('.cbw')).display), 'grid', 'the stylesheet is adopted');
        assert.deepEqual(requests.filter((r) => !r.startsWith('200 ')), [], 'no request fails');
        assert.deepEqual(errors, [], 'no console error');
      } finally {
        await context.close();
      }
    });
  });
});
