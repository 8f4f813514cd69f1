#!/usr/bin/env bash
# The size budget: what a host downloads, gzip -9, must stay under 96 KiB.
#
#   tools/size-check.sh [dist]      (default: dist/ of the repo; build it first)
#
# Sums the gzip -9 size of each file a host page loads (each compressed alone, as a server
# sends them): the wasm, backup-form.js, shadow.js, create-backup-widget.js and backup-form.css. Prints
# every number; exits 1 over the budget, 2 when a file is missing.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DIST=${1:-$ROOT/dist}
readonly BUDGET=$((96 * 1024))
readonly FILES=(create-backup-widget_bg.wasm backup-form.js shadow.js create-backup-widget.js backup-form.css)

kib() { awk -v n="$1" 'BEGIN { printf "%.1f KiB", n / 1024 }'; }

total=0
printf '%-30s %10s %10s\n' 'file' 'raw' 'gzip -9'
for name in "${FILES[@]}"; do
  file=$DIST/$name
  if [[ ! -f $file ]]; then
    echo "size-check: $file is missing (run: trunk build --release)" >&2
    exit 2
  fi
  raw=$(wc -c <"$file")
  gz=$(gzip -9 -n -c "$file" | wc -c)
  total=$((total + gz))
  printf '%-30s %10d %10d\n' "$name" "$raw" "$gz"
done
printf '%-30s %10s %10d  (%s)\n' 'total' '' "$total" "$(kib "$total")"
printf '%-30s %10s %10d  (%s)\n' 'budget' '' "$BUDGET" "$(kib "$BUDGET")"

if ((total >= BUDGET)); then
  echo "size-check: FAIL: $total bytes gzip -9 is $((total - BUDGET)) bytes ($(kib $((total - BUDGET)))) over the budget of $(kib "$BUDGET")" >&2
  exit 1
fi
echo "size-check: ok: $total bytes gzip -9, $((BUDGET - total)) bytes under the budget of $(kib "$BUDGET")"
