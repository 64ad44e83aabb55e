#!/usr/bin/env bash
# The browser tests drive Debian's headless Chromium (never a downloaded browser build).
# Install it when it is missing and we can; otherwise say exactly what to install.
set -euo pipefail

chromium="${LOCALOFFER_TEST_CHROMIUM:-/usr/bin/chromium}"
[ -x "$chromium" ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Chromium is missing: installing Debian's chromium package for the browser tests"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium >/dev/null
    [ -x "$chromium" ] && exit 0
fi

cat >&2 <<MESSAGE
The browser tests need Chromium at $chromium, and it is not installed.
Install Debian's chromium package (as root: apt-get update && apt-get install -y chromium),
or set LOCALOFFER_TEST_CHROMIUM to the path of a Chromium or Chrome binary, then run make test.
MESSAGE
exit 1
