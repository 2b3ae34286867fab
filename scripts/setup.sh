#!/usr/bin/env bash
# Installs what the toolkit needs on a fresh Debian machine: the C library libcsv (Debian: libcsv-dev) and
# SQLite's headers for the workspace (Debian: libsqlite3-dev). Safe to run again: it installs only what is missing.
set -euo pipefail
missing=()
for package in libcsv-dev libsqlite3-dev; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "${missing[@]}"
fi
