//! The whole `#[wasm_bindgen]` surface of the page (documented in
//! ARCHITECTURE.md). Data crosses the boundary as JSON strings: one copy, no
//! per-field glue, and the page's pure functions get plain objects.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Function, Promise};
use wasm_bindgen::prelude::*;

use super::host::{host_loop, host_notify, Runner};
use crate::python::asyncio::PyProgram;
use crate::runtime::{Loop, VirtualClock};
use crate::scenarios::{self, Text};
use crate::trace::event::to_json;
use crate::trace::json::Json;
use crate::trace::log::Keep;
use crate::trace::FORMAT_VERSION;

/// Counts the heap, for the memory limit (see `crate::memory`).
#[global_allocator]
static ALLOCATOR: crate::memory::Counting<std::alloc::System> =
    crate::memory::Counting(std::alloc::System);

/// The heap limit in the page: a program past it gets a MemoryError, far below
/// the 4 GB at which the tab's wasm memory would end.
const MEMORY_LIMIT: usize = 1 << 30;

/// Events a Session keeps (the most recent): an endless program keeps a flat
/// memory; the page polls them as they come and keeps its own window.
const EVENT_WINDOW: usize = 200_000;

thread_local! {
    static PANIC_LISTENER: RefCell<Option<Function>> = const { RefCell::new(None) };
}

/// Installs the panic hook: the message goes to the console and to the page's
/// listener, so a Rust bug shows as an error instead of a silent trap.
#[wasm_bindgen(start)]
pub fn init() {
    crate::memory::set_limit(Some(MEMORY_LIMIT));
    std::panic::set_hook(Box::new(|info| {
        let msg = info.to_string();
        web_sys::console::error_1(&JsValue::from_str(&msg));
        PANIC_LISTENER.with(|l| {
            if let Some(f) = l.borrow().as_ref() {
                let _ = f.call1(&JsValue::NULL, &JsValue::from_str(&msg));
            }
        });
    }));
}

/// Registers `f(message)`, called when Rust panics.
#[wasm_bindgen]
pub fn set_panic_listener(f: Function) {
    PANIC_LISTENER.with(|l| *l.borrow_mut() = Some(f));
}

/// Panics on purpose, so the page's error path can be tested end to end.
#[wasm_bindgen]
pub fn debug_panic() {
    panic!("debug_panic: a deliberate Rust panic, to test the page's error handling");
}

/// Version of the trace event format.
#[wasm_bindgen]
pub fn format_version() -> u32 {
    FORMAT_VERSION
}

fn text(j: &mut Json, key: &str, t: &Text) {
    j.key(key).begin_object();
    j.key("fr").string(t.fr).key("en").string(t.en);
    j.end_object();
}

/// Every scenario: `[{id, file, title:{fr,en}, summary:{fr,en}, source, fixed, bug}]`.
#[wasm_bindgen]
pub fn scenarios() -> String {
    let mut j = Json::new();
    j.begin_array();
    for s in scenarios::all() {
        j.begin_object();
        j.key("id").string(s.id).key("file").string(s.file);
        text(&mut j, "title", &s.title);
        text(&mut j, "summary", &s.summary);
        j.key("source").string(s.source);
        match &s.bug {
            Some((bug, fixed)) => {
                j.key("fixed").string(fixed);
                text(&mut j, "bug", bug);
            }
            None => {
                j.key("fixed").null().key("bug").null();
            }
        }
        j.end_object();
    }
    j.end_array();
    j.finish()
}

fn check_speed(speed: f64) -> Result<f64, JsError> {
    if speed.is_finite() && (0.01..=100.0).contains(&speed) {
        Ok(speed)
    } else {
        Err(JsError::new(
            "this speed is not accepted: give a number from 0.01 to 100 (1 = real time)",
        ))
    }
}

/// A Python program run by the interpreter on the loop: on the virtual clock by
/// default (instant, in slices so the page keeps painting and Stop works), or in
/// real time at `speed`.
#[wasm_bindgen]
pub struct Session {
    lp: Loop,
    speed: f64,
    runner: Option<Rc<Runner>>,
    program: PyProgram,
}

