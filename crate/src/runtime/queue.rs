//! `asyncio.Queue`, after `asyncio/queues.py`: getters and putters are futures
//! woken one at a time (`_wakeup_next`), which fixes who resumes first.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use super::exc::{Exc, PyResult};
use super::executor::Loop;
use super::future::{AnyFut, Fut};

struct Inner<T> {
    lp: Loop,
    items: RefCell<VecDeque<T>>,
    maxsize: usize,
    getters: RefCell<VecDeque<Fut<()>>>,
    putters: RefCell<VecDeque<Fut<()>>>,
    unfinished: Cell<usize>,
    joiners: RefCell<Vec<Fut<()>>>,
}

/// A FIFO queue for tasks; `maxsize` 0 means unbounded.
pub struct Queue<T>(Rc<Inner<T>>);

impl<T> Clone for Queue<T> {
    fn clone(&self) -> Self {
        Queue(self.0.clone())
    }
}

fn wakeup_next(lp: &Loop, waiters: &RefCell<VecDeque<Fut<()>>>) {
    loop {
        let next = waiters.borrow_mut().pop_front();
        let Some(w) = next else { return };
        if !w.is_done() {
            let by = match lp.current() {
                0 => Vec::new(),
                id => vec![id],
            };
            w.complete(Ok(()), by, "queue");
            return;
        }
    }
}

impl<T: 'static> Queue<T> {
    /// `asyncio.Queue(maxsize)`.
    pub fn new(lp: &Loop, maxsize: usize) -> Queue<T> {
        Queue(Rc::new(Inner {
            lp: lp.clone(),
            items: RefCell::new(VecDeque::new()),
            maxsize,
            getters: RefCell::new(VecDeque::new()),
            putters: RefCell::new(VecDeque::new()),
            unfinished: Cell::new(0),
            joiners: RefCell::new(Vec::new()),
        }))
    }

    /// `qsize()`.
    pub fn qsize(&self) -> usize {
        self.0.items.borrow().len()
    }
    /// `empty()`.
    pub fn empty(&self) -> bool {
        self.qsize() == 0
    }
    /// `full()`.
    pub fn full(&self) -> bool {
        self.0.maxsize > 0 && self.qsize() >= self.0.maxsize
    }

    /// `put_nowait(item)`.
    pub fn put_nowait(&self, item: T) -> PyResult<()> {
        if self.full() {
            return Err(Exc::error("asyncio.queues.QueueFull", ""));
        }
        self.0.items.borrow_mut().push_back(item);
        self.0.unfinished.set(self.0.unfinished.get() + 1);
        wakeup_next(&self.0.lp, &self.0.getters);
        Ok(())
    }

    /// `get_nowait()`.
    pub fn get_nowait(&self) -> PyResult<T> {
        let item = self.0.items.borrow_mut().pop_front();
        match item {
            Some(item) => {
                wakeup_next(&self.0.lp, &self.0.putters);
                Ok(item)
            }
            None => Err(Exc::error("asyncio.queues.QueueEmpty", "")),
        }
    }

    async fn wait_turn(&self, putter: bool) -> PyResult<()> {
        let (list, label) = if putter {
            (&self.0.putters, "Queue.put()")
        } else {
            (&self.0.getters, "Queue.get()")
        };
        let w: Fut<()> = Fut::new(&self.0.lp, label);
        list.borrow_mut().push_back(w.clone());
        if let Err(e) = w.wait().await {
            AnyFut::cancel(&w);
            list.borrow_mut().retain(|x| !x.same(&w));
            let still_possible = if putter { !self.full() } else { !self.empty() };
            if still_possible && !AnyFut::cancelled(&w) {
                wakeup_next(&self.0.lp, list);
            }
            return Err(e);
        }
        Ok(())
    }

    /// `await put(item)`.
    pub async fn put(&self, item: T) -> PyResult<()> {
        while self.full() {
            self.wait_turn(true).await?;
        }
        self.put_nowait(item)
    }

    /// `await get()`.
    pub async fn get(&self) -> PyResult<T> {
        while self.empty() {
            self.wait_turn(false).await?;
        }
        self.get_nowait()
    }

    /// `task_done()`.
    pub fn task_done(&self) -> PyResult<()> {
        let n = self.0.unfinished.get();
        if n == 0 {
            return Err(Exc::error(
                "ValueError",
                "task_done() called too many times",
            ));
        }
        self.0.unfinished.set(n - 1);
        if n == 1 {
            for j in self.0.joiners.borrow_mut().drain(..) {
                j.set_result(());
            }
        }
        Ok(())
    }

    /// `await join()`.
    pub async fn join(&self) -> PyResult<()> {
        if self.0.unfinished.get() > 0 {
            let j: Fut<()> = Fut::new(&self.0.lp, "Queue.join()");
            self.0.joiners.borrow_mut().push(j.clone());
            j.wait().await?;
        }
        Ok(())
    }
}
