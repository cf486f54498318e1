//! `asyncio.Event`, `Lock`, `Semaphore` and `Condition`, after
//! `asyncio/locks.py` (3.11): waiters are futures woken in FIFO order, and a
//! released lock is not handed over — the woken task takes it when it runs,
//! which fixes who prints first.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use super::exc::{Exc, PyResult};
use super::executor::Loop;
use super::future::{AnyFut, Fut};

fn cause(lp: &Loop) -> Vec<u32> {
    match lp.current() {
        0 => Vec::new(),
        id => vec![id],
    }
}

/// FIFO of waiter futures shared by the primitives.
struct Waiters(RefCell<VecDeque<Fut<bool>>>);

impl Waiters {
    fn new() -> Self {
        Waiters(RefCell::new(VecDeque::new()))
    }
    fn add(&self, lp: &Loop, label: &str) -> Fut<bool> {
        let f: Fut<bool> = Fut::new(lp, label);
        self.0.borrow_mut().push_back(f.clone());
        f
    }
    fn remove(&self, f: &Fut<bool>) {
        self.0.borrow_mut().retain(|w| !w.same(f));
    }
    fn snapshot(&self) -> Vec<Fut<bool>> {
        self.0.borrow().iter().cloned().collect()
    }
    fn len(&self) -> usize {
        self.0.borrow().len()
    }
}

fn wake(lp: &Loop, f: &Fut<bool>, v: bool) {
    f.complete(Ok(v), cause(lp), "done");
}

/// `asyncio.Event`.
#[derive(Clone)]
pub struct Event(Rc<(Loop, Cell<bool>, Waiters)>);

impl Event {
    /// A cleared event.
    pub fn new(lp: &Loop) -> Event {
        Event(Rc::new((lp.clone(), Cell::new(false), Waiters::new())))
    }
    /// `is_set()`.
    pub fn is_set(&self) -> bool {
        self.0 .1.get()
    }
    /// `set()`: wakes every waiter.
    pub fn set(&self) {
        if !self.0 .1.replace(true) {
            for f in self.0 .2.snapshot() {
                if !f.is_done() {
                    wake(&self.0 .0, &f, true);
                }
            }
        }
    }
    /// `clear()`.
    pub fn clear(&self) {
        self.0 .1.set(false);
    }
    /// `await wait()`.
    pub async fn wait(&self) -> PyResult<bool> {
        if self.is_set() {
            return Ok(true);
        }
        let f = self.0 .2.add(&self.0 .0, "Event.wait()");
        let r = f.wait().await;
        self.0 .2.remove(&f);
        r.map(|_| true)
    }
}

/// `asyncio.Lock`.
#[derive(Clone)]
pub struct Lock(Rc<LockInner>);

struct LockInner {
    lp: Loop,
    locked: Cell<bool>,
    waiters: Waiters,
}

impl Lock {
    /// An unlocked lock.
    pub fn new(lp: &Loop) -> Lock {
        Lock(Rc::new(LockInner {
            lp: lp.clone(),
            locked: Cell::new(false),
            waiters: Waiters::new(),
        }))
    }
    /// `locked()`.
    pub fn locked(&self) -> bool {
        self.0.locked.get()
    }
    /// `await acquire()`.
    pub async fn acquire(&self) -> PyResult<bool> {
        let all_cancelled = self.0.waiters.snapshot().iter().all(AnyFut::cancelled);
        if !self.locked() && all_cancelled {
            self.0.locked.set(true);
            return Ok(true);
        }
        let f = self.0.waiters.add(&self.0.lp, "Lock.acquire()");
        let r = f.wait().await;
        self.0.waiters.remove(&f);
        if let Err(e) = r {
            if e == Exc::Cancelled && !self.locked() {
                self.wake_up_first();
            }
            return Err(e);
        }
        self.0.locked.set(true);
        Ok(true)
    }
    /// `release()`.
    pub fn release(&self) -> PyResult<()> {
        if !self.locked() {
            return Err(Exc::runtime("Lock is not acquired."));
        }
        self.0.locked.set(false);
        self.wake_up_first();
        Ok(())
    }
    fn wake_up_first(&self) {
        if let Some(f) = self.0.waiters.snapshot().first() {
            if !f.is_done() {
                wake(&self.0.lp, f, true);
            }
        }
    }
}

