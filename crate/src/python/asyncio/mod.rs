//! asyncio for the interpreter, on the instrumented event loop of
//! [`crate::runtime`]. The high-level API is CPython's own algorithms written in
//! Python (`prelude.py`); this module is the native core `_boucle` it stands on:
//! futures and tasks of the runtime, `call_soon` / `call_later`, and the blocking
//! `run_until_complete` / `run_forever`, which suspend the main program while the
//! loop runs. A Python task is a runtime task whose body resumes the coroutine, so
//! it shows in the trace like any other.

use crate::python::core::exc::ExcKind;
use std::any::Any;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::{Rc, Weak};

use super::builtins::{native, new_exc_class};
use super::value::{Args, Builtin, Class, Module, PyResult, Value};
use super::vm::Vm;
use super::{Host, Interpreter, ModuleStep, Resumed};
use crate::runtime::future::AnyFut;
use crate::runtime::{Exc, Fut, Loop, Program, Task};
use crate::trace::Stream;

/// The prelude's file name, as tracebacks show it.
const PRELUDE_FILE: &str = "<asyncio>";
// made smaller by build.rs (comments, indentation: line numbers kept)
const PRELUDE: &str = include_str!(concat!(env!("OUT_DIR"), "/prelude.py"));
/// Instructions run between two checks of the driver (bounded slices).
const SLICE: u64 = 200_000;

/// Native state shared by the `_boucle` functions, the task bodies and the driver.
pub struct State {
    lp: Loop,
    interp: RefCell<Weak<RefCell<Interpreter>>>,
    futs: RefCell<Vec<Fut<Value>>>,
    tasks: RefCell<Vec<(u32, Task<Value>)>>,
    coros: RefCell<Vec<(u32, Value, u32)>>,
    // Futures whose result or exception the program looked at (CPython logs the
    // exception of a task nobody retrieved).
    retrieved: RefCell<std::collections::HashSet<usize>>,
    task_handles: RefCell<Vec<(u32, usize)>>,
    // Indexes of `task_handles` both ways (a run of 100,000 tasks looks them up
    // at every step: a scan would make it quadratic).
    handle_of_task: RefCell<Dense<usize>>,
    task_of_handle: RefCell<Dense<u32>>,
    // What each suspended task waits on (its wakeup entry in `callbacks`): the
    // future's handle and the awaited object.
    waiting: RefCell<Dense<(usize, Value)>>,
    // The Python class of each plain future (for "X exception was never retrieved").
    fut_classes: RefCell<Vec<(usize, String)>>,
    // Done callbacks by future handle, in registration order (a waiting task's
    // wakeup under its `wake_key`).
    callbacks: RefCell<Dense<Vec<(Value, u64)>>>,
    running: RefCell<Value>,
    cancelled: Rc<Class>,
    // asyncio's module namespace, once imported (its second part runs there).
    globals: RefCell<Option<super::value::Namespace>>,
    // `cancel(msg)`'s message, by future handle (a task's is its own future's).
    cancel_msgs: RefCell<HashMap<usize, Value>>,
    // The CancelledError a cancelled task's coroutine raised, handed out once by
    // `result()` (CPython's `_cancelled_exc`); `None` once handed out.
    cancelled_excs: RefCell<HashMap<usize, Option<Value>>>,
}

/// A map keyed by a dense number (a task id, a future handle): a vector, which
/// costs the wasm far less code than one more `HashMap` instantiation.
struct Dense<T>(Vec<Option<T>>);

impl<T> Default for Dense<T> {
    fn default() -> Self {
        Dense(Vec::new())
    }
}

impl<T> Dense<T> {
    fn get(&self, k: usize) -> Option<&T> {
        self.0.get(k).and_then(Option::as_ref)
    }
    fn get_mut(&mut self, k: usize) -> Option<&mut T> {
        self.0.get_mut(k).and_then(Option::as_mut)
    }
    fn insert(&mut self, k: usize, v: T) {
        if self.0.len() <= k {
            self.0.resize_with(k + 1, || None);
        }
        self.0[k] = Some(v);
    }
    fn remove(&mut self, k: usize) {
        if let Some(slot) = self.0.get_mut(k) {
            *slot = None;
        }
    }
    fn entry(&mut self, k: usize) -> &mut T
    where
        T: Default,
    {
        if self.get(k).is_none() {
            self.insert(k, T::default());
        }
        self.get_mut(k).expect("just inserted")
    }
}

fn state(vm: &Vm) -> Rc<State> {
    vm.asyncio
        .clone()
        .and_then(|s| s.downcast::<State>().ok())
        .expect("the asyncio state is installed with the interpreter")
}

/// The VM's output, clock and line tracing go to the loop's trace.
pub struct LoopHost {
    lp: Loop,
    out: String,
    err: String,
}

impl LoopHost {
    /// A host writing into `lp`'s trace.
    pub fn new(lp: &Loop) -> LoopHost {
        LoopHost {
            lp: lp.clone(),
            out: String::new(),
            err: String::new(),
        }
    }
}

fn flush_lines(buf: &mut String, text: &str, mut emit: impl FnMut(&str)) {
    buf.push_str(text);
    while let Some(i) = buf.find('\n') {
        let line: String = buf.drain(..=i).collect();
        emit(&line[..line.len() - 1]);
    }
}

impl LoopHost {
    fn write(&mut self, text: &str, stream: Stream) {
        let lp = self.lp.clone();
        let buf = match stream {
            Stream::Out => &mut self.out,
            Stream::Err => &mut self.err,
        };
        if !lp.output(stream, text) {
            flush_lines(buf, text, |l| lp.write_line(l, stream));
        } else if lp.traced() {
            // Streamed: the text is out already; the trace still gets its lines.
            flush_lines(buf, text, |l| lp.log_lines(l, stream));
        }
    }
}

