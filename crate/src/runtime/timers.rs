//! The timer heap: `call_later` handles ordered by (deadline, sequence), so timers
//! with the same deadline fire in the order they were armed, as in CPython's
//! `heapq` of `TimerHandle`s.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BinaryHeap};

use super::TaskId;

/// What runs when a timer fires.
pub type TimerCallback = Box<dyn FnOnce()>;

struct Entry {
    deadline: f64,
    seq: u64,
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

/// A timer's payload, kept beside the heap so it can be cancelled in O(1).
pub struct Timer {
    /// The task that armed it (for the trace and the Step view).
    pub task: TaskId,
    /// A short description, e.g. `sleep(2)`.
    pub what: String,
    /// Absolute loop time.
    pub deadline: f64,
    /// `None` once cancelled or fired.
    pub callback: Option<TimerCallback>,
}

/// Identifies an armed timer (its sequence number).
pub type TimerId = u64;

/// Deadline heap with lazy deletion of cancelled timers.
#[derive(Default)]
pub struct Timers {
    heap: BinaryHeap<Entry>,
    slots: BTreeMap<u64, Timer>,
    seq: u64,
    // Bumped on every change, so observers can tell when to re-read `pending`.
    version: u64,
}

impl Timers {
    /// Arms a timer and returns its id.
    pub fn push(&mut self, timer: Timer) -> TimerId {
        self.seq += 1;
        let seq = self.seq;
        self.heap.push(Entry {
            deadline: timer.deadline,
            seq,
        });
        self.slots.insert(seq, timer);
        self.version += 1;
        seq
    }

    /// Cancels a timer; returns whether it was still armed.
    pub fn cancel(&mut self, id: TimerId) -> bool {
        self.version += 1;
        self.slots.remove(&id).is_some()
    }

    /// Changes whenever a timer is armed, cancelled or fired.
    pub fn version(&self) -> u64 {
        self.version
    }

    fn drop_cancelled(&mut self) {
        while let Some(top) = self.heap.peek() {
            if self.slots.contains_key(&top.seq) {
                break;
            }
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
        let top = self.heap.peek()?;
        if top.deadline >= end {
            return None;
        }
        let seq = self.heap.pop().map(|e| e.seq)?;
        self.version += 1;
        self.slots.remove(&seq)
    }

    /// Live timers in firing order, as (deadline, task): what Step mode shows.
    pub fn pending(&self) -> Vec<(f64, TaskId)> {
        let mut v: Vec<(f64, u64, TaskId)> = self
            .slots
            .iter()
            .map(|(seq, t)| (t.deadline, *seq, t.task))
            .collect();
        v.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        v.into_iter().map(|(d, _, t)| (d, t)).collect()
    }

    /// Whether no live timer remains.
    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }
}
