//! The virtual machine. Python frames live on an explicit stack (`Vm::frames`), so a
//! Python-level call never recurses on the Rust stack, a generator or coroutine is a
//! suspended `Frame` stored in its object, and `run` can stop after a budget of
//! instructions and be resumed. Native code that must call back into Python (a
//! `__repr__`, a sort key...) runs a nested loop (`Vm::call`), bounded by `MAX_NESTED`.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::python::core::code::Code;
use crate::python::core::exc::{ExcKind, ExcName};
use crate::python::core::host::Host;
use crate::python::core::library::Library;
use crate::python::core::value::*;
use crate::python::front::bytecode::{CodeKind, Instr};

// `Vm::step`'s opcodes, one file a category (as Boa groups them).
mod ops_blocks;
mod ops_build;
mod ops_calls;
mod ops_control;
mod ops_names;
mod ops_operators;
mod ops_suspend;

/// CPython's default recursion limit (frames, the module's included).
pub const RECURSION_LIMIT: usize = 1000;
/// How deep native code may re-enter the interpreter (protects the Rust stack).
pub const MAX_NESTED: usize = 30;

/// A try/with block of a frame.
#[derive(Clone, Copy, Debug)]
pub enum Block {
    /// On exception: truncate the stack to `level`, push the exception, jump.
    Except {
        /// Handler address.
        handler: usize,
        /// Stack depth to restore.
        level: usize,
    },
    /// An except handler is running (its exception is in `Frame::handled`).
    Handler,
}

/// Where a finished (or suspended) frame delivers its result.
pub enum Mode {
    /// Push it on the caller's stack.
    Push,
    /// A class body: build the class from the namespace.
    Class {
        /// Class name.
        name: Rc<str>,
        /// Bases.
        bases: Vec<Rc<Class>>,
        /// The body's namespace.
        ns: Namespace,
        /// Qualified name.
        qualname: Rc<str>,
        /// The names the body bound, in the order first bound (the namespace is a
        /// HashMap; a metaclass's `__init__` sees them in definition order).
        order: Vec<Rc<str>>,
    },
    /// A generator resumed by `ForIter`: on return jump to the target.
    ForIter(u32),
    /// A sub-iterator resumed by `Send` (yield from / await).
    Send(u32),
    /// Resumed from native code (nested run): return to it.
    Sync,
    /// Resumed from outside the VM (the program, a driver): return to it.
    External,
}

/// An executing function, class body or module.
pub struct Frame {
    /// Code.
    pub code: Rc<Code>,
    /// Next instruction.
    pub ip: usize,
    /// Value stack.
    pub stack: Vec<Value>,
    /// Fast locals.
    pub fast: Vec<Option<Value>>,
    /// Cells (cellvars then freevars).
    pub cells: Vec<CellRef>,
    /// Try/with blocks.
    pub blocks: Vec<Block>,
    /// Module namespace.
    pub globals: Namespace,
    /// Class-body namespace.
    pub ns: Option<Namespace>,
    /// Exceptions being handled (innermost last).
    pub handled: Vec<Value>,
    /// Result delivery.
    pub mode: Mode,
    /// The generator object while this frame runs as one.
    pub gen: Option<Rc<RefCell<GenObj>>>,
    /// For `__init__` frames: the instance to deliver instead of the result.
    pub init_instance: Option<Value>,
}

impl Frame {
    /// A fresh frame running a module's code in `globals`.
    fn module(code: Rc<Code>, globals: Namespace, mode: Mode) -> Frame {
        Frame {
            code,
            ip: 0,
            stack: vec![],
            fast: vec![],
            cells: vec![],
            blocks: vec![],
            globals,
            ns: None,
            handled: vec![],
            mode,
            gen: None,
            init_instance: None,
        }
    }

    /// The line the frame is at (of the instruction it last ran).
    pub fn line(&self) -> u32 {
        let ip = self.ip.saturating_sub(1);
        let ip = ip.min(self.code.lines.len().saturating_sub(1));
        self.code.lines.get(ip).copied().unwrap_or(0)
    }
}

/// How `run` stopped.
pub enum Exit {
    /// The base frame returned.
    Return(Value),
    /// The base frame (a generator) yielded.
    Yield(Value),
    /// An exception left the base frame.
    Error(Value),
    /// Out of budget; call `run` again to continue.
    Budget,
    /// A native call asked to block (`loop.run_until_complete`): the embedder
    /// drives the event loop, then resumes with the call's result
    /// (`Interpreter::resume_module`).
    Suspend(Value),
}

enum Flow {
    Next,
    Return(Value),
    Yield(Value),
    /// An async generator's `yield`: the step awaiting it returns the value.
    AgenYield(Value),
}

/// Result of starting a call.
pub enum Called {
    /// Finished (native code).
    Value(Value),
    /// A Python frame to run.
    Frame(Box<Frame>),
}

