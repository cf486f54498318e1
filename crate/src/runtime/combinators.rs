//! `gather`, `wait` and `as_completed`, following `asyncio/tasks.py`: each is a
//! set of done callbacks on the children that complete one outer future, so the
//! waiting task resumes one loop iteration after the callback that decided.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::exc::{Exc, PyResult};
use super::executor::Loop;
use super::future::{AnyFut, Fut};
use super::queue::Queue;
use super::task::Task;
use super::TaskId;
use crate::trace::Kind;

/// `asyncio.gather(*tasks)` (with `return_exceptions=False`): a future of all the
/// results in order; the first exception or cancellation of a child completes it.
pub fn gather<T: Clone + 'static>(lp: &Loop, children: &[Task<T>]) -> Fut<Vec<T>> {
    let outer: Fut<Vec<T>> = Fut::new(lp, format!("gather({})", children.len()));
    let ids: Vec<TaskId> = children.iter().map(Task::id).collect();
    if children.is_empty() {
        outer.complete(Ok(Vec::new()), Vec::new(), "gather");
        return outer;
    }
    let finished = Rc::new(Cell::new(0usize));
    let cancel_requested = Rc::new(Cell::new(false));
    // Shared by every child's callback: copying them per child is quadratic.
    let all: Rc<[Task<T>]> = children.into();
    let ids: Rc<[TaskId]> = ids.into();
    for child in children {
        let (outer, finished, all) = (outer.clone(), finished.clone(), all.clone());
        let (child_fut, ids, cancel_requested) =
            (child.fut().clone(), ids.clone(), cancel_requested.clone());
        child.fut().add_done_call(
            Box::new(move || {
                finished.set(finished.get() + 1);
                if outer.is_done() {
                    return;
                }
                if let Some(exc) = child_fut.error() {
                    outer.complete(Err(exc), ids.to_vec(), "gather");
                    return;
                }
                if finished.get() == all.len() {
                    if cancel_requested.get() {
                        outer.complete(Err(Exc::Cancelled), ids.to_vec(), "gather");
                        return;
                    }
                    let results = all
                        .iter()
                        .filter_map(|t| t.fut().result().and_then(Result::ok))
                        .collect();
                    outer.complete(Ok(results), ids.to_vec(), "gather");
                }
            }),
            child.id(),
            "_GatheringFuture._done_callback",
        );
    }
    let children = children.to_vec();
    outer.set_cancel_hook(Box::new(move || {
        let mut any = false;
        for c in &children {
            any |= c.cancel();
        }
        if any {
            cancel_requested.set(true);
        }
        any
    }));
    outer
}

/// Waits until every given task is done, whatever its outcome (what
/// `asyncio.run` does with the tasks it cancels at the end).
pub(crate) fn settle_all(lp: &Loop, futs: Vec<Rc<dyn AnyFut>>, ids: Vec<TaskId>) -> Fut<()> {
    let outer: Fut<()> = Fut::new(lp, format!("gather({})", futs.len()));
    let left = Rc::new(Cell::new(futs.len()));
    if futs.is_empty() {
        outer.complete(Ok(()), Vec::new(), "gather");
    }
    let ids: Rc<[TaskId]> = ids.into();
    for f in futs {
        let (outer, left, ids) = (outer.clone(), left.clone(), ids.clone());
        f.add_call(
            Box::new(move || {
                left.set(left.get() - 1);
                if left.get() == 0 {
                    outer.complete(Ok(()), ids.to_vec(), "gather");
                }
            }),
            0,
            "_GatheringFuture._done_callback",
        );
    }
    outer
}

/// When `asyncio.wait` returns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReturnWhen {
    /// As soon as one task is done.
    FirstCompleted,
    /// As soon as one task raises (or all are done).
    FirstException,
    /// When all are done.
    AllCompleted,
}

impl ReturnWhen {
    fn name(self) -> &'static str {
        match self {
            ReturnWhen::FirstCompleted => "FIRST_COMPLETED",
            ReturnWhen::FirstException => "FIRST_EXCEPTION",
            ReturnWhen::AllCompleted => "ALL_COMPLETED",
        }
    }
}

