#!/bin/sh
# Run every case (or the cases named) under plain CPython, in real time, and compare its
# stdout with NAME.out (made under the virtual clock). They must agree: a difference means
# the case depends on an artefact of the virtual clock, most often two timers with exactly
# the same deadline (the oracle pops them in heapq order; in a real run their deadlines
# differ by microseconds, so they fire in the order they were scheduled).
# The cases sleep for real: runs them in parallel (JOBS=16 by default), ~1 min in all.
# A real run names the program by its absolute path (the oracle: `NAME.py`, as in task
# reprs): that prefix is removed.
# Usage: tests/cases/crosscheck_real.sh [NAME...]
set -u
PYTHON=${PYTHON:-python3}
JOBS=${JOBS:-16}
cd "$(dirname "$0")" || exit 1
if [ $# -eq 0 ]; then set -- $(ls *.py | sed 's/\.py$//'); fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PYTHON work
printf '%s\n' "$@" | xargs -P "$JOBS" -I{} sh -c \
    'timeout 120 "$PYTHON" {}.py 2>/dev/null | sed "s|$PWD/||g" > "$work/{}.out"; cmp -s "$work/{}.out" {}.out || echo {} >> "$work/diffs"'
if [ -s "$work/diffs" ]; then
    for n in $(sort "$work/diffs"); do echo "DIFF (real run vs oracle) $n"; diff "$n.out" "$work/$n.out" | head -6; done
    exit 1
fi
echo "crosscheck_real.sh: $# cases agree with a real run"
