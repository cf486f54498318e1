//! asyncio for the interpreter, on the instrumented event loop of
//! [`crate::runtime`]. The high-level API is CPython's own algorithms written in
//! Python (`prelude.py`, and `prelude_sync.py` loaded on first use); under it, the
//! native core `_boucle`:
//! - [`natives`]: the `_boucle` functions the prelude calls (futures, tasks,
//!   `call_soon` / `call_later`, the wake reasons it gives the trace);
//! - [`state`]: one record per future and one per task;
//! - [`host`]: the bridge to the loop: output and clock (`LoopHost`), the main
//!   program (`PyProgram`), whose `run_until_complete` / `run_forever` suspend it
//!   while the loop runs, and the task bodies that resume coroutines;
//! - [`reports`]: what CPython reports at shutdown, reprs, exception conversion.
//!
//! A Python task is a runtime task whose body resumes the coroutine, so it shows
//! in the trace like any other.

use crate::python::core::exc::ExcKind;
use std::cell::RefCell;
use std::rc::Rc;

use super::builtins::native;
use super::value::{Args, Builtin, Module, PyResult, Value};
use super::vm::Vm;
use natives::str_arg;
use state::state;

mod host;
mod natives;
mod reports;
mod state;

pub use host::{LoopHost, PyProgram};
pub use natives::core_module;

/// The prelude's file name, as tracebacks show it.
const PRELUDE_FILE: &str = "<asyncio>";

// made smaller by build.rs (comments, indentation: line numbers kept)
const PRELUDE: &str = include_str!(concat!(env!("OUT_DIR"), "/prelude.py"));

/// One of asyncio's two Python files: the prelude, run by `import asyncio`, and its
/// second part (queues, locks, timeouts, task groups), run on first use.
struct Part {
    file: &'static str,
    /// The embedded text, or the name of a file the wasm leaves to the page
    /// ([`crate::python::lib::stdlib::PARTS`]).
    source: Result<&'static str, &'static str>,
}

impl Part {
    fn text(&self) -> Option<Rc<str>> {
        match self.source {
            Ok(text) => Some(Rc::from(text)),
            Err(name) => crate::python::lib::stdlib::part(name),
        }
    }
}

const CORE: Part = Part {
    file: PRELUDE_FILE,
    source: Ok(PRELUDE),
};

const SYNC: Part = Part {
    file: "<asyncio.sync>",
    source: Err("prelude_sync"),
};

/// The public names `prelude_sync.py` defines (a test checks this list).
pub const SYNC_NAMES: &[&str] = &[
    "Timeout",
    "timeout",
    "timeout_at",
    "TaskGroup",
    "Queue",
    "PriorityQueue",
    "LifoQueue",
    "Event",
    "Lock",
    "Semaphore",
    "BoundedSemaphore",
    "Condition",
];

/// A part's code, compiled once per thread: code objects are immutable, and every
/// run in the page would otherwise parse it again.
fn part_code(
    part: &Part,
    source: &str,
) -> Result<Rc<super::bytecode::Code>, super::errors::SyntaxErr> {
    thread_local! {
        static COMPILED: RefCell<Vec<(&'static str, Rc<super::bytecode::Code>)>> =
            const { RefCell::new(Vec::new()) };
    }
    let cached = COMPILED.with(|c| {
        c.borrow()
            .iter()
            .find(|(f, _)| *f == part.file)
            .map(|(_, code)| code.clone())
    });
    match cached {
        Some(code) => Ok(code),
        None => super::parser::parse_module(source)
            .and_then(|m| super::compiler::compile_library(&m, part.file))
            .inspect(|code| COMPILED.with(|c| c.borrow_mut().push((part.file, code.clone())))),
    }
}

fn prelude_code() -> Result<Rc<super::bytecode::Code>, super::errors::SyntaxErr> {
    part_code(&CORE, PRELUDE)
}

/// Runs `part` in asyncio's namespace `globals`.
fn run_part(vm: &mut Vm, part: &Part, globals: &super::value::Namespace) -> PyResult<()> {
    let Some(source) = part.text() else {
        // the wasm: the page did not see a name of this part in the program
        return vm.err(
            ExcKind::ImportError,
            format!("{} is not loaded (the page fetches it before a run whose program names one of its names)", part.file),
        );
    };
    let code = match part_code(part, &source) {
        Ok(c) => c,
        Err(e) => {
            let text = e.render(part.file, &source);
            return vm.err(ExcKind::ImportError, format!("asyncio prelude: {text}"));
        }
    };
    vm.add_library(part.file, &source);
    vm.run_code(code, globals.clone())?;
    Ok(())
}

/// `import asyncio`: the prelude, compiled once and run.
pub fn asyncio_module(vm: &mut Vm) -> PyResult<Value> {
    if vm.asyncio.is_none() {
        return vm.err(
            ExcKind::ModuleNotFoundError,
            "asyncio needs the event loop: run the program with boucle",
        );
    }
    let globals: super::value::Namespace = Rc::new(RefCell::new(std::collections::HashMap::new()));
    {
        let mut g = globals.borrow_mut();
        g.insert("__name__".into(), Value::str("asyncio"));
        // Before the prelude runs: its own functions use it for the second part.
        g.insert(
            "__getattr__".into(),
            native("__getattr__", nf_module_getattr),
        );
    }
    *state(vm).globals.borrow_mut() = Some(globals.clone());
    run_part(vm, &CORE, &globals)?;
    Ok(Value::Module(Rc::new(Module {
        name: "asyncio".into(),
        attrs: globals,
    })))
}

/// asyncio's module `__getattr__` (PEP 562): the names of the second part load it.
fn nf_module_getattr(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let name = str_arg(&a, 0);
    let globals = state(vm).globals.borrow().clone();
    if let (Some(globals), true) = (globals, SYNC_NAMES.contains(&name.as_str())) {
        if !globals.borrow().contains_key(name.as_str()) {
            run_part(vm, &SYNC, &globals)?;
        }
        if let Some(v) = globals.borrow().get(name.as_str()).cloned() {
            return Ok(v);
        }
    }
    vm.err(
        ExcKind::AttributeError,
        format!("module 'asyncio' has no attribute '{name}'"),
    )
}
