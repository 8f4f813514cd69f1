#!/usr/bin/env node
// Prints the benchmark's one table from what the other parts measured.
//
//   node tools/bench/table.mjs --sizes sizes.json --browser browser.json --criterion <dir>
//
// <dir> is the CRITERION_HOME of the `decide` bench run: <group>/<id>/new/estimates.json.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string' },
    browser: { type: 'string' },
    criterion: { type: 'string' },
    title: { type: 'string', default: '' },
  },
});
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

const group = (n) => Math.round(n).toLocaleString('en-US');
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const mib = (n) => `${(n / 1024 / 1024).toFixed(2)} MiB`;
const ms = (n) => (Number.isFinite(n) ? `${n.toFixed(1)} ms` : 'n/a');
function duration(ns) {
  if (ns < 1e3) return `${ns.toFixed(0)} ns`;
  if (ns < 1e6) return `${(ns / 1e3).toFixed(ns < 1e4 ? 2 : 1)} µs`;
  return `${(ns / 1e6).toFixed(2)} ms`;
}
const bytes = (n) => `${group(n)} B (${kib(n)})`;

const rows = [];
const row = (area, what, result) => rows.push([area, what, result]);

// Bytes
if (values.sizes) {
  const pages = readJson(values.sizes);
  const budgets = readJson(new URL('../budgets.json', import.meta.url));
  for (const [page, sizes] of Object.entries(pages)) {
    for (const f of sizes.files) {
      row(`Bytes (${page})`, `${f.kind} \`${f.name}\``, `raw ${bytes(f.raw)} · gzip -9 ${bytes(f.gzip)} · brotli ${bytes(f.brotli)}`);
    }
    const t = sizes.total;
    const b = budgets[page];
    const against = (name, limit) => `${name} ${kib(limit)} ${t.gzip <= limit ? 'met' : `over by ${kib(t.gzip - limit)}`}`;
    row(
      `Bytes (${page})`,
      `**total** (the ${sizes.files.length} files the ${page} page loads, each compressed alone)`,
      `raw ${bytes(t.raw)} · gzip -9 ${bytes(t.gzip)} · brotli ${bytes(t.brotli)} · ${against('bar', b.bar)} · ${against('goal', b.goal)}`,
    );
  }
}

// Start, change, memory
if (values.browser) {
  const b = readJson(values.browser);
  for (const s of b.start) {
    row(
      'Start',
      `${s.widgets} widget${s.widgets > 1 ? 's' : ''}: navigation start → first \`backup-change\` of the last (${s.loads} cold loads)`,
      `median ${ms(s.start.median)} · p95 ${ms(s.start.p95)}`,
    );
    if (s.plain) {
      row(
        'Start',
        `${s.widgets} plain \`<form>\`${s.widgets > 1 ? 's' : ''} of the same fields, no wasm (the baseline)`,
        `median ${ms(s.plain.median)} · p95 ${ms(s.plain.p95)} · widget / plain: **${(s.start.median / s.plain.median).toFixed(2)}x** (median)`,
      );
    }
  }
  for (const c of b.change) {
    for (const [kind, r] of Object.entries(c.kinds)) {
      row(
        'Change',
        `${c.name}: ${kind === 'select' ? 'a VSC select' : 'the offload checkbox'} → preview text (${r.preview.n} of ${c.changes} changes)`,
        `median ${ms(r.preview.median)} · p95 ${ms(r.preview.p95)} (whole widget settled: median ${ms(r.settled.median)} · p95 ${ms(r.settled.p95)})`,
      );
    }
    if (c.whatIfRead) {
      row(
        'Change',
        `${c.name}: a listener reads \`detail.whatIf\` (written and parsed then; otherwise in idle time after the change) (${c.whatIfRead.n} changes)`,
        `median ${ms(c.whatIfRead.median)} · p95 ${ms(c.whatIfRead.p95)}`,
      );
    }
  }
  for (const s of b.start.filter((s) => s.memory)) {
    const m = s.memory;
    row(
      'Memory',
      `${s.widgets} widget${s.widgets > 1 ? 's' : ''} after start (median of ${m.wasm.n} loads)`,
      `wasm linear memory ${group(m.wasm.median)} B (${mib(m.wasm.median)}) · JS heap after GC ${group(m.heap.median)} B (${mib(m.heap.median)})`,
    );
  }
}

// Engine
if (values.criterion) {
  const estimate = (id) => {
    const file = path.join(values.criterion, id, 'new', 'estimates.json');
    return existsSync(file) ? readJson(file).median.point_estimate : NaN;
  };
  for (const n of [1, 10, 200]) {
    row(
      'Engine',
      `\`decide\` (its Decision carries \`whatIf\`), native, ${n} provisioner${n > 1 ? 's' : ''} × 50 VSCs (criterion)`,
      `median ${duration(estimate(`decide/${n}`))}`,
    );
  }
  const withWhatIf = estimate('decide/200');
  const whatIf = estimate('what_if/200');
  row(
    'Engine',
    '`what_if` alone, native, 200 provisioners × 50 VSCs (criterion); `decide` without it: the difference of the two medians',
    `median ${duration(whatIf)}; \`decide\` without \`whatIf\` ≈ ${duration(withWhatIf - whatIf)}`,
  );
  row(
    'Engine',
    '`Config::parse` + `decide` of the same 200 × 50 config as JSON text (criterion)',
    `median ${duration(estimate('parse_and_decide/200'))}`,
  );
}

const header = ['Area', 'Measure', 'Result'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
if (values.title) console.log(values.title);
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));
