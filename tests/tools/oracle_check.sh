#!/usr/bin/env bash
# `make test-oracle`: runs CPython again (through tests/tools/cpython_vclock.py, the
# virtual-clock oracle) on every program that has an expected output in the repository,
# and fails on any difference. Opt-in: it needs python3 = CPython 3.11.
#
#   corpus                         expected files (see each folder's README)
#   tests/pycases, tests/pyreview,  NAME.out (stdout), NAME.err (last stderr line, when
#   tests/templates,                stderr is not empty), NAME.status (when not 0)
#   tests/js/fixtures
#   crate/course, course-extra     NAME.out, NAME.err (last stderr line); status 1 iff .err
#   tests/python/cases             NAME.out from the oracle; NAME.err the whole stderr of a
#                                  plain run (paths relative); status 1 iff .err unless
#                                  NAME.status says otherwise
#   tests/runtime_cases            NAME.out; NAME.stderr's error lines (not its frames,
#                                  which name the machine's paths)
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

last_line_corpus() { # DIR STATUS_RULE (file|err)
    local dir=$1 rule=$2 n ok want_status
    ( cd "$REPO/$dir" && ls ./*.py > /dev/null 2>&1 ) || { echo "oracle_check: no case in $dir" >&2; exit 1; }
    pushd "$REPO/$dir" > /dev/null || exit 1
    for f in *.py; do
        n=${f%.py}; ok=1; checked=$((checked + 1))
        oracle "$n"
        cmp -s "$work/out" "$n.out" || { differ "$dir/$n: stdout"; diff "$n.out" "$work/out" | head -5; ok=0; }
        if [ -s "$work/err" ]; then
            [ "$(tail -n 1 "$work/err")" = "$(cat "$n.err" 2>/dev/null)" ] || { differ "$dir/$n: last stderr line '$(tail -n 1 "$work/err")'"; ok=0; }
        elif [ -e "$n.err" ]; then differ "$dir/$n: CPython wrote no stderr, $n.err exists"; ok=0; fi
        if [ "$rule" = err ]; then want_status=0; [ -e "$n.err" ] && want_status=1
        else want_status=0; [ -e "$n.status" ] && want_status=$(cat "$n.status"); fi
        [ "$(cat "$work/status")" = "$want_status" ] || { differ "$dir/$n: status $(cat "$work/status") instead of $want_status"; ok=0; }
    done
    popd > /dev/null || exit 1
}

python_cases() {
    local dir=tests/python/cases n default want_status
    pushd "$REPO/$dir" > /dev/null || exit 1
    for f in *.py; do
        n=${f%.py}; checked=$((checked + 1))
        PYTHONHASHSEED=0 timeout 120 "$PYTHON" "$ORACLE" "$n.py" > "$work/out" 2> /dev/null
        cmp -s "$work/out" "$n.out" || { differ "$dir/$n: stdout"; diff "$n.out" "$work/out" | head -5; }
        PYTHONHASHSEED=0 timeout 120 "$PYTHON" "$n.py" > /dev/null 2> "$work/err.raw"; status=$?
        sed "s#$(pwd)/##g" "$work/err.raw" > "$work/err"
        if [ -s "$work/err" ] || [ -e "$n.err" ]; then
            cmp -s "$work/err" "$n.err" || { differ "$dir/$n: stderr"; diff "$n.err" "$work/err" | head -5; }
        fi
        default=0; [ -e "$n.err" ] && default=1
        want_status=$default; [ -e "$n.status" ] && want_status=$(cat "$n.status")
        [ "$status" = "$want_status" ] || differ "$dir/$n: status $status instead of $want_status"
    done
    popd > /dev/null || exit 1
}

runtime_cases() {
    local dir=tests/runtime_cases n
    pushd "$REPO/$dir" > /dev/null || exit 1
    for f in *.py; do
        n=${f%.py}; checked=$((checked + 1))
        oracle "$n"
        cmp -s "$work/out" "$n.out" || { differ "$dir/$n: stdout"; diff "$n.out" "$work/out" | head -5; }
        if [ -e "$n.stderr" ]; then
            # the lines that say what happened, not the frames (they name machine paths)
            grep -v '^ \|^Traceback' "$n.stderr" > "$work/want"
            grep -v '^ \|^Traceback' "$work/err" > "$work/got"
            cmp -s "$work/want" "$work/got" || { differ "$dir/$n: stderr"; diff "$work/want" "$work/got" | head -5; }
        elif [ -s "$work/err" ]; then differ "$dir/$n: CPython wrote on stderr: $(tail -n 1 "$work/err")"; fi
    done
    popd > /dev/null || exit 1
}

for d in tests/pycases tests/pyreview tests/templates tests/js/fixtures; do last_line_corpus "$d" file; done
for d in crate/course crate/course-extra; do last_line_corpus "$d" err; done
python_cases
runtime_cases
echo "oracle_check: $checked programs run by CPython $version, $failed differences"
[ "$failed" -eq 0 ]
