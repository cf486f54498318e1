//! Native figures for the loop on the product path: the benchmark programs of
//! `bench/python/` run through `PyProgram` (as the page and the CLI run them) on the
//! virtual clock with the whole trace kept, as the page keeps it. Time per task switch
//! (`await asyncio.sleep(0)`) and per gathered task, the interpreter included.
//! Prints figures; asserts nothing. `make bench` runs it
//! (`cargo bench --profile native --bench switch`).

use std::time::Instant;

use boucle::python::asyncio::PyProgram;
use boucle::runtime::Loop;

/// Runs `bench/python/NAME.py` traced: (seconds, events, the `N` it says it ran).
fn run(name: &str) -> (f64, usize) {
    let path = format!("{}/bench/python/{name}.py", env!("CARGO_MANIFEST_DIR"));
    let source = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let lp = Loop::new_virtual();
    let t = Instant::now();
    let program = PyProgram::install(&lp, &format!("{name}.py"), &source);
    lp.run_to_end();
    let secs = t.elapsed().as_secs_f64();
    let out = program.result(&lp);
    assert_eq!(out.status, 0, "{name}: {}", out.stderr);
    (secs, lp.event_count())
}

fn main() {
    let n = 100_000.0;
    let (secs, events) = run("sleep0_100k");
    println!(
        "task switch (await asyncio.sleep(0)), native, PyProgram, trace kept: {:.2} µs per switch, {:.1} events per switch",
        secs / n * 1e6,
        events as f64 / n
    );
    let m = 10_000.0;
    let (secs, _) = run("gather_10k");
    println!(
        "gather of 10,000 tasks (one sleep(0) each), same path: {:.1} ms ({:.2} µs per task)",
        secs * 1e3,
        secs / m * 1e6
    );
}