/// The interpreter state.
pub struct Vm {
    /// The builtins, methods and modules of `lib/` (core does not import them).
    pub lib: &'static Library,
    /// Frame stack (innermost last).
    pub frames: Vec<Frame>,
    /// `builtins` namespace.
    pub builtins: Namespace,
    /// Imported modules.
    pub modules: HashMap<Rc<str>, Value>,
    /// Built-in exception classes by name.
    pub exc_classes: HashMap<&'static str, Rc<Class>>,
    /// Output, time and sleep.
    pub host: Box<dyn Host>,
    /// Everything written to stdout.
    pub stdout: String,
    /// Everything written to stderr.
    pub stderr: String,
    /// Whether `stdout` and `stderr` keep what was written (a driver that streams
    /// the output to its host turns it off: an endless `print` loop keeps a flat
    /// memory).
    pub keep_output: bool,
    /// `sys.get_int_max_str_digits()`: the most digits an int may have to be
    /// converted to or from a decimal string (0: no limit).
    pub int_max_str_digits: usize,
    /// Main file name.
    pub filename: Rc<str>,
    /// Source lines (for tracebacks).
    pub lines: Vec<String>,
    /// Instructions executed.
    pub fuel: u64,
    /// Hard limit for a whole run (guards nested loops that cannot suspend).
    pub fuel_limit: u64,
    /// Set when the hard limit was hit: the exception in flight is not catchable.
    pub killed: bool,
    /// Depth of nested runs.
    pub nested: usize,
    /// Objects being repr'd (for `[...]` on cycles).
    pub repr_guard: Vec<usize>,
    /// Random generator state.
    pub rng: crate::python::num::random::Mt19937,
    /// Re-raise in progress: do not add a traceback entry.
    reraise: bool,
    /// An exception to raise in the top frame before the next instruction.
    pub pending_throw: Option<Value>,
    /// Set by a native call that must block (see `Exit::Suspend`).
    pub suspend: Option<Value>,
    /// Source lines of library files (the asyncio prelude), for tracebacks: a list
    /// (one or two files) rather than a `HashMap`, one instantiation less in the wasm.
    pub library_lines: Vec<(Rc<str>, Vec<String>)>,
    /// Every class the program created (weakly): classes are reference cycles
    /// (their MRO starts with themselves), broken when the interpreter goes.
    pub classes: Vec<std::rc::Weak<Class>>,
    /// Last line reported to the host (line tracing of the user's program).
    pub traced_line: u32,
    /// Native state of the asyncio binding.
    pub asyncio: Option<Rc<dyn std::any::Any>>,
    /// The value of an async generator step that finished without running (the
    /// generator was exhausted): `resume_gen` returned false and this is the result.
    pub step_result: Option<Value>,
    /// The running loop's async generator finalizer (`sys.set_asyncgen_hooks`),
    /// given to each async generator at its first iteration.
    pub asyncgen_finalizer: Option<Value>,
    /// The async generators given that finalizer (the loop's weak set
    /// `_asyncgens`, which `shutdown_asyncgens` closes).
    pub asyncgens: Vec<std::rc::Weak<RefCell<GenObj>>>,
}

impl Vm {
    /// Registers the source of a library file (asyncio's parts, exceptiongroup.py),
    /// whose lines tracebacks show.
    pub fn add_library(&mut self, file: &str, source: &str) {
        self.library_lines.retain(|(f, _)| **f != *file);
        self.library_lines
            .push((Rc::from(file), source.lines().map(str::to_string).collect()));
    }

    /// The source lines of `file`: the program's, or a library file's.
    pub fn source_lines(&self, file: &str) -> &[String] {
        if file == &*self.filename {
            return &self.lines;
        }
        self.library_lines
            .iter()
            .find(|(f, _)| **f == *file)
            .map_or(&self.lines, |(_, l)| l)
    }

    /// A VM with the built-ins of `lib` installed.
    pub fn new(filename: &str, source: &str, host: Box<dyn Host>, lib: &'static Library) -> Vm {
        let mut vm = Vm {
            lib,
            frames: vec![],
            builtins: Rc::new(RefCell::new(HashMap::new())),
            modules: HashMap::new(),
            exc_classes: HashMap::new(),
            host,
            stdout: String::new(),
            stderr: String::new(),
            keep_output: true,
            int_max_str_digits: 4300,
            filename: filename.into(),
            lines: source
                .split('\n')
                .map(|s| s.trim_end_matches('\r').to_string())
                .collect(),
            fuel: 0,
            fuel_limit: 200_000_000,
            killed: false,
            nested: 0,
            repr_guard: vec![],
            rng: crate::python::num::random::Mt19937::new(0),
            reraise: false,
            pending_throw: None,
            suspend: None,
            library_lines: Vec::new(),
            classes: Vec::new(),
            traced_line: 0,
            asyncio: None,
            step_result: None,
            asyncgen_finalizer: None,
            asyncgens: Vec::new(),
        };
        // generators a previous program of this thread dropped are not this one's
        loop {
            let gens = TO_CLOSE
                .try_with(|t| std::mem::take(&mut *t.borrow_mut()))
                .unwrap_or_default();
            if gens.is_empty() {
                break;
            }
            for (g, _) in gens {
                let frame = {
                    let mut gb = g.borrow_mut();
                    gb.state = GenState::Done;
                    gb.frame.take()
                };
                drop(frame);
            }
        }
        (vm.lib.install)(&mut vm);
        vm
    }

    // ------------------------------------------------------------ errors

    /// A new exception instance of built-in class `kind` with one message argument.
    pub fn new_exc(&mut self, kind: impl ExcName, msg: impl Into<String>) -> Value {
        let kind = kind.exc_name();
        let cls = self.exc_class_named(kind);
        let msg: String = msg.into();
        // CPython raises these bare: `MemoryError()`, not `MemoryError('')`.
        let args = if msg.is_empty() && matches!(kind, "StopIteration" | "MemoryError") {
            vec![]
        } else {
            vec![Value::str(&msg)]
        };
        self.make_exc(cls, args)
    }

    /// The built-in exception class called `kind`.
    pub fn exc_class(&self, kind: impl ExcName) -> Rc<Class> {
        self.exc_class_named(kind.exc_name())
    }

