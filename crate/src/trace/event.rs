//! Trace events. The JSON form is documented in ARCHITECTURE.md; the page and the
//! CLI fold these events, they never ask the runtime for state.

use std::rc::Rc;

use super::json::Json;
use crate::runtime::TaskId;

/// Version of the JSON event format; bump it when a field changes meaning.
pub const FORMAT_VERSION: u32 = 2;

/// Which output stream a log line went to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stream {
    /// Standard output (`print`).
    Out,
    /// Standard error (tracebacks, warnings).
    Err,
}

/// How a task ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Returned normally.
    Ok,
    /// Ended by `CancelledError`.
    Cancelled,
    /// Raised another exception.
    Failed,
}

/// What happened.
#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    /// A task was created; it is ready to run.
    Spawn {
        /// CPython's task name, `Task-N`.
        name: String,
        /// The coroutine's name.
        coro: String,
        /// The task (or 0) that created it.
        parent: TaskId,
        /// The coroutine call with its arguments, shortened (`cuire('pâtes')`): what
        /// tells apart tasks of the same coroutine. None when it cannot be said
        /// simply (an argument whose repr would run Python code).
        call: Option<String>,
    },
    /// The task's name changed (`create_task(…, name=…)`, `Task.set_name`): from
    /// here on it is called `name`.
    Rename {
        /// The new name.
        name: String,
    },
    /// The task was put on the ready queue.
    Wake {
        /// The tasks whose completion caused it (empty for a timer).
        by: Vec<TaskId>,
        /// Why: `timer`, `done`, `gather`, `wait`, `cancel`, `queue`, `soon`, `host`.
        why: &'static str,
    },
    /// The loop starts running one step of the task.
    PollStart,
    /// The step ended; `wait` names what the task waits on (None: it finished).
    PollEnd {
        /// What the task is now waiting on.
        wait: Option<Rc<str>>,
    },
    /// A timer was armed by the task.
    TimerSet {
        /// The timer's number, unique within the run (matches `timer_fire` and
        /// `timer_cancel`).
        id: u64,
        /// Loop time at which it fires.
        deadline: f64,
        /// What it is for, e.g. `sleep(2)`.
        what: String,
    },
    /// A timer's deadline was reached.
    TimerFire {
        /// The timer's number.
        id: u64,
        /// What it was for.
        what: String,
    },
    /// A timer was cancelled before it fired (a cancelled sleep, a timeout that
    /// did not expire, `TimerHandle.cancel()`).
    TimerCancel {
        /// The timer's number.
        id: u64,
    },
    /// The task now executes this line of the scenario's Python source.
    Line {
        /// 1-based line number.
        line: u32,
    },
    /// A printed line.
    Log {
        /// The line, without its newline.
        text: String,
        /// stdout or stderr.
        stream: Stream,
    },
    /// The task finished.
    Complete {
        /// How.
        outcome: Outcome,
        /// The exception line for a failure, empty otherwise.
        detail: String,
    },
    /// Cancellation was requested.
    Cancel {
        /// By which task (0: the main program or a callback).
        by: TaskId,
    },
    /// `asyncio.wait` returned.
    WaitResult {
        /// Tasks in the done set.
        done: Vec<TaskId>,
        /// Tasks in the pending set.
        pending: Vec<TaskId>,
    },
    /// A blocking call froze the loop.
    Blocked {
        /// Loop time when it returns.
        until: f64,
    },
    /// Start of a loop iteration, with what is queued.
    Iteration {
        /// Iteration number, from 1.
        n: u64,
        /// Ready handles in order (task ids; 0 = a plain callback).
        ready: Vec<TaskId>,
        /// The callbacks' names, in the order of the 0 entries of `ready`.
        calls: Vec<Rc<str>>,
    },
    /// `run_forever` is returning with handles still queued (they never ran):
    /// course example 05's gather callbacks.
    QueueLeft {
        /// Ready handles in order (as in `Iteration`).
        ready: Vec<TaskId>,
        /// The callbacks' names.
        calls: Vec<Rc<str>>,
    },
    /// Loop lifecycle: `start`, `stop`, `close`.
    Loop {
        /// Which.
        what: &'static str,
    },
    /// The loop has nothing ready and waits: for its next timer (`until`, loop
    /// time), or for ever (`None`: nothing armed). JSON: `loop` with `what: "idle"`.
    Idle {
        /// The next timer's deadline.
        until: Option<f64>,
    },
}

