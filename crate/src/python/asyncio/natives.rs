//! The `_boucle` module: the native functions `prelude.py` stands on. Each takes
//! plain values (a future's handle, a task's id) and works on the loop and on the
//! records of [`super::state`].

use crate::python::core::exc::ExcKind;
use std::cell::RefCell;
use std::rc::Rc;

use super::host::{py_callback, task_body};
use super::reports::{
    call_label, cancelled_error, coro_repr, exc_value, failed_task_report, object_exc,
};
use super::state::{is_step, state, wake_key, State};
use crate::python::builtins::native;
use crate::python::value::{Args, Builtin, Module, PyResult, Value};
use crate::python::vm::Vm;
use crate::runtime::future::AnyFut;
use crate::runtime::{Exc, Fut};
use crate::trace::Kind;

/// `_boucle.log_task_exception(message, task_id, exc)`: the default exception
/// handler's log of a task (asyncio.run's shutdown uses it).
pub(super) fn nf_log_task_exception(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let st = state(vm);
    let id = int_arg(vm, &a, 1)? as u32;
    let text = failed_task_report(&st, vm, id, &arg(&a, 2));
    let msg = str_arg(&a, 0);
    vm.write_err(&format!("{msg}\ntask: {text}"));
    Ok(Value::None)
}

/// `_boucle.task_info(task_id)`: `(coro, wait_for)` of a task's repr: its
/// coroutine's text and the future it waits on (or None).
pub(super) fn nf_task_info(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let (st, id) = task_id(vm, &a)?;
    let w = st.waited_on(id).map(|(_, v)| v);
    let coro = Value::str(&coro_repr(&st, vm, id, false));
    Ok(Value::tuple(vec![coro, w.unwrap_or(Value::None)]))
}

/// `_boucle.fut_callbacks(h)`: the done callbacks of future `h` in registration
/// order, None for a waiting task's (CPython's `Task.task_wakeup`).
pub(super) fn nf_fut_callbacks(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let st = state(vm);
    let h = int_arg(vm, &a, 0)? as usize;
    let cbs = st.with_fut(h, |r| {
        let cbs = r.callbacks.iter().map(|c| match c.1 > wake_key(u32::MAX) {
            true => Value::None,
            false => c.0.clone(),
        });
        cbs.collect()
    });
    Ok(Value::list(cbs.unwrap_or_default()))
}

/// `_boucle.fn_source(f)`: ` at FILE:LINE` for a Python function (where it is
/// defined, as `format_helpers._get_function_source` finds it), else ''.
pub(super) fn nf_fn_source(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    Ok(Value::str(&match arg(&a, 0) {
        Value::Function(f) => {
            let file = f.code.file.clone().unwrap_or_else(|| vm.filename.clone());
            format!(" at {file}:{}", f.code.first_line)
        }
        _ => String::new(),
    }))
}

pub(super) fn int_arg(vm: &mut Vm, a: &Args, i: usize) -> PyResult<i64> {
    match a.pos.get(i) {
        Some(Value::Int(n)) => Ok(*n),
        Some(Value::Bool(b)) => Ok(*b as i64),
        _ => vm.type_err("an integer is required"),
    }
}

