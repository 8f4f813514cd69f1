#!/usr/bin/env node
// Bytes a host downloads: the files of dist/ that a page with <create-backup-form> loads, raw,
// gzip -9 (the gzip program, as a server's precompression would) and brotli quality 11 (node's
// zlib: python3's `brotli` module is not always there). The total is the sum of the files,
// each compressed on its own, as a server sends them.
//
//   node tools/bench/sizes.mjs [dist]        prints JSON

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { constants, brotliCompressSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

/** What a host page loads: [kind, file in dist/]. */
export const HOST_FILES = [
  ['wasm', 'create-backup-widget_bg.wasm'],
  ['js', 'backup-form.js'],
  ['js', 'shadow.js'],
  ['js', 'create-backup-widget.js'],
  ['css', 'backup-form.css'],
];

export function gzip9(file) {
  // -n: no name or timestamp in the header, so the size depends on the content only.
  return execFileSync('gzip', ['-9', '-n', '-c', file], { maxBuffer: 1 << 30 }).length;
}

export function brotli11(bytes) {
  return brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, // 11
      [constants.BROTLI_PARAM_LGWIN]: constants.BROTLI_MAX_WINDOW_BITS, // 24, as the brotli CLI
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  }).length;
}

export function measureSizes(dist = 'dist') {
  const files = HOST_FILES.map(([kind, name]) => {
    const file = path.join(dist, name);
    const bytes = readFileSync(file);
    return { kind, name, raw: bytes.length, gzip: gzip9(file), brotli: brotli11(bytes) };
  });
  const sum = (key) => files.reduce((total, f) => total + f[key], 0);
  return { files, total: { raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli') } };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(measureSizes(process.argv[2] ?? 'dist'), null, 2));
}
