#!/usr/bin/env bash
# `make test-oracle`: runs CPython again (through tests/tools/cpython_vclock.py, the
# virtual-clock oracle) on every program that has an expected output in the repository,
# and fails on any difference. Opt-in: it needs python3 = CPython 3.11.
#
#   corpus                         expected files (see tests/cases/README.md)
#   tests/cases, tests/templates,  NAME.out (stdout), NAME.err (stderr: its last line, or
#   tests/js/fixtures,             the whole stderr of a plain run when that is several
#   tests/exercises (reference     lines and no traceback: syntax errors, warnings),
#   solutions of the built-in      NAME.status (when not 0)
#   exercises)
#   crate/course, course-extra     NAME.out, NAME.err (last stderr line); status 1 iff .err
# Usage: tests/tools/oracle_check.sh
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
REPO=$PWD
ORACLE=$REPO/tests/tools/cpython_vclock.py
PYTHON=${PYTHON:-python3}
version=$("$PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])') ||
    { echo "oracle_check: no $PYTHON (CPython 3.11 is the oracle)" >&2; exit 1; }
[ "$version" = "3.11" ] || { echo "oracle_check: $PYTHON is $version, the expected outputs are CPython 3.11's" >&2; exit 1; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
checked=0; failed=0

differ() { echo "DIFF $1"; failed=$((failed + 1)); }

# NAME.py run by the oracle from its folder (relative file name, as when the files were made).
oracle() { PYTHONHASHSEED=0 timeout 120 "$PYTHON" "$ORACLE" "$1.py" > "$work/out" 2> "$work/err"; echo $? > "$work/status"; }

# Is NAME.err the whole stderr of a plain run (several lines, no traceback)?
whole_err() { [ -e "$1.err" ] && [ "$(wc -l < "$1.err")" -gt 1 ] && ! grep -q '^Traceback' "$1.err"; }

corpus() { # DIR STATUS_RULE (file|err)
    local dir=$1 rule=$2 n want_status
    ( cd "$REPO/$dir" && ls ./*.py > /dev/null 2>&1 ) || { echo "oracle_check: no case in $dir" >&2; exit 1; }
    pushd "$REPO/$dir" > /dev/null || exit 1
    for f in *.py; do
        n=${f%.py}; checked=$((checked + 1))
        oracle "$n"
        cmp -s "$work/out" "$n.out" || { differ "$dir/$n: stdout"; diff "$n.out" "$work/out" | head -5; }
        if whole_err "$n"; then
            PYTHONHASHSEED=0 timeout 120 "$PYTHON" "$n.py" > /dev/null 2> "$work/err.raw"
            sed "s#$(pwd)/##g" "$work/err.raw" > "$work/plain"
            cmp -s "$work/plain" "$n.err" || { differ "$dir/$n: stderr"; diff "$n.err" "$work/plain" | head -5; }
        elif [ -s "$work/err" ]; then
            [ "$(tail -n 1 "$work/err")" = "$(tail -n 1 "$n.err" 2>/dev/null)" ] || differ "$dir/$n: last stderr line '$(tail -n 1 "$work/err")'"
        elif [ -e "$n.err" ]; then differ "$dir/$n: CPython wrote no stderr, $n.err exists"; fi
        if [ "$rule" = err ]; then want_status=0; [ -e "$n.err" ] && want_status=1
        else want_status=0; [ -e "$n.status" ] && want_status=$(cat "$n.status"); fi
        [ "$(cat "$work/status")" = "$want_status" ] || differ "$dir/$n: status $(cat "$work/status") instead of $want_status"
    done
    popd > /dev/null || exit 1
}

for d in tests/cases tests/templates tests/js/fixtures tests/exercises; do corpus "$d" file; done
for d in crate/course crate/course-extra; do corpus "$d" err; done
echo "oracle_check: $checked programs run by CPython $version, $failed differences"
[ "$failed" -eq 0 ]
