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
        let fr = Box::new(Frame {
            code,
            ip: 0,
            stack: vec![],
            fast: vec![],
            cells: vec![],
            blocks: vec![],
            globals,
            ns: None,
            handled: vec![],
            mode: Mode::Sync,
            gen: None,
            init_instance: None,
        });
        self.run_nested(fr)
    }

    /// Start executing a module code object as the outermost frame.
    pub fn push_module(&mut self, code: Rc<Code>, globals: Namespace) {
        self.frames.push(Frame {
            code,
            ip: 0,
            stack: vec![],
            fast: vec![],
            cells: vec![],
            blocks: vec![],
            globals,
            ns: None,
            handled: vec![],
            mode: Mode::External,
            gen: None,
            init_instance: None,
        });
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

    fn run_nested(&mut self, fr: Box<Frame>) -> PyResult<Value> {
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
            } => match crate::python::core::call::build_class(self, name, qualname, bases, ns, v) {
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

    fn step(&mut self, instr: Instr) -> PyResult<Flow> {
        use Instr::*;
        match instr {
            Nop => {}
            LoadConst(i) => {
                let v = self.top().code.consts[i as usize].clone();
                self.push(v);
            }
            LoadFast(i) => {
                let f = self.top();
                match &f.fast[i as usize] {
                    Some(v) => {
                        let v = v.clone();
                        f.stack.push(v);
                    }
                    None => {
                        let n = f.code.varnames[i as usize].clone();
                        return self.err(ExcKind::UnboundLocalError, format!("cannot access local variable '{}' where it is not associated with a value", n));
                    }
                }
            }
            StoreFast(i) => {
                let v = self.pop();
                self.top().fast[i as usize] = Some(v);
            }
            DeleteFast(i) => {
                let f = self.top();
                if f.fast[i as usize].take().is_none() {
                    let n = f.code.varnames[i as usize].clone();
                    return self.err(ExcKind::UnboundLocalError, format!("cannot access local variable '{}' where it is not associated with a value", n));
                }
            }
            LoadDeref(i) => {
                let f = self.top();
                let v = f.cells[i as usize].borrow().clone();
                match v {
                    Some(v) => self.push(v),
                    None => {
                        let f = self.top();
                        let n = f
                            .code
                            .cellvars
                            .iter()
                            .chain(&f.code.freevars)
                            .nth(i as usize)
                            .cloned()
                            .unwrap_or_else(|| "?".into());
                        let is_cell = (i as usize) < f.code.cellvars.len();
                        if is_cell {
                            return self.err(ExcKind::UnboundLocalError, format!("cannot access local variable '{}' where it is not associated with a value", n));
                        }
                        return self.err(ExcKind::NameError, format!("cannot access free variable '{}' where it is not associated with a value in enclosing scope", n));
                    }
                }
            }
            StoreDeref(i) => {
                let v = self.pop();
                *self.top().cells[i as usize].borrow_mut() = Some(v);
            }
            DeleteDeref(i) => {
                *self.top().cells[i as usize].borrow_mut() = None;
            }
            LoadClosure(i) => {
                let c = self.top().cells[i as usize].clone();
                self.push(Value::Cell(c));
            }
            LoadGlobal(i) => {
                let n = self.name(i);
                let v = self.top().globals.borrow().get(&n).cloned();
                let v = match v {
                    Some(v) => v,
                    None => {
                        let b = self.builtins.borrow().get(&n).cloned();
                        match b {
                            Some(v) => v,
                            None => match (self.lib.lazy_builtin)(self, &n)? {
                                Some(v) => v,
                                None => return Err(self.name_error(&n)),
                            },
                        }
                    }
                };
                self.push(v);
            }
            StoreGlobal(i) => {
                let n = self.name(i);
                let v = self.pop();
                let old = self.top().globals.borrow_mut().insert(n, v);
                if old.is_some_and(|o| matches!(o, Value::Gen(_))) {
                    self.close_dropped();
                }
            }
            DeleteGlobal(i) => {
                let n = self.name(i);
                if self.top().globals.borrow_mut().remove(&n).is_none() {
                    return Err(self.name_error(&n));
                }
            }
            LoadName(i) => {
                let n = self.name(i);
                let f = self.top();
                let mut v = f.ns.as_ref().and_then(|ns| ns.borrow().get(&n).cloned());
                if v.is_none() {
                    v = f.globals.borrow().get(&n).cloned();
                }
                if v.is_none() {
                    v = self.builtins.borrow().get(&n).cloned();
                }
                if v.is_none() {
                    v = (self.lib.lazy_builtin)(self, &n)?;
                }
                match v {
                    Some(v) => self.push(v),
                    None => return Err(self.name_error(&n)),
                }
            }
            StoreName(i) => {
                let n = self.name(i);
                let v = self.pop();
                let f = self.top();
                let old = match &f.ns {
                    Some(ns) => ns.borrow_mut().insert(n, v),
                    None => f.globals.borrow_mut().insert(n, v),
                };
                if old.is_some_and(|o| matches!(o, Value::Gen(_))) {
                    self.close_dropped();
                }
            }
            DeleteName(i) => {
                let n = self.name(i);
                let f = self.top();
                let removed = match &f.ns {
                    Some(ns) => ns.borrow_mut().remove(&n),
                    None => f.globals.borrow_mut().remove(&n),
                };
                if removed.is_none() {
                    return Err(self.name_error(&n));
                }
            }
            LoadAttr(i) => {
                let n = self.name(i);
                let o = self.pop();
                let v = self.getattr(&o, &n)?;
                self.push(v);
            }
            StoreAttr(i) => {
                let n = self.name(i);
                let o = self.pop();
                let v = self.pop();
                self.setattr(&o, &n, v)?;
            }
            DeleteAttr(i) => {
                let n = self.name(i);
                let o = self.pop();
                self.delattr(&o, &n)?;
            }
            Subscript => {
                let idx = self.pop();
                let o = self.pop();
                let v = self.getitem(&o, &idx)?;
                self.push(v);
            }
            StoreSubscript => {
                let idx = self.pop();
                let o = self.pop();
                let v = self.pop();
                self.setitem(&o, idx, v)?;
            }
            DeleteSubscript => {
                let idx = self.pop();
                let o = self.pop();
                self.delitem(&o, &idx)?;
            }
            Binary(op) => {
                let b = self.pop();
                let a = self.pop();
                let v = self.binary(op, &a, &b, false)?;
                self.push(v);
            }
            Inplace(op) => {
                let b = self.pop();
                let a = self.pop();
                let v = self.binary(op, &a, &b, true)?;
                self.push(v);
            }
            Unary(op) => {
                let a = self.pop();
                let v = self.unary(op, &a)?;
                self.push(v);
            }
            Compare(op) => {
                let b = self.pop();
                let a = self.pop();
                let v = self.compare(op, &a, &b)?;
                self.push(v);
            }
            ExcMatch => {
                let t = self.pop();
                let e = self.top().stack.last().cloned().unwrap_or(Value::None);
                let m = self.exc_matches(&e, &t)?;
                self.push(Value::Bool(m));
            }
            Pop => {
                self.pop();
                // `f()` without await: the coroutine dies right here.
                self.warn_unawaited(false);
                self.close_dropped();
            }
            Dup => {
                let v = self.top().stack.last().cloned().unwrap_or(Value::None);
                self.push(v);
            }
            DupTwo => {
                let s = &mut self.top().stack;
                let n = s.len();
                let (a, b) = (s[n - 2].clone(), s[n - 1].clone());
                s.push(a);
                s.push(b);
            }
            Rot2 => {
                let s = &mut self.top().stack;
                let n = s.len();
                s.swap(n - 1, n - 2);
            }
            Rot3 => {
                let s = &mut self.top().stack;
                let v = s.pop().unwrap();
                let n = s.len();
                s.insert(n - 2, v);
            }
            Jump(t) => self.top().ip = t as usize,
            PopJumpIfFalse(t) => {
                let v = self.pop();
                if !self.truthy(&v)? {
                    self.top().ip = t as usize;
                }
            }
            PopJumpIfTrue(t) => {
                let v = self.pop();
                if self.truthy(&v)? {
                    self.top().ip = t as usize;
                }
            }
            JumpIfFalseOrPop(t) => {
                let v = self.top().stack.last().cloned().unwrap();
                if !self.truthy(&v)? {
                    self.top().ip = t as usize;
                } else {
                    self.pop();
                }
            }
            JumpIfTrueOrPop(t) => {
                let v = self.top().stack.last().cloned().unwrap();
                if self.truthy(&v)? {
                    self.top().ip = t as usize;
                } else {
                    self.pop();
                }
            }
            GetIter => {
                let v = self.pop();
                let it = self.iter(&v)?;
                self.push(it);
            }
            ForIter(t) => {
                let it = self.top().stack.last().cloned().unwrap();
                if let Value::Gen(g) = &it {
                    if !g.borrow().is_coroutine() {
                        if !self.resume_gen(g, Value::None, None, Mode::ForIter(t))? {
                            self.pop();
                            self.top().ip = t as usize;
                        }
                        return Ok(Flow::Next);
                    }
                }
                match self.next(&it)? {
                    Some(v) => self.push(v),
                    None => {
                        self.pop();
                        self.top().ip = t as usize;
                    }
                }
            }
            BuildList(n) => {
                let v = self.popn(n as usize);
                self.push(Value::list(v));
            }
            BuildTuple(n) => {
                let v = self.popn(n as usize);
                self.push(Value::tuple(v));
            }
            BuildSet(n) | BuildConstSet(n) => {
                let v = self.popn(n as usize);
                let mut d = Dict::new_set();
                for x in v {
                    let k = self.hash(&x)?;
                    d.insert(k, x, Value::None);
                }
                if let BuildConstSet(_) = instr {
                    // CPython's constant is a frozenset, which its compiler rebuilds
                    // from its own order when it registers it (merge_consts_recursive);
                    // the set is a copy of that
                    let mut f = Dict::new_set();
                    f.set_update(&crate::python::core::set::Operand::Items(d.keys_hashed()));
                    d = f.set_copy();
                }
                self.push(Value::Set(Rc::new(RefCell::new(d))));
            }
            BuildMap(n) => {
                let v = self.popn(2 * n as usize);
                let mut d = Dict::new();
                for kv in v.chunks(2) {
                    let k = self.hash(&kv[0])?;
                    d.insert(k, kv[0].clone(), kv[1].clone());
                }
                self.push(Value::dict(d));
            }
            BuildSlice(n) => {
                let step = if n == 3 { self.pop() } else { Value::None };
                let stop = self.pop();
                let start = self.pop();
                self.push(Value::Slice(Rc::new((start, stop, step))));
            }
            ListAppend(d) => {
                let v = self.pop();
                let s = &self.top().stack;
                if let Value::List(l) = &s[s.len() - d as usize] {
                    l.borrow_mut().push(v);
                }
            }
            SetAdd(d) => {
                let v = self.pop();
                let k = self.hash(&v)?;
                let s = &self.top().stack;
                if let Value::Set(l) = &s[s.len() - d as usize] {
                    l.borrow_mut().insert(k, v, Value::None);
                }
            }
            MapAdd(d) => {
                let v = self.pop();
                let k = self.pop();
                let hk = self.hash(&k)?;
                let s = &self.top().stack;
                if let Value::Dict(m) = &s[s.len() - d as usize] {
                    m.borrow_mut().insert(hk, k, v);
                }
            }
            ListExtend => {
                let it = self.pop();
                let items = self.to_vec(&it).map_err(|e| {
                    if self.exc_is(&e, ExcKind::TypeError) {
                        self.new_exc(
                            ExcKind::TypeError,
                            format!("Value after * must be an iterable, not {}", it.type_name()),
                        )
                    } else {
                        e
                    }
                })?;
                if let Some(Value::List(l)) = self.top().stack.last() {
                    l.borrow_mut().extend(items);
                }
            }
            SetUpdate => {
                let it = self.pop();
                let o = crate::python::core::set::Operand::new(self, &it)?;
                if let Some(Value::Set(l)) = self.top().stack.last() {
                    l.borrow_mut().set_update(&o);
                }
            }
            DictUpdate => {
                let m = self.pop();
                let items = self.mapping_items(&m)?;
                if let Some(Value::Dict(d)) = self.top().stack.last() {
                    let mut d = d.borrow_mut();
                    for (hk, k, v) in items {
                        d.insert(hk, k, v);
                    }
                }
            }
            ListToTuple => {
                let v = self.pop();
                if let Value::List(l) = v {
                    let t = l.borrow().clone();
                    self.push(Value::tuple(t));
                }
            }
            BuildString(n) => {
                let v = self.popn(n as usize);
                let mut s = String::new();
                for x in v {
                    if let Value::Str(x) = x {
                        s.push_str(&x);
                    }
                }
                self.push(Value::str(&s));
            }
            FormatValue(conv, has_spec) => {
                let spec = if has_spec { self.pop() } else { Value::str("") };
                let v = self.pop();
                let v = match conv {
                    Some('r') => Value::str(&self.repr(&v)?),
                    Some('s') => Value::str(&self.to_str(&v)?),
                    Some('a') => Value::str(&crate::python::core::format::ascii(&self.repr(&v)?)),
                    _ => v,
                };
                let spec = match spec {
                    Value::Str(s) => s,
                    _ => "".into(),
                };
                let s = self.format(&v, &spec)?;
                self.push(Value::str(&s));
            }
            UnpackSequence(n) => {
                let v = self.pop();
                let items = self.unpack(&v, n as usize)?;
                for x in items.into_iter().rev() {
                    self.push(x);
                }
            }
            UnpackEx(before, after) => {
                let v = self.pop();
                let items = self.to_vec(&v)?;
                let (b, a) = (before as usize, after as usize);
                if items.len() < b + a {
                    return self.err(
                        ExcKind::ValueError,
                        format!(
                            "not enough values to unpack (expected at least {}, got {})",
                            b + a,
                            items.len()
                        ),
                    );
                }
                let mid = items[b..items.len() - a].to_vec();
                let mut out = items[..b].to_vec();
                out.push(Value::list(mid));
                out.extend(items[items.len() - a..].iter().cloned());
                for x in out.into_iter().rev() {
                    self.push(x);
                }
            }
            Call(n) => {
                let args = self.popn(n as usize);
                let f = self.pop();
                self.call_push(f, Args::new(args))?;
            }
            CallKw(n, names) => {
                let names = self.top().code.consts[names as usize].clone();
                let names = match names {
                    Value::Tuple(t) => t,
                    _ => Rc::from(vec![]),
                };
                let mut args = self.popn(n as usize);
                let kwv = args.split_off(args.len() - names.len());
                let f = self.pop();
                let kw = names
                    .iter()
                    .zip(kwv)
                    .map(|(k, v)| {
                        (
                            match k {
                                Value::Str(s) => s.clone(),
                                _ => "".into(),
                            },
                            v,
                        )
                    })
                    .collect();
                self.call_push(f, Args { pos: args, kw })?;
            }
            CallEx(has_kw) => {
                let kw = if has_kw { self.pop() } else { Value::None };
                let args = self.pop();
                let f = self.pop();
                let pos = match args {
                    Value::Tuple(t) => t.to_vec(),
                    _ => vec![],
                };
                let mut kws = vec![];
                if let Value::Dict(d) = kw {
                    for (k, v) in d.borrow().iter() {
                        match k {
                            Value::Str(s) => kws.push((s.clone(), v.clone())),
                            _ => return self.type_err("keywords must be strings"),
                        }
                    }
                }
                self.call_push(f, Args { pos, kw: kws })?;
            }
            LoadSuper => {
                let obj = self.pop();
                let cls = self.pop();
                match cls {
                    Value::Class(c) => self.push(Value::Super(Rc::new((c, obj)))),
                    _ => {
                        return self.err(ExcKind::RuntimeError, "super(): __class__ cell not found")
                    }
                }
            }
            MakeFunction(c, flags) => {
                let closure = if flags & 8 != 0 {
                    match self.pop() {
                        Value::Tuple(t) => t
                            .iter()
                            .filter_map(|c| {
                                if let Value::Cell(c) = c {
                                    Some(c.clone())
                                } else {
                                    None
                                }
                            })
                            .collect(),
                        _ => vec![],
                    }
                } else {
                    vec![]
                };
                let mut kwdefaults = vec![];
                if flags & 2 != 0 {
                    if let Value::Dict(d) = self.pop() {
                        for (k, v) in d.borrow().iter() {
                            if let Value::Str(s) = k {
                                kwdefaults.push((s.clone(), v.clone()));
                            }
                        }
                    }
                }
                let defaults = if flags & 1 != 0 {
                    match self.pop() {
                        Value::Tuple(t) => t.to_vec(),
                        _ => vec![],
                    }
                } else {
                    vec![]
                };
                let code = match &self.top().code.consts[c as usize] {
                    Value::Code(c) => c.clone(),
                    _ => return self.err(ExcKind::SystemError, "bad code constant"),
                };
                let globals = self.top().globals.clone();
                self.push(Value::Function(Rc::new(Function {
                    code,
                    globals,
                    defaults,
                    kwdefaults,
                    closure,
                    attrs: RefCell::new(HashMap::new()),
                })));
            }
            BuildClass(c) => {
                let body = self.pop();
                let bases = self.pop();
                let name = match &self.top().code.consts[c as usize] {
                    Value::Str(s) => s.clone(),
                    _ => "?".into(),
                };
                let mut bs = vec![];
                if let Value::Tuple(t) = bases {
                    for b in t.iter() {
                        match b {
                            Value::Class(c) => bs.push(c.clone()),
                            Value::Type(crate::python::core::value::BuiltinType::Object) => {}
                            other => {
                                let tn = other.type_name();
                                return self.type_err(format!("cannot inherit from {} (only classes defined in Python, exceptions and object are supported)", if let Value::Type(t) = other { t.name().into() } else { tn }));
                            }
                        }
                    }
                }
                if let Value::Function(f) = body {
                    let ns: Namespace = Rc::new(RefCell::new(HashMap::new()));
                    // As CPython's class body does first (`__module__ = __name__`):
                    // a library module's classes are its own.
                    let module = f.globals.borrow().get("__name__").cloned();
                    ns.borrow_mut().insert(
                        "__module__".into(),
                        module.unwrap_or_else(|| Value::str("__main__")),
                    );
                    ns.borrow_mut()
                        .insert("__qualname__".into(), Value::Str(f.code.qualname.clone()));
                    let mut fr = self.make_frame(&f, Args::default())?;
                    fr.ns = Some(ns.clone());
                    fr.mode = Mode::Class {
                        name,
                        bases: bs,
                        ns,
                        qualname: f.code.qualname.clone(),
                    };
                    self.push_frame(fr)?;
                }
            }
            Return => {
                let v = self.pop();
                return Ok(Flow::Return(v));
            }
            Yield => {
                let v = self.pop();
                return Ok(Flow::Yield(v));
            }
            AgenYield => {
                let v = self.pop();
                return Ok(Flow::AgenYield(v));
            }
            GetAIter => {
                let v = self.pop();
                let it = match self.lookup_special(&v, "__aiter__") {
                    Some(m) => self.call1(&m, vec![])?,
                    None => {
                        return self.type_err(format!(
                            "'async for' requires an object with __aiter__ method, got {}",
                            v.type_name()
                        ))
                    }
                };
                self.push(it);
            }
            GetANext => {
                let it = self.top().stack.last().cloned().unwrap_or(Value::None);
                let aw = match self.lookup_special(&it, "__anext__") {
                    Some(m) => self.call1(&m, vec![])?,
                    None => {
                        return self.type_err(format!(
                            "'async for' requires an iterator with __anext__ method, got {}",
                            it.type_name()
                        ))
                    }
                };
                let aw = self.get_awaitable(aw)?;
                self.push(aw);
            }
            EndAsyncFor => {
                let exc = self.pop();
                if !self.exc_is(&exc, ExcKind::StopAsyncIteration) {
                    self.reraise = true;
                    return Err(exc);
                }
                let f = self.top();
                if let Some(Block::Handler) = f.blocks.last() {
                    f.blocks.pop();
                }
                f.handled.pop();
                f.stack.pop();
            }
            GetAwaitable => {
                let v = self.pop();
                let a = self.get_awaitable(v)?;
                self.push(a);
            }
            GetYieldFromIter => {
                let v = self.pop();
                let it = match &v {
                    Value::Gen(_) => v,
                    _ => self.iter(&v)?,
                };
                self.push(it);
            }
            Send(t) => {
                let v = self.pop();
                let it = self.top().stack.last().cloned().unwrap();
                if let Value::Gen(g) = &it {
                    if !self.resume_gen(g, v, None, Mode::Send(t))? {
                        self.pop();
                        let r = self.step_result.take().unwrap_or(Value::None);
                        self.push(r);
                        self.top().ip = t as usize;
                    }
                    return Ok(Flow::Next);
                }
                match self.next(&it)? {
                    Some(y) => self.push(y),
                    None => {
                        self.pop();
                        let r = self.take_iter_result(&it);
                        self.push(r);
                        self.top().ip = t as usize;
                    }
                }
            }
            SetupExcept(h) => {
                let level = self.top().stack.len();
                self.top().blocks.push(Block::Except {
                    handler: h as usize,
                    level,
                });
            }
            PopBlock => {
                self.top().blocks.pop();
            }
            PopExcept => {
                let f = self.top();
                if let Some(Block::Handler) = f.blocks.last() {
                    f.blocks.pop();
                }
                f.handled.pop();
            }
            Reraise => {
                let e = self.pop();
                self.reraise = true;
                return Err(e);
            }
            Raise(n) => return Err(self.do_raise(n)),
            SetupWith(h) => {
                let mgr = self.pop();
                let exit = match self.lookup_special(&mgr, "__exit__") {
                    Some(e) => e,
                    None => {
                        let msg = if self.lookup_special(&mgr, "__enter__").is_none() {
                            format!(
                                "'{}' object does not support the context manager protocol",
                                mgr.type_name()
                            )
                        } else {
                            format!("'{}' object does not support the context manager protocol (missed __exit__ method)", mgr.type_name())
                        };
                        return self.type_err(msg);
                    }
                };
                let enter = match self.lookup_special(&mgr, "__enter__") {
                    Some(e) => e,
                    None => {
                        return self.type_err(format!(
                            "'{}' object does not support the context manager protocol",
                            mgr.type_name()
                        ))
                    }
                };
                self.push(exit);
                let level = self.top().stack.len();
                self.top().blocks.push(Block::Except {
                    handler: h as usize,
                    level,
                });
                self.call_push(enter, Args::default())?;
            }
            WithExitNormal => {
                let exit = self.pop();
                self.call_push(exit, Args::new(vec![Value::None, Value::None, Value::None]))?;
            }
            WithExitExc => {
                let s = &self.top().stack;
                let exc = s[s.len() - 1].clone();
                let exit = s[s.len() - 2].clone();
                let t = self.type_of(&exc);
                self.call_push(exit, Args::new(vec![t, exc, Value::None]))?;
            }
            ImportName(c) => {
                let name = match &self.top().code.consts[c as usize] {
                    Value::Str(s) => s.clone(),
                    _ => "".into(),
                };
                let m = (self.lib.import)(self, &name)?;
                self.push(m);
            }
            ImportFrom(i) => {
                let n = self.name(i);
                let m = self.top().stack.last().cloned().unwrap();
                match self.getattr(&m, &n) {
                    Ok(v) => self.push(v),
                    Err(_) => {
                        let mn = match &m {
                            Value::Module(m) => m.name.clone(),
                            _ => "?".into(),
                        };
                        return self.err(
                            ExcKind::ImportError,
                            format!(
                                "cannot import name '{}' from '{}' (unknown location)",
                                n, mn
                            ),
                        );
                    }
                }
            }
            ImportStar => {
                let m = self.pop();
                if let Value::Module(m) = m {
                    // The names of `__all__` when the module has one (fetched with
                    // getattr, so a PEP 562 `__getattr__` provides the lazy ones),
                    // else every public name, as CPython does.
                    let all = m.attrs.borrow().get("__all__").cloned();
                    let items: Vec<_> = match all {
                        Some(all) => {
                            let module = Value::Module(m.clone());
                            let mut items = Vec::new();
                            for n in self.to_vec(&all)? {
                                let Value::Str(key) = n else { continue };
                                let v = self.getattr(&module, &key)?;
                                items.push((key, v));
                            }
                            items
                        }
                        None => m
                            .attrs
                            .borrow()
                            .iter()
                            .filter(|(k, _)| !k.starts_with('_'))
                            .map(|(k, v)| (k.clone(), v.clone()))
                            .collect(),
                    };
                    let f = self.top();
                    let target = f.ns.clone().unwrap_or_else(|| f.globals.clone());
                    for (k, v) in items {
                        target.borrow_mut().insert(k, v);
                    }
                }
            }
            LoadAssertionError => {
                let c = self.exc_class(ExcKind::AssertionError);
                self.push(Value::Class(c));
            }
            SetupAnnotations => {}
        }
        Ok(Flow::Next)
    }

    fn name_error(&mut self, n: &str) -> Value {
        self.new_exc(ExcKind::NameError, format!("name '{}' is not defined", n))
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
