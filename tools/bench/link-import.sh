#!/usr/bin/env bash
# Import 3,000 packages into a copy of the 1-million store, linking on or off (docs/benchmarks.md, issue 6).
set -uo pipefail
# Needs $LINKPERF (default /tmp/linkperf) holding base.db (docs/linking-bench-bulk.sql), g/ (katalyst generate --count 3000
# --seed 1) and after/ (dotnet build tools/Katalyst.Cli -c Release -o $LINKPERF/after).
cd "${LINKPERF:-/tmp/linkperf}"
A=$PWD/after/katalyst.dll
mode=${1:?on or off}
mkdir -p run && rm -rf run/ev run/k.db* && cp base.db run/k.db
echo "== $mode load=$(cut -d' ' -f1-3 /proc/loadavg) $(date -u +%H:%M:%S)"
if [ "$mode" = off ]; then extra=--no-linking; else extra=; fi
/usr/bin/time -f "%e s wall, %U s user, %S s sys" dotnet $A import g --db run/k.db --evidence run/ev $extra 2>&1 | grep -E "Stored|Linked|Imported|wall|rate|/s"
if [ "$mode" = on ]; then
  sqlite3 run/k.db "select count(distinct subject_id) from referral_subjects where report_id < 2000000000; select count(*), sum(retracted_at is not null) from referral_links; select count(*) from referral_ignored_identifiers; select count(*) from linking_outbox;" | tr '\n' ' '; echo
fi
