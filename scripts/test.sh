#!/usr/bin/env bash
# Runs every test: .NET unit and functional tests, then the sidebar app's unit and browser tests.
# Installs what the tests need on a fresh machine (Debian's Chromium, the app's npm packages).
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet test Copilot.sln --nologo -v q 2>&1 | tee /tmp/copilot-dotnet-test.log | grep -E "^(Passed|Failed)!|error|Failed " || true
grep -qE "^Failed!|error " /tmp/copilot-dotnet-test.log && { echo "dotnet tests failed"; exit 1; }
grep -qE "^Passed!" /tmp/copilot-dotnet-test.log || { echo "dotnet tests did not run"; exit 1; }