impl Host for LoopHost {
    fn stdout(&mut self, text: &str) {
        self.write(text, Stream::Out);
    }
    fn stderr(&mut self, text: &str) {
        self.write(text, Stream::Err);
    }
    fn perf_counter(&mut self) -> f64 {
        self.lp.clock_now()
    }
    fn time(&mut self) -> f64 {
        self.lp.clock_now()
    }
    fn sleep(&mut self, secs: f64) {
        self.lp.block_sleep(secs);
    }
    fn line(&mut self, line: u32) {
        self.lp.line(line);
    }
}

/// A Python program installed as the loop's main program.
pub struct PyProgram {
    /// The interpreter (its outcome holds stdout, stderr and the exit status).
    pub interp: Rc<RefCell<Interpreter>>,
}

impl PyProgram {
    /// Compiles `source` and installs it as `lp`'s program.
    pub fn install(lp: &Loop, filename: &str, source: &str) -> PyProgram {
        // Compiled now, before the run: in real time, the first run of a page must
        // not spend its first tens of milliseconds of loop time on it. (A failure
        // shows at `import asyncio`.)
        let _ = prelude_code();
        let interp = Interpreter::new(filename, source, Box::new(LoopHost::new(lp)));
        let interp = Rc::new(RefCell::new(interp));
        let st = {
            let mut it = interp.borrow_mut();
            let vm = it.vm();
            let cancelled = new_exc_class(
                "CancelledError",
                "asyncio.exceptions",
                Some(vm.exc_class(ExcKind::BaseException)),
            );
            let invalid = new_exc_class(
                "InvalidStateError",
                "asyncio.exceptions",
                Some(vm.exc_class(ExcKind::Exception)),
            );
            vm.exc_classes.insert("CancelledError", cancelled.clone());
            vm.exc_classes.insert("InvalidStateError", invalid);
            let st = Rc::new(State {
                lp: lp.clone(),
                interp: RefCell::new(Rc::downgrade(&interp)),
                futs: RefCell::new(Vec::new()),
                tasks: RefCell::new(Vec::new()),
                coros: RefCell::new(Vec::new()),
                retrieved: RefCell::new(std::collections::HashSet::new()),
                task_handles: RefCell::new(Vec::new()),
                handle_of_task: RefCell::new(Dense::default()),
                task_of_handle: RefCell::new(Dense::default()),
                waiting: RefCell::new(Dense::default()),
                fut_classes: RefCell::new(Vec::new()),
                callbacks: RefCell::new(Dense::default()),
                running: RefCell::new(Value::None),
                cancelled,
                globals: RefCell::new(None),
                cancel_msgs: RefCell::new(HashMap::new()),
                cancelled_excs: RefCell::new(HashMap::new()),
            });
            vm.asyncio = Some(st.clone() as Rc<dyn Any>);
            st
        };
        lp.set_program(program(st, interp.clone()));
        PyProgram { interp }
    }

    /// stdout, stderr and status once finished.
    pub fn outcome(&self) -> Option<super::Outcome> {
        self.interp.borrow().outcome().cloned()
    }

    /// The outcome, or for a program that never finished (stopped, or a loop left
    /// waiting forever) what the loop recorded: what it printed, and the runtime's
    /// explanation.
    pub fn result(&self, lp: &Loop) -> super::Outcome {
        self.outcome().unwrap_or_else(|| super::Outcome {
            stdout: lp.stdout(),
            stderr: lp.stderr(),
            status: lp.status().unwrap_or(1),
        })
    }
}

fn program(st: Rc<State>, interp: Rc<RefCell<Interpreter>>) -> Program {
    Box::pin(async move {
        let mut resume: Option<Result<Value, Value>> = None;
        loop {
            let step = {
                let mut it = interp.borrow_mut();
                if let Some(r) = resume.take() {
                    it.resume_module(r);
                }
                it.run_step(SLICE)
            };
            match step {
                ModuleStep::Finished(status) => {
                    // Interpreter shutdown: what CPython's garbage collector says
                    // then (not after an uncaught exception: its traceback keeps
                    // the frames, and the tasks, alive).
                    interp.borrow_mut().shutdown();
                    log_unretrieved(&st, &interp);
                    if status == 0 {
                        warn_pending_tasks(&st, &interp);
                    }
                    return Ok(());
                }
                ModuleStep::Budget => st.lp.hold().await,
                ModuleStep::Suspended(req) => {
                    let r = serve(&st, req).await;
                    resume = Some(r);
                }
            }
        }
    })
}

/// CPython, when a task that failed is destroyed and nobody looked at its
/// exception.
fn log_unretrieved(st: &State, interp: &Rc<RefCell<Interpreter>>) {
    let failed: Vec<(u32, Value, String)> = st
        .task_handles
        .borrow()
        .iter()
        .filter(|(_, h)| !st.retrieved.borrow().contains(h))
        .filter_map(|(id, h)| {
            let fut = st.futs.borrow()[*h].clone();
            match fut.result() {
                Some(Err(Exc::Object { obj, .. })) => {
                    let exc = obj.downcast_ref::<Value>()?.clone();
                    Some((*id, exc, st.lp.task_name(*id)))
                }
                _ => None,
            }
        })
        .collect();
    let mut it = interp.borrow_mut();
    for (id, exc, _) in failed {
        let text = failed_task_report(st, it.vm(), id, &exc);
        it.append_stderr(&format!(
            "Task exception was never retrieved\nfuture: {text}"
        ));
    }
    // Plain futures too (a gather whose child was cancelled, say).
    let plain: Vec<(String, Value)> = st
        .fut_classes
        .borrow()
        .iter()
        .filter(|(h, _)| !st.retrieved.borrow().contains(h))
        .filter_map(|(h, class)| match st.futs.borrow()[*h].result() {
            Some(Err(Exc::Object { obj, .. })) => {
                Some((class.clone(), obj.downcast_ref::<Value>()?.clone()))
            }
            _ => None,
        })
        .collect();
    for (class, exc) in plain {
        let repr = it.vm().repr(&exc).unwrap_or_default();
        let text = it.format_exception(&exc);
        it.append_stderr(&format!(
            "{class} exception was never retrieved\nfuture: <{class} finished exception={repr}>\n{text}"
        ));
    }
}

