#!/usr/bin/env bash
# The README's first line: Chromium for the browser tests (on Debian as root, when it is missing),
# the project's dependencies, and a build of the bundled sample archive into _site/.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null && [ -z "${CHROMIUM_PATH:-}" ]; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
  else
    echo "wenku: the browser tests need Chromium: install it, or set CHROMIUM_PATH to a Chrome or Chromium binary" >&2
  fi
fi

npm ci
# Netlify's and Cloudflare's local servers for the redirect tests: a package of their own, declared in
# tests/hosts/ and installed inside node_modules/ (after `npm ci`, which empties node_modules/).
mkdir -p node_modules/.hosts
cp tests/hosts/package.json tests/hosts/package-lock.json node_modules/.hosts/
npm ci --prefix node_modules/.hosts --no-audit --no-fund
npm run build
