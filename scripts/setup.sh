#!/usr/bin/env bash
# Everything Crossframe needs on a fresh Debian/Ubuntu machine: Chromium and Firefox ESR (demo and
# end-to-end tests) from apt when missing, then the npm packages. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
if [ -z "${CHROME_PATH:-}" ] && ! command -v chromium >/dev/null 2>&1; then missing+=(chromium); fi
if [ -z "${FIREFOX_PATH:-}" ] && ! command -v firefox-esr >/dev/null 2>&1; then missing+=(firefox-esr); fi
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "setup: installing ${missing[*]} with apt"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# `npm ci` rejects this lockfile on this registry (platform-specific optional packages are missing from it);
# `npm install` keeps to the lockfile and leaves it unchanged.
npm install --no-audit --no-fund
