#!/usr/bin/env bash
# `npm test`: installs what is missing, brings the lab up, and runs every
# suite — lint, types, unit, lab lifecycle, integration, browser — even after a
# failure, so one run reports everything. Exits non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

bash scripts/ensure-deps.sh || exit 1
bash lab/lab.sh up || { echo "switchyard: the lab did not come up"; exit 1; }

mkdir -p test-results
failed=()
step() {
  local name=$1; shift
  echo
  echo "=== $name: $*"
  local start=$SECONDS
  if "$@"; then
    echo "=== $name passed in $((SECONDS - start)) s"
  else
    echo "=== $name FAILED in $((SECONDS - start)) s"
    failed+=("$name")
  fi
}
vitest() {
  local project=$1
  npx vitest run --project "$project" --reporter=default --reporter=json \
    --outputFile.json="test-results/vitest-$project.json" </dev/null
}

step lint npx eslint --max-warnings=0 .
step typecheck npx tsc --noEmit
step unit vitest unit
step lifecycle vitest lifecycle
step integration vitest integration
step e2e vitest e2e
step hostile-inputs node scripts/count-hostile-inputs.mjs test-results/hostile-inputs.ndjson

node scripts/summarise-results.mjs test-results/vitest-*.json
if ((${#failed[@]})); then
  echo "switchyard: failed steps: ${failed[*]}"
  exit 1
fi
echo "switchyard: all steps passed"