    fn exc_class_named(&self, kind: &str) -> Rc<Class> {
        self.exc_classes
            .get(kind)
            .cloned()
            .unwrap_or_else(|| self.exc_classes["Exception"].clone())
    }

    /// An exception instance of `cls` with `args`.
    pub fn make_exc(&mut self, cls: Rc<Class>, args: Vec<Value>) -> Value {
        let inst = Instance {
            class: cls,
            attrs: RefCell::new(AttrMap::default()),
            exc: RefCell::new(ExcState::default()),
        };
        inst.attrs
            .borrow_mut()
            .insert("args".into(), Value::tuple(args));
        Value::Instance(Rc::new(inst))
    }

    /// `Err(kind(msg))`
    pub fn err<T>(&mut self, kind: impl ExcName, msg: impl Into<String>) -> PyResult<T> {
        Err(self.new_exc(kind, msg))
    }

    /// TypeError shortcut.
    pub fn type_err<T>(&mut self, msg: impl Into<String>) -> PyResult<T> {
        self.err(ExcKind::TypeError, msg)
    }

    /// Is `exc` an instance of the built-in exception `kind`?
    pub fn exc_is(&self, exc: &Value, kind: impl ExcName) -> bool {
        match (exc, self.exc_classes.get(kind.exc_name())) {
            (Value::Instance(i), Some(c)) => i.class.is_subclass(c),
            _ => false,
        }
    }

    fn add_tb(&self, exc: &Value, frame_idx: usize) {
        if let Value::Instance(i) = exc {
            let f = &self.frames[frame_idx];
            let line = f.line();
            i.exc.borrow_mut().traceback.push(TbEntry {
                file: f.code.file.clone().unwrap_or_else(|| self.filename.clone()),
                line,
                name: f.code.name.clone(),
            });
        }
    }

    /// The exception currently being handled (for implicit chaining and bare raise).
    pub fn current_handled(&self) -> Option<Value> {
        for f in self.frames.iter().rev() {
            if let Some(e) = f.handled.last() {
                return Some(e.clone());
            }
        }
        None
    }

    // ------------------------------------------------------------ frames

    /// Build the frame of a call to `func` with `args` bound to its parameters.
    pub fn make_frame(&mut self, func: &Rc<Function>, args: Args) -> PyResult<Box<Frame>> {
        let code = func.code.clone();
        let fast = crate::python::core::call::bind_args(self, func, args)?;
        let mut cells: Vec<CellRef> = code
            .cellvars
            .iter()
            .map(|_| Rc::new(RefCell::new(None)))
            .collect();
        cells.extend(func.closure.iter().cloned());
        let mut fast = fast;
        for &(slot, ci) in &code.cell_params {
            *cells[ci as usize].borrow_mut() = fast[slot as usize].take();
        }
        Ok(Box::new(Frame {
            code,
            ip: 0,
            stack: Vec::with_capacity(8),
            fast,
            cells,
            blocks: vec![],
            globals: func.globals.clone(),
            ns: None,
            handled: vec![],
            mode: Mode::Push,
            gen: None,
            init_instance: None,
        }))
    }

    /// A native call asks to block until the embedder resumes it (the module frame
    /// waits for `loop.run_until_complete`). Only possible when no native call is
    /// in progress below (a blocking call inside `__repr__` cannot suspend).
    pub fn request_suspend(&mut self, request: Value) -> PyResult<Value> {
        if self.nested > 0 {
            return self.err(
                ExcKind::RuntimeError,
                "this event loop call cannot block here (inside a nested call)",
            );
        }
        self.suspend = Some(request);
        Ok(Value::None)
    }

    /// Resume the frame that suspended: the blocking call returns `result` (or
    /// raises its error at the calling line).
    pub fn resume_suspended(&mut self, result: Result<Value, Value>) {
        let Some(top) = self.frames.len().checked_sub(1) else {
            return;
        };
        self.frames[top].stack.pop();
        match result {
            Ok(v) => self.frames[top].stack.push(v),
            Err(e) => {
                self.add_tb(&e, top);
                self.pending_throw = Some(e);
            }
        }
    }

    /// Prints CPython's warning for coroutines destroyed before they ran: at the
    /// current line, or `sys:1` when the program is over.
    pub fn warn_unawaited(&mut self, at_exit: bool) {
        let names: Vec<Rc<str>> = crate::python::core::value::UNAWAITED
            .try_with(|u| std::mem::take(&mut *u.borrow_mut()))
            .unwrap_or_default();
        for name in names {
            let place = self
                .frames
                .iter()
                .rev()
                .find(|f| f.code.file.is_none())
                .filter(|_| !at_exit)
                .map(Frame::line);
            let text = match place {
                Some(line) => {
                    let src = self
                        .lines
                        .get((line as usize).wrapping_sub(1))
                        .map(|s| s.trim().to_string())
                        .unwrap_or_default();
                    format!(
                        "{}:{line}: RuntimeWarning: coroutine '{name}' was never awaited\n  {src}\n",
                        self.filename
                    )
                }
                None => format!("sys:1: RuntimeWarning: coroutine '{name}' was never awaited\n"),
            };
            self.write_err(&text);
            if place.is_some() {
                self.write_err(
                    "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n",
                );
            }
        }
    }

