//! The scenarios of the page are the course's Python files, run by the interpreter
//! on the virtual clock: they print exactly what CPython prints (`crate/course/*.out`,
//! `.err`), with CPython's timings, and leave a well-formed trace.

use std::path::{Path, PathBuf};

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