pub(super) fn num_arg(vm: &mut Vm, a: &Args, i: usize) -> PyResult<f64> {
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

pub(super) fn arg(a: &Args, i: usize) -> Value {
    a.pos.get(i).cloned().unwrap_or(Value::None)
}

pub(super) fn str_arg(a: &Args, i: usize) -> String {
    match a.pos.get(i) {
        Some(Value::Str(s)) => s.to_string(),
        _ => String::new(),
    }
}

/// The future of handle argument 0: the state, the handle and the future.
fn fut_h(vm: &mut Vm, a: &Args) -> PyResult<(Rc<State>, usize, Fut<Value>)> {
    let st = state(vm);
    let h = int_arg(vm, a, 0)? as usize;
    match st.fut(h) {
        Some(f) => Ok((st, h, f)),
        None => vm.err(ExcKind::RuntimeError, "unknown future"),
    }
}

pub(super) fn nf_fut_new(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let st = state(vm);
    let fut: Fut<Value> = Fut::new(&st.lp, str_arg(&a, 0).as_str());
    let class = match a.pos.get(1) {
        Some(Value::Str(class)) => Some(class.clone()),
        _ => None,
    };
    let h = st.add_fut(fut, class, None);
    Ok(Value::Int(h as i64))
}

pub(super) fn nf_fut_done(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let (_, _, f) = fut_h(vm, &a)?;
    Ok(Value::Bool(f.is_done()))
}

pub(super) fn nf_fut_cancelled(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let (_, _, f) = fut_h(vm, &a)?;
    Ok(Value::Bool(AnyFut::cancelled(&f)))
}

pub(super) fn nf_fut_result(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let (st, h, f) = fut_h(vm, &a)?;
    st.mark_retrieved(h);
    match f.result() {
        None => vm.err(ExcKind::InvalidStateError, "Result is not set."),
        Some(Ok(v)) => Ok(v),
        Some(Err(Exc::Cancelled)) => Err(cancelled_error(&st, vm, h, 0).unwrap_or(Value::None)),
        Some(Err(e)) => Err(exc_value(vm, e)),
    }
}

/// `_boucle.fut_exception(h[, peek])`: with `peek` (a repr), the exception is not
/// marked as retrieved (CPython's repr reads `_exception` directly).
pub(super) fn nf_fut_exception(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let (st, h, f) = fut_h(vm, &a)?;
    if a.pos.len() < 2 {
        st.mark_retrieved(h);
    }
    match f.result() {
        None => vm.err(ExcKind::InvalidStateError, "Exception is not set."),
        Some(Ok(_)) => Ok(Value::None),
        Some(Err(Exc::Cancelled)) => Err(cancelled_error(&st, vm, h, 0).unwrap_or(Value::None)),
        Some(Err(e)) => Ok(exc_value(vm, e)),
    }
}

/// The wake reasons the trace format names (ARCHITECTURE.md, `wake.why`) that the
/// prelude may give when it completes a future.
pub(super) const WAKE_REASONS: &[&str] = &[
    "done",
    "gather",
    "wait",
    "queue",
    "timer",
    "lock",
    "event",
    "semaphore",
    "condition",
];

/// The `why, by` arguments at `i`, `i + 1` of `fut_set_result` / `fut_set_exception`:
/// what woke the tasks waiting on the future, and which tasks did (a list of task
/// ids). Absent, the cause is the task running now, as `Future.set_result` done by
/// a task says.
pub(super) fn wake_cause(st: &State, a: &Args, i: usize) -> (Vec<u32>, &'static str) {
    let why = match a.pos.get(i) {
        Some(Value::Str(s)) => WAKE_REASONS.iter().find(|w| **w == &**s).copied(),
        _ => None,
    };
    let by = task_ids(a.pos.get(i + 1)).unwrap_or_else(|| match st.lp.current() {
        0 => Vec::new(),
        id => vec![id],
    });
    (by, why.unwrap_or("done"))
}

/// A Python list of task ids (None when `v` is not a list).
pub(super) fn task_ids(v: Option<&Value>) -> Option<Vec<u32>> {
    let Some(Value::List(l)) = v else { return None };
    let list = l.borrow();
    let ids = list.iter().filter_map(|v| match v {
        Value::Int(id) if *id > 0 => Some(*id as u32),
        _ => None,
    });
    Some(ids.collect())
}

/// `_boucle.fut_set_result(h, value[, why, by])`.
pub(super) fn nf_fut_set_result(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let (st, _, f) = fut_h(vm, &a)?;
    if f.is_done() {
        return vm.err(ExcKind::InvalidStateError, "invalid state");
    }
    let (by, why) = wake_cause(&st, &a, 2);
    f.complete(Ok(arg(&a, 1)), by, why);
    Ok(Value::None)
}

/// `_boucle.fut_set_exception(h, exc[, why, by])`.
pub(super) fn nf_fut_set_exception(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let (st, _, f) = fut_h(vm, &a)?;
    if f.is_done() {
        return vm.err(ExcKind::InvalidStateError, "invalid state");
    }
    let e = object_exc(vm, arg(&a, 1));
    let (by, why) = wake_cause(&st, &a, 2);
    f.complete(Err(e), by, why);
    Ok(Value::None)
}

/// `_boucle.wait_result(done_ids, pending_ids)`: `asyncio.wait` returns to the
/// running task (the trace's `wait_result`, which the chart draws as arrows).
pub(super) fn nf_wait_result(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let st = state(vm);
    let done = task_ids(a.pos.first()).unwrap_or_default();
    let pending = task_ids(a.pos.get(1)).unwrap_or_default();
    st.lp
        .emit(st.lp.current(), Kind::WaitResult { done, pending });
    Ok(Value::None)
}

pub(super) fn nf_fut_cancel(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let (st, h, f) = fut_h(vm, &a)?;
    if f.is_done() {
        return Ok(Value::Bool(false));
    }
    st.with_fut(h, |r| r.cancel_msg = Some(arg(&a, 1)));
    Ok(Value::Bool(AnyFut::cancel(&f)))
}

/// `_boucle.fut_cancel_message(h)`: `Future._cancel_message` (a cancelled task's
/// is None: it was cancelled by its coroutine's CancelledError).
pub(super) fn nf_fut_cancel_message(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let (st, h, _) = fut_h(vm, &a)?;
    if st.task_of(h).is_some() {
        return Ok(Value::None);
    }
    Ok(st.cancel_msg(h).unwrap_or(Value::None))
}

/// `_boucle.fut_cancelled_error(h)`: `Future._make_cancelled_error()`.
pub(super) fn nf_fut_cancelled_error(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let (st, h, _) = fut_h(vm, &a)?;
    Ok(cancelled_error(&st, vm, h, 0).unwrap_or(Value::None))
}

pub(super) fn nf_fut_add_done_callback(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let (st, h, f) = fut_h(vm, &a)?;
    let key = f.add_done_call(py_callback(&st, arg(&a, 1)), 0, &str_arg(&a, 2));
    st.with_fut(h, |r| r.callbacks.push((arg(&a, 3), key)));
    Ok(Value::None)
}

pub(super) fn same_callable(a: &Value, b: &Value) -> bool {
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

pub(super) fn nf_fut_remove_done_callback(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let (st, h, f) = fut_h(vm, &a)?;
    let target = arg(&a, 1);
    let mut removed = 0;
    st.with_fut(h, |r| {
        r.callbacks.retain(|(fun, key)| {
            if same_callable(fun, &target) {
                f.remove_done_call(*key);
                removed += 1;
                false
            } else {
                true
            }
        })
    });
    Ok(Value::Int(removed))
}

pub(super) fn nf_is_coroutine(_: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let v = arg(&a, 0);
    Ok(Value::Bool(
        matches!(&v, Value::Gen(g) if g.borrow().is_coroutine()) || is_step(&v),
    ))
}

/// `_boucle.set_asyncgen_finalizer(f)`: installs the running loop's finalizer
/// hook (None: none); returns the previous one.
pub(super) fn nf_set_asyncgen_finalizer(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let new = match arg(&a, 0) {
        Value::None => None,
        f => Some(f),
    };
    let old = std::mem::replace(&mut vm.asyncgen_finalizer, new);
    Ok(old.unwrap_or(Value::None))
}

/// `_boucle.take_asyncgens()`: the async generators of the loop's weak set that
/// are still alive and unfinished; the set is emptied.
pub(super) fn nf_take_asyncgens(vm: &mut Vm, _: &Builtin, _: Args) -> PyResult<Value> {
    let live = std::mem::take(&mut vm.asyncgens)
        .iter()
        .filter_map(|w| w.upgrade())
        .filter(|g| g.borrow().state != crate::python::value::GenState::Done)
        .map(Value::Gen)
        .collect();
    Ok(Value::list(live))
}

pub(super) fn nf_is_coroutine_function(_: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let f = match arg(&a, 0) {
        Value::Method(m) => m.1.clone(),
        other => other,
    };
    Ok(Value::Bool(matches!(
        f,
        Value::Function(func) if func.code.kind == crate::python::bytecode::CodeKind::Coroutine
    )))
}

pub(super) fn nf_task_new(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
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
    let id = task.id();
    let h = st.add_fut(task.fut().clone(), None, Some(id));
    if step {
        st.lp.mark_started(id);
    }
    st.add_task(task, h, coro, def_line);
    Ok(Value::tuple(vec![
        Value::Int(h as i64),
        Value::Int(id as i64),
    ]))
}

pub(super) fn task_id(vm: &mut Vm, a: &Args) -> PyResult<(Rc<State>, u32)> {
    let st = state(vm);
    let id = int_arg(vm, a, 0)? as u32;
    Ok((st, id))
}

pub(super) fn nf_task_cancel(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let (st, id) = task_id(vm, &a)?;
    let msg = arg(&a, 1);
    // The message goes down the chain of awaited futures that the runtime
    // cancels (CPython's `_fut_waiter.cancel(msg=msg)`).
    let mut cur = Some(id);
    while let Some(tid) = cur.take() {
        let Some(h) = st.task_handle(tid) else {
            break;
        };
        if st.fut(h).is_some_and(|f| f.is_done()) {
            break;
        }
        st.with_fut(h, |r| r.cancel_msg = Some(msg.clone()));
        let Some((w, _)) = st.waited_on(tid) else {
            break;
        };
        match st.task_of(w) {
            Some(i) => cur = Some(i),
            None => {
                st.with_fut(w, |r| {
                    if !r.fut.is_done() {
                        r.cancel_msg = Some(msg.clone());
                    }
                });
            }
        }
    }
    Ok(Value::Bool(st.lp.cancel_task(id)))
}

pub(super) fn nf_task_uncancel(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let (st, id) = task_id(vm, &a)?;
    Ok(Value::Int(st.lp.uncancel(id) as i64))
}

pub(super) fn nf_task_cancelling(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let (st, id) = task_id(vm, &a)?;
    Ok(Value::Int(st.lp.cancelling(id) as i64))
}

pub(super) fn nf_task_name(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let (st, id) = task_id(vm, &a)?;
    Ok(Value::str(&st.lp.task_name(id)))
}

pub(super) fn nf_task_set_name(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let (st, id) = task_id(vm, &a)?;
    st.lp.set_task_name(id, str_arg(&a, 1));
    Ok(Value::None)
}

pub(super) fn nf_current_task_id(vm: &mut Vm, _: &Builtin, _: Args) -> PyResult<Value> {
    Ok(Value::Int(state(vm).lp.current() as i64))
}

pub(super) fn nf_pending_task_ids(vm: &mut Vm, _: &Builtin, _: Args) -> PyResult<Value> {
    let ids = state(vm).lp.pending_tasks();
    Ok(Value::list(
        ids.into_iter().map(|i| Value::Int(i as i64)).collect(),
    ))
}

pub(super) fn nf_time(vm: &mut Vm, _: &Builtin, _: Args) -> PyResult<Value> {
    Ok(Value::Float(state(vm).lp.clock_now()))
}

pub(super) fn nf_call_soon(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let st = state(vm);
    let label: Rc<str> = Rc::from(str_arg(&a, 1));
    st.lp.call_soon(py_callback(&st, arg(&a, 0)), 0, label);
    Ok(Value::None)
}

pub(super) fn nf_call_later(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let st = state(vm);
    let delay = num_arg(vm, &a, 0)?;
    let id = st
        .lp
        .call_later(delay, str_arg(&a, 2), py_callback(&st, arg(&a, 1)));
    Ok(Value::Int(id as i64))
}

pub(super) fn nf_cancel_timer(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let st = state(vm);
    let id = int_arg(vm, &a, 0)?;
    st.lp.cancel_timer(id as u64);
    Ok(Value::None)
}

pub(super) fn nf_is_running(vm: &mut Vm, _: &Builtin, _: Args) -> PyResult<Value> {
    Ok(Value::Bool(state(vm).lp.is_running()))
}

pub(super) fn nf_stop(vm: &mut Vm, _: &Builtin, _: Args) -> PyResult<Value> {
    state(vm).lp.stop();
    Ok(Value::None)
}

pub(super) fn nf_close(vm: &mut Vm, _: &Builtin, _: Args) -> PyResult<Value> {
    let st = state(vm);
    if let Err(e) = st.lp.close() {
        return Err(exc_value(vm, e));
    }
    Ok(Value::None)
}

pub(super) fn nf_reopen(vm: &mut Vm, _: &Builtin, _: Args) -> PyResult<Value> {
    state(vm).lp.reopen();
    Ok(Value::None)
}

pub(super) fn nf_running_loop(vm: &mut Vm, _: &Builtin, _: Args) -> PyResult<Value> {
    Ok(state(vm).running.borrow().clone())
}

pub(super) fn nf_set_running(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    *state(vm).running.borrow_mut() = arg(&a, 0);
    Ok(Value::None)
}

pub(super) fn nf_run_until_complete(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let h = int_arg(vm, &a, 0)?;
    vm.request_suspend(Value::tuple(vec![
        Value::str("run_until_complete"),
        Value::Int(h),
    ]))
}

pub(super) fn nf_run_forever(vm: &mut Vm, _: &Builtin, _: Args) -> PyResult<Value> {
    vm.request_suspend(Value::tuple(vec![Value::str("run_forever"), Value::None]))
}

/// `import _boucle`: the native core (only with a loop installed).
pub fn core_module(vm: &mut Vm) -> PyResult<Value> {
    let st = match vm.asyncio.clone().and_then(|s| s.downcast::<State>().ok()) {
        Some(st) => st,
        None => return vm.err(ExcKind::ModuleNotFoundError, "No module named '_boucle'"),
    };
    let fns: &[(&str, crate::python::value::NativeFn)] = &[
        ("fut_new", nf_fut_new),
        ("fut_done", nf_fut_done),
        ("fut_cancelled", nf_fut_cancelled),
        ("fut_result", nf_fut_result),
        ("fut_exception", nf_fut_exception),
        ("fut_set_result", nf_fut_set_result),
        ("fut_set_exception", nf_fut_set_exception),
        ("wait_result", nf_wait_result),
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
