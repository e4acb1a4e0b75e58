#!/usr/bin/env bash
# `npm run demo`: installs what is missing, brings the lab up, builds, and
# serves Switchyard on http://127.0.0.1:${PORT:-3000} with the embedded store.
# It listens on loopback only (it prints an admin password and speaks plain
# http); HOST=0.0.0.0 (or an address) opens it to others on purpose.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

bash scripts/ensure-deps.sh
bash lab/lab.sh up

export SWITCHYARD_DATA_DIR=${SWITCHYARD_DATA_DIR:-$PWD/data}
mkdir -p "$SWITCHYARD_DATA_DIR"
export SWITCHYARD_ADMIN_USER=${SWITCHYARD_ADMIN_USER:-admin}
if [[ -z ${SWITCHYARD_ADMIN_PASSWORD:-} ]]; then
  # Generated once and kept beside the data it protects, readable by root only.
  pwfile=$SWITCHYARD_DATA_DIR/demo-admin-password
  if [[ ! -s $pwfile ]]; then
    (umask 077; node -e 'process.stdout.write(require("crypto").randomBytes(15).toString("base64url"))' >"$pwfile")
  fi
  SWITCHYARD_ADMIN_PASSWORD=$(cat "$pwfile")
  export SWITCHYARD_ADMIN_PASSWORD
fi

npx next build
if [[ -f scripts/demo-seed.ts ]]; then npx tsx scripts/demo-seed.ts; fi

port=${PORT:-3000}
host=${HOST:-127.0.0.1}
shown=$host
[[ $shown == *:* ]] && shown="[$shown]"
echo
echo "Switchyard is starting on http://$shown:$port"
echo "Sign in as '$SWITCHYARD_ADMIN_USER' with password '$SWITCHYARD_ADMIN_PASSWORD' (used when the admin is first created)."
echo
exec npx next start -H "$host" -p "$port"
