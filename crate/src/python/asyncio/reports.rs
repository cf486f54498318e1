//! What asyncio says about tasks and exceptions, as CPython says it: the reports
//! at shutdown (« Task exception was never retrieved », « Task was destroyed but it
//! is pending! »), a task's coroutine repr and its call label on the chart, and the
//! conversion of exceptions between the interpreter and the runtime.

use crate::python::core::exc::ExcKind;
use std::cell::RefCell;
use std::rc::Rc;

use super::host::with_interp;
use super::state::{is_step, FutRec, State};
use crate::python::bytecode::CodeKind;
use crate::python::value::{GenState, Value};
use crate::python::vm::Vm;
use crate::python::Interpreter;
use crate::runtime::Exc;

/// CPython, when a task that failed is destroyed and nobody looked at its
/// exception.
pub(super) fn log_unretrieved(st: &State, interp: &Rc<RefCell<Interpreter>>) {
    // Tasks in the order they were created, then plain futures (a gather whose child
    // was cancelled, say), as CPython's collector finds them.
    let unretrieved = |r: &FutRec| match (r.retrieved, r.fut.result()) {
        (false, Some(Err(Exc::Object { obj, .. }))) => obj.downcast_ref::<Value>().cloned(),
        _ => None,
    };
    let failed: Vec<(u32, Value)> = {
        let futs = st.futs.borrow();
        let tasks = st.tasks.borrow();
        let failed = tasks
            .values()
            .filter_map(|t| Some((t.task.id(), unretrieved(&futs[t.handle])?)));
        failed.collect()
    };
    let plain: Vec<(Rc<str>, Value)> = st
        .futs
        .borrow()
        .iter()
        .filter_map(|r| Some((r.class.clone()?, unretrieved(r)?)))
        .collect();
    let mut it = interp.borrow_mut();
    for (id, exc) in failed {
        let text = failed_task_report(st, it.vm(), id, &exc);
        it.append_stderr(&format!(
            "Task exception was never retrieved\nfuture: {text}"
        ));
    }
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
pub(super) fn failed_task_report(st: &State, vm: &mut Vm, id: u32, exc: &Value) -> String {
    let name = st.lp.task_name(id);
    let coro = coro_repr(st, vm, id, false);
    let repr = vm.repr(exc).unwrap_or_default();
    let text = crate::python::traceback::format_exception(vm, exc);
    format!("<Task finished name='{name}' coro=<{coro}> exception={repr}>\n{text}")
}

/// CPython, at shutdown, for each task still pending when it is destroyed.
pub(super) fn warn_pending_tasks(st: &State, interp: &Rc<RefCell<Interpreter>>) {
    let pending: Vec<(u32, String, bool)> = st
        .tasks
        .borrow()
        .values()
        .filter(|t| !t.task.done())
        .map(|t| {
            let started = matches!(&t.coro, Value::Gen(g)
                if g.borrow().state != GenState::Created);
            let id = t.task.id();
            (id, st.lp.task_name(id), started)
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
pub(super) fn coro_repr(st: &State, vm: &Vm, id: u32, done: bool) -> String {
    let (coro, def) = st.task_coro(id);
    let g = match &coro {
        Value::Gen(g) if !is_step(&coro) => g.borrow(),
        _ => return "<async_generator_athrow without __name__>()".into(),
    };
    let q = &g.qualname;
    // A running coroutine's frame is on the VM's stack, not in the generator.
    let fr = g.frame.as_deref().or_else(|| {
        let running = g.state == GenState::Running;
        vm.frames.iter().rev().filter(|_| running).find(|f| {
            f.code.kind == CodeKind::Coroutine && f.code.first_line == def && f.code.qualname == *q
        })
    });
    let line = match fr {
        Some(_) if g.state == GenState::Created => def,
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

/// A Python exception as the runtime carries it; a `CancelledError` raised out of
/// a coroutine means the task was cancelled.
pub(super) fn to_exc(st: &State, vm: &mut Vm, e: Value) -> Exc {
    if let Value::Instance(i) = &e {
        if i.class.is_subclass(&st.cancelled) {
            return Exc::Cancelled;
        }
    }
    object_exc(vm, e)
}

/// A Python exception carried as is (`future.set_exception(CancelledError())`
/// leaves the future finished with that exception, not cancelled).
pub(super) fn object_exc(vm: &mut Vm, e: Value) -> Exc {
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
pub(super) fn to_py(st: &State, e: Exc) -> Value {
    match e {
        Exc::Object { obj, .. } => obj.downcast_ref::<Value>().cloned().unwrap_or(Value::None),
        other => with_interp(st, |it| exc_value(it.vm(), other)).unwrap_or(Value::None),
    }
}

pub(super) fn exc_value(vm: &mut Vm, e: Exc) -> Value {
    match e {
        Exc::Cancelled => cancelled_exc(vm, None),
        Exc::Object { obj, .. } => obj.downcast_ref::<Value>().cloned().unwrap_or(Value::None),
        Exc::Error { kind, msg } => vm.new_exc(&kind, msg),
    }
}

/// `CancelledError(msg)`, or `CancelledError()` without a message.
pub(super) fn cancelled_exc(vm: &mut Vm, msg: Option<Value>) -> Value {
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
pub(super) fn cancelled_error(st: &State, vm: &mut Vm, h: usize, by: u32) -> Option<Value> {
    if st.task_of(h).is_some() {
        // The slot is emptied: the first `result()` gets the coroutine's own error.
        let slot = st.with_fut(h, |r| r.cancelled_exc.replace(None))?;
        return Some(match slot {
            Some(Some(e)) => e,
            Some(None) => cancelled_exc(vm, None),
            // Cancelled before its first step: the error thrown into the fresh
            // coroutine carried the task's message.
            None => cancelled_exc(vm, st.cancel_msg(h)),
        });
    }
    let msg = st
        .cancel_msg(h)
        .or_else(|| st.task_handle(by).and_then(|th| st.cancel_msg(th)));
    Some(cancelled_exc(vm, msg))
}

/// Longest call label (characters) the trace carries: a lane label, not a repr.
pub(super) const CALL_LABEL_MAX: usize = 40;

/// `cuire('pâtes')`: the coroutine's name and the values its arguments have when
/// the task is created, what tells apart three tasks of `cuire` on the chart. Only
/// plain values are shown (None, booleans, numbers, short strings: their repr runs
/// no Python code); any other argument is `…`. Shortened to [`CALL_LABEL_MAX`].
pub(super) fn call_label(coro: &Value) -> Option<String> {
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
pub(super) fn plain_repr(v: &Value) -> String {
    match v {
        Value::None => "None".into(),
        Value::Bool(b) => if *b { "True" } else { "False" }.into(),
        Value::Int(i) => i.to_string(),
        Value::Float(x) => crate::python::format::float_repr(*x),
        Value::Str(s) if s.chars().count() <= 20 => crate::python::format::str_repr(s),
        Value::Str(s) => {
            let head: String = s.chars().take(16).collect();
            let r = crate::python::format::str_repr(&head);
            let q = r.chars().last().unwrap_or('\'');
            format!("{}…{q}", &r[..r.len() - q.len_utf8()])
        }
        _ => "…".into(),
    }
}
