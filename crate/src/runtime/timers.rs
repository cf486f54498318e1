//! The timer heap, an exact port of CPython's: `heapq` over `TimerHandle`s that
//! compare on their deadline alone. Timers with the same deadline therefore do not
//! fire in the order they were armed but in the order the heap happens to hold
//! them, and cancelled timers stay in the heap (they shape it) until they reach
//! its head or until more than half of the timers are cancelled (then the heap is
//! rebuilt), as in `BaseEventLoop._run_once`.

use std::collections::HashMap;

use super::TaskId;

/// What runs when a timer fires.
pub type TimerCallback = Box<dyn FnOnce()>;

/// A timer's payload.
pub struct Timer {
    /// The task that armed it (for the trace and the Step view).
    pub task: TaskId,
    /// A short description, e.g. `sleep(2)`.
    pub what: String,
    /// Absolute loop time.
    pub deadline: f64,
    /// What runs when it fires; `None` once cancelled.
    pub callback: Option<TimerCallback>,
}

/// Identifies an armed timer.
pub type TimerId = u64;

struct Entry {
    id: TimerId,
    timer: Timer,
}

impl Entry {
    // TimerHandle.__lt__: the deadline only.
    fn lt(&self, other: &Entry) -> bool {
        self.timer.deadline < other.timer.deadline
    }
}

/// CPython's `_MIN_SCHEDULED_TIMER_HANDLES`.
const MIN_SCHEDULED: usize = 100;
/// CPython's `_MIN_CANCELLED_TIMER_HANDLES_FRACTION`.
const MIN_CANCELLED_FRACTION: f64 = 0.5;

/// `loop._scheduled`.
#[derive(Default)]
pub struct Timers {
    heap: Vec<Entry>,
    next_id: TimerId,
    cancelled: usize,
    // The timers in the heap not cancelled, with the task that armed them, and
    // the cancelled ones still in it: cancelling is a lookup, not a scan of the
    // heap (every `asyncio.sleep` cancels its timer on the way out, mostly one
    // that already fired: with 100,000 sleepers a scan made it quadratic).
    // (One map for both, the task and whether it is cancelled: one generic
    // instance less in the wasm.)
    ids: HashMap<TimerId, (TaskId, bool)>,
}

impl Timers {
    /// `heapq.heappush`; returns the timer's id.
    pub fn push(&mut self, timer: Timer) -> TimerId {
        self.next_id += 1;
        self.ids.insert(self.next_id, (timer.task, false));
        self.heap.push(Entry {
            id: self.next_id,
            timer,
        });
        let last = self.heap.len() - 1;
        self.sift_down(0, last);
        self.next_id
    }

    /// `TimerHandle.cancel()`: marks it; returns the task that armed it when it
    /// was still scheduled.
    pub fn cancel(&mut self, id: TimerId) -> Option<TaskId> {
        match self.ids.get_mut(&id) {
            Some((task, dead)) if !*dead => {
                *dead = true;
                self.cancelled += 1;
                Some(*task)
            }
            _ => None,
        }
    }

    /// The start of `_run_once`: drop cancelled timers, from the head, or all of
    /// them (and heapify) when they are too many.
    pub fn clean(&mut self) {
        let n = self.heap.len();
        if n > MIN_SCHEDULED && self.cancelled as f64 / n as f64 > MIN_CANCELLED_FRACTION {
            let ids = &mut self.ids;
            self.heap.retain(|e| {
                let dead = ids.get(&e.id).is_some_and(|x| x.1);
                if dead {
                    ids.remove(&e.id);
                }
                !dead
            });
            for i in (0..self.heap.len() / 2).rev() {
                self.sift_up(i);
            }
            self.cancelled = 0;
        } else {
            while let Some(id) = self.heap.first().map(|e| e.id) {
                if !self.ids.get(&id).is_some_and(|x| x.1) {
                    break;
                }
                self.ids.remove(&id);
                self.cancelled -= 1;
                self.pop();
            }
        }
    }

    /// The deadline at the head of the heap.
    pub fn next_deadline(&self) -> Option<f64> {
        self.heap.first().map(|e| e.timer.deadline)
    }

    /// Pops the head if its deadline is before `end` (a cancelled timer comes out
    /// with no callback, as CPython skips it in the ready queue).
    pub fn pop_due(&mut self, end: f64) -> Option<(TimerId, Timer)> {
        if self.heap.first()?.timer.deadline >= end {
            return None;
        }
        let mut e = self.pop()?;
        if self.ids.remove(&e.id).is_some_and(|x| x.1) {
            // (CPython's cancelled count is not lowered here either.)
            e.timer.callback = None;
        }
        Some((e.id, e.timer))
    }

    // heapq.heappop
    fn pop(&mut self) -> Option<Entry> {
        let last = self.heap.pop()?;
        if self.heap.is_empty() {
            return Some(last);
        }
        let top = std::mem::replace(&mut self.heap[0], last);
        self.sift_up(0);
        Some(top)
    }

    // heapq._siftdown: move the item at `pos` up towards `start`.
    fn sift_down(&mut self, start: usize, mut pos: usize) {
        while pos > start {
            let parent = (pos - 1) >> 1;
            if self.heap[pos].lt(&self.heap[parent]) {
                self.heap.swap(pos, parent);
                pos = parent;
            } else {
                break;
            }
        }
    }

    // heapq._siftup: move the smaller child up until a leaf, then sift down.
    fn sift_up(&mut self, mut pos: usize) {
        let end = self.heap.len();
        let start = pos;
        let mut child = 2 * pos + 1;
        while child < end {
            let right = child + 1;
            if right < end && !self.heap[child].lt(&self.heap[right]) {
                child = right;
            }
            self.heap.swap(pos, child);
            pos = child;
            child = 2 * pos + 1;
        }
        self.sift_down(start, pos);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn timer(deadline: f64, task: TaskId) -> Timer {
        Timer {
            task,
            what: String::new(),
            deadline,
            callback: Some(Box::new(|| {})),
        }
    }

    #[test]
    fn equal_deadlines_come_out_in_heapq_order_not_fifo() {
        // heappush 2, 2, 1 then pop everything: CPython gives 1, then the second 2.
        let mut t = Timers::default();
        t.push(timer(2.0, 1));
        t.push(timer(2.0, 2));
        t.push(timer(1.0, 3));
        let order: Vec<TaskId> = std::iter::from_fn(|| t.pop_due(10.0))
            .map(|(_, x)| x.task)
            .collect();
        assert_eq!(order, [3, 2, 1]);
    }
}
