//! `asyncio.Future`: a result slot with done callbacks. Each callback is scheduled
//! with `call_soon` when the future completes, so resuming an awaiting task costs
//! one loop iteration, as in CPython.

use std::cell::RefCell;
use std::future::{Future, IntoFuture};
use std::pin::Pin;
use std::rc::{Rc, Weak};
use std::task::{Context, Poll};

use super::exc::{Exc, PyResult};
use super::executor::{Inner, Loop};
use super::TaskId;

/// A done callback.
enum Callback {
    /// Resume this task (`Task.__wakeup`).
    Wake(TaskId),
    /// Run a function (gather's, wait's, run_until_complete's callbacks); the
    /// key lets `remove_done_call` take it back.
    Call(Box<dyn FnOnce()>, TaskId, u64, Rc<str>),
}

struct State<T> {
    result: Option<PyResult<T>>,
    callbacks: Vec<Callback>,
    next_key: u64,
}

struct FutInner<T> {
    lp: Weak<Inner>,
    label: Rc<str>,
    state: RefCell<State<T>>,
    // What `cancel()` does instead of cancelling this future directly: a task's
    // future cancels the task.
    on_cancel: RefCell<Option<Box<dyn Fn() -> bool>>>,
}

/// An `asyncio.Future` holding a `T`.
pub struct Fut<T>(Rc<FutInner<T>>);

impl<T> Clone for Fut<T> {
    fn clone(&self) -> Self {
        Fut(self.0.clone())
    }
}

/// A type-erased view of a future, for the task table.
pub trait AnyFut {
    /// `future.cancel()`.
    fn cancel(&self) -> bool;
    /// `future.done()`.
    fn done(&self) -> bool;
    /// Whether it ended cancelled.
    fn cancelled(&self) -> bool;
    /// Marks it cancelled (the task body was dropped).
    fn finish_cancelled(&self, by: Vec<TaskId>);
    /// Adds a "resume task" callback.
    fn add_wake(&self, task: TaskId);
}

impl<T: Clone + 'static> Fut<T> {
    /// `loop.create_future()`; `label` is what a task waiting on it shows.
    pub fn new(lp: &Loop, label: impl Into<Rc<str>>) -> Fut<T> {
        Fut(Rc::new(FutInner {
            lp: lp.weak(),
            label: label.into(),
            state: RefCell::new(State {
                result: None,
                callbacks: Vec::new(),
                next_key: 0,
            }),
            on_cancel: RefCell::new(None),
        }))
    }

    pub(crate) fn set_cancel_hook(&self, hook: Box<dyn Fn() -> bool>) {
        *self.0.on_cancel.borrow_mut() = Some(hook);
    }

    /// `future.done()`.
    pub fn is_done(&self) -> bool {
        self.0.state.borrow().result.is_some()
    }

    /// The outcome once done.
    pub fn result(&self) -> Option<PyResult<T>> {
        self.0.state.borrow().result.clone()
    }

    /// Completes the future; `by` and `why` explain, in the trace, what woke the
    /// tasks waiting on it. Returns false if it was already done.
    pub fn complete(&self, r: PyResult<T>, by: Vec<TaskId>, why: &'static str) -> bool {
        let callbacks = {
            let mut st = self.0.state.borrow_mut();
            if st.result.is_some() {
                return false;
            }
            st.result = Some(r);
            std::mem::take(&mut st.callbacks)
        };
        if let Some(lp) = Loop::from_weak(&self.0.lp) {
            for cb in callbacks {
                match cb {
                    Callback::Wake(task) => lp.schedule_step(task, by.clone(), why),
                    Callback::Call(f, about, _, label) => lp.call_soon(f, about, label),
                }
            }
        }
        true
    }

    fn current_as_cause(&self) -> Vec<TaskId> {
        match Loop::from_weak(&self.0.lp).map(|l| l.current()) {
            Some(id) if id != 0 => vec![id],
            _ => Vec::new(),
        }
    }

    /// Adds a function callback (scheduled with `call_soon` once done); returns
    /// a key for [`Fut::remove_done_call`].
    pub fn add_done_call(&self, f: Box<dyn FnOnce()>, about: TaskId, label: &str) -> u64 {
        let label: Rc<str> = Rc::from(label);
        let mut st = self.0.state.borrow_mut();
        st.next_key += 1;
        let key = st.next_key;
        if st.result.is_some() {
            drop(st);
            if let Some(lp) = Loop::from_weak(&self.0.lp) {
                lp.call_soon(f, about, label);
            }
        } else {
            st.callbacks.push(Callback::Call(f, about, key, label));
        }
        key
    }

    /// `future.remove_done_callback(...)` for a callback not yet scheduled.
    pub fn remove_done_call(&self, key: u64) {
        self.0
            .state
            .borrow_mut()
            .callbacks
            .retain(|c| !matches!(c, Callback::Call(_, _, k, _) if *k == key));
    }

    /// Awaits the future from a task.
    pub fn wait(&self) -> FutAwait<T> {
        FutAwait {
            fut: self.clone(),
            registered: false,
        }
    }
}

impl<T: Clone + 'static> AnyFut for Fut<T> {
    fn cancel(&self) -> bool {
        if self.is_done() {
            return false;
        }
        let hook = self.0.on_cancel.borrow_mut().take();
        if let Some(hook) = hook {
            let r = hook();
            *self.0.on_cancel.borrow_mut() = Some(hook);
            return r;
        }
        let by = self.current_as_cause();
        self.complete(Err(Exc::Cancelled), by, "cancel")
    }
    fn done(&self) -> bool {
        self.is_done()
    }
    fn cancelled(&self) -> bool {
        matches!(self.0.state.borrow().result, Some(Err(Exc::Cancelled)))
    }
    fn finish_cancelled(&self, by: Vec<TaskId>) {
        self.complete(Err(Exc::Cancelled), by, "done");
    }
    fn add_wake(&self, task: TaskId) {
        let mut st = self.0.state.borrow_mut();
        if st.result.is_some() {
            drop(st);
            if let Some(lp) = Loop::from_weak(&self.0.lp) {
                lp.schedule_step(task, Vec::new(), "done");
            }
        } else {
            st.callbacks.push(Callback::Wake(task));
        }
    }
}

/// The future returned by [`Fut::wait`]: `await future` inside a task.
pub struct FutAwait<T> {
    fut: Fut<T>,
    registered: bool,
}

impl<T: Clone + 'static> Future for FutAwait<T> {
    type Output = PyResult<T>;
    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<PyResult<T>> {
        let Some(lp) = Loop::from_weak(&self.fut.0.lp) else {
            return Poll::Ready(Err(Exc::runtime("Event loop is closed")));
        };
        if lp.take_throw_cancel() {
            return Poll::Ready(Err(Exc::Cancelled));
        }
        if let Some(r) = self.fut.result() {
            return Poll::Ready(r);
        }
        if !self.registered {
            self.registered = true;
            self.fut.add_wake(lp.current());
        }
        let waiter: Rc<dyn AnyFut> = Rc::new(self.fut.clone());
        lp.set_waiter(Some(waiter), self.fut.0.label.clone());
        Poll::Pending
    }
}

impl<T: Clone + 'static> IntoFuture for Fut<T> {
    type Output = PyResult<T>;
    type IntoFuture = FutAwait<T>;
    fn into_future(self) -> FutAwait<T> {
        self.wait()
    }
}

impl<T: Clone + 'static> IntoFuture for &Fut<T> {
    type Output = PyResult<T>;
    type IntoFuture = FutAwait<T>;
    fn into_future(self) -> FutAwait<T> {
        self.wait()
    }
}