/// `<Task finished name=… coro=<f() done, defined at FILE:LINE> exception=…>` and
/// the exception's traceback, as CPython's exception handler logs a failed task.
fn failed_task_report(st: &State, vm: &mut Vm, id: u32, exc: &Value) -> String {
    let name = st.lp.task_name(id);
    let coro = coro_repr(st, vm, id, false);
    let repr = vm.repr(exc).unwrap_or_default();
    let text = super::traceback::format_exception(vm, exc);
    format!("<Task finished name='{name}' coro=<{coro}> exception={repr}>\n{text}")
}

/// `_boucle.log_task_exception(message, task_id, exc)`: the default exception
/// handler's log of a task (asyncio.run's shutdown uses it).
fn nf_log_task_exception(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let st = state(vm);
    let id = int_arg(vm, &a, 1)? as u32;
    let text = failed_task_report(&st, vm, id, &arg(&a, 2));
    let msg = str_arg(&a, 0);
    vm.write_err(&format!("{msg}\ntask: {text}"));
    Ok(Value::None)
}

/// CPython, at shutdown, for each task still pending when it is destroyed.
fn warn_pending_tasks(st: &State, interp: &Rc<RefCell<Interpreter>>) {
    let pending: Vec<(u32, String, bool)> = st
        .tasks
        .borrow()
        .iter()
        .filter(|(_, t)| !t.done())
        .map(|(id, t)| {
            let started = matches!(task_coro(st, t.id()).0, Value::Gen(g)
                if g.borrow().state != super::value::GenState::Created);
            (*id, st.lp.task_name(*id), started)
        })
        .collect();
    let mut it = interp.borrow_mut();
    // A closed loop dropped its timers: the task and what it waits on are then only
    // a reference cycle, which CPython's collector finalizes coroutine first, so the
    // task's repr says `done, defined at` instead of `running at`.
    let closed = st.lp.is_closed();
    for (id, name, started) in pending {
        let coro = coro_repr(st, it.vm(), id, closed && started);
        let wait = if started {
            " wait_for=<Future pending cb=[Task.task_wakeup()]>"
        } else {
            ""
        };
        it.append_stderr(&format!(
            "Task was destroyed but it is pending!\ntask: <Task pending name='{name}' coro=<{coro}>{wait}>\n"
        ));
    }
}

/// CPython's `coroutines._format_coroutine` for task `id`'s coroutine:
/// `f() running at FILE:LINE` while it has a frame (before its first step: the
/// `def` line), `f() done, defined at FILE:LINE` once finished (or when `done`).
fn coro_repr(st: &State, vm: &Vm, id: u32, done: bool) -> String {
    let (coro, def) = task_coro(st, id);
    let g = match &coro {
        Value::Gen(g) if !is_step(&coro) => g.borrow(),
        _ => return "<async_generator_athrow without __name__>()".into(),
    };
    let q = &g.qualname;
    // A running coroutine's frame is on the VM's stack, not in the generator.
    let fr = g.frame.as_deref().or_else(|| {
        let running = g.state == super::value::GenState::Running;
        vm.frames.iter().rev().filter(|_| running).find(|f| {
            f.code.kind == super::bytecode::CodeKind::Coroutine
                && f.code.first_line == def
                && f.code.qualname == *q
        })
    });
    let line = match fr {
        Some(_) if g.state == super::value::GenState::Created => def,
        Some(f) => f.line(),
        None => 0,
    };
    let file = fr.and_then(|f| f.code.file.clone());
    let file = file.unwrap_or_else(|| vm.filename.clone());
    let (what, line) = match done || line == 0 {
        true => ("done, defined", def),
        false => ("running", line),
    };
    format!("{q}() {what} at {file}:{line}")
}

/// The key of task `id`'s wakeup entry in `State::callbacks` (far above the
/// runtime's callback keys).
fn wake_key(id: u32) -> u64 {
    u64::MAX - id as u64
}

/// What suspended task `id` waits on (CPython's `_fut_waiter`): the future's
/// handle and the awaited object, from its wakeup entry in `State::callbacks`.
fn waited_on(st: &State, id: u32) -> Option<(usize, Value)> {
    st.waiting.borrow().get(id as usize).cloned()
}

/// `_boucle.task_info(task_id)`: `(coro, wait_for)` of a task's repr: its
/// coroutine's text and the future it waits on (or None).
fn nf_task_info(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let (st, id) = task_id(vm, &a)?;
    let w = waited_on(&st, id).map(|(_, v)| v);
    let coro = Value::str(&coro_repr(&st, vm, id, false));
    Ok(Value::tuple(vec![coro, w.unwrap_or(Value::None)]))
}

/// `_boucle.fut_callbacks(h)`: the done callbacks of future `h` in registration
/// order, None for a waiting task's (CPython's `Task.task_wakeup`).
fn nf_fut_callbacks(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let st = state(vm);
    let h = int_arg(vm, &a, 0)? as usize;
    let cbs = st.callbacks.borrow();
    let cbs = cbs.get(h).map(|v| v.as_slice()).unwrap_or_default();
    let cbs = cbs.iter().map(|c| match c.1 > wake_key(u32::MAX) {
        true => Value::None,
        false => c.0.clone(),
    });
    Ok(Value::list(cbs.collect()))
}

/// `_boucle.fn_source(f)`: ` at FILE:LINE` for a Python function (where it is
/// defined, as `format_helpers._get_function_source` finds it), else ''.
fn nf_fn_source(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    Ok(Value::str(&match arg(&a, 0) {
        Value::Function(f) => {
            let file = f.code.file.clone().unwrap_or_else(|| vm.filename.clone());
            format!(" at {file}:{}", f.code.first_line)
        }
        _ => String::new(),
    }))
}

/// Task `id`'s coroutine and the line its function is defined at.
fn task_coro(st: &State, id: u32) -> (Value, u32) {
    st.coros
        .borrow()
        .iter()
        .find(|(i, _, _)| *i == id)
        .map(|(_, c, l)| (c.clone(), *l))
        .unwrap_or((Value::None, 0))
}

