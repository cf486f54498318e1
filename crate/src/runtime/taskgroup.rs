//! `asyncio.TaskGroup`, after `asyncio/taskgroups.py` (3.11): the first failing
//! child cancels its siblings and the body; leaving the group waits for every
//! child and raises an `ExceptionGroup` of the failures.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::rc::Rc;

use super::exc::{Exc, PyResult};
use super::executor::Loop;
use super::future::{AnyFut, Fut};
use super::task::Task;
use super::TaskId;

struct Inner<T> {
    lp: Loop,
    parent: TaskId,
    tasks: RefCell<Vec<Task<T>>>,
    errors: RefCell<Vec<Exc>>,
    aborting: Cell<bool>,
    exiting: Cell<bool>,
    parent_cancel_requested: Cell<bool>,
    on_completed: RefCell<Option<Fut<bool>>>,
}

/// `async with asyncio.TaskGroup() as tg:`.
pub struct TaskGroup<T>(Rc<Inner<T>>);

impl<T: Clone + 'static> TaskGroup<T> {
    /// `__aenter__`: the group belongs to the current task.
    pub fn new(lp: &Loop) -> TaskGroup<T> {
        TaskGroup(Rc::new(Inner {
            lp: lp.clone(),
            parent: lp.current(),
            tasks: RefCell::new(Vec::new()),
            errors: RefCell::new(Vec::new()),
            aborting: Cell::new(false),
            exiting: Cell::new(false),
            parent_cancel_requested: Cell::new(false),
            on_completed: RefCell::new(None),
        }))
    }

    /// `tg.create_task(coro)`.
    pub fn create_task<F>(&self, coro: &str, f: F) -> PyResult<Task<T>>
    where
        F: Future<Output = PyResult<T>> + 'static,
    {
        if self.0.exiting.get() && self.0.tasks.borrow().is_empty() {
            return Err(Exc::runtime("TaskGroup is finished"));
        }
        if self.0.aborting.get() {
            return Err(Exc::runtime("TaskGroup is shutting down"));
        }
        let task = self.0.lp.create_task(coro, f);
        self.0.tasks.borrow_mut().push(task.clone());
        let (inner, t) = (self.0.clone(), task.clone());
        task.fut().add_done_call(
            Box::new(move || on_task_done(&inner, &t)),
            task.id(),
            "TaskGroup._on_task_done",
        );
        Ok(task)
    }

    /// `__aexit__`, given how the body of the `async with` ended.
    pub async fn exit(&self, body: PyResult<()>) -> PyResult<()> {
        let g = &self.0;
        g.exiting.set(true);
        let mut propagate_cancel = matches!(body, Err(Exc::Cancelled));
        if g.parent_cancel_requested.get() && g.lp.uncancel(g.parent) == 0 {
            propagate_cancel = false;
        }
        if body.is_err() && !g.aborting.get() {
            abort(g);
        }
        while !g.tasks.borrow().is_empty() {
            let fut: Fut<bool> = Fut::new(&g.lp, "TaskGroup.__aexit__");
            *g.on_completed.borrow_mut() = Some(fut.clone());
            if let Err(Exc::Cancelled) = fut.wait().await {
                if !g.aborting.get() {
                    propagate_cancel = true;
                    abort(g);
                }
            }
            *g.on_completed.borrow_mut() = None;
        }
        let mut errors = std::mem::take(&mut *g.errors.borrow_mut());
        if propagate_cancel && errors.is_empty() {
            return Err(Exc::Cancelled);
        }
        if let Err(e) = body {
            if e != Exc::Cancelled {
                errors.push(e);
            }
        }
        if errors.is_empty() {
            return Ok(());
        }
        Err(Exc::group("unhandled errors in a TaskGroup", errors))
    }
}

fn abort<T: Clone + 'static>(g: &Inner<T>) {
    g.aborting.set(true);
    for t in g.tasks.borrow().clone() {
        if !t.done() {
            t.cancel();
        }
    }
}

fn on_task_done<T: Clone + 'static>(g: &Rc<Inner<T>>, task: &Task<T>) {
    g.tasks.borrow_mut().retain(|t| t.id() != task.id());
    if g.tasks.borrow().is_empty() {
        if let Some(f) = g.on_completed.borrow().as_ref() {
            f.complete(Ok(true), vec![task.id()], "done");
        }
    }
    if task.cancelled() {
        return;
    }
    let Some(exc) = AnyFut::exception(task.fut()) else {
        return;
    };
    g.errors.borrow_mut().push(exc);
    if !g.aborting.get() && !g.parent_cancel_requested.get() {
        abort(g);
        g.parent_cancel_requested.set(true);
        g.lp.cancel_task(g.parent);
    }
}
