#!/usr/bin/env bash
# Size and speed of the Create Backup widget, printed as one table. Timings are printed, never
# asserted (tests/e2e/size.test.mjs, in ./dev test, enforces the size ceilings).
#
#   tools/bench.sh                  from the repo root (or anywhere: it finds the root)
#
# It builds the release dist/ with Trunk, then measures:
#   Bytes   the files each page loads (docs/console bundle, training bundle): raw, gzip -9,
#           brotli q11 (node's zlib), and each page's total against its bar and goal;
#   Start   headless Chromium, navigation start -> the first `backup-change` of the last widget
#           (and of the last plain <form> of the same fields with no wasm: the ratio's baseline),
#           median and p95 of BENCH_LOADS (20) cold loads, for 1, 10 and 50 widgets;
#   Change  a select or checkbox change -> updated preview text, median and p95 over
#           BENCH_CHANGES (1000) changes, for `mixed` and for 200 provisioners x 50 VSCs;
#   Memory  wasm linear memory and JS heap (after a forced GC) after start, 1 and 50 widgets;
#   Engine  `decide` natively (criterion) for 1, 10 and 200 provisioners (its Decision carries
#           `whatIf`), and `what_if` alone for 200.
# The node parts are in tools/bench/*.mjs. Needs what ./dev installs: Rust with the wasm32
# target, trunk, wasm-bindgen, node_modules (binaryen, playwright-core) and Chromium
# (CHROMIUM_PATH, default /usr/bin/chromium). Progress goes to stderr, the table to stdout.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
export PATH="$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export CARGO_TERM_COLOR=never

LOADS=${BENCH_LOADS:-20}
CHANGES=${BENCH_CHANGES:-1000}
CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/cbw-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

step() { printf 'bench: %s\n' "$*" >&2; }
# Runs a command with its output in a log; shows the end of the log when it fails.
quiet() {
  local name=$1
  shift
  if ! "$@" >"$WORK/$name.log" 2>&1; then
    printf 'bench: %s failed:\n' "$name" >&2
    tail -n 40 "$WORK/$name.log" >&2
    exit 1
  fi
}

for tool in trunk wasm-bindgen wasm-opt node cargo gzip; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is not on PATH (./dev serve installs it)" >&2; exit 1; }
done
[[ -x $CHROMIUM ]] || { echo "bench: no Chromium at $CHROMIUM (set CHROMIUM_PATH)" >&2; exit 1; }

step "trunk build --release"
quiet trunk-build trunk build --release
# Measure a snapshot, so that a rebuild of dist/ by someone else cannot change it halfway.
cp -r dist "$WORK/dist"

step "bytes"
node tools/bench/sizes.mjs "$WORK/dist" >"$WORK/sizes.json"

load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
step "browser: start, change, memory ($LOADS cold loads per page, $CHANGES changes per config)"
node tools/bench/browser.mjs --dist "$WORK/dist" --out "$WORK/browser.json" \
  --loads "$LOADS" --changes "$CHANGES" --chromium "$CHROMIUM"

step "engine: cargo bench -p backup-matrix --bench decide"
# A fresh CRITERION_HOME: only this run's estimates can reach the table.
CRITERION_HOME="$WORK/criterion" quiet cargo-bench cargo bench -p backup-matrix --bench decide

load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
commit=$(git rev-parse --short HEAD 2>/dev/null || echo '?')
dirty=$(git status --porcelain 2>/dev/null | grep -q . && echo ', uncommitted changes' || true)
title="Create Backup widget benchmark: $(date -u '+%Y-%m-%d %H:%M UTC'), commit $commit$dirty, $(nproc) CPU(s) (load average $load_before before, $load_after after), Chromium $(node -p "require('$WORK/browser.json').browser")"
echo
node tools/bench/table.mjs --title "$title" --sizes "$WORK/sizes.json" --browser "$WORK/browser.json" \
  --criterion "$WORK/criterion"
cat <<'EOF'

Median: the middle value (mean of the two middle ones for an even count); p95: nearest rank.
Start and Change use the page's performance.now() (0.1 ms resolution without cross-origin
isolation). Change: t0 just before the change, t1 at the last MutationObserver record of the
[role=status] region; between changes the page renders a frame and has an idle period
(unmeasured), where the widget writes the last backup-change's whatIf: the "reads
detail.whatIf" row is what that costs a listener that reads it at once. Memory: the
exported WebAssembly.Memory of the instance backup-form.js initialised, and
performance.memory.usedJSHeapSize (--enable-precise-memory-info) after CDP
HeapProfiler.collectGarbage; the wasm buffer is not part of the JS heap. Engine: criterion
medians under the workspace's release profile (opt-level "z", like the shipped wasm).
Timings depend on the machine and its load; compare runs on one machine only.
EOF
