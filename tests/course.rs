//! The course, checked in one place: the scenarios of the page are the course's Python
//! files (and `crate/course-extra`), run by the interpreter on the virtual clock; they
//! print exactly what CPython prints (`*.out`, the last stderr line against `.err`,
//! exit status 1 where CPython fails), with CPython's timings, and leave a well-formed
//! trace whose Python tasks are ordinary tasks.

use std::path::{Path, PathBuf};

use boucle::python::asyncio::PyProgram;
use boucle::runtime::Loop;
use boucle::scenarios;
use boucle::trace::gantt::{lanes, State};
use boucle::trace::{Event, Kind, Outcome};

fn course_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("crate/course")
}

fn expected(file: &str, ext: &str) -> Option<String> {
    let stem = file.trim_end_matches(".py");
    let dirs = [
        course_dir(),
        Path::new(env!("CARGO_MANIFEST_DIR")).join("crate/course-extra"),
    ];
    dirs.iter()
        .map(|d| d.join(format!("{stem}.{ext}")))
        .find(|p| p.exists())
        .map(|p| std::fs::read_to_string(p).unwrap())
}

fn run(id: &str) -> Loop {
    scenarios::find(id).unwrap().run_virtual().0
}

#[test]
fn every_scenario_prints_exactly_what_cpython_prints() {
    for s in scenarios::all() {
        let (lp, p) = s.run_virtual();
        let out = expected(s.file, "out").unwrap_or_else(|| panic!("no .out for {}", s.file));
        assert_eq!(p.stdout, out, "stdout of {}", s.id);
        // The loop's line log (what the page shows) says the same.
        assert_eq!(lp.stdout(), out, "logged stdout of {}", s.id);
        match expected(s.file, "err") {
            Some(err) => {
                let last = p.stderr.trim_end().lines().last().unwrap_or("");
                assert_eq!(last, err.trim_end(), "last stderr line of {}", s.id);
                assert_eq!(p.status, 1, "exit status of {}", s.id);
            }
            None => {
                assert_eq!(p.stderr, "", "stderr of {}", s.id);
                assert_eq!(p.status, 0, "exit status of {}", s.id);
            }
        }
    }
}

#[test]
fn every_scenario_is_its_course_file_byte_for_byte() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for s in scenarios::all() {
        let on_disk = ["crate/course", "crate/course-extra"]
            .iter()
            .map(|d| root.join(d).join(s.file))
            .find(|p| p.exists())
            .unwrap_or_else(|| panic!("{}: no file {}", s.id, s.file));
        assert_eq!(
            std::fs::read_to_string(on_disk).unwrap(),
            s.source,
            "{}",
            s.id
        );
    }
}

#[test]
fn the_course_gather_example_is_refused_before_anything_runs_as_cpython_does() {
    let (lp, p) = scenarios::find("04").unwrap().run_virtual();
    assert_eq!(
        p.stderr,
        "  File \"04_gather.py\", line 7\n    await asyncio.sleep(2)\nIndentationError: unexpected indent\n"
    );
    assert_eq!(p.stdout, "");
    assert!(!lp
        .events()
        .iter()
        .any(|e| matches!(e.kind, Kind::Spawn { .. })));
}

fn log_times(events: &[Event]) -> Vec<(f64, String)> {
    events
        .iter()
        .filter_map(|e| match &e.kind {
            Kind::Log { text, .. } => Some((e.at, text.clone())),
            _ => None,
        })
        .collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6
}

#[test]
fn three_blocking_tasks_take_three_seconds_and_three_sleeping_ones_take_one() {
    let logs = log_times(&run("00").events());
    let at = |text: &str, nth: usize| logs.iter().filter(|(_, t)| t == text).nth(nth).unwrap().0;
    assert!(close(at("fin C", 0), 3.0));
    assert!(close(at("début A", 1), 3.0));
    assert!(
        close(at("fin C", 1), 4.0),
        "the asynchronous part takes 1 s"
    );
}

#[test]
fn two_sleeping_coroutines_finish_together_after_two_seconds() {
    let logs = log_times(&run("03").events());
    let ends: Vec<f64> = logs
        .iter()
        .filter(|(_, t)| t.starts_with("Fin"))
        .map(|(a, _)| *a)
        .collect();
    assert_eq!(ends.len(), 2);
    assert!(ends.iter().all(|a| close(*a, 2.0)), "{ends:?}");
}

#[test]
fn loop_stop_inside_gather_ends_the_loop_before_the_gather_callback_runs() {
    let events = run("05").events();
    // Both coroutines complete, then the loop stops with callbacks still queued.
    let completed = events
        .iter()
        .filter(|e| {
            matches!(
                e.kind,
                Kind::Complete {
                    outcome: Outcome::Ok,
                    ..
                }
            )
        })
        .count();
    assert_eq!(completed, 2);
    let stop = events
        .iter()
        .rposition(|e| matches!(e.kind, Kind::Loop { what: "stop" }))
        .unwrap();
    let last_iteration = events[..stop]
        .iter()
        .rposition(|e| matches!(e.kind, Kind::Iteration { .. }))
        .unwrap();
    assert!(
        events[last_iteration..stop]
            .iter()
            .any(|e| matches!(e.kind, Kind::Complete { .. })),
        "the coroutines finished in the very iteration that stopped the loop"
    );
}

