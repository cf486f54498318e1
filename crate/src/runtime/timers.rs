//! The timer heap: `call_later` handles ordered by (deadline, sequence), so timers
//! with the same deadline fire in the order they were armed, as in CPython's
//! `heapq` of `TimerHandle`s.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use super::TaskId;

/// What runs when a timer fires.
pub type TimerCallback = Box<dyn FnOnce()>;

struct Entry {
    deadline: f64,
    seq: u64,
    timer: Timer,
}

impl PartialEq for Entry {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Entry {}
impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Entry {
    // Reversed: BinaryHeap is a max-heap and we want the earliest first.
    fn cmp(&self, other: &Self) -> Ordering {
        other
            .deadline
            .total_cmp(&self.deadline)
            .then(other.seq.cmp(&self.seq))
    }
}

/// A timer's payload.
pub struct Timer {
    /// The task that armed it (for the trace and the Step view).
    pub task: TaskId,
    /// A short description, e.g. `sleep(2)`.
    pub what: String,
    /// Absolute loop time.
    pub deadline: f64,
    /// What runs when it fires.
    pub callback: Option<TimerCallback>,
}

/// Identifies an armed timer (its sequence number).
pub type TimerId = u64;

/// Deadline heap. Cancellation is lazy, as in CPython: a cancelled timer stays in
/// the heap, marked, until it reaches the top. (No map beside the heap: a
/// BTreeMap alone weighed 14 KB of wasm.)
#[derive(Default)]
pub struct Timers {
    heap: BinaryHeap<Entry>,
    // Sequence numbers of cancelled timers still in the heap; cancellations are
    // rare (a cancelled sleep, a wait timeout that did not fire), so a Vec does.
    cancelled: Vec<u64>,
    seq: u64,
    // Bumped on every change, so observers can tell when to re-read `pending`.
    version: u64,
}

impl Timers {
    /// Arms a timer and returns its id.
    pub fn push(&mut self, timer: Timer) -> TimerId {
        self.seq += 1;
        self.version += 1;
        let seq = self.seq;
        self.heap.push(Entry {
            deadline: timer.deadline,
            seq,
            timer,
        });
        seq
    }

    /// Cancels a timer; returns whether it was still armed.
    pub fn cancel(&mut self, id: TimerId) -> bool {
        if self.cancelled.contains(&id) || !self.heap.iter().any(|e| e.seq == id) {
            return false;
        }
        self.version += 1;
        self.cancelled.push(id);
        true
    }

    /// Changes whenever a timer is armed, cancelled or fired.
    pub fn version(&self) -> u64 {
        self.version
    }

    fn drop_cancelled(&mut self) {
        while let Some(top) = self.heap.peek() {
            let Some(pos) = self.cancelled.iter().position(|s| *s == top.seq) else {
                break;
            };
            self.cancelled.swap_remove(pos);
            self.heap.pop();
        }
    }

    /// The earliest live deadline.
    pub fn next_deadline(&mut self) -> Option<f64> {
        self.drop_cancelled();
        self.heap.peek().map(|e| e.deadline)
    }

    /// Removes and returns the earliest timer if its deadline is before `end`.
    pub fn pop_due(&mut self, end: f64) -> Option<Timer> {
        self.drop_cancelled();
        if self.heap.peek()?.deadline >= end {
            return None;
        }
        self.version += 1;
        self.heap.pop().map(|e| e.timer)
    }

    /// Live timers in firing order, as (deadline, task): what Step mode shows.
    pub fn pending(&self) -> Vec<(f64, TaskId)> {
        let mut v: Vec<(f64, u64, TaskId)> = self
            .heap
            .iter()
            .filter(|e| !self.cancelled.contains(&e.seq))
            .map(|e| (e.deadline, e.seq, e.timer.task))
            .collect();
        v.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        v.into_iter().map(|(d, _, t)| (d, t)).collect()
    }
}