    /// Close the generators dropped while suspended in a try block (CPython does
    /// it when they are destroyed, which runs their finally blocks). An error
    /// there is ignored, as CPython's "Exception ignored in" does.
    pub fn close_dropped(&mut self) {
        let gens = TO_CLOSE
            .try_with(|t| std::mem::take(&mut *t.borrow_mut()))
            .unwrap_or_default();
        for (g, finalizer) in gens {
            let _ = match finalizer {
                Some(f) => self
                    .call(
                        &f,
                        crate::python::core::value::Args::new(vec![Value::Gen(g)]),
                    )
                    .map(|_| ()),
                None => (self.lib.close_gen)(self, &g).map(|_| ()),
            };
        }
    }

    /// Push a frame, enforcing the recursion limit.
    // Frames arrive boxed (a suspended generator keeps its frame in a Box); on
    // wasm32 the frame is small enough for clippy to flag the box.
    #[allow(clippy::boxed_local)]
    pub fn push_frame(&mut self, f: Box<Frame>) -> PyResult<()> {
        if self.frames.len() >= RECURSION_LIMIT {
            return self.err(ExcKind::RecursionError, "maximum recursion depth exceeded");
        }
        self.frames.push(*f);
        Ok(())
    }

    /// Run a library module's code to the end (a nested run: `import asyncio`).
    pub fn run_code(&mut self, code: Rc<Code>, globals: Namespace) -> PyResult<Value> {
        self.run_nested(Box::new(Frame::module(code, globals, Mode::Sync)))
    }

    /// Start executing a module code object as the outermost frame.
    pub fn push_module(&mut self, code: Rc<Code>, globals: Namespace) {
        self.frames
            .push(Frame::module(code, globals, Mode::External));
    }

    /// Call and deliver the result on the current frame's stack (a Python callee runs
    /// as a new frame, without Rust recursion).
    fn call_push(&mut self, f: Value, args: Args) -> PyResult<()> {
        match crate::python::core::call::start_call(self, f, args)? {
            Called::Value(v) => {
                self.frames.last_mut().unwrap().stack.push(v);
                Ok(())
            }
            Called::Frame(mut fr) => {
                fr.mode = Mode::Push;
                self.push_frame(fr)
            }
        }
    }

    /// Call synchronously from native code (runs a nested loop for Python callees).
    pub fn call(&mut self, f: &Value, args: Args) -> PyResult<Value> {
        match crate::python::core::call::start_call(self, f.clone(), args)? {
            Called::Value(v) => Ok(v),
            Called::Frame(mut fr) => {
                fr.mode = Mode::Sync;
                self.run_nested(fr)
            }
        }
    }

    pub(super) fn run_nested(&mut self, fr: Box<Frame>) -> PyResult<Value> {
        if self.nested >= MAX_NESTED {
            return self.err(
                ExcKind::RecursionError,
                "maximum recursion depth exceeded while calling a Python object",
            );
        }
        let base = self.frames.len();
        self.push_frame(fr)?;
        self.nested += 1;
        let r = self.run(base, None);
        self.nested -= 1;
        match r {
            Exit::Return(v) => Ok(v),
            Exit::Error(e) => Err(e),
            Exit::Yield(_) | Exit::Budget | Exit::Suspend(_) => self.err(
                ExcKind::RuntimeError,
                "unexpected suspension in a nested call",
            ),
        }
    }

    /// Call `f(*args)` with positional arguments.
    pub fn call1(&mut self, f: &Value, args: Vec<Value>) -> PyResult<Value> {
        self.call(f, Args::new(args))
    }

    // ------------------------------------------------------------ generators

    /// Resume a generator: push its frame with `mode`, `value` as the result of the
    /// pending yield (or an exception thrown in). Returns false if it is finished.
    pub fn resume_gen(
        &mut self,
        g: &Rc<RefCell<GenObj>>,
        value: Value,
        throw: Option<Value>,
        mode: Mode,
    ) -> PyResult<bool> {
        if matches!(g.borrow().kind, GenKind::Step(_)) {
            return self.resume_step(g, value, throw, mode);
        }
        let mut gb = g.borrow_mut();
        match gb.state {
            GenState::Running => {
                let what = gb.what();
                drop(gb);
                return self.err(ExcKind::ValueError, format!("{} already executing", what));
            }
            GenState::Done => {
                let co = gb.is_coroutine();
                drop(gb);
                if let Some(e) = throw {
                    return Err(e);
                }
                if co {
                    return self.err(
                        ExcKind::RuntimeError,
                        "cannot reuse already awaited coroutine",
                    );
                }
                return Ok(false);
            }
            GenState::Created => {
                if throw.is_none() && !matches!(value, Value::None) {
                    let what = gb.what();
                    drop(gb);
                    return self.err(
                        ExcKind::TypeError,
                        format!("can't send non-None value to a just-started {}", what),
                    );
                }
            }
            GenState::Suspended => {}
        }
        let created = gb.state == GenState::Created;
        let mut frame = gb.frame.take().unwrap();
        gb.state = GenState::Running;
        drop(gb);
        frame.gen = Some(g.clone());
        frame.mode = mode;
        if !created && throw.is_none() {
            frame.stack.push(value);
        }
        if self.frames.len() >= RECURSION_LIMIT {
            // put it back untouched
            let mut gb = g.borrow_mut();
            frame.gen = None;
            if !created {
                frame.stack.pop();
            }
            gb.frame = Some(frame);
            gb.state = if created {
                GenState::Created
            } else {
                GenState::Suspended
            };
            drop(gb);
            return self.err(ExcKind::RecursionError, "maximum recursion depth exceeded");
        }
        self.frames.push(*frame);
        if let Some(exc) = throw {
            // raise inside the generator at its yield point; delegate to a sub-generator
            // suspended in `yield from` / `await` first
            let sub = {
                let f = self.frames.last().unwrap();
                let delegating =
                    f.ip >= 2 && matches!(f.code.instrs.get(f.ip - 2), Some(Instr::Send(_)));
                if delegating {
                    match f.stack.last() {
                        Some(Value::Gen(sg)) => Some(sg.clone()),
                        _ => None,
                    }
                } else {
                    None
                }
            };
            if let Some(sg) = sub {
                let target = match self.frames.last().unwrap().code.instrs
                    [self.frames.last().unwrap().ip - 2]
                {
                    Instr::Send(t) => t,
                    _ => 0,
                };
                // the outer frame will receive the sub-generator's outcome as a Send
                self.frames.last_mut().unwrap().ip -= 2;
                let f = self.frames.last_mut().unwrap();
                f.ip += 1;
                match self.resume_gen(&sg, Value::None, Some(exc), Mode::Send(target)) {
                    Ok(_) => return Ok(true),
                    Err(e) => {
                        self.pending_throw = Some(e);
                        return Ok(true);
                    }
                }
            }
            let fi = self.frames.len() - 1;
            self.add_tb(&exc, fi);
            self.pending_throw = Some(exc);
        }
        Ok(true)
    }

