#!/usr/bin/env bash
# `make fixtures`: remakes every trace fixture of tests/js/fixtures/ with the engine, as
# listed in tests/js/fixtures/SOURCES (tests/fixtures.rs checks they are up to date).
# Usage: scripts/make-fixtures.sh [path/to/boucle]   (default target/debug/boucle)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
BOUCLE="$(realpath "${1:-target/debug/boucle}")"
[ -x "$BOUCLE" ] || { echo "make-fixtures: no $BOUCLE (cargo build --bin boucle)" >&2; exit 1; }
cd tests/js/fixtures
n=0
while read -r fixture cmd; do
    case "$fixture" in ''|'#'*) continue ;; esac
    # The programs' own output is not wanted here: only the trace file.
    # shellcheck disable=SC2086
    "$BOUCLE" $cmd --events "$fixture" > /dev/null 2>&1 || [ $? -eq 1 ]
    echo "  $fixture  <- boucle $cmd"
    n=$((n + 1))
done < SOURCES
echo "make-fixtures: $n fixtures made by the engine"
