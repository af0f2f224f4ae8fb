#!/usr/bin/env bash
# issue 8's load goal: 2,000 Score calls a second for DURATION against a local service (docs/benchmarks.md).
# Usage: tools/bench/load-10m.sh [DURATION=10m] [RATE=2000] (after dotnet build -c Release of Inference.Service and tools/Katalyst.Cli)
set -euo pipefail
cd "$(dirname "$0")/../.."
D=${1:-10m}; RATE=${2:-2000}
SVC=Inference.Service/bin/Release/net10.0
K="dotnet tools/Katalyst.Cli/bin/Release/net10.0/katalyst.dll"
rm -f /tmp/load-p.json
KEY=$($K partners add bench --methods '*' --expires 2027-06-30 --rate 1000000 --file /tmp/load-p.json | grep -o 'ktl_[A-Za-z0-9_-]*' | head -1)
(cd $SVC && exec dotnet Inference.Service.dll --Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:5281 --Kestrel:Endpoints:Operations:Url=http://127.0.0.1:5291 \
   --Partners:Path=/tmp/load-p.json --Logging:LogLevel:Default=Warning >/tmp/load-svc.log 2>&1) &
PID=$!
for t in $(seq 1 120); do curl -sf http://127.0.0.1:5291/health/ready >/dev/null && break; sleep 1; done
echo "start $(date -u +%H:%M:%S) load=$(cut -d' ' -f1-3 /proc/loadavg) pid=$PID"
KATALYST_API_KEY=$KEY $K bench load --server http://127.0.0.1:5281 --rate "$RATE" --duration "$D" --interval 30s --service-pid $PID || true
echo "end $(date -u +%H:%M:%S) load=$(cut -d' ' -f1-3 /proc/loadavg)"
sleep 20; grep VmRSS /proc/$PID/status || true
kill $PID; wait 2>/dev/null || true
