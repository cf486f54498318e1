//! Events -> lanes of segments (the Gantt view), one lane per task plus lane 0 for
//! the loop itself. The page has its own fold in `www/trace.js`; this one serves
//! the CLI's text timeline, the Chrome export and the trace invariant tests.

use super::event::{Event, Kind, Outcome};
use crate::runtime::TaskId;

/// What a lane is doing during a segment.
#[derive(Clone, Debug, PartialEq)]
pub enum State {
    /// On the ready queue.
    Ready,
    /// Being polled (for lane 0: top-level code running).
    Running,
    /// Suspended at an await, on what.
    Waiting(String),
    /// Lane 0 only: the loop runs, between tasks or waiting for a timer.
    Looping,
    /// A blocking call holds the loop (lane 0) or the task (its lane).
    Blocked,
    /// Finished normally.
    Done,
    /// Cancelled.
    Cancelled,
    /// Raised an exception.
    Failed,
}

impl State {
    /// A short name, for exports and tooltips.
    pub fn name(&self) -> &'static str {
        match self {
            State::Ready => "ready",
            State::Running => "running",
            State::Waiting(_) => "waiting",
            State::Looping => "loop",
            State::Blocked => "blocked",
            State::Done => "done",
            State::Cancelled => "cancelled",
            State::Failed => "failed",
        }
    }
}

/// A stretch of time in one state.
#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    /// Start, seconds.
    pub start: f64,
    /// End, seconds.
    pub end: f64,
    /// The state.
    pub state: State,
}

/// One row of the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    /// Task id (0 = the loop).
    pub task: TaskId,
    /// Display label, e.g. `Task-2 · Coroutine_1`.
    pub label: String,
    /// Segments in time order.
    pub segments: Vec<Segment>,
}

struct Open {
    start: f64,
    state: State,
}

/// Folds the events into lanes.
pub fn lanes(events: &[Event]) -> Vec<Lane> {
    let end = events.last().map_or(0.0, |e| e.at);
    let mut lanes = vec![Lane {
        task: 0,
        label: "boucle".to_string(),
        segments: Vec::new(),
    }];
    let mut open: Vec<Option<Open>> = vec![Some(Open {
        start: 0.0,
        state: State::Running,
    })];
    let close = |lanes: &mut Vec<Lane>,
                 open: &mut Vec<Option<Open>>,
                 i: usize,
                 at: f64,
                 next: Option<State>| {
        if let Some(o) = open[i].take() {
            lanes[i].segments.push(Segment {
                start: o.start,
                end: at.max(o.start),
                state: o.state,
            });
        }
        open[i] = next.map(|state| Open { start: at, state });
    };
    for e in events {
        let i = e.task as usize;
        match &e.kind {
            Kind::Spawn { name, coro, .. } => {
                while lanes.len() <= i {
                    lanes.push(Lane {
                        task: lanes.len() as TaskId,
                        label: String::new(),
                        segments: Vec::new(),
                    });
                    open.push(None);
                }
                lanes[i].label = format!("{name} · {coro}");
                close(&mut lanes, &mut open, i, e.at, Some(State::Ready));
            }
            // the name the program gave (create_task(name=…)) replaces Task-N
            Kind::Rename { name } if i > 0 && i < lanes.len() => {
                let coro = lanes[i].label.split(" · ").nth(1).unwrap_or("").to_string();
                lanes[i].label = format!("{name} · {coro}");
            }
            Kind::Wake { .. } if i > 0 => close(&mut lanes, &mut open, i, e.at, Some(State::Ready)),
            Kind::PollStart if i > 0 => close(&mut lanes, &mut open, i, e.at, Some(State::Running)),
            Kind::PollEnd { wait } if i > 0 => {
                let next = wait.as_deref().map(|w| State::Waiting(w.to_string()));
                close(&mut lanes, &mut open, i, e.at, next);
            }
            Kind::Complete { outcome, .. } if i > 0 => {
                let s = match outcome {
                    Outcome::Ok => State::Done,
                    Outcome::Cancelled => State::Cancelled,
                    Outcome::Failed => State::Failed,
                };
                close(&mut lanes, &mut open, i, e.at, Some(s));
            }
            Kind::Blocked { until } => {
                let resume = open[0].as_ref().map(|o| o.state.clone());
                close(&mut lanes, &mut open, 0, e.at, Some(State::Blocked));
                close(&mut lanes, &mut open, 0, *until, resume);
            }
            Kind::Loop { what: "start" } => {
                close(&mut lanes, &mut open, 0, e.at, Some(State::Looping))
            }
            Kind::Loop { what: "stop" } => {
                close(&mut lanes, &mut open, 0, e.at, Some(State::Running))
            }
            Kind::Loop { what: "close" } => {
                close(&mut lanes, &mut open, 0, e.at, Some(State::Running))
            }
            _ => {}
        }
    }
    for i in 0..lanes.len() {
        close(&mut lanes, &mut open, i, end, None);
    }
    for lane in &mut lanes {
        lane.segments
            .retain(|s| s.end > s.start || matches!(s.state, State::Running));
    }
    lanes
}

/// A text Gantt chart, one row per lane, `width` columns for the whole run.
pub fn text_timeline(events: &[Event], width: usize) -> String {
    let lanes = lanes(events);
    let end = events.last().map_or(0.0, |e| e.at).max(1e-9);
    let label_w = lanes
        .iter()
        .map(|l| l.label.chars().count())
        .max()
        .unwrap_or(6);
    let mut out = String::new();
    for lane in &lanes {
        let mut row = vec![' '; width];
        for s in &lane.segments {
            let a = (((s.start / end) * width as f64).floor() as usize).min(width - 1);
            let b = (((s.end / end) * width as f64).ceil() as usize).clamp(a + 1, width);
            let c = match s.state {
                State::Running => '█',
                State::Ready => '▒',
                State::Waiting(_) => '─',
                State::Looping => '·',
                State::Blocked => '▓',
                State::Done | State::Cancelled | State::Failed => ' ',
            };
            for cell in row.iter_mut().take(b).skip(a) {
                if *cell == ' ' || c == '█' {
                    *cell = c;
                }
            }
        }
        let label = format!("{:<w$}", lane.label, w = label_w);
        out.push_str(&format!(
            "{label} │{}│\n",
            row.into_iter().collect::<String>()
        ));
    }
    out.push_str(&format!(
        "{:<w$} 0 s{:>pad$}\n",
        "",
        format!("{end:.1} s"),
        w = label_w,
        pad = width - 1
    ));
    out.push_str("█ running  ▒ ready  ─ waiting  ▓ blocked (time.sleep)  · loop idle\n");
    out
}
