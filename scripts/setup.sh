#!/usr/bin/env bash
# Installs what the toolkit needs on a fresh Debian machine: the C library libcsv (Debian: libcsv-dev).
# Safe to run again: it installs only what is missing.
set -euo pipefail
if ! dpkg -s libcsv-dev >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq libcsv-dev
fi
