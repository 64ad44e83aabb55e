#!/usr/bin/env bash
# The single sign-on tests start a real OpenID Connect provider (npm's oidc-provider, run by
# Node.js) on loopback. Install its packages from the committed lock file when they are
# missing or out of date, and Node.js itself from the distribution when we are root.
set -euo pipefail

folder="$(cd "$(dirname "$0")/.." && pwd)/tests/staff/oidc"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "Node.js is missing: installing Debian's nodejs and npm for the sign-on tests"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq nodejs npm >/dev/null
    else
        echo "The single sign-on tests need Node.js 20 or newer and npm: install them, then run make test." >&2
        exit 1
    fi
fi

# A copy of the lock file installed from marks the install; reinstall when the lock changes.
stamp="$folder/node_modules/.installed-lock.json"
if ! cmp -s "$folder/package-lock.json" "$stamp" 2>/dev/null; then
    echo "Installing the test OpenID Connect provider's packages (npm ci)"
    npm ci --prefix "$folder" --no-audit --no-fund --loglevel=error
    cp "$folder/package-lock.json" "$stamp"
fi