/// One trace event.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// Loop time in seconds since the program started.
    pub at: f64,
    /// The task concerned (0 = the loop / main program).
    pub task: TaskId,
    /// What happened.
    pub kind: Kind,
}

impl Event {
    /// The short name used as `k` in JSON.
    pub fn kind_name(&self) -> &'static str {
        match self.kind {
            Kind::Spawn { .. } => "spawn",
            Kind::Rename { .. } => "rename",
            Kind::Wake { .. } => "wake",
            Kind::PollStart => "poll_start",
            Kind::PollEnd { .. } => "poll_end",
            Kind::TimerSet { .. } => "timer_set",
            Kind::TimerFire { .. } => "timer_fire",
            Kind::TimerCancel { .. } => "timer_cancel",
            Kind::Line { .. } => "line",
            Kind::Log { .. } => "log",
            Kind::Complete { .. } => "complete",
            Kind::Cancel { .. } => "cancel",
            Kind::WaitResult { .. } => "wait_result",
            Kind::Blocked { .. } => "blocked",
            Kind::Iteration { .. } => "iteration",
            Kind::QueueLeft { .. } => "queue_left",
            Kind::Loop { .. } | Kind::Idle { .. } => "loop",
        }
    }

    /// Appends this event as one JSON object.
    pub fn write_json(&self, out: &mut Json) {
        out.begin_object();
        out.key("at").number(self.at);
        out.key("task").int(self.task as i64);
        out.key("k").string(self.kind_name());
        match &self.kind {
            Kind::Spawn {
                name,
                coro,
                parent,
                call,
            } => {
                out.key("name").string(name);
                out.key("coro").string(coro);
                out.key("parent").int(*parent as i64);
                if let Some(call) = call {
                    out.key("call").string(call);
                }
            }
            Kind::Rename { name } => {
                out.key("name").string(name);
            }
            Kind::Wake { by, why } => {
                out.key("by").ids(by);
                out.key("why").string(why);
            }
            Kind::PollStart => {}
            Kind::PollEnd { wait } => {
                out.key("wait");
                match wait {
                    Some(w) => out.string(w),
                    None => out.null(),
                };
            }
            Kind::TimerSet { id, deadline, what } => {
                out.key("id").int(*id as i64);
                out.key("deadline").number(*deadline);
                out.key("what").string(what);
            }
            Kind::TimerFire { id, what } => {
                out.key("id").int(*id as i64);
                out.key("what").string(what);
            }
            Kind::TimerCancel { id } => {
                out.key("id").int(*id as i64);
            }
            Kind::Line { line } => {
                out.key("line").int(*line as i64);
            }
            Kind::Log { text, stream } => {
                out.key("text").string(text);
                out.key("stream").string(match stream {
                    Stream::Out => "out",
                    Stream::Err => "err",
                });
            }
            Kind::Complete { outcome, detail } => {
                out.key("outcome").string(match outcome {
                    Outcome::Ok => "ok",
                    Outcome::Cancelled => "cancelled",
                    Outcome::Failed => "failed",
                });
                out.key("detail").string(detail);
            }
            Kind::Cancel { by } => {
                out.key("by").int(*by as i64);
            }
            Kind::WaitResult { done, pending } => {
                out.key("done").ids(done);
                out.key("pending").ids(pending);
            }
            Kind::Blocked { until } => {
                out.key("until").number(*until);
            }
            Kind::Iteration { n, ready, calls } => {
                out.key("n").int(*n as i64);
                out.key("ready").ids(ready);
                write_calls(out, calls);
            }
            Kind::QueueLeft { ready, calls } => {
                out.key("ready").ids(ready);
                write_calls(out, calls);
            }
            Kind::Loop { what } => {
                out.key("what").string(what);
            }
            Kind::Idle { until } => {
                out.key("what").string("idle");
                out.key("until");
                match until {
                    Some(u) => out.number(*u),
                    None => out.null(),
                };
            }
        }
        out.end_object();
    }
}

fn write_calls(out: &mut Json, calls: &[Rc<str>]) {
    if !calls.is_empty() {
        out.key("calls").begin_array();
        for c in calls {
            out.string(c);
        }
        out.end_array();
    }
}

/// The whole trace as a JSON array.
pub fn to_json(events: &[Event]) -> String {
    let mut out = Json::new();
    out.begin_array();
    for e in events {
        e.write_json(&mut out);
    }
    out.end_array();
    out.finish()
}