/// Runs a blocking request of the main program on the loop.
async fn serve(st: &Rc<State>, req: Value) -> Result<Value, Value> {
    let (kind, h) = match &req {
        Value::Tuple(t) if t.len() == 2 => (t[0].clone(), t[1].clone()),
        _ => (Value::None, Value::None),
    };
    // The future's outcome, and the checks (not done, closed, already running),
    // are the prelude's business, as in CPython's run_until_complete: it calls
    // future.result() itself (which also marks the exception as retrieved).
    let _ = match (kind, h) {
        (Value::Str(k), Value::Int(h)) if &*k == "run_until_complete" => {
            let fut = st.futs.borrow()[h as usize].clone();
            st.lp.run_until_complete(&fut).await.map(|_| ())
        }
        _ => st.lp.run_forever().await,
    };
    Ok(Value::None)
}

fn with_interp<R>(st: &State, f: impl FnOnce(&mut Interpreter) -> R) -> Option<R> {
    let rc = st.interp.borrow().upgrade()?;
    let mut it = rc.borrow_mut();
    Some(f(&mut it))
}

/// A Python exception as the runtime carries it; a `CancelledError` raised out of
/// a coroutine means the task was cancelled.
fn to_exc(st: &State, vm: &mut Vm, e: Value) -> Exc {
    if let Value::Instance(i) = &e {
        if i.class.is_subclass(&st.cancelled) {
            return Exc::Cancelled;
        }
    }
    object_exc(vm, e)
}

/// A Python exception carried as is (`future.set_exception(CancelledError())`
/// leaves the future finished with that exception, not cancelled).
fn object_exc(vm: &mut Vm, e: Value) -> Exc {
    let kind = match &e {
        Value::Instance(i) => i.class.name.to_string(),
        other => other.type_name().to_string(),
    };
    let msg = vm.to_str(&e).unwrap_or_default();
    Exc::Object {
        kind,
        msg,
        obj: Rc::new(e),
    }
}

/// A runtime exception as a Python exception instance.
fn to_py(st: &State, e: Exc) -> Value {
    match e {
        Exc::Object { obj, .. } => obj.downcast_ref::<Value>().cloned().unwrap_or(Value::None),
        other => with_interp(st, |it| exc_value(it.vm(), other)).unwrap_or(Value::None),
    }
}

fn exc_value(vm: &mut Vm, e: Exc) -> Value {
    match e {
        Exc::Cancelled => cancelled_exc(vm, None),
        Exc::Object { obj, .. } => obj.downcast_ref::<Value>().cloned().unwrap_or(Value::None),
        Exc::Error { kind, msg } => vm.new_exc(&kind, msg),
        Exc::Group { msg, .. } => vm.new_exc(ExcKind::Exception, msg),
    }
}

/// A task's body: resume the coroutine, wait on what it yields, repeat.
async fn task_body(st: Rc<State>, coro: Value) -> Result<Value, Exc> {
    let me = st.lp.current();
    {
        let mut send = Value::None;
        let mut throw: Option<Value> = None;
        loop {
            let Some(mut r) = with_interp(&st, |it| {
                it.resume(&coro, send.clone(), throw.take(), SLICE)
            }) else {
                return Err(Exc::runtime("the interpreter is gone"));
            };
            while matches!(r, Resumed::Budget) {
                // A long step: let the host paint, then go on with the same step
                // before anything else runs (the loop is held, as in CPython).
                st.lp.hold().await;
                r = with_interp(&st, |it| it.resume_more(SLICE)).unwrap_or(Resumed::Budget);
            }
            send = Value::None;
            match r {
                Resumed::Returned(v) => return Ok(v),
                Resumed::Raised(e) => {
                    let exc = with_interp(&st, |it| to_exc(&st, it.vm(), e.clone()))
                        .unwrap_or(Exc::Cancelled);
                    if matches!(exc, Exc::Cancelled) {
                        if let Some(h) = task_handle(&st, me) {
                            st.cancelled_excs.borrow_mut().insert(h, Some(e));
                        }
                    }
                    return Err(exc);
                }
                Resumed::Budget => {}
                Resumed::Yielded(v) => {
                    let waited = match &v {
                        Value::None => st.lp.sleep(0.0).await.map(|_| Value::None),
                        _ => match fut_of(&st, &v) {
                            Some(fut) => {
                                let h = handle_of(&v);
                                if let Some(h) = h {
                                    // CPython's task_wakeup callback, in registration
                                    // order, keyed by the task; it keeps the awaited
                                    // object for the task's `wait_for=` (and is its
                                    // `_fut_waiter`).
                                    st.callbacks
                                        .borrow_mut()
                                        .entry(h)
                                        .push((v.clone(), wake_key(me)));
                                    st.waiting.borrow_mut().insert(me as usize, (h, v.clone()));
                                }
                                let r = fut.wait().await;
                                // From the end: the entry is a recent one.
                                if let Some(h) = h {
                                    let mut cbs = st.callbacks.borrow_mut();
                                    if let Some(list) = cbs.get_mut(h) {
                                        if let Some(i) =
                                            list.iter().rposition(|c| c.1 == wake_key(me))
                                        {
                                            list.remove(i);
                                        }
                                        if list.is_empty() {
                                            cbs.remove(h);
                                        }
                                    }
                                    st.waiting.borrow_mut().remove(me as usize);
                                }
                                if let (Err(Exc::Cancelled), Some(h)) = (&r, h) {
                                    // The waited future's own CancelledError, with
                                    // its message (CPython's wakeup calls result()).
                                    throw =
                                        with_interp(&st, |it| cancelled_error(&st, it.vm(), h, me))
                                            .flatten();
                                    st.retrieved.borrow_mut().insert(h);
                                    continue;
                                }
                                // CPython's Task.__wakeup calls future.result(): the
                                // exception thrown into the task counts as retrieved.
                                if let Some(h) = h {
                                    st.retrieved.borrow_mut().insert(h);
                                }
                                r
                            }
                            None => {
                                let msg = with_interp(&st, |it| {
                                    let r = it.vm().repr(&v).unwrap_or_default();
                                    it.vm().new_exc(
                                        ExcKind::RuntimeError,
                                        format!("Task got bad yield: {r}"),
                                    )
                                });
                                throw = msg;
                                continue;
                            }
                        },
                    };
                    match waited {
                        // A task cancelled outside an await of a future (before a
                        // step, or at a bare yield): its own message.
                        Err(Exc::Cancelled) => {
                            throw = with_interp(&st, |it| {
                                let msg = task_handle(&st, me)
                                    .and_then(|h| st.cancel_msgs.borrow().get(&h).cloned());
                                cancelled_exc(it.vm(), msg)
                            })
                        }
                        Err(e) => throw = Some(to_py(&st, e)),
                        Ok(_) => {}
                    }
                }
            }
        }
    }
}

