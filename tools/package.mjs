#!/usr/bin/env node
// Builds the npm package of the widget from dist/ (`./dev package` builds dist/ first):
// stages what runs, and nothing of the demo page, in target/npm/package/, writes its
// package.json (the version is Cargo.toml's), and runs `npm pack` into target/npm/.
// Nothing is published. Prints the tarball's path on its last line.
//
//   node tools/package.mjs [--dist dist] [--out target/npm]

import { execFile } from 'node:child_process';
import { copyFile, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** The two entries (SPEC.md, "Loading"; the training entry adds the training panels). */
export const ENTRIES = { '.': 'backup-form.js', './training': 'backup-form-training.js' };
/** Files the package ships beside what the entries load (react.d.ts: the types of `./react`). */
export const EXTRA_FILES = ['backup-form.css', 'backup-form.d.ts', 'react.d.ts', 'custom-elements.json'];

// What a module loads: static and dynamic imports and re-exports of relative paths, and the assets it
// names with new URL('…', import.meta.url) (the wasm, the stylesheet).
const IMPORT = /(?:import|export)\s*(?:\(\s*|[\w*{}\s,$]+from\s*)?['"](\.\.?\/[^'"]+)['"]/g;
const ASSET = /new URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g;

/** Every file the entries load, found by following their imports and assets within dist/. */
export async function runtimeFiles(dist, entries) {
  const seen = new Set();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    const full = path.join(dist, file);
    if (!(await stat(full).catch(() => null))?.isFile()) {
      throw new Error(
        entries.includes(file)
          ? `the package's entry ${file} is not in ${dist}: the Trunk build (index.html) must produce it; ./dev package builds dist/ first`
          : `${file}, loaded by the package's files, is not in ${dist}: build dist/ first (./dev package does)`,
      );
    }
    seen.add(file);
    if (!file.endsWith('.js')) continue;
    const text = await readFile(full, 'utf8');
    for (const pattern of [IMPORT, ASSET]) {
      for (const [, ref] of text.matchAll(pattern)) {
        queue.push(path.posix.normalize(path.posix.join(path.posix.dirname(file), ref)));
      }
    }
  }
  return [...seen];
}

/** Cargo.toml's [package] version and description. */
async function cargoPackage() {
  const toml = await readFile(path.join(ROOT, 'Cargo.toml'), 'utf8');
  const section = toml.slice(toml.indexOf('[package]'));
  const field = (name) => section.match(new RegExp(`^${name}\\s*=\\s*"([^"]*)"`, 'm'))?.[1];
  const version = field('version');
  if (!version) throw new Error('Cargo.toml has no [package] version');
  return { version, description: field('description'), license: field('license') };
}

export function packageJson({ version, description, license }, files) {
  const entry = (file) => ({ types: './backup-form.d.ts', default: `./${file}` });
  return {
    name: 'create-backup-widget',
    version,
    description,
    license,
    type: 'module',
    main: './backup-form.js',
    types: './backup-form.d.ts',
    exports: {
      '.': entry(ENTRIES['.']),
      './training': entry(ENTRIES['./training']),
      // For React 19 consoles: the docs entry itself (the same module, so the element is defined
      // once), with types that also declare <create-backup-form> in React's JSX.
      './react': { types: './react.d.ts', default: `./${ENTRIES['.']}` },
      './backup-form.css': './backup-form.css',
      './custom-elements.json': './custom-elements.json',
      './package.json': './package.json',
    },
    files: [...files].sort(),
    // Only react.d.ts (the `./react` subpath) reads React's types; other hosts never need them.
    // Any version: a narrower range would make npm refuse the package (ERESOLVE) in a console on
    // an older React that only uses the main entry. `./react` is for React 19 (README.md).
    peerDependencies: { '@types/react': '*' },
    peerDependenciesMeta: { '@types/react': { optional: true } },
    // Importing an entry defines <create-backup-form>; the stylesheet is for the page.
    sideEffects: Object.values(ENTRIES).map((file) => `./${file}`).concat('./backup-form.css'),
    customElements: 'custom-elements.json',
    keywords: ['web-component', 'custom-element', 'webassembly', 'portworx', 'backup', 'kubernetes'],
  };
}

const PACKAGE_README = `# create-backup-widget

Portworx Backup's **Create Backup** form as a WebAssembly web component, \`<create-backup-form>\`,
with a live preview of the backup type each CSI provisioner gets, and why.

\`\`\`js
import { mount, decide, scenarios } from 'create-backup-widget';         // docs and console
// import { mount } from 'create-backup-widget/training';             // with the training panels
// import 'create-backup-widget/react';                               // React 19: typed <create-backup-form> in JSX
import 'create-backup-widget/backup-form.css';                        // gives the element its box
\`\`\`

Importing an entry defines \`<create-backup-form>\`. The module loads its wasm and its stylesheet
(adopted into each widget's shadow root) through \`new URL('…', import.meta.url)\`, which bundlers
such as Vite follow. Types: \`backup-form.d.ts\`; \`create-backup-widget/react\` is the docs entry
with \`react.d.ts\`, which also declares \`<create-backup-form>\` in \`React.JSX.IntrinsicElements\`
(\`config\`, \`scenario\`, \`onbackup-change\`, \`onbackup-create\`, \`onbackup-config-error\`, typed).
Custom Elements Manifest: \`custom-elements.json\`.
The repository's README.md documents the element, its attributes, properties, events, config,
CSS custom properties and parts.
`;

async function main() {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const dist = path.resolve(ROOT, option('--dist', 'dist'));
  const out = path.resolve(ROOT, option('--out', 'target/npm'));
  const stage = path.join(out, 'package');

  const files = new Set(await runtimeFiles(dist, Object.values(ENTRIES)));
  for (const file of EXTRA_FILES) for (const f of await runtimeFiles(dist, [file])) files.add(f);

  await rm(stage, { recursive: true, force: true });
  for (const file of files) {
    await mkdir(path.dirname(path.join(stage, file)), { recursive: true });
    await copyFile(path.join(dist, file), path.join(stage, file));
  }
  const pkg = packageJson(await cargoPackage(), files);
  await writeFile(path.join(stage, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  await writeFile(path.join(stage, 'README.md'), PACKAGE_README);

  const { stdout } = await promisify(execFile)('npm', ['pack', '--json', '--pack-destination', out], { cwd: stage });
  const [packed] = JSON.parse(stdout.slice(stdout.indexOf('[')));
  const tarball = path.join(out, packed.filename);
  console.log(`${pkg.name}@${pkg.version}: ${packed.files.length} files, ${packed.size} B packed (${packed.unpackedSize} B unpacked)`);
  for (const { path: file, size } of packed.files) console.log(`  ${file} (${size} B)`);
  console.log(tarball);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`package: ${error.message}`);
    process.exit(1);
  });
}