/// `asyncio.Semaphore`.
#[derive(Clone)]
pub struct Semaphore(Rc<SemInner>);

struct SemInner {
    lp: Loop,
    value: Cell<i64>,
    waiters: Waiters,
}

impl Semaphore {
    /// `Semaphore(value)`.
    pub fn new(lp: &Loop, value: i64) -> PyResult<Semaphore> {
        if value < 0 {
            return Err(Exc::error(
                "ValueError",
                "Semaphore initial value must be >= 0",
            ));
        }
        Ok(Semaphore(Rc::new(SemInner {
            lp: lp.clone(),
            value: Cell::new(value),
            waiters: Waiters::new(),
        })))
    }
    /// `locked()`.
    pub fn locked(&self) -> bool {
        self.0.value.get() == 0
            || self
                .0
                .waiters
                .snapshot()
                .iter()
                .any(|w| !AnyFut::cancelled(w))
    }
    /// `await acquire()`.
    pub async fn acquire(&self) -> PyResult<bool> {
        if !self.locked() {
            self.0.value.set(self.0.value.get() - 1);
            return Ok(true);
        }
        let f = self.0.waiters.add(&self.0.lp, "Semaphore.acquire()");
        let r = f.wait().await;
        self.0.waiters.remove(&f);
        if let Err(e) = r {
            if e == Exc::Cancelled && f.is_done() && !AnyFut::cancelled(&f) {
                self.0.value.set(self.0.value.get() + 1);
                self.wake_up_next();
            }
            return Err(e);
        }
        if self.0.value.get() > 0 {
            self.wake_up_next();
        }
        Ok(true)
    }
    /// `release()`.
    pub fn release(&self) {
        self.0.value.set(self.0.value.get() + 1);
        self.wake_up_next();
    }
    fn wake_up_next(&self) -> bool {
        for f in self.0.waiters.snapshot() {
            if !f.is_done() {
                self.0.value.set(self.0.value.get() - 1);
                wake(&self.0.lp, &f, true);
                return true;
            }
        }
        false
    }
}

/// `asyncio.Condition` (with its own lock).
#[derive(Clone)]
pub struct Condition(Rc<(Lock, Waiters)>);

impl Condition {
    /// `Condition()`.
    pub fn new(lp: &Loop) -> Condition {
        Condition(Rc::new((Lock::new(lp), Waiters::new())))
    }
    /// The underlying lock (`async with cond:` acquires it).
    pub fn lock(&self) -> &Lock {
        &self.0 .0
    }
    /// `await wait()`: releases the lock, waits for a notify, takes the lock back.
    pub async fn wait(&self) -> PyResult<bool> {
        let lock = self.lock();
        if !lock.locked() {
            return Err(Exc::runtime("cannot wait on un-acquired lock"));
        }
        lock.release()?;
        let f = self.0 .1.add(&lock.0.lp, "Condition.wait()");
        let r = f.wait().await;
        self.0 .1.remove(&f);
        // Must reacquire the lock even if the wait was cancelled.
        let mut cancelled = r.is_err();
        loop {
            match lock.acquire().await {
                Ok(_) => break,
                Err(Exc::Cancelled) => cancelled = true,
                Err(e) => return Err(e),
            }
        }
        if cancelled {
            return Err(Exc::Cancelled);
        }
        Ok(true)
    }
    /// `notify(n)`.
    pub fn notify(&self, n: usize) -> PyResult<()> {
        let lock = self.lock();
        if !lock.locked() {
            return Err(Exc::runtime("cannot notify on un-acquired lock"));
        }
        let mut idx = 0;
        for f in self.0 .1.snapshot() {
            if idx >= n {
                break;
            }
            if !f.is_done() {
                idx += 1;
                wake(&lock.0.lp, &f, false);
            }
        }
        Ok(())
    }
    /// `notify_all()`.
    pub fn notify_all(&self) -> PyResult<()> {
        self.notify(self.0 .1.len())
    }
}
