//! The Python interpreter against CPython 3.11: every `tests/python/cases/NAME.py`
//! must print `NAME.out` exactly; when CPython failed, the last line of stderr
//! (`NAME.err`) must match and the status must be 1 (or `NAME.status`). Syntax errors
//! are compared in full (caret lines included). Expected files come from
//! `tests/python/make_expected.sh` (CPython is the oracle).

use std::fs;
use std::path::Path;

use boucle::python::{run_source, VirtualHost};

struct Case {
    name: String,
    problems: Vec<String>,
}

fn check(name: &str) -> Case {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/python/cases");
    let src = fs::read_to_string(dir.join(format!("{}.py", name))).unwrap();
    let want_out = fs::read_to_string(dir.join(format!("{}.out", name)))
        .unwrap_or_else(|e| panic!("{name}.out (make it with tests/python/make_expected.sh): {e}"));
    let want_err = fs::read_to_string(dir.join(format!("{}.err", name))).ok();
    let want_status: i32 = match fs::read_to_string(dir.join(format!("{}.status", name))) {
        Ok(s) => s.trim().parse().unwrap(),
        Err(_) => want_err.is_some() as i32,
    };
    let got = run_source(
        &format!("{}.py", name),
        &src,
        Box::new(VirtualHost::default()),
    );
    let mut problems = vec![];
    if got.stdout != want_out {
        problems.push(format!(
            "stdout differs:\n--- want\n{}--- got\n{}",
            want_out, got.stdout
        ));
    }
    if got.status != want_status {
        problems.push(format!("status {} instead of {}", got.status, want_status));
    }
    match &want_err {
        Some(w) if !w.contains("Traceback") => {
            if got.stderr != *w {
                problems.push(format!(
                    "stderr differs:\n--- want\n{}--- got\n{}",
                    w, got.stderr
                ));
            }
        }
        Some(w) => {
            let last = |s: &str| s.trim_end().lines().last().unwrap_or("").to_string();
            if last(w) != last(&got.stderr) {
                problems.push(format!(
                    "last stderr line differs:\n--- want\n{}\n--- got\n{}",
                    last(w),
                    got.stderr
                ));
            }
        }
        None => {
            if !got.stderr.is_empty() {
                problems.push(format!("unexpected stderr:\n{}", got.stderr));
            }
        }
    }
    Case {
        name: name.to_string(),
        problems,
    }
}

/// Fewer cases than this means the corpus lost files.
const MINIMUM_CASES: usize = 80;

fn all_cases() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/python/cases");
    let mut names: Vec<String> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("the corpus folder {} is missing: {e}", dir.display()))
        .filter_map(|e| {
            let p = e.ok()?.path();
            (p.extension()? == "py").then(|| p.file_stem().unwrap().to_string_lossy().to_string())
        })
        .collect();
    names.sort();
    assert!(
        names.len() >= MINIMUM_CASES,
        "{} cases in tests/python/cases, fewer than {MINIMUM_CASES}",
        names.len()
    );
    names
}

#[test]
fn every_case_has_cpythons_output_and_every_expected_file_its_program() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/python/cases");
    let mut problems = vec![];
    for e in fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        match p.extension().and_then(|x| x.to_str()) {
            Some("py") if !p.with_extension("out").exists() => {
                problems.push(format!("{} has no .out", p.display()))
            }
            Some("out" | "err" | "status") if !p.with_extension("py").exists() => {
                problems.push(format!("{} has no .py", p.display()))
            }
            _ => {}
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // Every case belongs to a group that a test below runs.
    let groups = [
        "syntax_", "expr_", "flow_", "func_", "class_", "error_", "mod_",
    ];
    let stray: Vec<String> = all_cases()
        .into_iter()
        .filter(|n| !groups.iter().any(|g| n.starts_with(g)))
        .collect();
    assert!(stray.is_empty(), "cases no test runs: {stray:?}");
}

fn run_group(prefix: &str) {
    let names: Vec<String> = all_cases()
        .into_iter()
        .filter(|n| n.starts_with(prefix))
        .collect();
    assert!(!names.is_empty(), "no case starts with {}", prefix);
    let failed: Vec<Case> = names
        .iter()
        .map(|n| check(n))
        .filter(|c| !c.problems.is_empty())
        .collect();
    for c in &failed {
        eprintln!("=== {}\n{}", c.name, c.problems.join("\n"));
    }
    assert!(
        failed.is_empty(),
        "{} of {} cases fail: {:?}",
        failed.len(),
        names.len(),
        failed.iter().map(|c| &c.name).collect::<Vec<_>>()
    );
}

#[test]
fn syntax_and_indentation_errors_are_reported_exactly_like_cpython() {
    run_group("syntax_");
}

#[test]
fn expressions_and_builtin_types_behave_like_cpython() {
    run_group("expr_");
}

#[test]
fn statements_and_control_flow_behave_like_cpython() {
    run_group("flow_");
}

#[test]
fn functions_closures_and_generators_behave_like_cpython() {
    run_group("func_");
}

#[test]
fn classes_and_exceptions_behave_like_cpython() {
    run_group("class_");
}

#[test]
fn runtime_errors_end_with_cpythons_message_and_status() {
    run_group("error_");
}

#[test]
fn modules_math_time_and_random_match_cpython() {
    run_group("mod_");
}

#[test]
fn course_example_with_a_stray_space_fails_with_unexpected_indent() {
    let src = include_str!("../crate/course/04_gather.py");
    let got = run_source("04_gather.py", src, Box::new(VirtualHost::default()));
    assert_eq!(got.status, 1);
    assert_eq!(got.stdout, "");
    assert_eq!(
        got.stderr.trim_end().lines().last(),
        Some("IndentationError: unexpected indent")
    );
    assert_eq!(got.stderr, "  File \"04_gather.py\", line 7\n    await asyncio.sleep(2)\nIndentationError: unexpected indent\n");
}

#[test]
fn every_course_example_parses_and_compiles() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("crate/course");
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.extension().map(|x| x == "py").unwrap_or(false) {
            let src = fs::read_to_string(&p).unwrap();
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            let parsed = boucle::python::parser::parse_module(&src)
                .and_then(|m| boucle::python::compiler::compile_module(&m));
            assert_eq!(parsed.is_err(), name.starts_with("04_"), "{}", name);
        }
    }
}
