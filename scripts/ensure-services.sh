#!/usr/bin/env bash
# The deployment tests (tests/deploy/) start their own nginx, redis-server and openssl
# certificate on loopback, from Debian's packages. Install them when missing and we can;
# otherwise say exactly what to install. Nothing is started or enabled here.
set -euo pipefail

missing=()
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing ${missing[*]} for the deployment tests"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # policy-rc.d: the packages must not start their own system services on install.
    policy=/usr/sbin/policy-rc.d
    created=""
    if [ ! -e "$policy" ]; then
        printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && created=1
    fi
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    [ -n "$created" ] && rm -f "$policy"
    exit 0
fi

cat >&2 <<MESSAGE
The deployment tests need ${missing[*]}, which are not installed.
Install them (as root: apt-get update && apt-get install -y ${missing[*]}), then run make test.
MESSAGE
exit 1
