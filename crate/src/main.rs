//! The `boucle` command line: run a Python program (or a course scenario) as
//! `python3 FILE.py` would, on the virtual clock or in real time, printing exactly
//! what CPython prints.

use std::cell::RefCell;
use std::io::Write;
use std::process::ExitCode;
use std::rc::Rc;

use boucle::python::asyncio::PyProgram;
use boucle::runtime::{Loop, Next, WallClock};
use boucle::scenarios;
use boucle::trace::log::Keep;
use boucle::trace::{event, export, gantt, Stream};

const USAGE: &str = "usage:
  boucle run FILE.py [OPTIONS]
  boucle list
  boucle run-scenario ID [OPTIONS]

  run               run a Python program as `python3 FILE.py` would (virtual clock:
                    asyncio.sleep does not wait), exit status 1 on an uncaught exception
  run-scenario      the same for a course example (its Python file, built in)

  --real-time       follow the wall clock: sleeps really wait
  --max-steps N     stop the program after N interpreter instructions (default: none,
                    it runs until it ends, like python3)
  --max-memory SIZE heap limit: past it the program gets a MemoryError (default 1G;
                    K, M, G suffixes; 0 for none)

  --timeline        print a text Gantt chart of the tasks on stderr after the run
  --trace FILE      write the trace in Chrome trace-event format (opens in Perfetto)
  --events FILE     write the raw trace events (the format the page uses), as they come

  The output is written as the program prints it. Without --timeline, --trace or
  --events no trace is kept; with --timeline or --trace, the last 2,000,000 events
  are (a note on stderr says how many older ones were dropped).";

/// Events kept for `--timeline` and `--trace` (about 100 bytes each).
const TRACE_WINDOW: usize = 2_000_000;

/// Counts the heap, for `--max-memory` (see `boucle::memory`). (Built for wasm32,
/// the library's own counting allocator is already there.)
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: boucle::memory::Counting<std::alloc::System> =
    boucle::memory::Counting(std::alloc::System);

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
    max_steps: Option<u64>,
    max_memory: Option<usize>,
}

