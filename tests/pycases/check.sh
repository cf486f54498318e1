#!/bin/sh
# Check that every expected file (.out, .err, .status) equals a fresh oracle run.
# Exit status 1 on any difference (or on an expected file without its .py).
# Usage: tests/pycases/check.sh [NAME...]
set -u
ORACLE=${ORACLE:-../tools/cpython_vclock.py}
PYTHON=${PYTHON:-python3}
cd "$(dirname "$0")" || exit 1
if [ $# -eq 0 ]; then set -- $(ls *.py | sed 's/\.py$//'); fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
count=0
for f in *.out *.err *.status; do
    [ -e "$f" ] || continue
    [ -e "${f%.*}.py" ] || { echo "ORPHAN $f (no ${f%.*}.py)"; fail=1; }
done
for n in $(ls *.py | sed 's/\.py$//'); do
    grep -q "^| \`$n\` |" README.md || { echo "NOT IN README.md: $n"; fail=1; }
done
for n in "$@"; do
    n=${n%.py}
    count=$((count + 1))
    # a fresh hash seed each run: a case must not depend on it
    timeout 120 "$PYTHON" "$ORACLE" "$n.py" > "$work/out" 2> "$work/stderr"
    status=$?
    ok=1
    cmp -s "$work/out" "$n.out" || { echo "DIFF stdout $n"; diff "$n.out" "$work/out" | head -5; ok=0; }
    if [ -s "$work/stderr" ]; then
        tail -n 1 "$work/stderr" > "$work/err"
        cmp -s "$work/err" "$n.err" 2>/dev/null || { echo "DIFF stderr $n: got '$(cat "$work/err")'"; ok=0; }
    elif [ -e "$n.err" ]; then
        echo "DIFF stderr $n: expected '$(cat "$n.err")', got nothing"; ok=0
    fi
    expected=0; [ -e "$n.status" ] && expected=$(cat "$n.status")
    [ "$status" -eq "$expected" ] || { echo "DIFF status $n: expected $expected, got $status"; ok=0; }
    [ $ok -eq 1 ] || fail=1
done
if [ $fail -eq 0 ]; then echo "check.sh: $count cases OK"; else echo "check.sh: FAILED"; fi
exit $fail
