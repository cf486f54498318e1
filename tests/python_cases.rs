//! The interpreter against CPython on the one corpus of Python cases, `tests/cases/`
//! (and the « Mon code » templates): each `NAME.py` with the stdout (`NAME.out`),
//! the stderr (`NAME.err`: its last line, or the whole of it when that is not a
//! traceback; an empty stderr when absent) and the exit status (`NAME.status`, 0 when
//! absent) that the CPython oracle gave.
//!
//! A corpus cannot pass by accident: a missing folder, a `.py` without its `.out` (or
//! an expected file without its `.py`), fewer cases than the stated minimum, a
//! `KNOWN_GAPS` entry naming no case, a known gap that passes, or one that fails in
//! another part than the one its entry documents: each is a failure.
//!
//! `KNOWN_GAPS` lists one case a line as `NAME PART # why`, PART being the first part
//! of the output that differs from CPython's: `stdout`, `status` or `stderr`.

use std::collections::BTreeMap;
use std::path::Path;

use boucle::python::asyncio::PyProgram;
use boucle::runtime::Loop;

/// Which part of a case's output first differs from CPython's, and how.
#[derive(Debug)]
struct Mismatch {
    part: &'static str,
    detail: String,
}

fn check(dir: &Path, name: &str) -> Result<(), Mismatch> {
    let read = |ext: &str| std::fs::read_to_string(dir.join(format!("{name}.{ext}"))).ok();
    let source = read("py").expect("the case's source");
    let lp = Loop::new_virtual();
    let program = PyProgram::install(&lp, &format!("{name}.py"), &source);
    lp.run_to_end();
    let out = program.result(&lp);
    let want_out = read("out").expect("the corpus check found its .out");
    if out.stdout != want_out {
        return Err(Mismatch {
            part: "stdout",
            detail: format!("--- CPython\n{want_out}--- Boucle\n{}", out.stdout),
        });
    }
    let status: i32 = read("status").map_or(0, |s| {
        s.trim()
            .parse()
            .unwrap_or_else(|_| panic!("{name}.status is not a number: {s:?}"))
    });
    if out.status != status {
        return Err(Mismatch {
            part: "status",
            detail: format!(
                "exit status {} instead of {status}\n{}",
                out.status, out.stderr
            ),
        });
    }
    match read("err") {
        Some(err) => {
            if let Some(detail) = stderr_differs(&err, &out.stderr) {
                return Err(Mismatch {
                    part: "stderr",
                    detail,
                });
            }
        }
        // CPython wrote nothing on stderr: neither may we (a stray warning or a
        // logged error would mislead a student).
        None if !out.stderr.is_empty() => {
            return Err(Mismatch {
                part: "stderr",
                detail: format!("stderr should be empty:\n{}", out.stderr),
            });
        }
        None => {}
    }
    Ok(())
}

/// How CPython's stderr (`want`, a `NAME.err` file) and ours differ, if they do.
///
/// A `NAME.err` of one line is the last line of CPython's stderr (the oracle's own
/// frames make the rest of a traceback unmatchable); a whole traceback is compared by
/// its last line too, for the same reason; any other stderr of several lines (a
/// syntax error with its caret, warnings) is compared in full.
fn stderr_differs(want: &str, got: &str) -> Option<String> {
    let last = |s: &str| s.trim_end().lines().last().unwrap_or("").to_string();
    let whole = want.trim_end().lines().count() > 1 && !want.contains("Traceback");
    if whole {
        (got != want).then(|| format!("stderr differs:\n--- CPython\n{want}--- Boucle\n{got}"))
    } else {
        (last(got) != last(want)).then(|| {
            format!(
                "last stderr line {:?} instead of {:?}",
                last(got),
                last(want)
            )
        })
    }
}

/// The `KNOWN_GAPS` entries: case name → the part documented as differing.
fn known_gaps(dir: &Path) -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(dir.join("KNOWN_GAPS")).unwrap_or_default();
    let mut gaps = BTreeMap::new();
    for line in text.lines() {
        let entry = line.split('#').next().unwrap_or("").trim();
        if entry.is_empty() {
            continue;
        }
        let fields: Vec<&str> = entry.split_whitespace().collect();
        assert!(
            fields.len() == 2 && ["stdout", "status", "stderr"].contains(&fields[1]),
            "{}/KNOWN_GAPS: {line:?} must read `NAME PART # why`, PART being stdout, status or stderr",
            dir.display()
        );
        gaps.insert(fields[0].to_string(), fields[1].to_string());
    }
    gaps
}

/// The names of the cases of `dir`, after checking that every `.py` has its `.out`
/// and every expected file its `.py`.
fn case_names(dir: &Path) -> Vec<String> {
    let entries = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("the corpus folder {} is missing: {e}", dir.display()));
    let mut names = Vec::new();
    let mut orphans = Vec::new();
    for p in entries.map(|e| e.unwrap().path()) {
        let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
        if ext == "py" {
            if !p.with_extension("out").exists() {
                orphans.push(format!("{} has no .out", p.display()));
            }
            names.push(p.file_stem().unwrap().to_string_lossy().to_string());
        } else if ["out", "err", "status"].contains(&ext) && !p.with_extension("py").exists() {
            orphans.push(format!("{} has no .py", p.display()));
        }
    }
    assert!(
        orphans.is_empty(),
        "every case needs its source and CPython's output (tests/tools/cpython_vclock.py makes it):\n{}",
        orphans.join("\n")
    );
    names.sort();
    names
}

/// Runs every case of `dir` (at least `minimum` of them) and holds the gaps list true.
fn corpus(dir: &str, minimum: usize) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let names = case_names(&dir);
    assert!(
        names.len() >= minimum,
        "{}: {} cases, fewer than the {minimum} this corpus holds",
        dir.display(),
        names.len()
    );
    let gaps = known_gaps(&dir);
    let unknown: Vec<&String> = gaps.keys().filter(|g| !names.contains(g)).collect();
    assert!(
        unknown.is_empty(),
        "KNOWN_GAPS names cases that do not exist: {unknown:?}"
    );
    let (mut failures, mut passed) = (Vec::new(), 0);
    for name in &names {
        match (check(&dir, name), gaps.get(name)) {
            (Ok(()), None) => passed += 1,
            (Ok(()), Some(_)) => {
                failures.push(format!("{name} now passes: take it off KNOWN_GAPS"))
            }
            (Err(m), None) => failures.push(format!("{name}: {} differs\n{}", m.part, m.detail)),
            (Err(m), Some(part)) if m.part != part => failures.push(format!(
                "{name}: KNOWN_GAPS says its {part} differs, but its {} does\n{}",
                m.part, m.detail
            )),
            (Err(_), Some(_)) => {}
        }
    }
    eprintln!(
        "{passed} of {} cases match CPython; {} known gaps",
        names.len(),
        gaps.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    assert_eq!(passed + gaps.len(), names.len());
}

#[test]
fn the_interpreter_matches_cpython_on_every_case_of_the_corpus_but_the_known_gaps() {
    corpus("tests/cases", 340);
}

#[test]
fn the_my_code_templates_in_french_and_english_print_what_cpython_prints() {
    corpus("tests/templates", 2);
}
