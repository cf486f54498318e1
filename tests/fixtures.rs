//! The JS tests assert on traces the engine really produces: every fixture of
//! `tests/js/fixtures/` is the output of the `boucle` command its `SOURCES` line names,
//! byte for byte. When the engine or the trace format changes, this fails until
//! `make fixtures` remakes them (and the JS tests are checked against the new traces).

#[path = "support/json.rs"]
mod json;

use std::path::{Path, PathBuf};
use std::process::Command;

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/js/fixtures")
}

/// (fixture file, boucle arguments) of every line of SOURCES.
fn sources() -> Vec<(String, Vec<String>)> {
    std::fs::read_to_string(fixtures_dir().join("SOURCES"))
        .expect("tests/js/fixtures/SOURCES")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let mut f = l.split_whitespace().map(str::to_string);
            (f.next().unwrap(), f.collect())
        })
        .collect()
}

/// What `boucle ARGS --events FILE` writes today, run from the fixtures folder as
/// `make fixtures` does.
fn made_by_the_engine(name: &str, args: &[String]) -> String {
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("fixture-{name}"));
    let run = Command::new(env!("CARGO_BIN_EXE_boucle"))
        .args(args)
        .arg("--events")
        .arg(&out)
        .current_dir(fixtures_dir())
        .output()
        .expect("boucle runs");
    assert!(
        matches!(run.status.code(), Some(0 | 1)),
        "boucle {args:?}: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    std::fs::read_to_string(&out).unwrap()
}

#[test]
fn every_js_fixture_is_the_trace_the_engine_produces_today() {
    let listed = sources();
    assert!(listed.len() >= 5, "only {} fixtures listed", listed.len());
    let mut stale = vec![];
    for (name, args) in &listed {
        let committed = std::fs::read_to_string(fixtures_dir().join(name))
            .unwrap_or_else(|e| panic!("{name}: {e} (run `make fixtures`)"));
        if committed != made_by_the_engine(name, args) {
            stale.push(format!("{name} (boucle {})", args.join(" ")));
        }
    }
    assert!(
        stale.is_empty(),
        "these fixtures are not what the engine produces now: {stale:?}\n\
         run `make fixtures`, then check the JS tests (node --test tests/js/) against the new traces"
    );
}

#[test]
fn every_fixture_file_is_made_by_the_engine_and_listed() {
    let listed: Vec<String> = sources().into_iter().map(|(n, _)| n).collect();
    for e in std::fs::read_dir(fixtures_dir()).unwrap() {
        let name = e.unwrap().file_name().to_string_lossy().to_string();
        if name.ends_with(".json") {
            assert!(
                listed.contains(&name),
                "{name} is not in tests/js/fixtures/SOURCES: a hand-written trace is not a fixture"
            );
        }
    }
}

#[test]
fn a_fixture_program_prints_what_cpython_prints() {
    for (name, args) in sources() {
        if args[0] != "run" {
            continue;
        }
        let expected = std::fs::read_to_string(fixtures_dir().join(args[1].replace(".py", ".out")))
            .unwrap_or_else(|e| panic!("{name}: CPython's output of {}: {e}", args[1]));
        let trace = json::parse(&std::fs::read_to_string(fixtures_dir().join(&name)).unwrap())
            .expect("a fixture is JSON");
        let printed: String = trace
            .arr()
            .iter()
            .filter(|e| e.get("k").str() == Some("log") && e.get("stream").str() == Some("out"))
            .map(|e| format!("{}\n", e.get("text").str().unwrap()))
            .collect();
        assert_eq!(printed, expected, "{name}");
    }
}
