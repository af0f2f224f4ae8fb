#!/usr/bin/env bash
# Scoring throughput with 1, 2 and 3 local replicas behind the client-side balancer (docs/scaling.md).
# Usage: tools/bench/scale-replicas.sh REPLICAS STREAMS (after dotnet build -c Release of Inference.Service and tools/Katalyst.Cli)
set -euo pipefail
cd "$(dirname "$0")/../.."
R=${1:-1}; S=${2:-1}
SVC=Inference.Service/bin/Release/net10.0
K="dotnet tools/Katalyst.Cli/bin/Release/net10.0/katalyst.dll"
rm -f /tmp/scale-p.json
KEY=$($K partners add bench --methods '*' --expires 2027-06-30 --rate 1000000 --file /tmp/scale-p.json | grep -o 'ktl_[A-Za-z0-9_-]*' | head -1)
pids=(); servers=()
for i in $(seq 1 "$R"); do
  port=$((5380 + i)); ops=$((5390 + i))
  (cd $SVC && exec dotnet Inference.Service.dll --Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:$port --Kestrel:Endpoints:Operations:Url=http://127.0.0.1:$ops \
     --Partners:Path=/tmp/scale-p.json --Logging:LogLevel:Default=Warning >/tmp/scale-svc-$i.log 2>&1) &
  pids+=($!); servers+=("http://127.0.0.1:$port")
done
for i in $(seq 1 "$R"); do
  for t in $(seq 1 120); do curl -sf http://127.0.0.1:$((5390 + i))/health/ready >/dev/null && break; sleep 1; done
done
list=$(IFS=,; echo "${servers[*]}")
echo "replicas=$R streams=$S load=$(cut -d' ' -f1-3 /proc/loadavg)"
$K bench score --server "$list" --api-key "$KEY" --count 200000 --streams "$S" --rate 500 --seconds 10 || true
$K bench score --server "$list" --api-key "$KEY" --count 200000 --streams "$S" --rate 500 --seconds 10 | grep ScoreStream || true
kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true
