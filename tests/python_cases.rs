//! The interpreter against CPython on the case corpus of `tests/pycases/`: each
//! `NAME.py` with the stdout (`NAME.out`), the last stderr line (`NAME.err`; an empty
//! stderr when absent) and the exit status (`NAME.status`, 0 when absent) that the
//! CPython oracle gave.
//! `tests/pycases/KNOWN_GAPS` lists the cases the interpreter does not pass yet;
//! the test fails if one of them starts passing (take it off the list) or if any
//! other case fails.

use std::path::Path;

use boucle::python::asyncio::PyProgram;
use boucle::runtime::Loop;

fn check(dir: &Path, name: &str) -> Result<(), String> {
    let read = |ext: &str| std::fs::read_to_string(dir.join(format!("{name}.{ext}"))).ok();
    let source = read("py").unwrap();
    let lp = Loop::new_virtual();
    let program = PyProgram::install(&lp, &format!("{name}.py"), &source);
    lp.run_to_end();
    let out = program
        .outcome()
        .unwrap_or_else(|| boucle::python::Outcome {
            stdout: lp.stdout(),
            stderr: lp.stderr(),
            status: lp.status().unwrap_or(1),
        });
    if out.stdout != read("out").unwrap_or_default() {
        return Err(format!("stdout differs:\n{}", out.stdout));
    }
    let status: i32 = read("status").map_or(0, |s| s.trim().parse().unwrap_or(-1));
    if out.status != status {
        return Err(format!(
            "exit status {} instead of {status}\n{}",
            out.status, out.stderr
        ));
    }
    match read("err") {
        Some(err) => {
            let last = out.stderr.trim_end().lines().last().unwrap_or("");
            if last != err.trim_end() {
                return Err(format!(
                    "last stderr line {last:?} instead of {:?}",
                    err.trim_end()
                ));
            }
        }
        // CPython wrote nothing on stderr: neither may we (a stray warning or a
        // logged error would mislead a student).
        None if !out.stderr.is_empty() => {
            return Err(format!("stderr should be empty:\n{}", out.stderr));
        }
        None => {}
    }
    Ok(())
}

#[test]
fn the_interpreter_matches_cpython_on_every_case_of_the_corpus_but_the_known_gaps() {
    corpus("tests/pycases");
}

#[test]
fn the_interpreter_matches_cpython_on_the_cases_of_the_runtime_review() {
    corpus("tests/pyreview");
}

fn corpus(dir: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    let gaps: Vec<String> = std::fs::read_to_string(dir.join("KNOWN_GAPS"))
        .unwrap_or_default()
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .filter(|p| p.with_extension("out").exists())
        .map(|p| p.file_stem().unwrap().to_string_lossy().to_string())
        .collect();
    names.sort();
    let (mut failures, mut fixed, mut passed) = (Vec::new(), Vec::new(), 0);
    for name in &names {
        match (check(&dir, name), gaps.contains(name)) {
            (Ok(()), false) => passed += 1,
            (Ok(()), true) => fixed.push(name.clone()),
            (Err(e), false) => failures.push(format!("{name}: {e}")),
            (Err(_), true) => {}
        }
    }
    eprintln!(
        "{passed} of {} cases match CPython; {} known gaps",
        names.len(),
        gaps.len()
    );
    assert!(
        fixed.is_empty(),
        "these now pass, take them off KNOWN_GAPS: {fixed:?}"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