    /// Resume an async generator step: the first resumption sends (or throws) the
    /// step's own value into the generator; later ones pass through (the generator
    /// is suspended in an `await`).
    fn resume_step(
        &mut self,
        g: &Rc<RefCell<GenObj>>,
        value: Value,
        throw: Option<Value>,
        mode: Mode,
    ) -> PyResult<bool> {
        let mut gb = g.borrow_mut();
        let started = gb.state != GenState::Created;
        gb.state = GenState::Suspended;
        let GenKind::Step(st) = &mut gb.kind else {
            return Ok(false);
        };
        let agen = st.agen.clone();
        if started {
            drop(gb);
            return self.resume_gen(&agen, value, throw, mode);
        }
        let athrow = st.throw.is_some();
        let send = std::mem::replace(&mut st.send, Value::None);
        let first_throw = st.throw.take();
        let end = st.end.clone();
        drop(gb);
        let mut ag = agen.borrow_mut();
        if ag.running_step.is_some() {
            drop(ag);
            let what = match (end.close, athrow) {
                (true, _) => "aclose",
                (_, true) => "athrow",
                _ => "anext",
            };
            return self.err(
                ExcKind::RuntimeError,
                format!("{what}(): asynchronous generator is already running"),
            );
        }
        let closed = ag.state == GenState::Done || (end.close && ag.state == GenState::Created);
        if closed {
            // nothing to run: the step ends at once
            ag.state = GenState::Done;
            ag.frame = None;
            drop(ag);
            g.borrow_mut().state = GenState::Done;
            if athrow {
                return Ok(false);
            }
            return match end.default {
                Some(d) => {
                    self.step_result = Some(d);
                    Ok(false)
                }
                None => self.err(ExcKind::StopAsyncIteration, ""),
            };
        }
        ag.running_step = Some(end);
        if ag.finalizer.is_none() {
            // The first iteration: the running loop's firstiter hook.
            ag.finalizer = Some(self.asyncgen_finalizer.clone().unwrap_or(Value::None));
            if self.asyncgen_finalizer.is_some() {
                self.asyncgens.push(Rc::downgrade(&agen));
            }
        }
        drop(ag);
        let r = self.resume_gen(&agen, send, first_throw, mode);
        if r.is_err() {
            agen.borrow_mut().running_step = None;
        }
        r
    }

    // ------------------------------------------------------------ the loop

    /// Run until the frame at depth `base` finishes or yields. With a budget, stop
    /// (returning `Budget`) when it runs out; nested runs pass `None`.
    pub fn run(&mut self, base: usize, mut budget: Option<&mut u64>) -> Exit {
        loop {
            if let Some(exc) = self.pending_throw.take() {
                if let Some(x) = self.unwind(exc, base) {
                    return x;
                }
                continue;
            }
            if let Some(b) = budget.as_deref_mut() {
                if *b == 0 {
                    return Exit::Budget;
                }
                *b -= 1;
            }
            self.fuel += 1;
            if self.fuel > self.fuel_limit && !self.killed {
                self.killed = true;
                let e = self.new_exc(
                    ExcKind::RuntimeError,
                    "instruction limit exceeded (the program ran too long)",
                );
                if let Some(x) = self.unwind(e, base) {
                    return x;
                }
                continue;
            }
            // The heap limit (crate::memory), every 256 instructions: gradual
            // growth is caught within a few KB; one big object is checked before
            // it is made.
            if self.fuel & 0xff == 0 && crate::memory::over_limit() {
                let e = self.new_exc(ExcKind::MemoryError, "");
                if let Some(x) = self.unwind(e, base) {
                    return x;
                }
                continue;
            }
            let fi = self.frames.len() - 1;
            let f = &mut self.frames[fi];
            let instr = f.code.instrs[f.ip];
            if f.code.file.is_none() {
                let line = f.code.lines[f.ip];
                if line != self.traced_line {
                    self.traced_line = line;
                    self.host.line(line);
                }
            }
            let f = &mut self.frames[fi];
            f.ip += 1;
            match self.step(instr) {
                Ok(Flow::Next) => {
                    if let Some(req) = self.suspend.take() {
                        return Exit::Suspend(req);
                    }
                }
                Ok(Flow::Return(v)) => {
                    if let Some(x) = self.frame_return(v, base) {
                        return x;
                    }
                    // the callee's locals are gone: close its dropped generators
                    self.close_dropped();
                }
                Ok(Flow::Yield(v)) => {
                    let mut frame = self.frames.pop().unwrap();
                    let g = frame.gen.take().unwrap();
                    let mode = std::mem::replace(&mut frame.mode, Mode::Push);
                    {
                        let mut gb = g.borrow_mut();
                        gb.frame = Some(Box::new(frame));
                        gb.state = GenState::Suspended;
                    }
                    match mode {
                        Mode::Sync | Mode::External => return Exit::Yield(v),
                        _ => self.frames.last_mut().unwrap().stack.push(v),
                    }
                }
                Ok(Flow::AgenYield(v)) => {
                    let mut frame = self.frames.pop().unwrap();
                    let g = frame.gen.take().unwrap();
                    let mode = std::mem::replace(&mut frame.mode, Mode::Push);
                    let end = {
                        let mut gb = g.borrow_mut();
                        gb.frame = Some(Box::new(frame));
                        gb.state = GenState::Suspended;
                        gb.running_step.take().unwrap_or_default()
                    };
                    let r = if end.close {
                        Err(self.new_exc(
                            ExcKind::RuntimeError,
                            "async generator ignored GeneratorExit",
                        ))
                    } else {
                        Ok(v)
                    };
                    if let Some(x) = self.deliver(r, mode) {
                        return x;
                    }
                }
                Err(exc) => {
                    if !self.reraise && self.frames.len() > fi {
                        self.add_tb(&exc, fi);
                    }
                    self.reraise = false;
                    if let Some(x) = self.unwind(exc, base) {
                        return x;
                    }
                }
            }
        }
    }

