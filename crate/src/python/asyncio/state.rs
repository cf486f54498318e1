//! The native state of asyncio: one record per future (a task's future included)
//! and one per task, shared by the `_boucle` functions, the task bodies and the
//! driver. A future is known to Python by its handle (`Future._h`), the index of its
//! record; a task by its id in the trace (`Task._id`).

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use crate::python::value::{Class, Namespace, Value};
use crate::python::vm::Vm;
use crate::python::Interpreter;
use crate::runtime::{Fut, Loop, Task};

/// What asyncio knows of one future beyond the runtime's own.
pub(super) struct FutRec {
    pub(super) fut: Fut<Value>,
    /// The Python class of a plain future (for « X exception was never retrieved »);
    /// None for a task's.
    pub(super) class: Option<Rc<str>>,
    /// The task whose future this is.
    pub(super) task: Option<u32>,
    /// The program looked at its result or exception (CPython logs the exception
    /// of a future nobody retrieved).
    pub(super) retrieved: bool,
    /// `cancel(msg)`'s message (a task's is its own future's).
    pub(super) cancel_msg: Option<Value>,
    /// A cancelled task's CancelledError, the one its coroutine raised, handed out
    /// once by `result()` (CPython's `_cancelled_exc`): `Some(None)` once handed out.
    pub(super) cancelled_exc: Option<Option<Value>>,
    /// Done callbacks in registration order: the Python callable and the runtime's
    /// key (a waiting task's wakeup under its [`wake_key`]).
    pub(super) callbacks: Vec<(Value, u64)>,
}

/// What asyncio knows of one task.
pub(super) struct TaskRec {
    pub(super) task: Task<Value>,
    /// Its future's handle.
    pub(super) handle: usize,
    /// Its coroutine, and the line its function is defined at.
    pub(super) coro: Value,
    pub(super) def_line: u32,
    /// What it waits on while suspended (CPython's `_fut_waiter`): the future's
    /// handle and the awaited object.
    pub(super) waiting: Option<(usize, Value)>,
}

/// Native state shared by the `_boucle` functions, the task bodies and the driver.
pub struct State {
    pub(super) lp: Loop,
    pub(super) interp: RefCell<Weak<RefCell<Interpreter>>>,
    /// Every future by handle.
    pub(super) futs: RefCell<Vec<FutRec>>,
    /// Every task by id (a run of 100,000 tasks looks them up at every step).
    pub(super) tasks: RefCell<Dense<TaskRec>>,
    pub(super) running: RefCell<Value>,
    pub(super) cancelled: Rc<Class>,
    /// asyncio's module namespace, once imported (its second part runs there).
    pub(super) globals: RefCell<Option<Namespace>>,
}

/// A map keyed by a dense number (a task id): a vector, which costs the wasm far
/// less code than one more `HashMap` instantiation.
pub(super) struct Dense<T>(Vec<Option<T>>);

impl<T> Default for Dense<T> {
    fn default() -> Self {
        Dense(Vec::new())
    }
}

impl<T> Dense<T> {
    pub(super) fn get(&self, k: usize) -> Option<&T> {
        self.0.get(k).and_then(Option::as_ref)
    }
    pub(super) fn get_mut(&mut self, k: usize) -> Option<&mut T> {
        self.0.get_mut(k).and_then(Option::as_mut)
    }
    pub(super) fn insert(&mut self, k: usize, v: T) {
        if self.0.len() <= k {
            self.0.resize_with(k + 1, || None);
        }
        self.0[k] = Some(v);
    }
    /// The values in key order.
    pub(super) fn values(&self) -> impl Iterator<Item = &T> {
        self.0.iter().flatten()
    }
}

impl State {
    /// A fresh state for the loop `lp`; `cancelled` is `asyncio.CancelledError`.
    pub(super) fn new(
        lp: &Loop,
        interp: Weak<RefCell<Interpreter>>,
        cancelled: Rc<Class>,
    ) -> State {
        State {
            lp: lp.clone(),
            interp: RefCell::new(interp),
            futs: RefCell::new(Vec::new()),
            tasks: RefCell::new(Dense::default()),
            running: RefCell::new(Value::None),
            cancelled,
            globals: RefCell::new(None),
        }
    }

    /// Records a future; returns its handle.
    pub(super) fn add_fut(
        &self,
        fut: Fut<Value>,
        class: Option<Rc<str>>,
        task: Option<u32>,
    ) -> usize {
        let mut futs = self.futs.borrow_mut();
        futs.push(FutRec {
            fut,
            class,
            task,
            retrieved: false,
            cancel_msg: None,
            cancelled_exc: None,
            callbacks: Vec::new(),
        });
        futs.len() - 1
    }

