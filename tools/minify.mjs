#!/usr/bin/env node
// Trunk's post_build hook: minifies every .js file of a release build with terser, in place in
// Trunk's staging dir. Trunk's own JS minifier cannot parse wasm-bindgen's glue (it warns and
// leaves it as it is), and its copy-file assets are never minified; the gzip -9 of what a page
// loads is our size budget, so these bytes count. Debug builds are left readable.
//
//   node tools/minify.mjs [dir]     dir defaults to $TRUNK_STAGING_DIR

import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { minify } from 'terser';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('minify: give a directory, or run as a Trunk hook (TRUNK_STAGING_DIR)');
  process.exit(2);
}
if (!process.argv[2] && process.env.TRUNK_PROFILE !== 'release') process.exit(0);

for (const name of (await readdir(dir)).filter((file) => file.endsWith('.js')).sort()) {
  const file = path.join(dir, name);
  const source = await readFile(file, 'utf8');
  // Every file is an ES module; class names stay, so that errors and devtools still name them.
  const result = await minify(source, { module: true, ecma: 2020, keep_classnames: true });
  if (typeof result.code !== 'string') throw new Error(`minify: terser gave nothing for ${name}`);
  await writeFile(file, result.code);
}