/// The (done, pending) pair `asyncio.wait` returns.
pub type DonePending<T> = (Vec<Task<T>>, Vec<Task<T>>);

/// `await asyncio.wait(tasks, timeout=…, return_when=…)`: (done, pending), each in
/// the order the tasks were given.
pub async fn wait<T: Clone + 'static>(
    lp: &Loop,
    tasks: &[Task<T>],
    return_when: ReturnWhen,
    timeout: Option<f64>,
) -> PyResult<DonePending<T>> {
    if tasks.is_empty() {
        return Err(Exc::error("ValueError", "Set of Tasks/Futures is empty."));
    }
    let waiter: Fut<()> = Fut::new(lp, format!("wait({})", return_when.name()));
    let timer = timeout.map(|t| {
        let w = waiter.clone();
        lp.call_later(
            t,
            format!("wait timeout {}", crate::trace::json::decimal(t)),
            Box::new(move || {
                w.complete(Ok(()), Vec::new(), "timer");
            }),
        )
    });
    let counter = Rc::new(Cell::new(tasks.len()));
    let timer_cell = Rc::new(RefCell::new(timer));
    let mut keys = Vec::new();
    for t in tasks {
        let (waiter, counter, fut, id) = (waiter.clone(), counter.clone(), t.fut().clone(), t.id());
        let (lp2, timer_cell) = (lp.clone(), timer_cell.clone());
        keys.push(t.fut().add_done_call(
            Box::new(move || {
                counter.set(counter.get() - 1);
                let raised = !AnyFut::cancelled(&fut) && fut.error().is_some();
                if counter.get() == 0
                    || return_when == ReturnWhen::FirstCompleted
                    || (return_when == ReturnWhen::FirstException && raised)
                {
                    if let Some(h) = timer_cell.borrow_mut().take() {
                        lp2.cancel_timer(h);
                    }
                    waiter.complete(Ok(()), vec![id], "wait");
                }
            }),
            id,
            "wait._on_completion",
        ));
    }
    let r = waiter.wait().await;
    if let Some(h) = timer_cell.borrow_mut().take() {
        lp.cancel_timer(h);
    }
    for (t, key) in tasks.iter().zip(keys) {
        t.fut().remove_done_call(key);
    }
    r?;
    let (done, pending): (Vec<Task<T>>, Vec<Task<T>>) = tasks.iter().cloned().partition(Task::done);
    lp.emit(
        lp.current(),
        Kind::WaitResult {
            done: done.iter().map(Task::id).collect(),
            pending: pending.iter().map(Task::id).collect(),
        },
    );
    Ok((done, pending))
}

/// `asyncio.as_completed(tasks)`: call [`AsCompleted::next`] once per task; each
/// awaits the next task to finish and gives its result.
pub struct AsCompleted<T> {
    done: Queue<Task<T>>,
    left: usize,
}

/// `asyncio.as_completed(tasks)`.
pub fn as_completed<T: Clone + 'static>(lp: &Loop, tasks: &[Task<T>]) -> AsCompleted<T> {
    let done: Queue<Task<T>> = Queue::new(lp, 0);
    for t in tasks {
        let (q, task) = (done.clone(), t.clone());
        t.fut().add_done_call(
            Box::new(move || {
                // The queue is unbounded: put_nowait cannot fail.
                let _ = q.put_nowait(task);
            }),
            t.id(),
            "as_completed._on_completion",
        );
    }
    AsCompleted {
        done,
        left: tasks.len(),
    }
}

impl<T: Clone + 'static> AsCompleted<T> {
    /// The next `_wait_for_one()` coroutine, or None when all were handed out.
    pub fn next_done(&mut self) -> Option<impl std::future::Future<Output = PyResult<T>>> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        let q = self.done.clone();
        Some(async move {
            let task = q.get().await?;
            match task.fut().result() {
                Some(r) => r,
                None => Err(Exc::error("InvalidStateError", "Result is not set.")),
            }
        })
    }
}