    /// Records a task whose future has the handle `handle`.
    pub(super) fn add_task(&self, task: Task<Value>, handle: usize, coro: Value, def_line: u32) {
        let id = task.id() as usize;
        self.tasks.borrow_mut().insert(
            id,
            TaskRec {
                task,
                handle,
                coro,
                def_line,
                waiting: None,
            },
        );
    }

    /// The runtime future of handle `h`.
    pub(super) fn fut(&self, h: usize) -> Option<Fut<Value>> {
        self.futs.borrow().get(h).map(|r| r.fut.clone())
    }

    /// Runs `f` on the record of future `h` (None for an unknown handle).
    pub(super) fn with_fut<R>(&self, h: usize, f: impl FnOnce(&mut FutRec) -> R) -> Option<R> {
        self.futs.borrow_mut().get_mut(h).map(f)
    }

    /// The future handle of task `id`.
    pub(super) fn task_handle(&self, id: u32) -> Option<usize> {
        self.tasks.borrow().get(id as usize).map(|t| t.handle)
    }

    /// The task whose future is `h`, if it is a task's.
    pub(super) fn task_of(&self, h: usize) -> Option<u32> {
        self.futs.borrow().get(h).and_then(|r| r.task)
    }

    /// `cancel(msg)`'s message for future `h`.
    pub(super) fn cancel_msg(&self, h: usize) -> Option<Value> {
        self.futs.borrow().get(h).and_then(|r| r.cancel_msg.clone())
    }

    /// The program looked at future `h`'s outcome.
    pub(super) fn mark_retrieved(&self, h: usize) {
        self.with_fut(h, |r| r.retrieved = true);
    }

    /// What suspended task `id` waits on (CPython's `_fut_waiter`): the future's
    /// handle and the awaited object.
    pub(super) fn waited_on(&self, id: u32) -> Option<(usize, Value)> {
        self.tasks
            .borrow()
            .get(id as usize)
            .and_then(|t| t.waiting.clone())
    }

    /// Task `id`'s coroutine and the line its function is defined at.
    pub(super) fn task_coro(&self, id: u32) -> (Value, u32) {
        self.tasks
            .borrow()
            .get(id as usize)
            .map_or((Value::None, 0), |t| (t.coro.clone(), t.def_line))
    }

    /// Task `me` now waits on future `h` (the awaited object `v`): CPython's
    /// `task_wakeup` callback, in registration order, and its `_fut_waiter`.
    pub(super) fn start_waiting(&self, me: u32, h: usize, v: &Value) {
        self.with_fut(h, |r| r.callbacks.push((v.clone(), wake_key(me))));
        if let Some(t) = self.tasks.borrow_mut().get_mut(me as usize) {
            t.waiting = Some((h, v.clone()));
        }
    }

    /// Task `me` was woken from future `h`: its wakeup entry goes (from the end:
    /// it is a recent one).
    pub(super) fn stop_waiting(&self, me: u32, h: usize) {
        self.with_fut(h, |r| {
            if let Some(i) = r.callbacks.iter().rposition(|c| c.1 == wake_key(me)) {
                r.callbacks.remove(i);
            }
        });
        if let Some(t) = self.tasks.borrow_mut().get_mut(me as usize) {
            t.waiting = None;
        }
    }
}

/// The asyncio state of the VM's loop.
pub(super) fn state(vm: &Vm) -> Rc<State> {
    vm.asyncio
        .clone()
        .and_then(|s| s.downcast::<State>().ok())
        .expect("the asyncio state is installed with the interpreter")
}

/// The key of task `id`'s wakeup entry in a future's callbacks (far above the
/// runtime's callback keys).
pub(super) fn wake_key(id: u32) -> u64 {
    u64::MAX - id as u64
}

/// The handle of a Python future (`_h`).
pub(super) fn handle_of(v: &Value) -> Option<usize> {
    match v {
        Value::Instance(i) => match i.attrs.borrow().get("_h") {
            Some(Value::Int(h)) => Some(*h as usize),
            _ => None,
        },
        _ => None,
    }
}

/// A coroutine, or an async generator step (`aclose()`...: CPython's are
/// `collections.abc.Coroutine`s, so tasks run them).
pub(super) fn is_step(v: &Value) -> bool {
    matches!(v, Value::Gen(g) if matches!(g.borrow().kind, crate::python::value::GenKind::Step(_)))
}
