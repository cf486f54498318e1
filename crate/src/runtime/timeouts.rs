//! `asyncio.wait_for`, `asyncio.shield` and `asyncio.timeout()`, after
//! `asyncio/tasks.py` and `timeouts.py` (3.11).

use std::cell::Cell;
use std::future::Future;
use std::rc::Rc;

use super::exc::{Exc, PyResult};
use super::executor::Loop;
use super::future::{AnyFut, Fut};
use super::task::Task;

fn timeout_error() -> Exc {
    Exc::error("TimeoutError", "")
}

fn release_waiter(waiter: &Fut<()>, why: &'static str) {
    waiter.complete(Ok(()), Vec::new(), why);
}

fn result_of<T: Clone + 'static>(task: &Task<T>) -> PyResult<T> {
    task.fut()
        .result()
        .unwrap_or_else(|| Err(Exc::error("InvalidStateError", "Result is not set.")))
}

/// `_cancel_and_wait`: cancel the task and wait until it is really done.
async fn cancel_and_wait<T: Clone + 'static>(lp: &Loop, task: &Task<T>) -> PyResult<()> {
    let waiter: Fut<()> = Fut::new(lp, "wait_for: cancelling");
    let w = waiter.clone();
    let key = task.fut().add_done_call(
        Box::new(move || release_waiter(&w, "done")),
        task.id(),
        "_release_waiter",
    );
    task.cancel();
    let r = waiter.wait().await;
    task.fut().remove_done_call(key);
    r
}

/// `await asyncio.wait_for(task, timeout)`: the task's result, or `TimeoutError`
/// after cancelling it once the timeout has passed.
pub async fn wait_for<T: Clone + 'static>(
    lp: &Loop,
    task: &Task<T>,
    timeout: Option<f64>,
) -> PyResult<T> {
    let Some(timeout) = timeout else {
        return task.fut().wait().await;
    };
    if timeout <= 0.0 {
        if task.done() {
            return result_of(task);
        }
        cancel_and_wait(lp, task).await?;
        return match result_of(task) {
            Err(Exc::Cancelled) => Err(timeout_error()),
            other => other,
        };
    }
    let t = crate::trace::json::decimal(timeout);
    let waiter: Fut<()> = Fut::new(lp, format!("wait_for({t})"));
    let w = waiter.clone();
    let timer = lp.call_later(
        timeout,
        format!("wait_for timeout {t}"),
        Box::new(move || release_waiter(&w, "timer")),
    );
    let w = waiter.clone();
    let key = task.fut().add_done_call(
        Box::new(move || release_waiter(&w, "done")),
        task.id(),
        "_release_waiter",
    );
    let out = match waiter.wait().await {
        Err(e) => {
            if task.done() {
                result_of(task)
            } else {
                task.fut().remove_done_call(key);
                cancel_and_wait(lp, task).await?;
                Err(e)
            }
        }
        Ok(()) if task.done() => result_of(task),
        Ok(()) => {
            task.fut().remove_done_call(key);
            cancel_and_wait(lp, task).await?;
            match result_of(task) {
                Err(Exc::Cancelled) => Err(timeout_error()),
                other => other,
            }
        }
    };
    lp.cancel_timer(timer);
    out
}

/// `asyncio.shield(task)`: a future that follows the task but whose
/// cancellation does not reach it.
pub fn shield<T: Clone + 'static>(lp: &Loop, inner: &Task<T>) -> Fut<T> {
    let outer: Fut<T> = Fut::new(lp, format!("shield({})", lp.task_name(inner.id())));
    if let Some(r) = inner.fut().result() {
        outer.complete(r, vec![inner.id()], "done");
        return outer;
    }
    let (o, i) = (outer.clone(), inner.clone());
    inner.fut().add_done_call(
        Box::new(move || {
            if !AnyFut::cancelled(&o) {
                if let Some(r) = i.fut().result() {
                    o.complete(r, vec![i.id()], "done");
                }
            }
        }),
        inner.id(),
        "shield._inner_done_callback",
    );
    outer
}

/// `async with asyncio.timeout(delay): body`: cancels the current task when the
/// delay expires, and turns that cancellation into `TimeoutError`.
pub async fn timeout<T, F>(lp: &Loop, delay: Option<f64>, body: F) -> PyResult<T>
where
    F: Future<Output = PyResult<T>>,
{
    let task = lp.current();
    let expired = Rc::new(Cell::new(false));
    let timer = delay.map(|d| {
        let (lp2, expired) = (lp.clone(), expired.clone());
        lp.call_later(
            d,
            format!("timeout({})", crate::trace::json::decimal(d)),
            Box::new(move || {
                expired.set(true);
                lp2.cancel_task(task);
            }),
        )
    });
    let r = body.await;
    if let Some(t) = timer {
        lp.cancel_timer(t);
    }
    match r {
        Err(Exc::Cancelled) if expired.get() && lp.uncancel(task) == 0 => Err(timeout_error()),
        other => other,
    }
}