#[wasm_bindgen]
impl Session {
    /// Compiles `source` (shown as `filename` in tracebacks); `speed` absent or 0:
    /// virtual clock; otherwise 0.01 to 100 (1 = real time).
    #[wasm_bindgen(constructor)]
    pub fn new(filename: &str, source: &str, speed: Option<f64>) -> Result<Session, JsError> {
        let speed = speed.unwrap_or(0.0);
        let lp = if speed == 0.0 {
            Loop::new(Box::new(VirtualClock::new()), Some(host_notify()))
        } else {
            host_loop(check_speed(speed)?)
        };
        lp.keep_events(Keep::Window(EVENT_WINDOW));
        let program = PyProgram::install(&lp, filename, source);
        Ok(Session {
            lp,
            // A virtual run is still driven in slices by the host (speed 1 for it).
            speed: if speed == 0.0 { 1.0 } else { speed },
            runner: None,
            program,
        })
    }

    /// Starts the run; `on_update()` is called after each slice of work.
    pub fn start(&mut self, on_update: Option<Function>) {
        if self.runner.is_none() {
            self.runner = Some(Runner::start(self.lp.clone(), self.speed, on_update));
        }
    }

    /// JSON array of the events from index `from` on.
    pub fn events_since(&self, from: usize) -> String {
        to_json(&self.lp.events_since(from))
    }

    /// Events emitted so far, kept or not (the next index `events_since` gives).
    pub fn events_total(&self) -> usize {
        self.lp.event_count()
    }

    /// Events the session no longer keeps (older than its window).
    pub fn events_dropped(&self) -> usize {
        self.lp.events_dropped()
    }

    /// Limits the program to `n` interpreter instructions (0: no limit); the page
    /// keeps a limit, and offers to run again without it.
    pub fn set_max_steps(&self, n: f64) {
        let n = if n > 0.0 { n as u64 } else { u64::MAX };
        self.program.interp.borrow_mut().set_instruction_limit(n);
    }

    /// Stops the run; idempotent.
    pub fn stop(&self) {
        match &self.runner {
            Some(r) => r.stop(),
            None => self.lp.abort(),
        }
    }

    /// Whether the program has ended (or was stopped).
    pub fn finished(&self) -> bool {
        self.lp.status().is_some()
    }

    /// Current loop time, seconds.
    pub fn now(&self) -> f64 {
        self.lp.time()
    }

    /// `{stdout, stderr, status, duration}`: the interpreter's, as CPython's.
    pub fn result(&self) -> String {
        result_json(&self.lp, &self.program, false)
    }

    /// A Promise resolved when the run has ended.
    pub fn when_finished(&self) -> Promise {
        match &self.runner {
            Some(r) => r.when_finished(),
            None => Promise::resolve(&JsValue::UNDEFINED),
        }
    }
}

fn result_json(lp: &Loop, program: &PyProgram, with_events: bool) -> String {
    let outcome = program.outcome();
    let mut j = Json::new();
    j.begin_object();
    if with_events {
        j.key("events").raw(&to_json(&lp.events()));
    }
    match outcome {
        Some(o) => {
            j.key("stdout").string(&o.stdout);
            j.key("stderr").string(&o.stderr);
            j.key("status").int(o.status as i64);
        }
        // Stopped, or a loop left waiting forever: what the loop recorded.
        None => {
            j.key("stdout").string(&lp.stdout());
            j.key("stderr").string(&lp.stderr());
            match lp.status() {
                Some(s) => j.key("status").int(s as i64),
                None => j.key("status").null(),
            };
        }
    }
    j.key("duration").number(lp.time());
    // The instruction limit stopped it (the page offers to go on without it).
    j.key("limit")
        .bool(program.interp.borrow().hit_instruction_limit());
    j.end_object();
    j.finish()
}

/// Runs a Python program to the end on the virtual clock, at once:
/// `{events, stdout, stderr, status, duration}`.
#[wasm_bindgen]
pub fn run_instant(filename: &str, source: &str) -> String {
    let lp = Loop::new_virtual();
    let program = PyProgram::install(&lp, filename, source);
    lp.run_to_end();
    result_json(&lp, &program, true)
}

/// Hands over the source of the library module `name` (`www/pylib/NAME.py`, fetched
/// by the page before a run that imports it: imports are synchronous in the engine).
#[wasm_bindgen]
pub fn add_module(name: &str, source: &str) {
    crate::python::lib::stdlib::register(name, source);
}