/// The future handle of task `id`.
fn task_handle(st: &State, id: u32) -> Option<usize> {
    st.handle_of_task.borrow().get(id as usize).copied()
}

/// `CancelledError(msg)`, or `CancelledError()` without a message.
fn cancelled_exc(vm: &mut Vm, msg: Option<Value>) -> Value {
    let cls = vm.exc_class(ExcKind::CancelledError);
    let args = msg
        .filter(|m| !matches!(m, Value::None))
        .into_iter()
        .collect();
    vm.make_exc(cls, args)
}

/// The CancelledError that the cancelled future `h` raises (CPython's
/// `_make_cancelled_error`): a task's gives the exception its coroutine raised the
/// first time, then a bare one; a plain future's carries its `cancel(msg)`
/// message, or else the message of the task `by` whose cancellation cancelled it.
fn cancelled_error(st: &State, vm: &mut Vm, h: usize, by: u32) -> Option<Value> {
    let is_task = st.task_of_handle.borrow().get(h).is_some();
    if is_task {
        let mut excs = st.cancelled_excs.borrow_mut();
        return Some(match excs.get_mut(&h) {
            Some(slot) => match slot.take() {
                Some(e) => e,
                None => cancelled_exc(vm, None),
            },
            None => {
                // Cancelled before its first step: the error thrown into the
                // fresh coroutine carried the task's message.
                excs.insert(h, None);
                let msg = st.cancel_msgs.borrow().get(&h).cloned();
                cancelled_exc(vm, msg)
            }
        });
    }
    let msg =
        st.cancel_msgs.borrow().get(&h).cloned().or_else(|| {
            task_handle(st, by).and_then(|th| st.cancel_msgs.borrow().get(&th).cloned())
        });
    Some(cancelled_exc(vm, msg))
}

fn handle_of(v: &Value) -> Option<usize> {
    match v {
        Value::Instance(i) => match i.attrs.borrow().get("_h") {
            Some(Value::Int(h)) => Some(*h as usize),
            _ => None,
        },
        _ => None,
    }
}

fn fut_of(st: &State, v: &Value) -> Option<Fut<Value>> {
    let h = handle_of(v)?;
    st.futs.borrow().get(h).cloned()
}

// ----- the native module ---------------------------------------------------------

fn int_arg(vm: &mut Vm, a: &Args, i: usize) -> PyResult<i64> {
    match a.pos.get(i) {
        Some(Value::Int(n)) => Ok(*n),
        Some(Value::Bool(b)) => Ok(*b as i64),
        _ => vm.type_err("an integer is required"),
    }
}

fn num_arg(vm: &mut Vm, a: &Args, i: usize) -> PyResult<f64> {
    match a.pos.get(i) {
        Some(Value::Int(n)) => Ok(*n as f64),
        Some(Value::Float(f)) => Ok(*f),
        Some(Value::Bool(b)) => Ok(*b as i64 as f64),
        Some(other) => {
            let t = other.type_name().to_string();
            vm.type_err(format!(
                "'<=' not supported between instances of '{t}' and 'int'"
            ))
        }
        None => vm.type_err("a number is required"),
    }
}

fn arg(a: &Args, i: usize) -> Value {
    a.pos.get(i).cloned().unwrap_or(Value::None)
}

fn str_arg(a: &Args, i: usize) -> String {
    match a.pos.get(i) {
        Some(Value::Str(s)) => s.to_string(),
        _ => String::new(),
    }
}

fn fut_h(vm: &mut Vm, a: &Args) -> PyResult<(Rc<State>, Fut<Value>)> {
    let st = state(vm);
    let h = int_arg(vm, a, 0)? as usize;
    let fut = st.futs.borrow().get(h).cloned();
    match fut {
        Some(f) => Ok((st, f)),
        None => vm.err(ExcKind::RuntimeError, "unknown future"),
    }
}

fn add_fut(st: &State, fut: Fut<Value>) -> usize {
    let mut futs = st.futs.borrow_mut();
    futs.push(fut);
    futs.len() - 1
}

fn nf_fut_new(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let st = state(vm);
    let fut: Fut<Value> = Fut::new(&st.lp, str_arg(&a, 0).as_str());
    let h = add_fut(&st, fut);
    if let Some(Value::Str(class)) = a.pos.get(1) {
        st.fut_classes.borrow_mut().push((h, class.to_string()));
    }
    Ok(Value::Int(h as i64))
}

fn nf_fut_done(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let (_, f) = fut_h(vm, &a)?;
    Ok(Value::Bool(f.is_done()))
}

fn nf_fut_cancelled(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let (_, f) = fut_h(vm, &a)?;
    Ok(Value::Bool(AnyFut::cancelled(&f)))
}

fn mark_retrieved(st: &State, a: &Args) {
    if let Some(Value::Int(h)) = a.pos.first() {
        st.retrieved.borrow_mut().insert(*h as usize);
    }
}

