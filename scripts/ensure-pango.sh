#!/usr/bin/env bash
# The leaflet's PDF (localoffer/leaflet/pdf.py) is laid out by WeasyPrint, which needs
# Debian's Pango (it shapes Arabic script and Ethiopic through HarfBuzz). Install it when
# missing and we can; otherwise say exactly what to install.
set -euo pipefail

packages=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0)
have() { ldconfig -p 2>/dev/null | grep -q "$1"; }
missing=()
have libpango-1.0.so.0 || missing+=(libpango-1.0-0)
have libpangoft2-1.0.so.0 || missing+=(libpangoft2-1.0-0)
have libharfbuzz-subset.so.0 || missing+=(libharfbuzz-subset0)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing ${missing[*]} for the leaflet's PDF"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    exit 0
fi

cat >&2 <<MESSAGE
The leaflet's PDF needs Pango, which is not installed.
Install it (as root: apt-get update && apt-get install -y ${packages[*]}), then try again.
MESSAGE
exit 1