    fn frame_return(&mut self, v: Value, _base: usize) -> Option<Exit> {
        let frame = self.frames.pop().unwrap();
        if let Some(g) = &frame.gen {
            let mut gb = g.borrow_mut();
            gb.state = GenState::Done;
            gb.frame = None;
            if let GenKind::AsyncGen = gb.kind {
                let end = gb.running_step.take().unwrap_or_default();
                drop(gb);
                let r = match end.default {
                    _ if end.close => Ok(Value::None),
                    Some(d) => Ok(d),
                    None => Err(self.new_exc(ExcKind::StopAsyncIteration, "")),
                };
                return self.deliver(r, frame.mode);
            }
        }
        let mut v = v;
        if let Some(inst) = frame.init_instance {
            if !matches!(v, Value::None) {
                let e = self.new_exc(
                    ExcKind::TypeError,
                    format!("__init__() should return None, not '{}'", v.type_name()),
                );
                return self.raise_in_caller(e, frame.mode);
            }
            v = inst;
        }
        match frame.mode {
            Mode::Class {
                name,
                bases,
                ns,
                qualname,
                order,
            } => match crate::python::core::call::build_class(
                self, name, qualname, bases, ns, v, order,
            ) {
                Ok(c) => {
                    self.frames.last_mut().unwrap().stack.push(c);
                    None
                }
                Err(e) => self.raise_in_caller(e, Mode::Push),
            },
            mode => self.deliver(Ok(v), mode),
        }
    }

    /// Hand a finished frame's (or async generator step's) outcome to its caller.
    fn deliver(&mut self, r: PyResult<Value>, mode: Mode) -> Option<Exit> {
        let v = match r {
            Ok(v) => v,
            Err(e) => return self.raise_in_caller(e, mode),
        };
        let f = match mode {
            Mode::Sync | Mode::External => return Some(Exit::Return(v)),
            _ => self.frames.last_mut().unwrap(),
        };
        match mode {
            Mode::ForIter(target) => {
                f.stack.pop();
                f.ip = target as usize;
            }
            Mode::Send(target) => {
                f.stack.pop();
                f.stack.push(v);
                f.ip = target as usize;
            }
            _ => f.stack.push(v),
        }
        None
    }

    fn raise_in_caller(&mut self, e: Value, mode: Mode) -> Option<Exit> {
        if matches!(mode, Mode::Sync | Mode::External) {
            return Some(Exit::Error(e));
        }
        let fi = self.frames.len() - 1;
        self.add_tb(&e, fi);
        self.pending_throw = Some(e);
        None
    }