fn nf_fut_result(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let (st, f) = fut_h(vm, &a)?;
    mark_retrieved(&st, &a);
    match f.result() {
        None => vm.err(ExcKind::InvalidStateError, "Result is not set."),
        Some(Ok(v)) => Ok(v),
        Some(Err(Exc::Cancelled)) => {
            let h = int_arg(vm, &a, 0)? as usize;
            Err(cancelled_error(&st, vm, h, 0).unwrap_or(Value::None))
        }
        Some(Err(e)) => Err(exc_value(vm, e)),
    }
}

/// `_boucle.fut_exception(h[, peek])`: with `peek` (a repr), the exception is not
/// marked as retrieved (CPython's repr reads `_exception` directly).
fn nf_fut_exception(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let (st, f) = fut_h(vm, &a)?;
    if a.pos.len() < 2 {
        mark_retrieved(&st, &a);
    }
    match f.result() {
        None => vm.err(ExcKind::InvalidStateError, "Exception is not set."),
        Some(Ok(_)) => Ok(Value::None),
        Some(Err(Exc::Cancelled)) => {
            let h = int_arg(vm, &a, 0)? as usize;
            Err(cancelled_error(&st, vm, h, 0).unwrap_or(Value::None))
        }
        Some(Err(e)) => Ok(exc_value(vm, e)),
    }
}

fn nf_fut_set_result(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let (_, f) = fut_h(vm, &a)?;
    if f.is_done() {
        return vm.err(ExcKind::InvalidStateError, "invalid state");
    }
    f.set_result(arg(&a, 1));
    Ok(Value::None)
}

fn nf_fut_set_exception(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let (st, f) = fut_h(vm, &a)?;
    if f.is_done() {
        return vm.err(ExcKind::InvalidStateError, "invalid state");
    }
    let e = object_exc(vm, arg(&a, 1));
    let by = match st.lp.current() {
        0 => Vec::new(),
        id => vec![id],
    };
    f.complete(Err(e), by, "done");
    Ok(Value::None)
}

fn nf_fut_cancel(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let (st, f) = fut_h(vm, &a)?;
    let h = int_arg(vm, &a, 0)? as usize;
    if f.is_done() {
        return Ok(Value::Bool(false));
    }
    st.cancel_msgs.borrow_mut().insert(h, arg(&a, 1));
    Ok(Value::Bool(AnyFut::cancel(&f)))
}

/// `_boucle.fut_cancel_message(h)`: `Future._cancel_message` (a cancelled task's
/// is None: it was cancelled by its coroutine's CancelledError).
fn nf_fut_cancel_message(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let (st, _) = fut_h(vm, &a)?;
    let h = int_arg(vm, &a, 0)? as usize;
    if st.task_of_handle.borrow().get(h).is_some() {
        return Ok(Value::None);
    }
    let msg = st.cancel_msgs.borrow().get(&h).cloned();
    Ok(msg.unwrap_or(Value::None))
}

/// `_boucle.fut_cancelled_error(h)`: `Future._make_cancelled_error()`.
fn nf_fut_cancelled_error(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let (st, _) = fut_h(vm, &a)?;
    let h = int_arg(vm, &a, 0)? as usize;
    Ok(cancelled_error(&st, vm, h, 0).unwrap_or(Value::None))
}

/// A Python callable run by the loop (a done callback, `call_soon`, a timer).
fn py_callback(st: &Rc<State>, thunk: Value) -> Box<dyn FnOnce()> {
    let st = Rc::downgrade(st);
    Box::new(move || {
        let Some(st) = st.upgrade() else { return };
        with_interp(&st, |it| {
            let vm = it.vm();
            if let Err(e) = vm.call(&thunk, Args::default()) {
                // CPython's default exception handler logs and goes on.
                let text = super::traceback::format_exception(vm, &e);
                vm.write_err(&format!("Exception in callback\n{text}"));
            }
        });
    })
}

fn nf_fut_add_done_callback(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let (st, f) = fut_h(vm, &a)?;
    let h = int_arg(vm, &a, 0)? as usize;
    let key = f.add_done_call(py_callback(&st, arg(&a, 1)), 0, &str_arg(&a, 2));
    st.callbacks.borrow_mut().entry(h).push((arg(&a, 3), key));
    Ok(Value::None)
}

fn same_callable(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Function(x), Value::Function(y)) => Rc::ptr_eq(x, y),
        (Value::Builtin(x), Value::Builtin(y)) => Rc::ptr_eq(x, y),
        (Value::Method(x), Value::Method(y)) => {
            same_callable(&x.0, &y.0) && same_callable(&x.1, &y.1)
        }
        (Value::Instance(x), Value::Instance(y)) => Rc::ptr_eq(x, y),
        _ => false,
    }
}

fn nf_fut_remove_done_callback(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let (st, f) = fut_h(vm, &a)?;
    let h = int_arg(vm, &a, 0)? as usize;
    let target = arg(&a, 1);
    let mut removed = 0;
    let mut cbs = st.callbacks.borrow_mut();
    let Some(list) = cbs.get_mut(h) else {
        return Ok(Value::Int(0));
    };
    list.retain(|(fun, key)| {
        if same_callable(fun, &target) {
            f.remove_done_call(*key);
            removed += 1;
            false
        } else {
            true
        }
    });
    Ok(Value::Int(removed))
}

/// A coroutine, or an async generator step (`aclose()`...: CPython's are
/// `collections.abc.Coroutine`s, so tasks run them).
fn is_step(v: &Value) -> bool {
    matches!(v, Value::Gen(g) if matches!(g.borrow().kind, super::value::GenKind::Step(_)))
}

fn nf_is_coroutine(_: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let v = arg(&a, 0);
    Ok(Value::Bool(
        matches!(&v, Value::Gen(g) if g.borrow().is_coroutine()) || is_step(&v),
    ))
}

/// `_boucle.set_asyncgen_finalizer(f)`: installs the running loop's finalizer
/// hook (None: none); returns the previous one.
fn nf_set_asyncgen_finalizer(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let new = match arg(&a, 0) {
        Value::None => None,
        f => Some(f),
    };
    let old = std::mem::replace(&mut vm.asyncgen_finalizer, new);
    Ok(old.unwrap_or(Value::None))
}

