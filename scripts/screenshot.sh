#!/usr/bin/env bash
# Renders HTML reports to PNG with headless Chromium (Debian: chromium), to check them as a reader would.
# Usage: scripts/screenshot.sh REPORT.html [WIDTHxHEIGHT]   → REPORT.png beside it
set -euo pipefail
page="$1"; size="${2:-1200x3600}"
command -v chromium >/dev/null || { sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo; $sudo apt-get install -y -qq chromium; }
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="${size/x/,}" \
  --screenshot="${page%.html}.png" "file://$(realpath "$page")" 2>/dev/null
echo "${page%.html}.png"
