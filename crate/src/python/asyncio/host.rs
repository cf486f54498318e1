//! The host bridge: how a Python program runs on the loop. `LoopHost` takes the
//! interpreter's output, clock and line tracing to the loop's trace; `PyProgram`
//! installs a program as the loop's main program, whose blocking calls
//! (`run_until_complete`, `run_forever`) suspend it while the driver runs the loop;
//! a task's body resumes its coroutine and waits on what it yields.

use crate::python::core::exc::ExcKind;
use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use super::prelude_code;
use super::reports::{
    cancelled_error, cancelled_exc, log_unretrieved, to_exc, to_py, warn_pending_tasks,
};
use super::state::{handle_of, State};
use crate::python::builtins::new_exc_class;
use crate::python::value::{Args, Value};
use crate::python::{Host, Interpreter, ModuleStep, Resumed};
use crate::runtime::{Exc, Loop, Program};
use crate::trace::Stream;

/// Instructions run between two checks of the driver (bounded slices).
pub(super) const SLICE: u64 = 200_000;

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

pub(super) fn flush_lines(buf: &mut String, text: &str, mut emit: impl FnMut(&str)) {
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
            // The loop keeps the one copy of the program's output (the VM keeps none:
            // `PyProgram::install`); the trace gets whole lines.
            lp.keep_text(text, stream);
            flush_lines(buf, text, |l| lp.log_lines(l, stream));
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
    /// The interpreter (its outcome holds the exit status; the output is the loop's).
    pub interp: Rc<RefCell<Interpreter>>,
    lp: Loop,
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
        // Output is kept once, by the loop (its `stdout()` / `stderr()`).
        interp.borrow_mut().stream_output();
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
            let st = Rc::new(State::new(lp, Rc::downgrade(&interp), cancelled));
            vm.asyncio = Some(st.clone() as Rc<dyn Any>);
            st
        };
        lp.set_program(program(st, interp.clone()));
        PyProgram {
            interp,
            lp: lp.clone(),
        }
    }

    /// stdout, stderr and status once finished.
    pub fn outcome(&self) -> Option<crate::python::Outcome> {
        let status = self.interp.borrow().outcome()?.status;
        Some(crate::python::Outcome {
            stdout: self.lp.stdout(),
            stderr: self.lp.stderr(),
            status,
        })
    }

    /// The outcome, or for a program that never finished (stopped, or a loop left
    /// waiting forever) what the loop recorded: what it printed, and the runtime's
    /// explanation.
    pub fn result(&self, lp: &Loop) -> crate::python::Outcome {
        self.outcome().unwrap_or_else(|| crate::python::Outcome {
            stdout: lp.stdout(),
            stderr: lp.stderr(),
            status: lp.status().unwrap_or(1),
        })
    }
}

