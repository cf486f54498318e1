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

#[path = "support/json.rs"]
mod json;

use std::io::{BufRead, BufReader};
use std::process::Stdio;

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

fn out_file(name: &str) -> String {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(name)
        .to_string_lossy()
        .into_owned()
}

#[test]
fn trace_writes_a_chrome_trace_with_one_thread_per_task_and_the_sleeps_in_microseconds() {
    let path = out_file("cli-trace-03.json");
    let _ = std::fs::remove_file(&path);
    let out = boucle(&["run-scenario", "03", "--trace", &path]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    // The program's output is unchanged by the option.
    assert_eq!(
        text(&out.stdout),
        include_str!("../crate/course/03_two_coroutines_ensure_future.out")
    );
    let trace = json::parse(&std::fs::read_to_string(&path).unwrap()).expect("valid JSON");
    let events = trace.get("traceEvents").arr();
    let threads: Vec<(f64, &str)> = events
        .iter()
        .filter(|e| e.get("ph").str() == Some("M") && e.get("name").str() == Some("thread_name"))
        .map(|e| {
            (
                e.get("tid").num().unwrap(),
                e.get("args").get("name").str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        threads,
        [
            (0.0, "boucle"),
            (1.0, "Task-1 · Coroutine_1"),
            (2.0, "Task-2 · Coroutine_2")
        ]
    );
    for task in [1.0, 2.0] {
        let waits: Vec<(f64, f64)> = events
            .iter()
            .filter(|e| e.get("ph").str() == Some("X") && e.get("tid").num() == Some(task))
            .filter(|e| e.get("name").str() == Some("waiting: sleep(2)"))
            .map(|e| (e.get("ts").num().unwrap(), e.get("dur").num().unwrap()))
            .collect();
        assert_eq!(waits, [(0.0, 2_000_000.0)], "task {task} waits 2 s from 0");
    }
    let printed: Vec<&str> = events
        .iter()
        .filter(|e| e.get("ph").str() == Some("i"))
        .map(|e| e.get("name").str().unwrap())
        .collect();
    assert_eq!(
        printed.join("\n") + "\n",
        include_str!("../crate/course/03_two_coroutines_ensure_future.out")
    );
    for e in events {
        assert_eq!(e.get("pid").num(), Some(1.0), "{e:?}");
        assert!(e.get("ph").str().is_some() && e.get("tid").num().is_some());
    }
}

#[test]
fn events_writes_the_raw_trace_the_page_reads() {
    let file = write_program("events.py", TWO_SLEEPERS);
    let path = out_file("cli-events.json");
    let _ = std::fs::remove_file(&path);
    let out = boucle(&["run", &file, "--events", &path]);
    assert!(out.status.success());
    let events = json::parse(&std::fs::read_to_string(&path).unwrap()).expect("valid JSON");
    let events = events.arr();
    assert!(events.iter().all(|e| e.get("k").str().is_some()
        && e.get("at").num().is_some()
        && e.get("task").num().is_some()));
    let spawned: Vec<&str> = events
        .iter()
        .filter(|e| e.get("k").str() == Some("spawn"))
        .map(|e| e.get("coro").str().unwrap())
        .collect();
    // asyncio.run's own shutdown tasks come last, as in CPython.
    assert_eq!(
        spawned,
        [
            "main",
            "dort",
            "dort",
            "BaseEventLoop.shutdown_asyncgens",
            "BaseEventLoop.shutdown_default_executor"
        ]
    );
    let logs: Vec<(f64, &str)> = events
        .iter()
        .filter(|e| e.get("k").str() == Some("log"))
        .map(|e| (e.get("at").num().unwrap(), e.get("text").str().unwrap()))
        .collect();
    assert_eq!(
        logs,
        [(0.2, "B réveillé"), (0.3, "A réveillé"), (0.3, "durée 0.3")]
    );
    let times: Vec<f64> = events.iter().map(|e| e.get("at").num().unwrap()).collect();
    assert!(
        times.windows(2).all(|w| w[0] <= w[1]),
        "time never goes back"
    );
}

#[test]
fn timeline_draws_one_row_per_task_on_stderr_after_the_output() {
    let out = boucle(&["run-scenario", "03", "--timeline"]);
    assert!(out.status.success());
    assert_eq!(
        text(&out.stdout),
        include_str!("../crate/course/03_two_coroutines_ensure_future.out"),
        "the chart goes to stderr, the program's output stays clean"
    );
    let err = text(&out.stderr);
    let rows: Vec<&str> = err.lines().filter(|l| l.contains('│')).collect();
    assert_eq!(rows.len(), 3, "{err}");
    assert!(rows[0].starts_with("boucle"), "{err}");
    assert!(rows[1].starts_with("Task-1 · Coroutine_1"), "{err}");
    assert!(rows[2].starts_with("Task-2 · Coroutine_2"), "{err}");
    // Both tasks wait (─) most of the run, and run (█) at its start and its end.
    for row in &rows[1..] {
        let bar: String = row.split('│').nth(1).unwrap().chars().collect();
        assert!(bar.starts_with('█') && bar.ends_with('█'), "{row}");
        assert!(bar.chars().filter(|c| *c == '─').count() > 40, "{row}");
    }
    assert!(err.contains("0 s") && err.contains("2.0 s"), "{err}");
    assert!(
        err.contains("█ running") && err.contains("─ waiting"),
        "{err}"
    );
}

#[test]
fn list_names_every_course_example_with_its_file() {
    let out = boucle(&["list"]);
    assert!(out.status.success());
    let listing = text(&out.stdout);
    let ids: Vec<&str> = listing
        .lines()
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(
        ids,
        ["00", "01", "02", "03", "04", "05", "05b", "06", "07", "08", "09"]
    );
    for line in listing.lines() {
        let file = line.split_whitespace().nth(1).unwrap();
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        assert!(
            root.join("crate/course").join(file).exists()
                || root.join("crate/course-extra").join(file).exists(),
            "{line}"
        );
    }
    assert!(listing.contains("Deux coroutines avec ensure_future"));
}

#[test]
fn exit_statuses_are_the_programs_or_two_for_a_usage_error() {
    let file = write_program("exit3.py", "import sys\nprint('avant')\nsys.exit(3)\n");
    let out = boucle(&["run", &file]);
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(text(&out.stdout), "avant\n");
    let help = boucle(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(text(&help.stdout).contains("boucle run FILE.py"));
    for (args, message) in [
        (vec![], "a command is needed"),
        (vec!["runn"], "unknown command 'runn'"),
        (vec!["run"], "run needs a Python file"),
        (
            vec!["run", "/nonexistent/x.py"],
            "cannot read /nonexistent/x.py",
        ),
        (vec!["run", "a.py", "b.py"], "unexpected argument 'b.py'"),
        (vec!["run", "a.py", "--trace"], "--trace needs a file name"),
        (
            vec!["run", "a.py", "--events"],
            "--events needs a file name",
        ),
        (vec!["run-scenario"], "run-scenario needs a scenario id"),
    ] {
        let out = boucle(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = text(&out.stderr);
        assert!(
            err.contains(message) && err.contains("usage:"),
            "{args:?}: {err}"
        );
        assert_eq!(text(&out.stdout), "", "{args:?}");
    }
    let out = boucle(&["run-scenario", "03", "--trace", "/nonexistent/dir/t.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("cannot write /nonexistent/dir/t.json"));
}

#[test]
fn real_time_shows_each_line_as_it_is_printed_not_at_the_end() {
    // One line, then 3 s of real sleep, then another: the first line must be readable
    // while the program sleeps. Lower bounds only: a loaded machine is slower, never
    // faster than the sleep.
    let file = write_program(
        "stream.py",
        "import asyncio\n\nasync def main():\n    print('tout de suite')\n    await asyncio.sleep(3)\n    print('trois secondes après')\n\nasyncio.run(main())\n",
    );
    let mut child = Command::new(env!("CARGO_BIN_EXE_boucle"))
        .args(["run", &file, "--real-time"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("boucle starts");
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    let first_at = Instant::now();
    assert_eq!(first, "tout de suite\n");
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stdout, &mut rest).unwrap();
    let status = child.wait().unwrap();
    let gap = first_at.elapsed().as_secs_f64();
    assert!(status.success());
    assert_eq!(rest, "trois secondes après\n");
    assert!(
        gap >= 2.5,
        "the first line came only {gap:.2} s before the end: it was held back until the program ended"
    );
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
