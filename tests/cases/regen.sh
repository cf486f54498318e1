#!/bin/sh
# Regenerate the expected files of every case (or of the cases named) with the oracle:
# CPython 3.11 under the virtual clock (tests/tools/cpython_vclock.py).
#   NAME.out     exact stdout
#   NAME.err     last line of stderr, only when stderr is not empty; with --whole, the
#                whole stderr of a plain `python3 NAME.py` (for syntax errors and
#                warnings, compared in full by the runners)
#   NAME.status  exit status, only when it is not 0
# Idempotent. Usage: tests/cases/regen.sh [NAME...]
# Never edit the expected files by hand: change the .py and re-run this script.
set -u
ORACLE=${ORACLE:-../tools/cpython_vclock.py}
PYTHON=${PYTHON:-python3}
cd "$(dirname "$0")" || exit 1
whole=0; if [ "${1:-}" = --whole ]; then whole=1; shift; fi
if [ $# -eq 0 ]; then set -- $(ls *.py | sed 's/\.py$//'); fi
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
for n in "$@"; do
    n=${n%.py}
    # relative file name, so that tracebacks say File "NAME.py"
    PYTHONHASHSEED=0 timeout 120 "$PYTHON" "$ORACLE" "$n.py" > "$n.out" 2> "$tmp"
    status=$?
    if [ -s "$tmp" ] && [ $whole = 1 ]; then
        PYTHONHASHSEED=0 timeout 120 "$PYTHON" "$n.py" > /dev/null 2> "$tmp"
        sed "s#$(pwd)/##g" "$tmp" > "$n.err"
    elif [ -s "$tmp" ]; then tail -n 1 "$tmp" > "$n.err"; else rm -f "$n.err"; fi
    if [ "$status" -ne 0 ]; then echo "$status" > "$n.status"; else rm -f "$n.status"; fi
done
