#!/usr/bin/env bash
# Runs every test: .NET unit and functional tests, then the sidebar app's unit tests, build,
# size budget, manifest validation, the Freshworks app's package and its validation, and browser
# runs (Debian's Chromium, real backend in demo mode; the Freshworks app under a stand-in host).
# Installs what the tests need on a fresh Debian machine (PostgreSQL, redis-server, Chromium, sqlite3, the app's npm packages).
# Runs every suite even after a failure; exits non-zero if any failed. Last line: "N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
logs=$(mktemp -d)
export NO_COLOR=1 FORCE_COLOR=0 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DEBIAN_FRONTEND=noninteractive
passed=0
failed=0
failures=()

count() { # count <passed> <failed> <suite>
  passed=$((passed + $1))
  failed=$((failed + $2))
  if [ "$2" -gt 0 ]; then failures+=("$3"); fi
}

# step <name> <command…>: one check that passes or fails as a whole.
step() {
  local name=$1; shift
  echo "== $name"
  if "$@" >"$logs/step.log" 2>&1; then
    tail -n 3 "$logs/step.log"
    count 1 0 "$name"
  else
    cat "$logs/step.log"
    echo "== $name FAILED"
    count 0 1 "$name"
  fi
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo -n "$@"; else return 1; fi
}

apt_updated=0
ensure() { # ensure <command> <debian package>
  command -v "$1" >/dev/null && return 0
  echo "== installing $2 (Debian package)"
  if [ "$apt_updated" -eq 0 ]; then as_root apt-get update -q </dev/null && apt_updated=1; fi
  as_root apt-get install -y -q --no-install-recommends "$2" </dev/null
}

# PostgreSQL's server binaries for the store tests, which start their own server (initdb, pg_ctl; Debian keeps
# them in /usr/lib/postgresql/N/bin, off the PATH).
ensure_postgres() {
  local bin
  bin=$(pg_config --bindir 2>/dev/null || true)
  if [ -x "$bin/initdb" ] || compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then return 0; fi
  echo "== installing postgresql (Debian package)"
  if [ "$apt_updated" -eq 0 ]; then as_root apt-get update -q </dev/null && apt_updated=1; fi
  as_root apt-get install -y -q --no-install-recommends postgresql-15 </dev/null \
    || as_root apt-get install -y -q --no-install-recommends postgresql </dev/null
}
ensure_postgres || echo "PostgreSQL could not be installed: the PostgreSQL store tests will fail"

# --- .NET ---------------------------------------------------------------------------------
# The tests of several instances start a real Redis of their own (tests/Copilot.Tests/Infrastructure/RedisServer.cs).
ensure redis-server redis-server || echo "redis-server could not be installed: the tests of several instances will fail"
echo "== dotnet test"
dotnet test Copilot.sln --nologo -v q --logger "console;verbosity=minimal" 2>&1 </dev/null | tee "$logs/dotnet.log" | grep -E "^(Passed|Failed)!|error|\[FAIL\]" || true
sum_field() { awk -v f="$1:" '/^(Passed|Failed)!/ { for (i = 1; i < NF; i++) if ($i == f) n += $(i + 1) } END { print n + 0 }' "$2"; }
dotnet_passed=$(sum_field Passed "$logs/dotnet.log")
dotnet_failed=$(sum_field Failed "$logs/dotnet.log")
if ! grep -qE "^(Passed|Failed)!" "$logs/dotnet.log" || grep -qE " error [A-Z]+[0-9]+:" "$logs/dotnet.log"; then
  echo "dotnet tests did not build or run"
  dotnet_failed=$((${dotnet_failed:-0} + 1))
fi
if [ "${dotnet_failed:-0}" -gt 0 ]; then
  # Each failed test's message and the top of its stack, so a failure on a clean machine can be read from this output.
  grep -E -A 14 "^  Failed " "$logs/dotnet.log" || true
fi
count "${dotnet_passed:-0}" "${dotnet_failed:-0}" "dotnet test"