/// `_boucle.take_asyncgens()`: the async generators of the loop's weak set that
/// are still alive and unfinished; the set is emptied.
fn nf_take_asyncgens(vm: &mut Vm, _: &Builtin, _: Args) -> PyResult<Value> {
    let live = std::mem::take(&mut vm.asyncgens)
        .iter()
        .filter_map(|w| w.upgrade())
        .filter(|g| g.borrow().state != super::value::GenState::Done)
        .map(Value::Gen)
        .collect();
    Ok(Value::list(live))
}

fn nf_is_coroutine_function(_: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let f = match arg(&a, 0) {
        Value::Method(m) => m.1.clone(),
        other => other,
    };
    Ok(Value::Bool(matches!(
        f,
        Value::Function(func) if func.code.kind == super::bytecode::CodeKind::Coroutine
    )))
}

fn nf_task_new(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let st = state(vm);
    let coro = arg(&a, 0);
    let coro_name = match &coro {
        Value::Gen(g) => {
            g.borrow_mut().owned_by_task = true;
            g.borrow().qualname.to_string()
        }
        _ => "?".to_string(),
    };
    let name = match arg(&a, 1) {
        Value::Str(s) => Some(s.to_string()),
        _ => None,
    };
    let call = call_label(&coro);
    let task = st
        .lp
        .create_task_named(name, &coro_name, call, task_body(st.clone(), coro.clone()));
    let def_line = match &coro {
        Value::Gen(g) => g.borrow().frame.as_ref().map_or(0, |f| f.code.first_line),
        _ => 0,
    };
    let step = is_step(&coro);
    st.coros.borrow_mut().push((task.id(), coro, def_line));
    let h = add_fut(&st, task.fut().clone());
    let id = task.id();
    if step {
        st.lp.mark_started(id);
    }
    st.task_handles.borrow_mut().push((id, h));
    st.handle_of_task.borrow_mut().insert(id as usize, h);
    st.task_of_handle.borrow_mut().insert(h, id);
    st.tasks.borrow_mut().push((id, task));
    Ok(Value::tuple(vec![
        Value::Int(h as i64),
        Value::Int(id as i64),
    ]))
}

/// Longest call label (characters) the trace carries: a lane label, not a repr.
const CALL_LABEL_MAX: usize = 40;

/// `cuire('pâtes')`: the coroutine's name and the values its arguments have when
/// the task is created, what tells apart three tasks of `cuire` on the chart. Only
/// plain values are shown (None, booleans, numbers, short strings: their repr runs
/// no Python code); any other argument is `…`. Shortened to [`CALL_LABEL_MAX`].
fn call_label(coro: &Value) -> Option<String> {
    let Value::Gen(g) = coro else { return None };
    let g = g.borrow();
    let f = g.frame.as_ref()?;
    let code = &f.code;
    let value = |i: usize| match f.fast.get(i).cloned().flatten() {
        Some(v) => plain_repr(&v),
        None => "…".to_string(),
    };
    let n = code.params.args.len();
    let mut args: Vec<String> = (0..n).map(value).collect();
    for (k, name) in code.params.kwonly.iter().enumerate() {
        args.push(format!("{name}={}", value(n + k)));
    }
    let full = format!("{}({})", g.name, args.join(", "));
    if full.chars().count() <= CALL_LABEL_MAX {
        return Some(full);
    }
    let head: String = full.chars().take(CALL_LABEL_MAX - 2).collect();
    Some(format!("{head}…)"))
}

/// The repr of a value that needs no Python code to show, else `…`.
fn plain_repr(v: &Value) -> String {
    match v {
        Value::None => "None".into(),
        Value::Bool(b) => if *b { "True" } else { "False" }.into(),
        Value::Int(i) => i.to_string(),
        Value::Float(x) => super::format::float_repr(*x),
        Value::Str(s) if s.chars().count() <= 20 => super::format::str_repr(s),
        Value::Str(s) => {
            let head: String = s.chars().take(16).collect();
            let r = super::format::str_repr(&head);
            let q = r.chars().last().unwrap_or('\'');
            format!("{}…{q}", &r[..r.len() - q.len_utf8()])
        }
        _ => "…".into(),
    }
}

fn task_id(vm: &mut Vm, a: &Args) -> PyResult<(Rc<State>, u32)> {
    let st = state(vm);
    let id = int_arg(vm, a, 0)? as u32;
    Ok((st, id))
}

fn nf_task_cancel(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let (st, id) = task_id(vm, &a)?;
    let msg = arg(&a, 1);
    // The message goes down the chain of awaited futures that the runtime
    // cancels (CPython's `_fut_waiter.cancel(msg=msg)`).
    let mut cur = Some(id);
    while let Some(tid) = cur.take() {
        let Some(h) = task_handle(&st, tid) else {
            break;
        };
        if st.futs.borrow()[h].is_done() {
            break;
        }
        st.cancel_msgs.borrow_mut().insert(h, msg.clone());
        let Some((w, _)) = waited_on(&st, tid) else {
            break;
        };
        let inner = st.task_of_handle.borrow().get(w).copied();
        match inner {
            Some(i) => cur = Some(i),
            None => {
                if !st.futs.borrow()[w].is_done() {
                    st.cancel_msgs.borrow_mut().insert(w, msg.clone());
                }
            }
        }
    }
    Ok(Value::Bool(st.lp.cancel_task(id)))
}

fn nf_task_uncancel(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let (st, id) = task_id(vm, &a)?;
    Ok(Value::Int(st.lp.uncancel(id) as i64))
}

fn nf_task_cancelling(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let (st, id) = task_id(vm, &a)?;
    Ok(Value::Int(st.lp.cancelling(id) as i64))
}

fn nf_task_name(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let (st, id) = task_id(vm, &a)?;
    Ok(Value::str(&st.lp.task_name(id)))
}