#[test]
fn only_one_task_runs_at_a_time_in_every_scenario() {
    for s in scenarios::all() {
        let mut running = None;
        for e in s.run_virtual().0.events() {
            match e.kind {
                Kind::PollStart => {
                    assert_eq!(
                        running, None,
                        "{}: task {} started while another runs",
                        s.id, e.task
                    );
                    running = Some(e.task);
                }
                Kind::PollEnd { .. } => {
                    assert_eq!(
                        running,
                        Some(e.task),
                        "{}: poll_end of a task not running",
                        s.id
                    );
                    running = None;
                }
                _ => {}
            }
        }
        assert_eq!(running, None);
    }
}

#[test]
fn segments_of_a_lane_never_overlap_and_time_never_goes_back() {
    for s in scenarios::all() {
        let events = s.run_virtual().0.events();
        assert!(
            events.windows(2).all(|w| w[0].at <= w[1].at + 1e-12),
            "{}: time went back",
            s.id
        );
        for lane in lanes(&events) {
            for w in lane.segments.windows(2) {
                assert!(
                    w[0].end <= w[1].start + 1e-12,
                    "{}: overlap in {}: {:?}",
                    s.id,
                    lane.label,
                    w
                );
            }
            for seg in &lane.segments {
                assert!(seg.end >= seg.start, "{}: negative segment {:?}", s.id, seg);
            }
        }
    }
}

#[test]
fn every_task_ends_and_the_blocking_sleeps_show_on_the_loop_lane() {
    for s in scenarios::all() {
        let events = s.run_virtual().0.events();
        let spawned: Vec<u32> = events
            .iter()
            .filter(|e| matches!(e.kind, Kind::Spawn { .. }))
            .map(|e| e.task)
            .collect();
        for id in spawned {
            assert!(
                events
                    .iter()
                    .any(|e| e.task == id && matches!(e.kind, Kind::Complete { .. })),
                "{}: task {id} never completes",
                s.id
            );
        }
    }
    let blocked: f64 = lanes(&run("00").events())[0]
        .segments
        .iter()
        .filter(|s| s.state == State::Blocked)
        .map(|s| s.end - s.start)
        .sum();
    assert!(
        close(blocked, 3.0),
        "time.sleep blocked the loop for {blocked} s"
    );
}

#[test]
fn every_traced_line_is_a_line_of_code_of_the_scenario() {
    for s in scenarios::all() {
        let lines: Vec<&str> = s.source.lines().collect();
        for e in s.run_virtual().0.events() {
            if let Kind::Line { line } = e.kind {
                let text = lines.get(line as usize - 1).map(|l| l.trim()).unwrap_or("");
                assert!(
                    !text.is_empty() && !text.starts_with('#'),
                    "{}: line {line} is not code: {text:?}",
                    s.id
                );
            }
        }
    }
}

#[test]
fn an_unknown_scenario_is_refused_with_the_list_of_accepted_ids() {
    let err = scenarios::find("42").err().unwrap();
    assert!(
        err.contains("42") && err.contains("00") && err.contains("09"),
        "{err}"
    );
}

#[test]
fn python_task_names_follow_cpython_numbering() {
    let names: Vec<String> = run("07")
        .events()
        .iter()
        .filter_map(|e| match &e.kind {
            Kind::Spawn { name, coro, .. } => Some(format!("{name} {coro}")),
            _ => None,
        })
        .collect();
    assert_eq!(
        names[..4],
        [
            "Task-1 main",
            "Task-2 serveur_distant",
            "Task-3 gestion_envoi_message",
            "Task-4 gestion_reception_message"
        ]
    );
}

fn run_program(file: &str, source: &str) -> (boucle::python::Outcome, Vec<Event>) {
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
        let (out, _) = run_program(&name, &source);
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
    let (out, events) = run_program("04_gather.py", source);
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
    let (_, events) = run_program("07.py", source);
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
    let (_, events) = run_program("03.py", source);
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
    let (out, events) = run_program("spin.py", source);
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
    run_program(file, source).0
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
    let (out, events) = run_program(
        "p.py",
        "import asyncio\nasync def f():\n    await asyncio.sleep(1)\nasyncio.run(f())\nprint('Queue' in vars(asyncio), asyncio.Queue.__name__, 'Queue' in vars(asyncio))\n",
    );
    assert_eq!(out.stdout, "False Queue True\n");
    assert!(!events.is_empty());
}

#[test]
fn every_course_example_parses_and_compiles() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("crate/course");
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.extension().map(|x| x == "py").unwrap_or(false) {
            let src = std::fs::read_to_string(&p).unwrap();
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            let parsed = boucle::python::front::parser::parse_module(&src)
                .and_then(|m| boucle::python::front::compiler::compile_module(&m));
            assert_eq!(parsed.is_err(), name.starts_with("04_"), "{}", name);
        }
    }
}