# The benchmarks and the evaluation tool write docs/benchmarks.md and docs/evaluation.md: they must build with the code they measure.
step "benchmarks and evaluation tool build" \
  bash -c 'dotnet build benchmarks/Copilot.Benchmarks --nologo -v q && dotnet build tools/Copilot.Evaluation --nologo -v q'

# Any FAQ set, given in the files the knowledge import and check take, measured by the evaluation tool (its samples).
step "evaluation tool on a FAQ set given as files (tools/Copilot.Evaluation/Samples)" \
  bash -c 'dotnet tools/Copilot.Evaluation/bin/Debug/net10.0/Copilot.Evaluation.dll --faq-articles tools/Copilot.Evaluation/Samples/faq-articles.jsonl --faq-questions tools/Copilot.Evaluation/Samples/faq-questions.jsonl | grep -E "^Recall@1: ours [0-9.]+, BM25 with stemming [0-9.]+: [+-]?[0-9]+ points"'

# Replay before go-live from the command line, on the demo account: its HTML report is a file the run keeps.
step "copilot replay on the demo account (artifacts/replay/demo-cli.html)" \
  dotnet src/Copilot.Api/bin/Debug/net10.0/Copilot.Api.dll replay --tenant demo --sync \
  --report-html "$root/artifacts/replay/demo-cli.html" "--Copilot:Store:Path=$logs/replay.db"

# --- sidebar app ----------------------------------------------------------------------------
ensure node nodejs && ensure npm npm || true
ensure chromium chromium || echo "Chromium could not be installed: the browser runs will fail"
ensure sqlite3 sqlite3 || echo "sqlite3 could not be installed: the browser run cannot check the store"

cd "$root/sidebar-app"
step "npm ci" npm ci --no-audit --no-fund

echo "== vitest"
npm test </dev/null 2>&1 | tee "$logs/vitest.log" | grep -E "Test Files|Tests |FAIL" || true
vitest_passed=$(grep -E "^ +Tests " "$logs/vitest.log" | grep -oE "[0-9]+ passed" | grep -oE "[0-9]+" || echo 0)
vitest_failed=$(grep -E "^ +Tests " "$logs/vitest.log" | grep -oE "[0-9]+ failed" | grep -oE "[0-9]+" || echo 0)
if ! grep -qE "^ +Tests " "$logs/vitest.log"; then vitest_failed=1; fi
count "${vitest_passed:-0}" "${vitest_failed:-0}" "vitest"

step "npm run build" npm run build
step "npm run size (sidebar ≤ 150 KB gzipped)" npm run size
step "manifest against Zendesk's rules" npm run validate-manifest -- --template
step "npm run package:freshworks (Freshworks app zip)" npm run package:freshworks
step "Freshworks app zip against Freshworks' rules" npm run validate:freshworks -- dist-freshworks/copilot-freshworks-app.zip

# Browser runs print "N passed, M failed" as their last line.
browser() { # browser <name> <script args…>
  local name=$1; shift
  echo "== $name"
  node "$@" </dev/null 2>&1 | tee "$logs/browser.log"
  local last
  last=$(grep -E "^[0-9]+ passed, [0-9]+ failed$" "$logs/browser.log" | tail -n 1)
  if [ -z "$last" ]; then count 0 1 "$name"; return; fi
  count "$(echo "$last" | cut -d' ' -f1)" "$(echo "$last" | cut -d' ' -f3)" "$name"
}
browser "browser: sidebar flow on fixture answers" e2e/mocked.mjs
browser "browser: real backend (demo mode)" e2e/run.mjs
browser "browser: team-lead dashboard (demo mode)" e2e/dashboard.mjs
browser "browser: Freshdesk sidebar under a stand-in Freshworks host (demo mode)" e2e/freshworks.mjs

cd "$root"
echo
if [ "${#failures[@]}" -gt 0 ]; then echo "failed: ${failures[*]}"; fi
echo "$passed passed, $failed failed"
rm -rf "$logs"
[ "$failed" -eq 0 ]
