#!/usr/bin/env bash
# Installs what is missing, and only that: Debian packages the tests and the
# demo need (the lab script installs its own), and npm dependencies when
# node_modules does not match package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
for pkg in chromium postgresql iputils-ping; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "switchyard: installing Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

stamp=node_modules/.switchyard-lock-stamp
if [[ ! -f $stamp ]] || ! cmp -s package-lock.json "$stamp"; then
  # `npm install`, not `npm ci`: npm 11's ci refuses a lock that lacks other
  # platforms' optional binaries (Next's swc, Tailwind's oxide), which install
  # never needs here. The lock still pins every version that gets installed.
  echo "switchyard: installing npm dependencies"
  npm install --no-audit --no-fund --loglevel=error </dev/null
  cp package-lock.json "$stamp"
fi
