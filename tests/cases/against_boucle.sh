#!/bin/bash
# Run every case (or the cases named) through Boucle's interpreter (`boucle run NAME.py`)
# and compare with the expected files: stdout, last line of stderr, exit status.
# Prints one line per failing case and a summary; exit 1 if any case fails.
# Usage: BOUCLE=target/native/boucle tests/cases/against_boucle.sh [-v] [NAME...]
set -u
cd "$(dirname "$0")" || exit 1
BOUCLE=${BOUCLE:-../../target/native/boucle}
verbose=0; [ "${1:-}" = "-v" ] && { verbose=1; shift; }
if [ $# -eq 0 ]; then set -- $(ls *.py | sed 's/\.py$//'); fi
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
pass=0; failed=()
for n in "$@"; do
    n=${n%.py}
    timeout 60 "$BOUCLE" run "$n.py" > "$work/out" 2> "$work/stderr"; status=$?
    why=""
    cmp -s "$work/out" "$n.out" || why="$why stdout"
    if [ -s "$work/stderr" ]; then
        [ "$(tail -n 1 "$work/stderr")" = "$(cat "$n.err" 2>/dev/null)" ] || why="$why stderr"
    elif [ -e "$n.err" ]; then why="$why stderr"; fi
    expected=0; [ -e "$n.status" ] && expected=$(cat "$n.status")
    [ "$status" -eq "$expected" ] || why="$why status($status)"
    if [ -z "$why" ]; then pass=$((pass + 1)); else
        failed+=("$n"); echo "FAIL $n:$why"
        if [ $verbose -eq 1 ]; then
            diff "$n.out" "$work/out" | head -6
            echo "  stderr expected: $(cat "$n.err" 2>/dev/null)"
            echo "  stderr got:      $(tail -n 1 "$work/stderr")"
        fi
    fi
done
echo "against_boucle.sh: $pass/$# cases pass"
[ ${#failed[@]} -eq 0 ]