    /// Find a handler for `exc`, popping frames; `Some(exit)` when it leaves `base`.
    fn unwind(&mut self, exc: Value, base: usize) -> Option<Exit> {
        let mut exc = exc;
        loop {
            let killed = self.killed;
            let f = self.frames.last_mut().unwrap();
            while let Some(b) = f.blocks.pop() {
                match b {
                    Block::Except { handler, level } => {
                        if killed {
                            continue;
                        }
                        f.stack.truncate(level);
                        f.stack.push(exc.clone());
                        f.blocks.push(Block::Handler);
                        f.handled.push(exc);
                        f.ip = handler;
                        return None;
                    }
                    Block::Handler => {
                        f.handled.pop();
                    }
                }
            }
            let frame = self.frames.pop().unwrap();
            let mut step_end = None;
            if let Some(g) = &frame.gen {
                let mut gb = g.borrow_mut();
                gb.state = GenState::Done;
                gb.frame = None;
                step_end = gb.running_step.take();
            }
            // StopIteration escaping a generator becomes RuntimeError (PEP 479), and
            // so does StopAsyncIteration escaping an async generator
            let agen = frame.code.kind == CodeKind::AsyncGenerator;
            let stop = if self.exc_is(&exc, ExcKind::StopIteration) {
                Some("StopIteration")
            } else if agen && self.exc_is(&exc, ExcKind::StopAsyncIteration) {
                Some("StopAsyncIteration")
            } else {
                None
            };
            if let (Some(stop), Some(g)) = (stop, &frame.gen) {
                let what = g.borrow().what();
                let e = self.new_exc(ExcKind::RuntimeError, format!("{what} raised {stop}"));
                if let Value::Instance(i) = &e {
                    let mut st = i.exc.borrow_mut();
                    st.context = Some(exc.clone());
                    if let Value::Instance(old) = &exc {
                        st.traceback = old.exc.borrow().traceback.clone();
                    }
                }
                exc = e;
            }
            if step_end.is_some_and(|e| e.close) && self.exc_is(&exc, ExcKind::GeneratorExit) {
                // aclose() ends normally when the generator exits
                return self.deliver(Ok(Value::None), frame.mode);
            }
            match frame.mode {
                Mode::Sync | Mode::External => return Some(Exit::Error(exc)),
                _ => {
                    if self.frames.len() <= base {
                        return Some(Exit::Error(exc));
                    }
                    let fi = self.frames.len() - 1;
                    self.add_tb(&exc, fi);
                }
            }
        }
    }

    fn top(&mut self) -> &mut Frame {
        self.frames.last_mut().unwrap()
    }

    fn pop(&mut self) -> Value {
        self.top().stack.pop().unwrap_or(Value::None)
    }

    fn push(&mut self, v: Value) {
        self.top().stack.push(v)
    }

    fn popn(&mut self, n: usize) -> Vec<Value> {
        let s = &mut self.top().stack;
        let at = s.len().saturating_sub(n);
        s.split_off(at)
    }

    fn name(&self, i: u32) -> Rc<str> {
        self.frames.last().unwrap().code.names[i as usize].clone()
    }

    /// Runs one instruction: each arm calls the opcode's method, found in `vm/ops_*.rs`
    /// by category (loads and stores, operators, control flow, containers, calls,
    /// blocks, generators and coroutines).
    fn step(&mut self, instr: Instr) -> PyResult<Flow> {
        use Instr::*;
        match instr {
            // loads and stores (ops_names.rs)
            LoadConst(i) => self.op_load_const(i),
            LoadFast(i) => self.op_load_fast(i),
            StoreFast(i) => self.op_store_fast(i),
            DeleteFast(i) => self.op_delete_fast(i),
            LoadDeref(i) => self.op_load_deref(i),
            StoreDeref(i) => self.op_store_deref(i),
            DeleteDeref(i) => self.op_delete_deref(i),
            LoadClosure(i) => self.op_load_closure(i),
            LoadGlobal(i) => self.op_load_global(i),
            StoreGlobal(i) => self.op_store_global(i),
            DeleteGlobal(i) => self.op_delete_global(i),
            LoadName(i) => self.op_load_name(i),
            StoreName(i) => self.op_store_name(i),
            DeleteName(i) => self.op_delete_name(i),
            LoadAttr(i) => self.op_load_attr(i),
            StoreAttr(i) => self.op_store_attr(i),
            DeleteAttr(i) => self.op_delete_attr(i),
            Subscript => self.op_subscript(),
            StoreSubscript => self.op_store_subscript(),
            DeleteSubscript => self.op_delete_subscript(),
            // operators and stack moves (ops_operators.rs)
            Binary(op) => self.op_binary(op, false),
            Inplace(op) => self.op_binary(op, true),
            Unary(op) => self.op_unary(op),
            Compare(op) => self.op_compare(op),
            ExcMatch => self.op_exc_match(),
            Pop => self.op_pop(),
            Dup => self.op_dup(),
            DupTwo => self.op_dup_two(),
            Rot2 => self.op_rot_2(),
            Rot3 => self.op_rot_3(),
            // control flow (ops_control.rs)
            Jump(t) => self.op_jump(t),
            PopJumpIfFalse(t) => self.op_pop_jump_if_false(t),
            PopJumpIfTrue(t) => self.op_pop_jump_if_true(t),
            JumpIfFalseOrPop(t) => self.op_jump_if_false_or_pop(t),
            JumpIfTrueOrPop(t) => self.op_jump_if_true_or_pop(t),
            GetIter => self.op_get_iter(),
            ForIter(t) => self.op_for_iter(t),
            Return => self.op_return(),
            // containers and strings (ops_build.rs)
            BuildList(n) => self.op_build_list(n),
            BuildTuple(n) => self.op_build_tuple(n),
            BuildSet(n) => self.op_build_set(n, false),
            BuildConstSet(n) => self.op_build_set(n, true),
            BuildMap(n) => self.op_build_map(n),
            BuildSlice(n) => self.op_build_slice(n),
            ListAppend(d) => self.op_list_append(d),
            SetAdd(d) => self.op_set_add(d),
            MapAdd(d) => self.op_map_add(d),
            ListExtend => self.op_list_extend(),
            SetUpdate => self.op_set_update(),
            DictUpdate => self.op_dict_update(),
            ListToTuple => self.op_list_to_tuple(),
            BuildString(n) => self.op_build_string(n),
            FormatValue(conv, has_spec) => self.op_format_value(conv, has_spec),
            UnpackSequence(n) => self.op_unpack_sequence(n),
            UnpackEx(before, after) => self.op_unpack_ex(before, after),
            // calls, functions, classes, imports (ops_calls.rs)
            Call(n) => self.op_call(n),
            CallKw(n, names) => self.op_call_kw(n, names),
            CallEx(has_kw) => self.op_call_ex(has_kw),
            LoadSuper => self.op_load_super(),
            MakeFunction(c, flags) => self.op_make_function(c, flags),
            BuildClass(c) => self.op_build_class(c),
            ImportName(c) => self.op_import_name(c),
            ImportFrom(i) => self.op_import_from(i),
            ImportStar => self.op_import_star(),
            // exceptions and blocks (ops_blocks.rs)
            SetupExcept(h) => self.op_setup_except(h),
            PopBlock => self.op_pop_block(),
            PopExcept => self.op_pop_except(),
            Reraise => self.op_reraise(),
            Raise(n) => self.op_raise(n),
            SetupWith(h) => self.op_setup_with(h),
            WithExitNormal => self.op_with_exit_normal(),
            WithExitExc => self.op_with_exit_exc(),
            LoadAssertionError => self.op_load_assertion_error(),
            // generators and coroutines (ops_suspend.rs)
            Yield => self.op_yield(),
            AgenYield => self.op_agen_yield(),
            GetAIter => self.op_get_a_iter(),
            GetANext => self.op_get_a_next(),
            EndAsyncFor => self.op_end_async_for(),
            GetAwaitable => self.op_get_awaitable(),
            GetYieldFromIter => self.op_get_yield_from_iter(),
            Send(t) => self.op_send(t),
            // no-ops
            Nop => Ok(Flow::Next),
            SetupAnnotations => Ok(Flow::Next),
        }
    }