fn nf_task_set_name(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let (st, id) = task_id(vm, &a)?;
    st.lp.set_task_name(id, str_arg(&a, 1));
    Ok(Value::None)
}

fn nf_current_task_id(vm: &mut Vm, _: &Builtin, _: Args) -> PyResult<Value> {
    Ok(Value::Int(state(vm).lp.current() as i64))
}

fn nf_pending_task_ids(vm: &mut Vm, _: &Builtin, _: Args) -> PyResult<Value> {
    let ids = state(vm).lp.pending_tasks();
    Ok(Value::list(
        ids.into_iter().map(|i| Value::Int(i as i64)).collect(),
    ))
}

fn nf_time(vm: &mut Vm, _: &Builtin, _: Args) -> PyResult<Value> {
    Ok(Value::Float(state(vm).lp.clock_now()))
}

fn nf_call_soon(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let st = state(vm);
    let label: Rc<str> = Rc::from(str_arg(&a, 1));
    st.lp.call_soon(py_callback(&st, arg(&a, 0)), 0, label);
    Ok(Value::None)
}

fn nf_call_later(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let st = state(vm);
    let delay = num_arg(vm, &a, 0)?;
    let id = st
        .lp
        .call_later(delay, str_arg(&a, 2), py_callback(&st, arg(&a, 1)));
    Ok(Value::Int(id as i64))
}

fn nf_cancel_timer(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let st = state(vm);
    let id = int_arg(vm, &a, 0)?;
    st.lp.cancel_timer(id as u64);
    Ok(Value::None)
}

fn nf_is_running(vm: &mut Vm, _: &Builtin, _: Args) -> PyResult<Value> {
    Ok(Value::Bool(state(vm).lp.is_running()))
}

fn nf_stop(vm: &mut Vm, _: &Builtin, _: Args) -> PyResult<Value> {
    state(vm).lp.stop();
    Ok(Value::None)
}

fn nf_close(vm: &mut Vm, _: &Builtin, _: Args) -> PyResult<Value> {
    let st = state(vm);
    if let Err(e) = st.lp.close() {
        return Err(exc_value(vm, e));
    }
    Ok(Value::None)
}

fn nf_reopen(vm: &mut Vm, _: &Builtin, _: Args) -> PyResult<Value> {
    state(vm).lp.reopen();
    Ok(Value::None)
}

fn nf_running_loop(vm: &mut Vm, _: &Builtin, _: Args) -> PyResult<Value> {
    Ok(state(vm).running.borrow().clone())
}

fn nf_set_running(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    *state(vm).running.borrow_mut() = arg(&a, 0);
    Ok(Value::None)
}

fn nf_run_until_complete(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let h = int_arg(vm, &a, 0)?;
    vm.request_suspend(Value::tuple(vec![
        Value::str("run_until_complete"),
        Value::Int(h),
    ]))
}

fn nf_run_forever(vm: &mut Vm, _: &Builtin, _: Args) -> PyResult<Value> {
    vm.request_suspend(Value::tuple(vec![Value::str("run_forever"), Value::None]))
}

/// `import _boucle`: the native core (only with a loop installed).
pub fn core_module(vm: &mut Vm) -> PyResult<Value> {
    let st = match vm.asyncio.clone().and_then(|s| s.downcast::<State>().ok()) {
        Some(st) => st,
        None => return vm.err(ExcKind::ModuleNotFoundError, "No module named '_boucle'"),
    };
    let fns: &[(&str, super::value::NativeFn)] = &[
        ("fut_new", nf_fut_new),
        ("fut_done", nf_fut_done),
        ("fut_cancelled", nf_fut_cancelled),
        ("fut_result", nf_fut_result),
        ("fut_exception", nf_fut_exception),
        ("fut_set_result", nf_fut_set_result),
        ("fut_set_exception", nf_fut_set_exception),
        ("fut_cancel", nf_fut_cancel),
        ("fut_cancelled_error", nf_fut_cancelled_error),
        ("fut_cancel_message", nf_fut_cancel_message),
        ("fut_add_done_callback", nf_fut_add_done_callback),
        ("fut_remove_done_callback", nf_fut_remove_done_callback),
        ("is_coroutine", nf_is_coroutine),
        ("set_asyncgen_finalizer", nf_set_asyncgen_finalizer),
        ("take_asyncgens", nf_take_asyncgens),
        ("task_info", nf_task_info),
        ("fut_callbacks", nf_fut_callbacks),
        ("fn_source", nf_fn_source),
        ("is_coroutine_function", nf_is_coroutine_function),
        ("log_task_exception", nf_log_task_exception),
        ("task_new", nf_task_new),
        ("task_cancel", nf_task_cancel),
        ("task_uncancel", nf_task_uncancel),
        ("task_cancelling", nf_task_cancelling),
        ("task_name", nf_task_name),
        ("task_set_name", nf_task_set_name),
        ("current_task_id", nf_current_task_id),
        ("pending_task_ids", nf_pending_task_ids),
        ("time", nf_time),
        ("call_soon", nf_call_soon),
        ("call_later", nf_call_later),
        ("cancel_timer", nf_cancel_timer),
        ("is_running", nf_is_running),
        ("stop", nf_stop),
        ("close", nf_close),
        ("reopen", nf_reopen),
        ("running_loop", nf_running_loop),
        ("set_running", nf_set_running),
        ("run_until_complete", nf_run_until_complete),
        ("run_forever", nf_run_forever),
    ];
    let mut attrs = std::collections::HashMap::new();
    for (name, f) in fns {
        attrs.insert(Rc::from(*name), native(name, *f));
    }
    attrs.insert(
        Rc::from("CancelledError"),
        Value::Class(st.cancelled.clone()),
    );
    attrs.insert(
        Rc::from("InvalidStateError"),
        Value::Class(vm.exc_class(ExcKind::InvalidStateError)),
    );
    Ok(Value::Module(Rc::new(Module {
        name: "_boucle".into(),
        attrs: Rc::new(RefCell::new(attrs)),
    })))
}

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
