//! The course's Python files, run by the interpreter on the instrumented loop,
//! print exactly what CPython prints (`crate/course/*.out`, the last stderr line
//! against `.err`, exit status 1 where CPython fails), and their Python tasks are
//! ordinary tasks of the trace.

use std::path::Path;

use boucle::python::asyncio::PyProgram;
use boucle::runtime::Loop;
use boucle::trace::{Event, Kind};

fn run(file: &str, source: &str) -> (boucle::python::Outcome, Vec<Event>) {
    let lp = Loop::new_virtual();
    let program = PyProgram::install(&lp, file, source);
    lp.run_to_end();
    (
        program.outcome().expect("the program finished"),
        lp.events(),
    )
}

fn course_files() -> Vec<(String, String)> {
    let mut files = Vec::new();
    for dir in ["crate/course", "crate/course-extra"] {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        for entry in std::fs::read_dir(&dir).unwrap() {
            let p = entry.unwrap().path();
            if p.extension().is_some_and(|e| e == "py") {
                let name = p.file_name().unwrap().to_string_lossy().to_string();
                files.push((name, p.to_string_lossy().to_string()));
            }
        }
    }
    files.sort();
    files
}

#[test]
fn every_course_file_run_by_the_interpreter_prints_what_cpython_prints() {
    let files = course_files();
    assert!(files.len() >= 11, "{} course files", files.len());
    for (name, path) in files {
        let source = std::fs::read_to_string(&path).unwrap();
        let (out, _) = run(&name, &source);
        let stem = path.trim_end_matches(".py");
        let expected = std::fs::read_to_string(format!("{stem}.out")).unwrap();
        assert_eq!(out.stdout, expected, "stdout of {name}");
        match std::fs::read_to_string(format!("{stem}.err")) {
            Ok(err) => {
                let last = out.stderr.trim_end().lines().last().unwrap_or("");
                assert_eq!(last, err.trim_end(), "last stderr line of {name}");
                assert_eq!(out.status, 1, "exit status of {name}");
            }
            Err(_) => {
                assert_eq!(out.stderr, "", "stderr of {name}");
                assert_eq!(out.status, 0, "exit status of {name}");
            }
        }
    }
}

#[test]
fn the_course_indentation_bug_is_reported_like_cpython_with_the_source_line() {
    let source = include_str!("../crate/course/04_gather.py");
    let (out, events) = run("04_gather.py", source);
    assert_eq!(
        out.stderr,
        "  File \"04_gather.py\", line 7\n    await asyncio.sleep(2)\nIndentationError: unexpected indent\n"
    );
    assert!(!events.iter().any(|e| matches!(e.kind, Kind::Spawn { .. })));
}

fn spawns(events: &[Event]) -> Vec<String> {
    events
        .iter()
        .filter_map(|e| match &e.kind {
            Kind::Spawn { name, coro, .. } => Some(format!("{name} {coro}")),
            _ => None,
        })
        .collect()
}

#[test]
fn python_tasks_are_named_as_cpython_names_them_and_show_in_the_trace() {
    let source = include_str!("../crate/course/07_websocket_wait_first_completed.py");
    let (_, events) = run("07.py", source);
    assert_eq!(
        spawns(&events)[..4],
        [
            "Task-1 main",
            "Task-2 serveur_distant",
            "Task-3 gestion_envoi_message",
            "Task-4 gestion_reception_message"
        ]
    );
    let waits: Vec<String> = events
        .iter()
        .filter_map(|e| match &e.kind {
            Kind::PollEnd { wait: Some(w) } => Some(w.to_string()),
            _ => None,
        })
        .collect();
    for expected in ["sleep(0.25)", "Queue.get()", "wait(FIRST_COMPLETED)"] {
        assert!(
            waits.iter().any(|w| w == expected),
            "no task waited on {expected}: {waits:?}"
        );
    }
}

