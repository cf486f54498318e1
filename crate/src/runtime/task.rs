//! Tasks (`asyncio.Task`): a future that runs a coroutine on the loop, plus the
//! primitive awaitable `asyncio.sleep(0)`.

use std::cell::Cell;
use std::future::{Future, IntoFuture};
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

use super::exc::{Exc, PyResult};
use super::executor::{Body, Completer, Loop};
use super::future::{AnyFut, Fut, FutAwait};
use super::TaskId;
use crate::trace::Outcome;

/// A handle on a scheduled coroutine; awaiting it gives the coroutine's result.
pub struct Task<T> {
    id: TaskId,
    fut: Fut<T>,
}

impl<T> Clone for Task<T> {
    fn clone(&self) -> Self {
        Task {
            id: self.id,
            fut: self.fut.clone(),
        }
    }
}

impl<T: Clone + 'static> Task<T> {
    /// The task id used in the trace.
    pub fn id(&self) -> TaskId {
        self.id
    }
    /// The task's future.
    pub fn fut(&self) -> &Fut<T> {
        &self.fut
    }
    /// `task.done()`.
    pub fn done(&self) -> bool {
        self.fut.is_done()
    }
}

impl<T: Clone + 'static> IntoFuture for Task<T> {
    type Output = PyResult<T>;
    type IntoFuture = FutAwait<T>;
    fn into_future(self) -> FutAwait<T> {
        self.fut.wait()
    }
}

impl<T: Clone + 'static> IntoFuture for &Task<T> {
    type Output = PyResult<T>;
    type IntoFuture = FutAwait<T>;
    fn into_future(self) -> FutAwait<T> {
        self.fut.wait()
    }
}

impl Loop {
    /// `asyncio.ensure_future(coro)` / `loop.create_task(coro)`: wraps the
    /// coroutine `coro` (its name, for display) in a task scheduled to start soon.
    pub fn create_task<T, F>(&self, coro: &str, f: F) -> Task<T>
    where
        T: Clone + 'static,
        F: Future<Output = PyResult<T>> + 'static,
    {
        // Boxed here so that everything below is generic over T only: one copy
        // per result type instead of one per coroutine (a large part of the wasm).
        self.create_boxed_task(None, coro, None, Box::pin(f))
    }

    /// `create_task(coro, name=…)`: a task with a chosen name (CPython then does
    /// not advance its `Task-N` counter).
    /// `call` is the coroutine call as the trace shows it (`cuire('pâtes')`).
    pub fn create_task_named<T, F>(
        &self,
        name: Option<String>,
        coro: &str,
        call: Option<String>,
        f: F,
    ) -> Task<T>
    where
        T: Clone + 'static,
        F: Future<Output = PyResult<T>> + 'static,
    {
        self.create_boxed_task(name, coro, call, Box::pin(f))
    }

    fn create_boxed_task<T: Clone + 'static>(
        &self,
        name: Option<String>,
        coro: &str,
        call: Option<String>,
        f: Pin<Box<dyn Future<Output = PyResult<T>>>>,
    ) -> Task<T> {
        let name = name.unwrap_or_else(|| self.new_task_name());
        let fut: Fut<T> = Fut::new(self, format!("{name} ({coro})"));
        let done = fut.clone();
        let owner = Rc::new(Cell::new(0));
        let owner_in_body = owner.clone();
        let body: Body = Box::pin(async move {
            let r = f.await;
            Box::new(move |must_cancel| finish(&done, r, owner_in_body.get(), must_cancel))
                as Completer
        });
        let erased: Rc<dyn AnyFut> = Rc::new(fut.clone());
        let id = self.add_task(name, coro, call, erased, body);
        owner.set(id);
        let weak = self.weak();
        fut.set_cancel_hook(Box::new(move || {
            Loop::from_weak(&weak).is_some_and(|lp| lp.cancel_task(id))
        }));
        Task { id, fut }
    }

    /// `await asyncio.sleep(0)` (a bare `yield` of a coroutine): yields once to the
    /// loop without a timer, like CPython's `__sleep0`. (A sleep with a delay is the
    /// prelude's: a future and a `call_later` timer.)
    pub async fn yield_now(&self) -> PyResult<()> {
        YieldNow {
            lp: self.clone(),
            yielded: false,
        }
        .await
    }
}

fn finish<T: Clone + 'static>(
    fut: &Fut<T>,
    r: PyResult<T>,
    owner: TaskId,
    must_cancel: bool,
) -> (Outcome, String) {
    let by = vec![owner];
    match r {
        Ok(_) if must_cancel => {
            fut.complete(Err(Exc::Cancelled), by, "done");
            (Outcome::Cancelled, String::new())
        }
        Ok(v) => {
            fut.complete(Ok(v), by, "done");
            (Outcome::Ok, String::new())
        }
        Err(Exc::Cancelled) => {
            fut.complete(Err(Exc::Cancelled), by, "done");
            (Outcome::Cancelled, String::new())
        }
        Err(e) => {
            let detail = e.last_line();
            fut.complete(Err(e), by, "done");
            (Outcome::Failed, detail)
        }
    }
}

thread_local! {
    // Shared by every `sleep(0)`: the hot path of a task switch allocates nothing.
    static SLEEP0: Rc<str> = Rc::from("sleep(0)");
}

/// `asyncio.sleep(0)`: reschedule the current task at the back of the ready queue.
struct YieldNow {
    lp: Loop,
    yielded: bool,
}

impl Future for YieldNow {
    type Output = PyResult<()>;
    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<PyResult<()>> {
        if self.lp.take_throw_cancel() {
            return Poll::Ready(Err(Exc::Cancelled));
        }
        if self.yielded {
            return Poll::Ready(Ok(()));
        }
        self.yielded = true;
        self.lp.set_waiter(None, SLEEP0.with(Rc::clone));
        self.lp.request_yield();
        Poll::Pending
    }
}