pub(super) fn program(st: Rc<State>, interp: Rc<RefCell<Interpreter>>) -> Program {
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

/// Runs a blocking request of the main program on the loop.
pub(super) async fn serve(st: &Rc<State>, req: Value) -> Result<Value, Value> {
    let (kind, h) = match &req {
        Value::Tuple(t) if t.len() == 2 => (t[0].clone(), t[1].clone()),
        _ => (Value::None, Value::None),
    };
    // The future's outcome, and the checks (not done, closed, already running),
    // are the prelude's business, as in CPython's run_until_complete: it calls
    // future.result() itself (which also marks the exception as retrieved).
    let _ = match (kind, h) {
        (Value::Str(k), Value::Int(h)) if &*k == "run_until_complete" => match st.fut(h as usize) {
            Some(fut) => st.lp.run_until_complete(&fut).await.map(|_| ()),
            None => Ok(()),
        },
        _ => st.lp.run_forever().await,
    };
    Ok(Value::None)
}

pub(super) fn with_interp<R>(st: &State, f: impl FnOnce(&mut Interpreter) -> R) -> Option<R> {
    let rc = st.interp.borrow().upgrade()?;
    let mut it = rc.borrow_mut();
    Some(f(&mut it))
}

/// A task's body: resume the coroutine, wait on what it yields, repeat.
pub(super) async fn task_body(st: Rc<State>, coro: Value) -> Result<Value, Exc> {
    let me = st.lp.current();
    let mut throw: Option<Value> = None;
    loop {
        let Some(mut r) = with_interp(&st, |it| it.resume(&coro, Value::None, throw.take(), SLICE))
        else {
            return Err(Exc::runtime("the interpreter is gone"));
        };
        while matches!(r, Resumed::Budget) {
            // A long step: let the host paint, then go on with the same step
            // before anything else runs (the loop is held, as in CPython).
            st.lp.hold().await;
            r = with_interp(&st, |it| it.resume_more(SLICE)).unwrap_or(Resumed::Budget);
        }
        match r {
            Resumed::Returned(v) => return Ok(v),
            Resumed::Raised(e) => {
                let exc = with_interp(&st, |it| to_exc(&st, it.vm(), e.clone()))
                    .unwrap_or(Exc::Cancelled);
                if matches!(exc, Exc::Cancelled) {
                    if let Some(h) = st.task_handle(me) {
                        st.with_fut(h, |r| r.cancelled_exc = Some(Some(e)));
                    }
                }
                return Err(exc);
            }
            Resumed::Budget => {}
            // A bare yield (`asyncio.sleep(0)`).
            Resumed::Yielded(Value::None) => {
                if let Err(e) = st.lp.yield_now().await {
                    throw = thrown(&st, me, e);
                }
            }
            Resumed::Yielded(v) => throw = await_future(&st, me, &v).await,
        }
    }
}

/// Task `me` yielded `v`, a future: waits until it is done; returns what to throw
/// into the coroutine (None: resume it normally, the future's `__await__` reads
/// the result).
async fn await_future(st: &Rc<State>, me: u32, v: &Value) -> Option<Value> {
    let (Some(h), Some(fut)) = (handle_of(v), handle_of(v).and_then(|h| st.fut(h))) else {
        return with_interp(st, |it| {
            let r = it.vm().repr(v).unwrap_or_default();
            it.vm()
                .new_exc(ExcKind::RuntimeError, format!("Task got bad yield: {r}"))
        });
    };
    // CPython's task_wakeup callback, keyed by the task; it keeps the awaited
    // object for the task's `wait_for=` (and is its `_fut_waiter`).
    st.start_waiting(me, h, v);
    let r = fut.wait().await;
    st.stop_waiting(me, h);
    // CPython's Task.__wakeup calls future.result(): the exception thrown into the
    // task counts as retrieved.
    st.mark_retrieved(h);
    match r {
        // The waited future's own CancelledError, with its message.
        Err(Exc::Cancelled) => with_interp(st, |it| cancelled_error(st, it.vm(), h, me)).flatten(),
        Err(e) => thrown(st, me, e),
        Ok(_) => None,
    }
}

/// The exception to throw into task `me` for a runtime error: a task cancelled
/// outside an await of a future (before a step, or at a bare yield) gets its own
/// message.
fn thrown(st: &State, me: u32, e: Exc) -> Option<Value> {
    match e {
        Exc::Cancelled => with_interp(st, |it| {
            let msg = st.task_handle(me).and_then(|h| st.cancel_msg(h));
            cancelled_exc(it.vm(), msg)
        }),
        e => Some(to_py(st, e)),
    }
}

/// A Python callable run by the loop (a done callback, `call_soon`, a timer).
pub(super) fn py_callback(st: &Rc<State>, thunk: Value) -> Box<dyn FnOnce()> {
    let st = Rc::downgrade(st);
    Box::new(move || {
        let Some(st) = st.upgrade() else { return };
        with_interp(&st, |it| {
            let vm = it.vm();
            if let Err(e) = vm.call(&thunk, Args::default()) {
                // CPython's default exception handler logs and goes on.
                let text = crate::python::traceback::format_exception(vm, &e);
                vm.write_err(&format!("Exception in callback\n{text}"));
            }
        });
    })
}