#[test]
fn lines_of_the_program_are_traced_per_task_and_library_lines_are_not() {
    let source = include_str!("../crate/course/03_two_coroutines_ensure_future.py");
    let (_, events) = run("03.py", source);
    let n = source.lines().count() as u32;
    let lines: Vec<(u32, u32)> = events
        .iter()
        .filter_map(|e| match e.kind {
            Kind::Line { line } => Some((e.task, line)),
            _ => None,
        })
        .collect();
    assert!(lines.iter().all(|(_, l)| *l >= 1 && *l <= n), "{lines:?}");
    assert!(
        lines.contains(&(1, 7)) && lines.contains(&(2, 14)),
        "{lines:?}"
    );
}

#[test]
fn a_long_coroutine_step_is_run_in_slices_without_letting_another_task_in() {
    // 3 million iterations: many instruction slices, one step of `busy` as far as
    // the loop and the trace are concerned, and `other` only runs after it, as
    // under CPython (which prints exactly these two lines).
    let source = "import asyncio\nasync def busy():\n    n = 0\n    for i in range(3_000_000):\n        n += i\n    print(\"busy done\", n)\nasync def other():\n    print(\"other\")\nasync def main():\n    await asyncio.gather(busy(), other())\nasyncio.run(main())\n";
    let (out, events) = run("spin.py", source);
    assert_eq!(out.stdout, "busy done 4499998500000\nother\n");
    let busy = events
        .iter()
        .find_map(|e| match &e.kind {
            Kind::Spawn { coro, .. } if coro == "busy" => Some(e.task),
            _ => None,
        })
        .unwrap();
    let polls = events
        .iter()
        .filter(|e| e.task == busy && matches!(e.kind, Kind::PollStart))
        .count();
    assert_eq!(polls, 1, "the sliced step is still one step");
}

fn run_file_named(file: &str, source: &str) -> boucle::python::Outcome {
    run(file, source).0
}

#[test]
fn a_coroutine_called_without_await_gets_cpythons_warning() {
    let source = "import asyncio\nasync def f():\n    print(\"f\")\nasync def main():\n    f()\n    print(\"fin\")\nasyncio.run(main())\n";
    let out = run_file_named("nw.py", source);
    assert_eq!(out.stdout, "fin\n");
    // What CPython 3.11 writes on stderr for this program.
    assert_eq!(
        out.stderr,
        "nw.py:5: RuntimeWarning: coroutine 'f' was never awaited\n  f()\nRuntimeWarning: Enable tracemalloc to get the object allocation traceback\n"
    );
    assert_eq!(out.status, 0);
}

#[test]
fn a_task_left_pending_at_exit_gets_cpythons_warning() {
    let source = "import asyncio\nasync def f():\n    await asyncio.sleep(10)\nasync def main():\n    asyncio.ensure_future(f())\n    await asyncio.sleep(0)\nloop = asyncio.new_event_loop()\nloop.run_until_complete(main())\n";
    let out = run_file_named("td.py", source);
    assert_eq!(
        out.stderr,
        "Task was destroyed but it is pending!\ntask: <Task pending name='Task-2' coro=<f() running at td.py:3> wait_for=<Future pending cb=[Task.task_wakeup()]>>\n"
    );
}

#[test]
fn asyncio_loads_its_second_part_for_exactly_the_names_it_defines() {
    // prelude_sync.py is run on first use of one of SYNC_NAMES: a name defined there
    // and missing from the list would be unreachable, a listed name it does not
    // define would be an AttributeError.
    let source = include_str!("../crate/src/python/asyncio/prelude_sync.py");
    let mut defined: Vec<&str> = source
        .lines()
        .filter_map(|l| l.strip_prefix("class ").or_else(|| l.strip_prefix("def ")))
        .map(|l| l.split(['(', ':']).next().unwrap())
        .filter(|n| !n.starts_with('_'))
        .collect();
    let mut listed = boucle::python::asyncio::SYNC_NAMES.to_vec();
    defined.sort_unstable();
    listed.sort_unstable();
    assert_eq!(defined, listed);
    // and a program that never names them does not load it
    let (out, events) = run(
        "p.py",
        "import asyncio\nasync def f():\n    await asyncio.sleep(1)\nasyncio.run(f())\nprint('Queue' in vars(asyncio), asyncio.Queue.__name__, 'Queue' in vars(asyncio))\n",
    );
    assert_eq!(out.stdout, "False Queue True\n");
    assert!(!events.is_empty());
}