fn parse_options(args: &[String], what: &str) -> Result<Options, String> {
    let mut target = None;
    let (mut timeline, mut real_time, mut trace, mut events) = (false, false, None, None);
    let (mut max_steps, mut max_memory) = (None, Some(1usize << 30));
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--timeline" => timeline = true,
            "--real-time" => real_time = true,
            "--trace" => trace = Some(it.next().ok_or("--trace needs a file name")?.clone()),
            "--events" => events = Some(it.next().ok_or("--events needs a file name")?.clone()),
            "--max-steps" => {
                let n = it.next().ok_or("--max-steps needs a number")?;
                max_steps = Some(
                    n.parse::<u64>()
                        .map_err(|_| format!("--max-steps needs a number, not '{n}'"))?,
                );
            }
            "--max-memory" => {
                let n = it.next().ok_or("--max-memory needs a size (e.g. 512M)")?;
                max_memory = boucle::memory::parse_size(n).ok_or(format!(
                    "--max-memory needs a size such as 512M or 2G, not '{n}'"
                ))?;
            }
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
        max_steps,
        max_memory,
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

/// Where the program's output goes: stdout through a buffer (flushed before
/// anything goes to stderr, at every wait of a real-time run, and at each line
/// when stdout is a terminal, as python3 does), stderr at once.
struct Console {
    out: std::io::BufWriter<std::io::Stdout>,
    line_buffered: bool,
    failed: Option<String>,
}

impl Console {
    fn new() -> Console {
        use std::io::IsTerminal;
        Console {
            out: std::io::BufWriter::with_capacity(1 << 16, std::io::stdout()),
            line_buffered: std::io::stdout().is_terminal(),
            failed: None,
        }
    }

    fn write(&mut self, stream: Stream, text: &str) {
        let r = match stream {
            Stream::Out => self.out.write_all(text.as_bytes()).and_then(|_| {
                if self.line_buffered && text.contains('\n') {
                    self.out.flush()
                } else {
                    Ok(())
                }
            }),
            Stream::Err => self.out.flush().and_then(|_| {
                let mut err = std::io::stderr();
                err.write_all(text.as_bytes()).and_then(|_| err.flush())
            }),
        };
        if let Err(e) = r {
            self.failed.get_or_insert(e.to_string());
        }
    }

    fn flush(&mut self) -> Result<(), String> {
        if let Some(e) = self.failed.take() {
            return Err(format!("cannot write the output: {e}"));
        }
        self.out
            .flush()
            .map_err(|e| format!("cannot write the output: {e}"))
    }
}

/// Runs `source` to the end, writing its output as it comes; the exit status is
/// the program's.
fn execute(o: &Options, file: &str, source: &str) -> Result<u8, String> {
    boucle::memory::set_limit(o.max_memory);
    let lp = if o.real_time {
        Loop::new(Box::new(WallClock::new()), None)
    } else {
        Loop::new_virtual()
    };
    let console = Rc::new(RefCell::new(Console::new()));
    let sink = console.clone();
    lp.set_output(Box::new(move |stream, text| {
        sink.borrow_mut().write(stream, text)
    }));
    let events_file = keep_events(o, &lp)?;
    let program = PyProgram::install(&lp, file, source);
    {
        let mut it = program.interp.borrow_mut();
        it.stream_output();
        it.set_instruction_limit(o.max_steps.unwrap_or(u64::MAX));
    }
    if o.real_time {
        run_real_time(&lp, &console)?;
    } else {
        lp.run_to_end();
    }
    let status = program.result(&lp).status;
    console.borrow_mut().flush()?;
    if let Some(file) = events_file {
        file.borrow_mut().finish()?;
    }
    write_outputs(o, &lp)?;
    Ok(status.clamp(0, 255) as u8)
}

/// What the trace keeps: nothing unless an option asks for it (an endless program
/// then keeps a flat memory). `--events` alone is written as it comes.
fn keep_events(o: &Options, lp: &Loop) -> Result<Option<Rc<RefCell<EventsFile>>>, String> {
    if o.timeline || o.trace.is_some() {
        lp.keep_events(Keep::Window(TRACE_WINDOW));
        return Ok(None);
    }
    let Some(path) = &o.events else {
        lp.keep_events(Keep::Count);
        return Ok(None);
    };
    let file = std::fs::File::create(path).map_err(|e| format!("cannot write {path}: {e}"))?;
    let out = Rc::new(RefCell::new(EventsFile {
        path: path.clone(),
        out: std::io::BufWriter::new(file),
        count: 0,
        failed: None,
    }));
    let writer = out.clone();
    lp.keep_events(Keep::Stream(Box::new(move |e| {
        writer.borrow_mut().write(e)
    })));
    Ok(Some(out))
}

/// `--events FILE` written as the events come: the same JSON array as
/// `event::to_json` makes of the whole trace.
struct EventsFile {
    path: String,
    out: std::io::BufWriter<std::fs::File>,
    count: usize,
    failed: Option<String>,
}

impl EventsFile {
    fn write(&mut self, e: &boucle::trace::Event) {
        let mut j = boucle::trace::json::Json::new();
        e.write_json(&mut j);
        let sep = if self.count == 0 { "[" } else { "," };
        self.count += 1;
        if let Err(err) = write!(self.out, "{sep}{}", j.finish()) {
            self.failed.get_or_insert(err.to_string());
        }
    }

    fn finish(&mut self) -> Result<(), String> {
        let end = if self.count == 0 { "[]" } else { "]" };
        let r = match self.failed.take() {
            Some(e) => Err(e),
            None => write!(self.out, "{end}")
                .and_then(|_| self.out.flush())
                .map_err(|e| e.to_string()),
        };
        r.map_err(|e| format!("cannot write {}: {e}", self.path))
    }
}

/// Drives the loop on the wall clock, sleeping until the next timer.
fn run_real_time(lp: &Loop, console: &RefCell<Console>) -> Result<(), String> {
    loop {
        let next = lp.advance(usize::MAX);
        console.borrow_mut().flush()?;
        match next {
            Next::Finished(_) => return Ok(()),
            Next::Continue => {}
            Next::Wait(secs) => {
                std::thread::sleep(std::time::Duration::from_secs_f64(secs.clamp(0.0, 3600.0)))
            }
            // Nothing can wake it: the virtual run's explanation, and the end.
            Next::Idle => {
                lp.run_to_end();
                return Ok(());
            }
        }
    }
}

fn write_outputs(o: &Options, lp: &Loop) -> Result<(), String> {
    if !(o.timeline || o.trace.is_some()) {
        return Ok(());
    }
    let trace_events = lp.events();
    let dropped = lp.events_dropped();
    if dropped > 0 {
        eprintln!(
            "boucle: the trace keeps the last {} events; the {dropped} before them were dropped",
            trace_events.len()
        );
    }
    if o.timeline {
        eprintln!("\n{}", gantt::text_timeline(&trace_events, 60));
    }
    if let Some(path) = &o.trace {
        std::fs::write(path, export::chrome_trace(&trace_events))
            .map_err(|e| format!("cannot write {path}: {e}"))?;
    }
    if let Some(path) = &o.events {
        std::fs::write(path, event::to_json(&trace_events))
            .map_err(|e| format!("cannot write {path}: {e}"))?;
    }
    Ok(())
}
