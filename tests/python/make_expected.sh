#!/bin/sh
# Regenerate the expected outputs of the interpreter's cases with CPython 3.11 (the
# oracle): stdout from the virtual-clock runner, stderr from a plain run (the runner
# adds its own frames to tracebacks), paths shown relative to the case directory.
# Usage: tests/python/make_expected.sh [NAME...]
set -u
cd "$(dirname "$0")/cases"
ORACLE=../../tools/cpython_vclock.py
if [ $# -eq 0 ]; then set -- $(ls *.py | sed 's/\.py$//'); fi
for n in "$@"; do
    python3 "$ORACLE" "$n.py" > "$n.out" 2>/dev/null
    python3 "$n.py" > /dev/null 2> "$n.err.tmp"
    status=$?
    sed "s#$(pwd)/##g" "$n.err.tmp" > "$n.err"; rm -f "$n.err.tmp"
    [ -s "$n.err" ] || rm -f "$n.err"
    # the status defaults to 1 when stderr is not empty, 0 otherwise
    default=0; [ -f "$n.err" ] && default=1
    if [ $status -ne $default ]; then echo $status > "$n.status"; else rm -f "$n.status"; fi
done
