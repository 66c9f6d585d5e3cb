#!/usr/bin/env bash
# The README's test command: installs what the tests need (once), runs every test in the solution against the real
# parts (DuckDB files, PostgreSQL clusters, a local Ethereum node and headless Chromium, all started and stopped by the
# test fixtures themselves), and ends with one line "N passed, N failed[, N skipped]".
set -uo pipefail
cd "$(dirname "$0")"

log() { echo "test.sh: $*" >&2; }

# --- prerequisites -------------------------------------------------------------------------------------------------
need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
[ -x /usr/lib/postgresql/15/bin/initdb ] || need_apt+=(postgresql-15)
fc-list 2>/dev/null | grep -qi dejavu || need_apt+=(fonts-dejavu-core fontconfig)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    log "installing ${need_apt[*]} (Debian packages)"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null \
      || { log "apt-get install ${need_apt[*]} failed"; echo "0 passed, 1 failed"; exit 1; }
  else
    log "missing ${need_apt[*]}: install them (sudo apt-get install ${need_apt[*]}) and run again"
    echo "0 passed, 1 failed"; exit 1
  fi
fi
if [ -f tools/chain/package.json ] && [ ! -d tools/chain/node_modules ]; then
  log "installing the local Ethereum node and Solidity compiler (npm, tools/chain)"
  (cd tools/chain && if [ -f package-lock.json ]; then npm ci --no-audit --no-fund --silent; else npm install --no-audit --no-fund --silent; fi) >&2 \
    || { log "npm install in tools/chain failed"; echo "0 passed, 1 failed"; exit 1; }
fi
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# --- run ----------------------------------------------------------------------------------------------------------
out=$(mktemp)
# anvil moves the block states it evicts from memory into ~/.foundry/anvil/tmp/anvil-state-* and never removes them,
# not even on a clean exit; one node left running by an interrupted test run filled 9 GB there within an hour. The
# folders this run's nodes created are removed when it ends, whatever the outcome.
started=$(mktemp)
cleanup() {
  find "$HOME/.foundry/anvil/tmp" -maxdepth 1 -name 'anvil-state-*' -newer "$started" -exec rm -rf {} + 2>/dev/null
  rm -f "$out" "$started"
}
trap cleanup EXIT
# Test assemblies run one at a time: the machine has 2 cores and several suites start servers of their own.
dotnet test --solution Forecaster.sln --max-parallel-test-modules 1 "$@" 2>&1 | tee "$out"
status=${PIPESTATUS[0]}

total=$(grep -E '^\s+total: [0-9]+' "$out" | tail -1 | grep -oE '[0-9]+')
failed=$(grep -E '^\s+failed: [0-9]+' "$out" | tail -1 | grep -oE '[0-9]+')
passed=$(grep -E '^\s+succeeded: [0-9]+' "$out" | tail -1 | grep -oE '[0-9]+')
skipped=$(grep -E '^\s+skipped: [0-9]+' "$out" | tail -1 | grep -oE '[0-9]+')
if [ -z "$total" ]; then
  # No summary: the build failed or the runner crashed. Count it as a failure, never as "no tests".
  echo "0 passed, 1 failed"
  exit 1
fi
if [ "$status" -ne 0 ] && [ "${failed:-0}" = 0 ]; then failed=1; fi
line="${passed:-0} passed, ${failed:-0} failed"
[ "${skipped:-0}" != 0 ] && line="$line, ${skipped} skipped"
echo "$line"
exit "$status"
