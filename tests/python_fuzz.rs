//! A mutation fuzzer for the lexer, parser, compiler and VM: the course's programs
//! and the interpreter's test cases, mutated (characters deleted, duplicated,
//! swapped, replaced by Python punctuation and keywords), must each give an output
//! or an error — never a panic, never a hang. Deterministic (seeded Mersenne
//! Twister); `BOUCLE_FUZZ_ITERATIONS=200000 cargo test --profile native --test
//! python_fuzz` runs longer, `BOUCLE_FUZZ_SEED=N` explores other mutants. Crashes it finds are kept in `tests/fuzz/`
//! and replayed first.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use boucle::pylib::mt::MersenneTwister;
use boucle::python::asyncio::PyProgram;
use boucle::runtime::Loop;

const PIECES: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ":",
    ",",
    ".",
    "=",
    "==",
    "+",
    "-",
    "*",
    "**",
    "/",
    "//",
    "%",
    "\"",
    "'",
    "\"\"\"",
    "\\",
    "\n",
    "    ",
    "\t",
    "#",
    "@",
    "->",
    "lambda",
    "await ",
    "async ",
    "yield ",
    "return ",
    "def ",
    "class ",
    "if ",
    "else:",
    "try:",
    "except:",
    "finally:",
    "for ",
    "while ",
    "in ",
    "not ",
    "and ",
    "or ",
    "None",
    "0",
    "1e309",
    "-1",
    "2**100",
    "f\"{",
    "}\"",
    "asyncio.sleep(0)",
    "loop.stop()",
    "asyncio.gather(",
    "global ",
    "nonlocal ",
    "del ",
    "*",
    "with ",
    "import ",
    "from ",
    "pass",
    "break",
    "continue",
    "raise ",
    "assert ",
];

fn corpus() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in ["crate/course", "tests/cases"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        let mut files: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
        files.sort();
        for p in files {
            if p.extension().is_some_and(|e| e == "py") {
                out.push(std::fs::read_to_string(p).unwrap());
            }
        }
    }
    out
}

fn mutate(rng: &mut MersenneTwister, src: &str) -> String {
    let mut chars: Vec<char> = src.chars().collect();
    for _ in 0..=rng.randbelow(4) {
        if chars.is_empty() {
            break;
        }
        let n = chars.len() as u64;
        let at = rng.randbelow(n) as usize;
        match rng.randbelow(5) {
            0 => {
                let len = (rng.randbelow(8) as usize).min(chars.len() - at);
                chars.drain(at..at + len);
            }
            1 => {
                let len = (rng.randbelow(16) as usize + 1).min(chars.len() - at);
                let copy: Vec<char> = chars[at..at + len].to_vec();
                let to = rng.randbelow(n) as usize;
                chars.splice(to..to, copy);
            }
            2 => {
                let other = rng.randbelow(n) as usize;
                chars.swap(at, other);
            }
            _ => {
                let piece = PIECES[rng.randbelow(PIECES.len() as u64) as usize];
                chars.splice(at..at, piece.chars());
            }
        }
    }
    chars.into_iter().collect()
}

/// Runs a program with a small instruction budget; Err(panic message) on a panic.
fn run(source: &str) -> Result<(), String> {
    catch_unwind(AssertUnwindSafe(|| {
        let lp = Loop::new_virtual();
        let program = PyProgram::install(&lp, "fuzz.py", source);
        program.interp.borrow_mut().set_instruction_limit(300_000);
        lp.run_to_end();
    }))
    .map_err(|e| {
        e.downcast_ref::<String>()
            .cloned()
            .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default()
    })
}

#[test]
fn the_crashes_found_so_far_stay_fixed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz");
    let entries = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("the crash corpus {} is missing: {e}", dir.display()));
    let files: Vec<_> = entries.map(|e| e.unwrap().path()).collect();
    assert!(files.len() >= 5, "only {} crash cases kept", files.len());
    for p in files {
        let source = std::fs::read_to_string(&p).unwrap();
        if let Err(msg) = run(&source) {
            panic!("{} panics again: {msg}", p.display());
        }
    }
}

#[test]
fn mutated_programs_give_an_output_or_an_error_never_a_panic() {
    let corpus = corpus();
    assert!(corpus.len() >= 10, "corpus of {} files", corpus.len());
    let iterations: u64 = std::env::var("BOUCLE_FUZZ_ITERATIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1500);
    // BOUCLE_FUZZ_SEED explores other mutants than the default run's.
    let seed: u64 = std::env::var("BOUCLE_FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2026);
    let mut rng = MersenneTwister::new(seed);
    let log = std::env::var("BOUCLE_FUZZ_LOG").ok();
    let mut crashes = Vec::new();
    for i in 0..iterations {
        let base = &corpus[rng.randbelow(corpus.len() as u64) as usize];
        let source = mutate(&mut rng, base);
        if let Some(path) = &log {
            // Survives an abort or a kill (stack overflow, out of memory).
            std::fs::write(path, &source).unwrap();
        }
        if let Err(msg) = run(&source) {
            crashes.push((i, msg, source));
            if crashes.len() >= 5 {
                break;
            }
        }
    }
    if !crashes.is_empty() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-crashes");
        std::fs::create_dir_all(&dir).unwrap();
        for (i, msg, source) in &crashes {
            std::fs::write(dir.join(format!("crash-{i}.py")), source).unwrap();
            eprintln!("iteration {i}: {msg}");
        }
        panic!(
            "{} mutated programs panicked; sources in target/fuzz-crashes/",
            crashes.len()
        );
    }
}
