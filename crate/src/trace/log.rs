//! Where the loop's events go: kept whole (tests, a finite run in the page), kept as
//! a bounded window of the most recent ones (an endless program in the page, the
//! CLI's `--timeline`), handed to a writer as they come (the CLI's `--events`), or
//! only counted (the CLI without any trace option). An endless program then keeps a
//! flat memory: nobody pays for a trace nobody asked for.
//!
//! Events keep their absolute index (the n-th event emitted is event n, kept or
//! not), so a reader polling with `since(n)` never sees an event twice, and learns
//! from [`EventLog::dropped`] how many it can no longer see.

use std::collections::VecDeque;

use super::Event;

/// What the log keeps.
pub enum Keep {
    /// Every event (the default).
    All,
    /// The most recent `n` events; older ones are dropped (and counted).
    Window(usize),
    /// Nothing: each event goes to the writer, then is dropped.
    Stream(Box<dyn FnMut(&Event)>),
    /// Nothing: events are only counted.
    Count,
}

/// The loop's record of events.
pub struct EventLog {
    keep: Keep,
    kept: VecDeque<Event>,
    dropped: usize,
}

impl Default for EventLog {
    fn default() -> Self {
        EventLog {
            keep: Keep::All,
            kept: VecDeque::new(),
            dropped: 0,
        }
    }
}

impl EventLog {
    /// Changes what is kept from now on (events already kept beyond a new window
    /// are dropped at once).
    pub fn set_keep(&mut self, keep: Keep) {
        self.keep = keep;
        match self.keep {
            Keep::Window(n) => self.trim(n),
            Keep::Stream(_) | Keep::Count => self.trim(0),
            Keep::All => {}
        }
    }

    fn trim(&mut self, n: usize) {
        while self.kept.len() > n {
            self.kept.pop_front();
            self.dropped += 1;
        }
    }

    /// Whether events are recorded at all (kept or streamed): when not, callers may
    /// skip building them.
    pub fn wanted(&self) -> bool {
        !matches!(self.keep, Keep::Count)
    }

    /// Records one event.
    pub fn push(&mut self, e: Event) {
        match &mut self.keep {
            Keep::All => self.kept.push_back(e),
            Keep::Window(n) => {
                let n = *n;
                self.kept.push_back(e);
                self.trim(n);
            }
            Keep::Stream(write) => {
                write(&e);
                self.dropped += 1;
            }
            Keep::Count => self.dropped += 1,
        }
    }

    /// Events emitted so far, kept or not.
    pub fn len(&self) -> usize {
        self.dropped + self.kept.len()
    }

    /// Whether no event was emitted yet.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Events emitted but no longer kept (the oldest ones).
    pub fn dropped(&self) -> usize {
        self.dropped
    }

    /// The kept events from absolute index `from` on (from the oldest kept one if
    /// `from` was dropped).
    pub fn since(&self, from: usize) -> Vec<Event> {
        let skip = from.saturating_sub(self.dropped).min(self.kept.len());
        self.kept.range(skip..).cloned().collect()
    }

    /// Every kept event, oldest first.
    pub fn to_vec(&self) -> Vec<Event> {
        self.kept.iter().cloned().collect()
    }

    /// The most recent kept event.
    pub fn last(&self) -> Option<&Event> {
        self.kept.back()
    }

    /// Iterates over the kept events, oldest first.
    pub fn iter(&self) -> impl Iterator<Item = &Event> {
        self.kept.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trace::Kind;

    fn ev(n: u32) -> Event {
        Event {
            at: n as f64,
            task: n,
            kind: Kind::PollStart,
        }
    }

    #[test]
    fn a_window_keeps_the_most_recent_events_and_counts_the_others() {
        let mut log = EventLog::default();
        log.set_keep(Keep::Window(3));
        for n in 0..10 {
            log.push(ev(n));
        }
        assert_eq!(log.len(), 10);
        assert_eq!(log.dropped(), 7);
        let tasks: Vec<u32> = log.since(0).iter().map(|e| e.task).collect();
        assert_eq!(tasks, vec![7, 8, 9]);
        let tasks: Vec<u32> = log.since(9).iter().map(|e| e.task).collect();
        assert_eq!(tasks, vec![9]);
    }

    #[test]
    fn a_streamed_log_hands_every_event_to_the_writer_and_keeps_none() {
        let seen = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
        let out = seen.clone();
        let mut log = EventLog::default();
        log.set_keep(Keep::Stream(Box::new(move |e| {
            out.borrow_mut().push(e.task)
        })));
        for n in 0..5 {
            log.push(ev(n));
        }
        assert_eq!(*seen.borrow(), vec![0, 1, 2, 3, 4]);
        assert_eq!(log.len(), 5);
        assert!(log.since(0).is_empty());
    }
}