    fn name_error(&mut self, n: &str) -> Value {
        let e = self.new_exc(ExcKind::NameError, format!("name '{}' is not defined", n));
        if let Value::Instance(i) = &e {
            i.attrs.borrow_mut().insert("name".into(), Value::str(n));
            i.exc.borrow_mut().suggestion = super::suggest::for_name(self, n);
        }
        e
    }

    fn do_raise(&mut self, n: u8) -> Value {
        if n == 0 {
            return match self.current_handled() {
                Some(e) => {
                    self.reraise = true;
                    e
                }
                None => self.new_exc(ExcKind::RuntimeError, "No active exception to reraise"),
            };
        }
        let cause = if n == 2 { Some(self.pop()) } else { None };
        let e = self.pop();
        let exc = match self.make_raisable(e) {
            Ok(x) => x,
            Err(x) => x,
        };
        if let Some(c) = cause {
            let c = match c {
                Value::None => Ok(Value::None),
                c => self.make_raisable(c),
            };
            match c {
                Ok(c) => {
                    if let Value::Instance(i) = &exc {
                        let mut st = i.exc.borrow_mut();
                        st.cause = if matches!(c, Value::None) {
                            None
                        } else {
                            Some(c)
                        };
                        st.suppress_context = true;
                    }
                }
                Err(_) => {
                    return self.new_exc(
                        ExcKind::TypeError,
                        "exception causes must derive from BaseException",
                    )
                }
            }
        }
        self.set_context(&exc);
        exc
    }

    /// Implicit chaining: the exception being handled becomes `__context__`.
    pub fn set_context(&self, exc: &Value) {
        if let (Some(ctx), Value::Instance(i)) = (self.current_handled(), exc) {
            if !ctx.is(exc) && i.exc.borrow().context.is_none() {
                i.exc.borrow_mut().context = Some(ctx);
            }
        }
    }

    /// `raise X`: instantiate classes, check the type.
    fn make_raisable(&mut self, e: Value) -> Result<Value, Value> {
        match &e {
            Value::Class(c) if c.is_exception => self.call(&e, Args::default()),
            Value::Instance(i) if i.class.is_exception => Ok(e),
            _ => Err(self.new_exc(
                ExcKind::TypeError,
                "exceptions must derive from BaseException",
            )),
        }
    }

    fn exc_matches(&mut self, e: &Value, t: &Value) -> PyResult<bool> {
        match t {
            Value::Class(c) if c.is_exception => {
                Ok(matches!(e, Value::Instance(i) if i.class.is_subclass(c)))
            }
            Value::Tuple(ts) => {
                for t in ts.iter() {
                    if self.exc_matches(e, t)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => self
                .type_err("catching classes that do not inherit from BaseException is not allowed"),
        }
    }

    fn get_awaitable(&mut self, v: Value) -> PyResult<Value> {
        match &v {
            Value::Gen(g) if matches!(g.borrow().kind, GenKind::Coroutine | GenKind::Step(_)) => {
                if g.borrow().state == GenState::Done {
                    return self.err(
                        ExcKind::RuntimeError,
                        "cannot reuse already awaited coroutine",
                    );
                }
                Ok(v)
            }
            Value::Instance(_) => match self.lookup_special(&v, "__await__") {
                Some(m) => {
                    let it = self.call(&m, Args::default())?;
                    match &it {
                        Value::Gen(_) | Value::Iter(_) => Ok(it),
                        _ => self.type_err(format!(
                            "__await__() returned non-iterator of type '{}'",
                            it.type_name()
                        )),
                    }
                }
                None => self.type_err(format!(
                    "object {} can't be used in 'await' expression",
                    v.type_name()
                )),
            },
            Value::Iter(_) => Ok(v),
            _ => self.type_err(format!(
                "object {} can't be used in 'await' expression",
                v.type_name()
            )),
        }
    }

    fn take_iter_result(&mut self, _it: &Value) -> Value {
        Value::None
    }
}
