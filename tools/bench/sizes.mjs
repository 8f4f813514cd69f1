#!/usr/bin/env node
// Bytes a host downloads: the files of dist/ that each page loads (docs/console, training), raw,
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

/** What each page loads for the widget: [kind, file in dist/]. */
export const PAGE_FILES = {
  docs: [
    ['wasm', 'create-backup-widget_bg.wasm'],
    ['js', 'backup-form.js'],
    ['js', 'host.js'],
    ['js', 'shadow.js'],
    ['js', 'create-backup-widget.js'],
    ['css', 'backup-form.css'],
  ],
  training: [
    ['wasm', 'create-backup-widget-training_bg.wasm'],
    ['js', 'backup-form-training.js'],
    ['js', 'host.js'],
    ['js', 'shadow.js'],
    ['js', 'create-backup-widget-training.js'],
    ['css', 'backup-form.css'],
    ['css', 'backup-form-training.css'],
  ],
};

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

/** The bytes of each page's files, and each page's totals. */
export function measureSizes(dist = 'dist') {
  const pages = {};
  for (const [page, list] of Object.entries(PAGE_FILES)) {
    const files = list.map(([kind, name]) => {
      const file = path.join(dist, name);
      const bytes = readFileSync(file);
      return { kind, name, raw: bytes.length, gzip: gzip9(file), brotli: brotli11(bytes) };
    });
    const sum = (key) => files.reduce((total, f) => total + f[key], 0);
    pages[page] = { files, total: { raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli') } };
  }
  return pages;
}

/** One line per page for ./dev test: its gzip total against its bar and goal. */
export function sizeLine(pages) {
  const budgets = JSON.parse(readFileSync(new URL('../budgets.json', import.meta.url), 'utf8'));
  const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
  return Object.entries(pages)
    .map(([page, { total }]) => {
      const { bar, goal, ceiling } = budgets[page];
      return `size: ${page} page ${total.gzip} B gzip -9 (${kib(total.gzip)}); bar ${kib(bar)} ${total.gzip <= bar ? 'met' : 'not met'}, goal ${kib(goal)} ${total.gzip <= goal ? 'met' : 'not met'}, ceiling ${kib(ceiling)} ${total.gzip <= ceiling ? 'kept' : 'BROKEN'}`;
    })
    .join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const pages = measureSizes(process.argv[2] ?? 'dist');
  console.log(process.argv.includes('--line') ? sizeLine(pages) : JSON.stringify(pages, null, 2));
}
