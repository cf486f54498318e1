//! The `boucle` command line: list the course scenarios and run them on the
//! virtual clock, printing exactly what CPython prints.

use std::io::Write;
use std::process::ExitCode;

use boucle::scenarios;
use boucle::trace::{event, export, gantt};

const USAGE: &str = "usage:
  boucle run FILE.py [--timeline] [--trace FILE.json] [--events FILE.json]
  boucle list
  boucle run-scenario ID [--timeline] [--trace FILE.json] [--events FILE.json]

  run               run a Python program as `python3 FILE.py` would (virtual clock:
                    asyncio.sleep does not wait), exit status 1 on an uncaught exception

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
    trace: Option<String>,
    events: Option<String>,
}

fn parse_options(args: &[String], what: &str) -> Result<Options, String> {
    let mut target = None;
    let (mut timeline, mut trace, mut events) = (false, None, None);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--timeline" => timeline = true,
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
        trace,
        events,
    })
}

fn run_python(args: &[String]) -> Result<u8, String> {
    let o = parse_options(args, "run needs a Python file")?;
    let source =
        std::fs::read_to_string(&o.target).map_err(|e| format!("cannot read {}: {e}", o.target))?;
    let lp = boucle::runtime::Loop::new_virtual();
    let program = boucle::python::asyncio::PyProgram::install(&lp, &o.target, &source);
    lp.run_to_end();
    // A program that never finished (a loop left waiting forever) has no outcome:
    // what it printed, and the runtime's explanation, are in the loop's log.
    let outcome = program
        .outcome()
        .unwrap_or_else(|| boucle::python::Outcome {
            stdout: lp.stdout(),
            stderr: lp.stderr(),
            status: lp.status().unwrap_or(1),
        });
    print!("{}", outcome.stdout);
    eprint!("{}", outcome.stderr);
    std::io::stdout().flush().map_err(|e| e.to_string())?;
    write_outputs(&o, &lp.events())?;
    Ok(outcome.status.clamp(0, 255) as u8)
}

fn run_scenario(args: &[String]) -> Result<u8, String> {
    let o = parse_options(args, "run-scenario needs a scenario id (see `boucle list`)")?;
    let scenario = scenarios::find(&o.target)?;
    let lp = scenario.run_virtual();
    print!("{}", lp.stdout());
    eprint!("{}", lp.stderr());
    std::io::stdout().flush().map_err(|e| e.to_string())?;
    write_outputs(&o, &lp.events())?;
    Ok(lp.status().unwrap_or(1) as u8)
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
