//! The `boucle` command line: run a Python program (or a course scenario) as
//! `python3 FILE.py` would, on the virtual clock or in real time, printing exactly
//! what CPython prints.

use std::io::Write;
use std::process::ExitCode;

use boucle::python::asyncio::PyProgram;
use boucle::python::Outcome;
use boucle::runtime::{Loop, Next, WallClock};
use boucle::scenarios;
use boucle::trace::{event, export, gantt};

const USAGE: &str = "usage:
  boucle run FILE.py [--real-time] [--timeline] [--trace FILE.json] [--events FILE.json]
  boucle list
  boucle run-scenario ID [--real-time] [--timeline] [--trace FILE.json] [--events FILE.json]

  run               run a Python program as `python3 FILE.py` would (virtual clock:
                    asyncio.sleep does not wait), exit status 1 on an uncaught exception
  run-scenario      the same for a course example (its Python file, built in)

  --real-time       follow the wall clock: sleeps really wait, output comes as printed

  --timeline        print a text Gantt chart of the tasks on stderr after the run
  --trace FILE      write the trace in Chrome trace-event format (opens in Perfetto)
  --events FILE     write the raw trace events (the format the page uses)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => ExitCode::from(code),
        Err(msg) => {
            eprintln!("boucle: {msg}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<u8, String> {
    match args.first().map(String::as_str) {
        Some("list") => {
            for s in scenarios::all() {
                println!("{:<4} {:<40} {}", s.id, s.file, s.title.fr);
            }
            Ok(0)
        }
        Some("run-scenario") => run_scenario(&args[1..]),
        Some("run") => run_python(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(0)
        }
        Some(other) => Err(format!("unknown command '{other}'")),
        None => Err("a command is needed".to_string()),
    }
}

/// The options shared by `run` and `run-scenario`.
struct Options {
    target: String,
    timeline: bool,
    real_time: bool,
    trace: Option<String>,
    events: Option<String>,
}

fn parse_options(args: &[String], what: &str) -> Result<Options, String> {
    let mut target = None;
    let (mut timeline, mut real_time, mut trace, mut events) = (false, false, None, None);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--timeline" => timeline = true,
            "--real-time" => real_time = true,
            "--trace" => trace = Some(it.next().ok_or("--trace needs a file name")?.clone()),
            "--events" => events = Some(it.next().ok_or("--events needs a file name")?.clone()),
            flag if flag.starts_with("--") => return Err(format!("unknown option '{flag}'")),
            other if target.is_none() => target = Some(other.to_string()),
            other => return Err(format!("unexpected argument '{other}'")),
        }
    }
    Ok(Options {
        target: target.ok_or(what)?,
        timeline,
        real_time,
        trace,
        events,
    })
}

fn run_python(args: &[String]) -> Result<u8, String> {
    let o = parse_options(args, "run needs a Python file")?;
    let source =
        std::fs::read_to_string(&o.target).map_err(|e| format!("cannot read {}: {e}", o.target))?;
    execute(&o, &o.target, &source)
}

fn run_scenario(args: &[String]) -> Result<u8, String> {
    let o = parse_options(args, "run-scenario needs a scenario id (see `boucle list`)")?;
    let scenario = scenarios::find(&o.target)?;
    execute(&o, scenario.file, scenario.source)
}

/// Runs `source` to the end and prints what it printed; the exit status is the
/// program's.
fn execute(o: &Options, file: &str, source: &str) -> Result<u8, String> {
    let outcome = if o.real_time {
        let lp = Loop::new(Box::new(WallClock::new()), None);
        let program = PyProgram::install(&lp, file, source);
        let outcome = run_real_time(&lp, &program)?;
        write_outputs(o, &lp.events())?;
        outcome
    } else {
        let lp = Loop::new_virtual();
        let program = PyProgram::install(&lp, file, source);
        lp.run_to_end();
        let outcome = program.result(&lp);
        print!("{}", outcome.stdout);
        eprint!("{}", outcome.stderr);
        std::io::stdout().flush().map_err(|e| e.to_string())?;
        write_outputs(o, &lp.events())?;
        outcome
    };
    Ok(outcome.status.clamp(0, 255) as u8)
}

/// Drives the loop on the wall clock, sleeping until the next timer, and prints
/// the output as it is written (the rest, if any, at the end).
fn run_real_time(lp: &Loop, program: &PyProgram) -> Result<Outcome, String> {
    let (mut out_done, mut err_done) = (0, 0);
    let mut flush = |lp: &Loop| -> Result<(), String> {
        let (out, err) = lp.output_since(out_done, err_done);
        print!("{out}");
        eprint!("{err}");
        (out_done, err_done) = (out_done + out.len(), err_done + err.len());
        std::io::stdout().flush().map_err(|e| e.to_string())
    };
    loop {
        let next = lp.advance(usize::MAX);
        flush(lp)?;
        match next {
            Next::Finished(_) => break,
            Next::Continue => {}
            Next::Wait(secs) => {
                std::thread::sleep(std::time::Duration::from_secs_f64(secs.clamp(0.0, 3600.0)))
            }
            // Nothing can wake it: the virtual run's explanation, and the end.
            Next::Idle => {
                lp.run_to_end();
                flush(lp)?;
                break;
            }
        }
    }
    // The interpreter's own record is CPython's bytes; print what the loop's line
    // log did not already show.
    let outcome = program.result(lp);
    print!("{}", unshown(&outcome.stdout, &lp.stdout(), out_done));
    eprint!("{}", unshown(&outcome.stderr, &lp.stderr(), err_done));
    std::io::stdout().flush().map_err(|e| e.to_string())?;
    Ok(outcome)
}

/// The part of `full` past the `shown` bytes of `logged` already printed, when
/// `full` begins with them (else nothing: it is not the same text).
fn unshown<'a>(full: &'a str, logged: &str, shown: usize) -> &'a str {
    match (full.get(shown..), logged.get(..shown)) {
        (Some(rest), Some(done)) if full.starts_with(done) => rest,
        _ => "",
    }
}

fn write_outputs(o: &Options, trace_events: &[boucle::trace::Event]) -> Result<(), String> {
    let (timeline, trace, events) = (o.timeline, o.trace.clone(), o.events.clone());
    if timeline {
        eprintln!("\n{}", gantt::text_timeline(trace_events, 60));
    }
    if let Some(path) = trace {
        std::fs::write(&path, export::chrome_trace(trace_events))
            .map_err(|e| format!("cannot write {path}: {e}"))?;
    }
    if let Some(path) = events {
        std::fs::write(&path, event::to_json(trace_events))
            .map_err(|e| format!("cannot write {path}: {e}"))?;
    }
    Ok(())
}
