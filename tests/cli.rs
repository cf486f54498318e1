//! The `boucle` command line, as a student runs it: `boucle run FILE.py` behaves like
//! `python3 FILE.py` (output, exit status), on the virtual clock by default or on the
//! wall clock with `--real-time`.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

fn boucle(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_boucle"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("boucle runs")
}

fn write_program(name: &str, source: &str) -> String {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let path = dir.join(name);
    std::fs::write(&path, source).unwrap();
    path.to_string_lossy().into_owned()
}

const TWO_SLEEPERS: &str = "import asyncio, time

async def dort(nom, s):
    await asyncio.sleep(s)
    print(nom, 'réveillé')

async def main():
    t = time.monotonic()
    await asyncio.gather(dort('A', 0.3), dort('B', 0.2))
    print('durée', round(time.monotonic() - t, 1))

asyncio.run(main())
";

#[test]
fn run_prints_what_python_prints_without_waiting_on_the_virtual_clock() {
    let file = write_program("virtual.py", TWO_SLEEPERS);
    let t = Instant::now();
    let out = boucle(&["run", &file]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "B réveillé\nA réveillé\ndurée 0.3\n"
    );
    // Nothing in the program waits for real: far less than the 0.3 s it sleeps
    // (generous, for a loaded machine; the real-time test below checks the other way).
    assert!(t.elapsed().as_secs_f64() < 5.0);
}

#[test]
fn run_real_time_really_waits_and_prints_the_same() {
    let file = write_program("real.py", TWO_SLEEPERS);
    let t = Instant::now();
    let out = boucle(&["run", &file, "--real-time"]);
    let took = t.elapsed().as_secs_f64();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "B réveillé\nA réveillé\ndurée 0.3\n"
    );
    assert!(
        took >= 0.3,
        "the program sleeps 0.3 s, the run took {took} s"
    );
}

#[test]
fn an_uncaught_exception_exits_with_status_one_and_cpythons_traceback() {
    let file = write_program("boom.py", "def f():\n    return 1 / 0\n\nf()\n");
    let out = boucle(&["run", &file]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("Traceback (most recent call last):\n"),
        "{err}"
    );
    assert!(
        err.ends_with("ZeroDivisionError: division by zero\n"),
        "{err}"
    );
}

#[test]
fn run_scenario_runs_the_course_file_and_the_indentation_bug_fails_like_cpython() {
    let out = boucle(&["run-scenario", "04"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "");
    assert!(String::from_utf8_lossy(&out.stderr).ends_with("IndentationError: unexpected indent\n"));
    let out = boucle(&["run-scenario", "03"]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        include_str!("../crate/course/03_two_coroutines_ensure_future.out")
    );
}

#[test]
fn bad_arguments_are_refused_with_the_usage() {
    let out = boucle(&["run", "x.py", "--realtime"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("unknown option '--realtime'") && err.contains("--real-time"),
        "{err}"
    );
    let out = boucle(&["run-scenario", "42"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("accepted ids are 00, 01"));
}

#[test]
fn max_steps_stops_a_long_program_and_there_is_no_limit_otherwise() {
    let file = write_program(
        "long.py",
        "i = 0\nwhile i < 100_000:\n    i += 1\nprint(i)\n",
    );
    let out = boucle(&["run", &file]);
    assert_eq!(String::from_utf8_lossy(&out.stdout), "100000\n");
    let out = boucle(&["run", &file, "--max-steps", "1000"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("instruction limit exceeded"));
    let out = boucle(&["run", &file, "--max-steps", "beaucoup"]);
    assert_eq!(out.status.code(), Some(2));
}

/// CPython cannot be made to hit a MemoryError deterministically, so this
/// expected output is written by hand: an uncaught `MemoryError` ends CPython's
/// traceback with the bare line `MemoryError` and exit status 1.
#[test]
fn past_max_memory_the_program_gets_a_memory_error_and_the_cli_ends_cleanly() {
    let file = write_program(
        "grow.py",
        "print('début')\nl = []\nwhile True:\n    l.append('x' * 10_000)\n",
    );
    let t = Instant::now();
    let out = boucle(&["run", &file, "--max-memory", "48M"]);
    assert_eq!(String::from_utf8_lossy(&out.stdout), "début\n");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.ends_with("\nMemoryError\n"), "{err}");
    assert!(err.contains("line 4, in <module>"), "{err}");
    assert!(t.elapsed().as_secs_f64() < 60.0);
    let out = boucle(&["run", &file, "--max-memory", "plenty"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn events_are_written_as_they_come_and_equal_the_trace_of_the_run() {
    let file = write_program("events_src.py", TWO_SLEEPERS);
    let json = Path::new(env!("CARGO_TARGET_TMPDIR")).join("events.json");
    let out = boucle(&["run", &file, "--events", json.to_str().unwrap()]);
    assert!(out.status.success());
    let written = std::fs::read_to_string(&json).unwrap();
    let lp = boucle::runtime::Loop::new_virtual();
    let _program = boucle::python::asyncio::PyProgram::install(&lp, &file, TWO_SLEEPERS);
    lp.run_to_end();
    assert_eq!(written, boucle::trace::event::to_json(&lp.events()));
}
