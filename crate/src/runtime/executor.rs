//! The loop: task table, FIFO ready queue, timers, and the one place that polls.
//!
//! `run_once` follows `BaseEventLoop._run_once`: move the due timers to the ready
//! queue, then run exactly the handles that are ready at that moment; anything they
//! schedule waits for the next iteration. The main program (top-level code) is a
//! future too, driven by [`Loop::advance`], so the same code runs under the virtual
//! clock (tests, CLI) and under the browser host, which cannot block.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::rc::{Rc, Weak};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};

use super::clock::Clock;
use super::exc::{Exc, PyResult};
use super::future::AnyFut;
use super::timers::{Timer, TimerId, Timers};
use super::TaskId;
use crate::trace::log::{EventLog, Keep};
use crate::trace::{Event, Kind, Outcome, Stream};

/// The main program: top-level code, which drives the loop with
/// `run_until_complete` / `run_forever`.
pub type Program = Pin<Box<dyn Future<Output = PyResult<()>>>>;

/// What a finished task body hands back: it stores the task's result in its
/// future (scheduling the done callbacks) and says how the task ended.
/// The flag says whether the task was cancelled during this last step: a task
/// that returns with a cancellation pending ends cancelled (`Task.__step`).
pub(crate) type Completer = Box<dyn FnOnce(bool) -> (Outcome, String)>;
pub(crate) type Body = Pin<Box<dyn Future<Output = Completer>>>;

/// A ready-queue entry (CPython's `Handle`).
pub(crate) enum Handle {
    /// Run one step of a task (`Task.__step`).
    Step(TaskId),
    /// Run a plain callback, named as CPython would show it
    /// (`_GatheringFuture._done_callback [Task-2]`), for display.
    Call(Box<dyn FnOnce()>, Rc<str>),
}

pub(crate) struct Slot {
    pub(crate) name: String,
    body: Option<Body>,
    pub(crate) fut: Rc<dyn AnyFut>,
    waker: Waker,
    scheduled: bool,
    started: bool,
    pub(crate) done: bool,
    must_cancel: bool,
    cancel_requests: u32,
    throw_cancel: bool,
    yield_now: bool,
    held: bool,
    waiter: Option<Rc<dyn AnyFut>>,
    wait_label: Option<Rc<str>>,
    line: u32,
}

/// Wakes coming from outside the loop (a JS Promise, a host timer): a
/// `Send + Sync` mailbox, drained at the start of every iteration.
pub(crate) struct Inbox {
    woken: Mutex<Vec<TaskId>>,
    notify: fn(),
}

struct TaskWaker {
    id: TaskId,
    inbox: Arc<Inbox>,
}

impl Wake for TaskWaker {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }
    fn wake_by_ref(self: &Arc<Self>) {
        if let Ok(mut w) = self.inbox.woken.lock() {
            w.push(self.id);
        }
        (self.inbox.notify)();
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Phase {
    /// The main program should be polled.
    Program,
    /// The loop is running (`run_forever` is in progress).
    Looping,
    /// Everything is over.
    Finished,
}

pub(crate) struct State {
    pub(crate) tasks: Vec<Slot>,
    pub(crate) ready: VecDeque<Handle>,
    pub(crate) timers: Timers,
    pub(crate) events: EventLog,
    stopping: bool,
    closed: bool,
    phase: Phase,
    pub(crate) current: TaskId,
    iteration: u64,
    task_counter: u32,
    main_line: u32,
    stdout: String,
    stderr: String,
    status: Option<i32>,
    program: Option<Program>,
    // The main program or the running task paused on purpose (`Loop::hold`).
    hold: bool,
    // The last line a task moved to, not yet in the trace (see `emit`).
    pending_line: Option<(TaskId, u32)>,
    // Handles of an iteration interrupted by a held task, still to run.
    iter_remaining: Option<usize>,
    // Timers moved to the ready queue by the current iteration, cancellable until
    // they run.
    due_timers: Vec<(TimerId, Rc<std::cell::Cell<bool>>)>,
    // The loop said `idle` and has not run an iteration since: a host timeout
    // that comes back a little early must not say it twice.
    idle_said: bool,
}

pub(crate) struct Inner {
    pub(crate) st: RefCell<State>,
    clock: Box<dyn Clock>,
    origin: f64,
    inbox: Arc<Inbox>,
    // The driver's output sink (the CLI streams what is printed): when set, the
    // loop keeps no copy of the output.
    output: RefCell<Option<OutputSink>>,
}

/// Receives the program's output as it is written (raw text, newlines included).
pub type OutputSink = Box<dyn FnMut(Stream, &str)>;

/// A cheap, clonable handle on the event loop (what `asyncio.get_event_loop()`
/// returns to the program).
#[derive(Clone)]
pub struct Loop(pub(crate) Rc<Inner>);

/// What the driver should do after [`Loop::advance`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Next {
    /// More work is ready now (the iteration budget ran out).
    Continue,
    /// Nothing is ready before this many seconds of loop time have passed.
    Wait(f64),
    /// Nothing is ready and no timer is armed: only an outside wake can help.
    Idle,
    /// The program ended with this exit status.
    Finished(i32),
}

/// Seconds after a deadline within which a timer counts as due (CPython uses the
/// monotonic clock's resolution).
const CLOCK_RESOLUTION: f64 = 1e-9;

fn noop() {}

impl Loop {
    /// A loop on the given clock. `notify` is called (from any wake) when a task is
    /// woken from outside; the browser host uses it to schedule a drain.
    pub fn new(clock: Box<dyn Clock>, notify: Option<fn()>) -> Loop {
        let origin = clock.now();
        Loop(Rc::new(Inner {
            st: RefCell::new(State {
                tasks: Vec::new(),
                ready: VecDeque::new(),
                timers: Timers::default(),
                events: EventLog::default(),
                stopping: false,
                closed: false,
                phase: Phase::Program,
                current: 0,
                iteration: 0,
                task_counter: 0,
                main_line: 0,
                stdout: String::new(),
                stderr: String::new(),
                status: None,
                program: None,
                idle_said: false,
                hold: false,
                pending_line: None,
                iter_remaining: None,
                due_timers: Vec::new(),
            }),
            clock,
            origin,
            output: RefCell::new(None),
            inbox: Arc::new(Inbox {
                woken: Mutex::new(Vec::new()),
                notify: notify.unwrap_or(noop),
            }),
        }))
    }

    /// A loop on a fresh virtual clock.
    pub fn new_virtual() -> Loop {
        Loop::new(Box::new(super::clock::VirtualClock::new()), None)
    }

    pub(crate) fn weak(&self) -> Weak<Inner> {
        Rc::downgrade(&self.0)
    }

    pub(crate) fn from_weak(w: &Weak<Inner>) -> Option<Loop> {
        w.upgrade().map(Loop)
    }

    /// Whether the loop runs on a virtual clock.
    pub fn is_virtual(&self) -> bool {
        self.0.clock.is_virtual()
    }

    /// Loop time in seconds since the program started (what the trace shows).
    pub fn time(&self) -> f64 {
        self.0.clock.now() - self.0.origin
    }

    /// Absolute clock reading, as `time.perf_counter()` / `loop.time()` give it.
    pub fn clock_now(&self) -> f64 {
        self.0.clock.now()
    }

    pub(crate) fn emit(&self, task: TaskId, kind: Kind) {
        let at = self.time();
        let mut st = self.0.st.borrow_mut();
        if !st.events.wanted() {
            st.pending_line = None;
            return;
        }
        // The line being executed is recorded only when something else happens:
        // a tight loop changes lines millions of times at one instant, and only
        // the last line before an event can be seen on the timeline.
        if let Some((t, line)) = st.pending_line.take() {
            st.events.push(Event {
                at,
                task: t,
                kind: Kind::Line { line },
            });
        }
        st.events.push(Event { at, task, kind });
    }

    /// The task whose step is running (0: top-level code or a callback).
    pub fn current(&self) -> TaskId {
        self.0.st.borrow().current
    }

    /// All events so far.
    pub fn events(&self) -> Vec<Event> {
        self.0.st.borrow().events.to_vec()
    }

    /// Events from index `from` on.
    pub fn events_since(&self, from: usize) -> Vec<Event> {
        self.0.st.borrow().events.since(from)
    }

    /// What the trace keeps from now on (everything by default); see
    /// [`crate::trace::log`].
    pub fn keep_events(&self, keep: Keep) {
        self.0.st.borrow_mut().events.set_keep(keep);
    }

    /// Events emitted but no longer kept (the oldest ones, past the window).
    pub fn events_dropped(&self) -> usize {
        self.0.st.borrow().events.dropped()
    }

    /// Loop iterations run so far.
    pub fn iterations(&self) -> u64 {
        self.0.st.borrow().iteration
    }

    /// Number of events so far.
    pub fn event_count(&self) -> usize {
        self.0.st.borrow().events.len()
    }

    /// Everything printed on stdout.
    pub fn stdout(&self) -> String {
        self.0.st.borrow().stdout.clone()
    }

    /// Everything printed on stderr.
    pub fn stderr(&self) -> String {
        self.0.st.borrow().stderr.clone()
    }

    /// The exit status once the program has ended.
    pub fn status(&self) -> Option<i32> {
        self.0.st.borrow().status
    }

    // ----- what the program calls -------------------------------------------

    /// `print(text)`: one log event per line, recorded on stdout.
    pub fn print(&self, text: &str) {
        self.write(text, Stream::Out);
    }

    /// Writes lines on stderr (tracebacks, warnings).
    pub fn eprint(&self, text: &str) {
        self.write(text, Stream::Err);
    }

    /// One line (without its newline) on `stream`.
    pub fn write_line(&self, text: &str, stream: Stream) {
        self.write(text, stream);
    }

    fn write(&self, text: &str, stream: Stream) {
        if !self.output(stream, &format!("{text}\n")) {
            let mut st = self.0.st.borrow_mut();
            let buf = match stream {
                Stream::Out => &mut st.stdout,
                Stream::Err => &mut st.stderr,
            };
            buf.push_str(text);
            buf.push('\n');
        }
        self.log_lines(text, stream);
    }

    /// Keeps `text` (any part of a line) as written on `stream`, without a trace
    /// event: the program's output as `stdout()` / `stderr()` give it back.
    pub fn keep_text(&self, text: &str, stream: Stream) {
        let mut st = self.0.st.borrow_mut();
        match stream {
            Stream::Out => st.stdout.push_str(text),
            Stream::Err => st.stderr.push_str(text),
        }
    }

    /// Sends the program's output to `sink` as it is written, instead of keeping
    /// it (`stdout()` and `stderr()` then stay empty).
    pub fn set_output(&self, sink: OutputSink) {
        *self.0.output.borrow_mut() = Some(sink);
    }

    /// Hands raw output to the driver's sink; false when there is none (the
    /// caller keeps it).
    pub fn output(&self, stream: Stream, text: &str) -> bool {
        match self.0.output.borrow_mut().as_mut() {
            Some(sink) => {
                sink(stream, text);
                true
            }
            None => false,
        }
    }

    /// Whether the trace records anything (see [`Loop::keep_events`]).
    pub fn traced(&self) -> bool {
        self.0.st.borrow().events.wanted()
    }

    /// Log events for `text`'s lines, printed by the current task (the text itself
    /// is not stored).
    pub fn log_lines(&self, text: &str, stream: Stream) {
        if !self.traced() {
            return;
        }
        let task = self.current();
        for line in text.split('\n') {
            self.emit(
                task,
                Kind::Log {
                    text: line.to_string(),
                    stream,
                },
            );
        }
    }

    /// The current task (or the top-level code) now executes `line` of the source.
    pub fn line(&self, line: u32) {
        let task = {
            let mut st = self.0.st.borrow_mut();
            let cur = st.current;
            let slot_line = if cur == 0 {
                &mut st.main_line
            } else {
                &mut st.tasks[cur as usize - 1].line
            };
            if *slot_line == line {
                return;
            }
            *slot_line = line;
            cur
        };
        let mut st = self.0.st.borrow_mut();
        if let Some((t, l)) = st.pending_line {
            if t != task {
                // Another task's line waits: it goes in first.
                let at = self.time();
                st.events.push(Event {
                    at,
                    task: t,
                    kind: Kind::Line { line: l },
                });
            }
        }
        st.pending_line = Some((task, line));
    }

    /// The line the top-level code is executing.
    pub fn main_line(&self) -> u32 {
        self.0.st.borrow().main_line
    }

    /// `time.sleep(secs)`: blocks the whole loop; nothing else runs meanwhile.
    pub fn block_sleep(&self, secs: f64) {
        let until = self.time() + secs.max(0.0);
        self.emit(self.current(), Kind::Blocked { until });
        self.0.clock.block(secs);
    }

    /// `loop.stop()`: the current iteration completes, then `run_forever` returns.
    pub fn stop(&self) {
        self.0.st.borrow_mut().stopping = true;
    }

    /// `loop.is_closed()`.
    pub fn is_closed(&self) -> bool {
        self.0.st.borrow().closed
    }

    /// `loop.is_running()`.
    pub fn is_running(&self) -> bool {
        self.0.st.borrow().phase == Phase::Looping
    }

    /// `loop.close()`.
    pub fn close(&self) -> PyResult<()> {
        if self.is_running() {
            return Err(Exc::runtime("Cannot close a running event loop"));
        }
        let was_closed = std::mem::replace(&mut self.0.st.borrow_mut().closed, true);
        if !was_closed {
            let mut st = self.0.st.borrow_mut();
            st.ready.clear();
            st.timers = Timers::default();
            drop(st);
            self.emit(0, Kind::Loop { what: "close" });
        }
        Ok(())
    }

    /// A fresh loop for `asyncio.run` (the trace keeps one lane for "the loop").
    pub fn reopen(&self) {
        self.0.st.borrow_mut().closed = false;
    }

    fn check_closed(&self) -> PyResult<()> {
        if self.is_closed() {
            Err(Exc::runtime("Event loop is closed"))
        } else {
            Ok(())
        }
    }

    /// `loop.run_forever()`: runs until `stop()` is called.
    pub async fn run_forever(&self) -> PyResult<()> {
        self.check_closed()?;
        if self.is_running() {
            return Err(Exc::runtime("This event loop is already running"));
        }
        self.0.st.borrow_mut().phase = Phase::Looping;
        self.emit(0, Kind::Loop { what: "start" });
        RunForever { lp: self.clone() }.await;
        Ok(())
    }

    /// `loop.run_until_complete(future)`.
    pub async fn run_until_complete<T: Clone + 'static>(
        &self,
        fut: &super::future::Fut<T>,
    ) -> PyResult<T> {
        self.check_closed()?;
        if self.is_running() {
            return Err(Exc::runtime("This event loop is already running"));
        }
        let weak = self.weak();
        let key = fut.add_done_call(
            Box::new(move || {
                if let Some(lp) = Loop::from_weak(&weak) {
                    lp.stop();
                }
            }),
            0,
            "_run_until_complete_cb",
        );
        self.run_forever().await?;
        fut.remove_done_call(key);
        match fut.result() {
            Some(r) => r,
            None => Err(Exc::runtime("Event loop stopped before Future completed.")),
        }
    }

    // ----- scheduling ---------------------------------------------------------

    pub(crate) fn new_task_name(&self) -> String {
        let mut st = self.0.st.borrow_mut();
        st.task_counter += 1;
        format!("Task-{}", st.task_counter)
    }

    pub(crate) fn add_task(
        &self,
        name: String,
        coro: &str,
        call: Option<String>,
        fut: Rc<dyn AnyFut>,
        body: Body,
    ) -> TaskId {
        let parent = self.current();
        let id = {
            let mut st = self.0.st.borrow_mut();
            let id = st.tasks.len() as TaskId + 1;
            let waker = Waker::from(Arc::new(TaskWaker {
                id,
                inbox: self.0.inbox.clone(),
            }));
            st.tasks.push(Slot {
                name: name.clone(),
                body: Some(body),
                fut,
                waker,
                scheduled: true,
                started: false,
                done: false,
                must_cancel: false,
                cancel_requests: 0,
                throw_cancel: false,
                yield_now: false,
                held: false,
                waiter: None,
                wait_label: None,
                line: 0,
            });
            st.ready.push_back(Handle::Step(id));
            id
        };
        self.emit(
            id,
            Kind::Spawn {
                name,
                coro: coro.to_string(),
                parent,
                call,
            },
        );
        id
    }

    /// Puts a task's step on the ready queue (once), recording who woke it.
    pub(crate) fn schedule_step(&self, id: TaskId, by: Vec<TaskId>, why: &'static str) {
        if id == 0 {
            return;
        }
        {
            let mut st = self.0.st.borrow_mut();
            let Some(slot) = st.tasks.get_mut(id as usize - 1) else {
                return;
            };
            if slot.scheduled || slot.done {
                return;
            }
            slot.scheduled = true;
            st.ready.push_back(Handle::Step(id));
        }
        self.emit(id, Kind::Wake { by, why });
    }

    /// `loop.call_soon(callback)`; `label` names the callback in the trace.
    /// `about` is the task the callback concerns (0 if none): its name is shown.
    pub fn call_soon(&self, f: Box<dyn FnOnce()>, about: TaskId, label: Rc<str>) {
        let label = match about {
            0 => label,
            id => Rc::from(format!("{label} [{}]", self.task_name(id))),
        };
        self.0
            .st
            .borrow_mut()
            .ready
            .push_back(Handle::Call(f, label));
    }

    /// `loop.call_later(delay, callback)`; returns the timer id.
    pub fn call_later(&self, delay: f64, what: String, f: Box<dyn FnOnce()>) -> TimerId {
        let task = self.current();
        // A negative delay is a deadline in the past: it sorts first (CPython).
        let deadline = self.0.clock.now() + delay;
        let rel = deadline - self.0.origin;
        let id = self.0.st.borrow_mut().timers.push(Timer {
            task,
            what: what.clone(),
            deadline,
            callback: Some(f),
        });
        self.emit(
            task,
            Kind::TimerSet {
                id,
                deadline: rel,
                what,
            },
        );
        id
    }

    /// Cancels a timer armed by `call_later` (in the heap, or already moved to the
    /// ready queue and not run yet).
    pub fn cancel_timer(&self, id: TimerId) {
        let (task, cancelled) = {
            let mut st = self.0.st.borrow_mut();
            match st.timers.cancel(id) {
                Some(task) => (task, true),
                None => {
                    // Already fired (its `timer_fire` was emitted): only its
                    // callback is skipped.
                    if let Some((_, flag)) = st.due_timers.iter().find(|(t, _)| *t == id) {
                        flag.set(true);
                    }
                    (0, false)
                }
            }
        };
        if cancelled {
            self.emit(task, Kind::TimerCancel { id });
        }
    }

    /// The current task records what it is about to wait on (for `poll_end`, and
    /// so that cancelling it cancels that future, as `Task.cancel` does).
    pub(crate) fn set_waiter(&self, waiter: Option<Rc<dyn AnyFut>>, label: Rc<str>) {
        let mut st = self.0.st.borrow_mut();
        let cur = st.current;
        if cur == 0 {
            return;
        }
        let slot = &mut st.tasks[cur as usize - 1];
        slot.waiter = waiter;
        slot.wait_label = Some(label);
    }

    /// Called by every awaitable first: was `CancelledError` thrown into the
    /// current task at this await?
    pub(crate) fn take_throw_cancel(&self) -> bool {
        let mut st = self.0.st.borrow_mut();
        let cur = st.current;
        if cur == 0 {
            return false;
        }
        std::mem::take(&mut st.tasks[cur as usize - 1].throw_cancel)
    }

    /// A bare `yield` (`asyncio.sleep(0)`): the current task's step is scheduled
    /// again once this step has ended.
    pub(crate) fn request_yield(&self) {
        let mut st = self.0.st.borrow_mut();
        let cur = st.current;
        if cur != 0 {
            st.tasks[cur as usize - 1].yield_now = true;
        }
    }

    /// `Task.cancel()`.
    pub fn cancel_task(&self, id: TaskId) -> bool {
        if id == 0 {
            // The top-level code is not a task: nothing to cancel.
            return false;
        }
        let by = self.current();
        let waiter = {
            let st = self.0.st.borrow();
            let slot = &st.tasks[id as usize - 1];
            if slot.done {
                return false;
            }
            slot.waiter.clone()
        };
        self.emit(id, Kind::Cancel { by });
        self.0.st.borrow_mut().tasks[id as usize - 1].cancel_requests += 1;
        if let Some(w) = waiter {
            if w.cancel() {
                return true;
            }
        }
        let mut st = self.0.st.borrow_mut();
        st.tasks[id as usize - 1].must_cancel = true;
        true
    }

    /// The task's body runs even if it is cancelled before its first step: the
    /// CancelledError goes into it (Python's `aclose()` of an async generator
    /// throws it into the generator, whose finally blocks run).
    pub fn mark_started(&self, id: TaskId) {
        if id != 0 {
            self.0.st.borrow_mut().tasks[id as usize - 1].started = true;
        }
    }

    /// `Task.uncancel()`: one cancellation request fewer; returns how many remain.
    pub fn uncancel(&self, id: TaskId) -> u32 {
        if id == 0 {
            return 0;
        }
        let mut st = self.0.st.borrow_mut();
        let slot = &mut st.tasks[id as usize - 1];
        slot.cancel_requests = slot.cancel_requests.saturating_sub(1);
        slot.cancel_requests
    }

    /// `Task.cancelling()`: pending cancellation requests.
    pub fn cancelling(&self, id: TaskId) -> u32 {
        if id == 0 {
            return 0;
        }
        self.0.st.borrow().tasks[id as usize - 1].cancel_requests
    }

    /// `Task.set_name()`.
    pub fn set_task_name(&self, id: TaskId, name: String) {
        if id == 0 {
            return;
        }
        let changed = {
            let mut st = self.0.st.borrow_mut();
            let slot = &mut st.tasks[id as usize - 1];
            let changed = slot.name != name;
            slot.name = name.clone();
            changed
        };
        // The chart's lane takes the name the program gave (create_task(name=…)).
        if changed {
            self.emit(id, Kind::Rename { name });
        }
    }

    /// Lets the host breathe: the main program pauses (the page paints) and is
    /// polled again at once; no task runs meanwhile.
    pub async fn hold(&self) {
        Hold {
            lp: self.clone(),
            held: false,
        }
        .await
    }

    /// Ids of the tasks not finished yet (`asyncio.all_tasks()`).
    pub fn pending_tasks(&self) -> Vec<TaskId> {
        let st = self.0.st.borrow();
        (1..=st.tasks.len() as TaskId)
            .filter(|id| !st.tasks[*id as usize - 1].done)
            .collect()
    }

    /// The name CPython gives the task (`Task-N`).
    pub fn task_name(&self, id: TaskId) -> String {
        self.0.st.borrow().tasks[id as usize - 1].name.clone()
    }

    // ----- the one place that polls --------------------------------------------

    /// One step of a task; true when the task held the loop (to be stepped again
    /// before anything else).
    fn step_task(&self, id: TaskId) -> bool {
        let (mut body, waker, resumed) = {
            let mut st = self.0.st.borrow_mut();
            let slot = &mut st.tasks[id as usize - 1];
            slot.scheduled = false;
            if slot.done {
                return false;
            }
            if std::mem::take(&mut slot.must_cancel) {
                if !slot.started {
                    // CancelledError thrown before the first line ran: the
                    // coroutine never starts (CPython's `coro.throw` on a fresh
                    // coroutine).
                    slot.body = None;
                    drop(st);
                    self.finish_cancelled(id);
                    return false;
                }
                slot.throw_cancel = true;
            }
            let resumed = std::mem::take(&mut slot.held);
            slot.started = true;
            slot.waiter = None;
            slot.wait_label = None;
            let Some(body) = slot.body.take() else {
                return false;
            };
            let waker = slot.waker.clone();
            st.current = id;
            (body, waker, resumed)
        };
        if !resumed {
            self.emit(id, Kind::PollStart);
        }
        let mut cx = Context::from_waker(&waker);
        let polled = body.as_mut().poll(&mut cx);
        let (unconsumed_cancel, held) = {
            let mut st = self.0.st.borrow_mut();
            st.current = 0;
            let held = std::mem::take(&mut st.hold);
            (
                std::mem::take(&mut st.tasks[id as usize - 1].throw_cancel),
                held,
            )
        };
        match polled {
            Poll::Ready(complete) => {
                self.emit(id, Kind::PollEnd { wait: None });
                self.0.st.borrow_mut().tasks[id as usize - 1].done = true;
                let must_cancel =
                    std::mem::take(&mut self.0.st.borrow_mut().tasks[id as usize - 1].must_cancel);
                let (outcome, detail) = complete(must_cancel);
                self.emit(id, Kind::Complete { outcome, detail });
            }
            Poll::Pending if held => {
                // Still the same step (the host got to paint): no poll_end.
                let mut st = self.0.st.borrow_mut();
                let slot = &mut st.tasks[id as usize - 1];
                slot.body = Some(body);
                slot.held = true;
                slot.throw_cancel = unconsumed_cancel;
                return true;
            }
            Poll::Pending if unconsumed_cancel => {
                // Suspended on something that is not one of ours (a JS Promise):
                // the CancelledError cannot be caught there, the task ends.
                drop(body);
                self.emit(id, Kind::PollEnd { wait: None });
                self.finish_cancelled(id);
            }
            Poll::Pending => {
                // Task.__step: cancelled during this step (by itself, say) and now
                // waiting: the cancellation goes to what it waits on.
                let cancel_waiter = {
                    let st = self.0.st.borrow();
                    let slot = &st.tasks[id as usize - 1];
                    if slot.must_cancel {
                        slot.waiter.clone()
                    } else {
                        None
                    }
                };
                if let Some(w) = cancel_waiter {
                    if w.cancel() {
                        self.0.st.borrow_mut().tasks[id as usize - 1].must_cancel = false;
                    }
                }
                let (label, yielded) = {
                    let mut st = self.0.st.borrow_mut();
                    let slot = &mut st.tasks[id as usize - 1];
                    slot.body = Some(body);
                    let label = slot.wait_label.clone().unwrap_or_else(|| Rc::from("?"));
                    (label, std::mem::take(&mut slot.yield_now))
                };
                self.emit(id, Kind::PollEnd { wait: Some(label) });
                if yielded {
                    self.schedule_step(id, Vec::new(), "soon");
                }
            }
        }
        false
    }

    fn finish_cancelled(&self, id: TaskId) {
        let fut = {
            let mut st = self.0.st.borrow_mut();
            let slot = &mut st.tasks[id as usize - 1];
            slot.done = true;
            slot.body = None;
            slot.fut.clone()
        };
        fut.finish_cancelled(vec![id]);
        self.emit(
            id,
            Kind::Complete {
                outcome: Outcome::Cancelled,
                detail: String::new(),
            },
        );
    }

    /// `loop idle`, once per idle period.
    fn say_idle(&self, until: Option<f64>) {
        let said = std::mem::replace(&mut self.0.st.borrow_mut().idle_said, true);
        if !said {
            self.emit(0, Kind::Idle { until });
        }
    }

    fn drain_inbox(&self) {
        let woken: Vec<TaskId> = match self.0.inbox.woken.lock() {
            Ok(mut w) => std::mem::take(&mut *w),
            Err(_) => return,
        };
        for id in woken {
            self.schedule_step(id, Vec::new(), "host");
        }
    }

    /// One loop iteration (`_run_once`). Returns `None` when it ran, or what the
    /// driver must wait for.
    fn run_once(&self) -> Option<Next> {
        self.0.clock.tick();
        // A task held the loop (`Loop::hold`, a long step of interpreted code):
        // finish the interrupted iteration first, held task at its head.
        let interrupted = self.0.st.borrow_mut().iter_remaining.take();
        if let Some(n) = interrupted {
            return self.run_handles(n);
        }
        self.drain_inbox();
        let idle = {
            let mut st = self.0.st.borrow_mut();
            st.timers.clean();
            if st.ready.is_empty() && !st.stopping {
                Some(st.timers.next_deadline())
            } else {
                None
            }
        };
        if let Some(next) = idle {
            match next {
                // `asyncio.sleep(math.inf)`: CPython waits a day at a time,
                // forever; nothing else can happen here either.
                None => {
                    self.say_idle(None);
                    return Some(Next::Idle);
                }
                Some(deadline) if !deadline.is_finite() => {
                    self.say_idle(None);
                    return Some(Next::Idle);
                }
                Some(deadline) => {
                    let now = self.0.clock.now();
                    if deadline >= now + CLOCK_RESOLUTION {
                        // Said before the wait (or the virtual clock's jump), so
                        // that a live chart shows the loop idle while it waits.
                        self.say_idle(Some(deadline - self.0.origin));
                        if !self.0.clock.skip_to(deadline) {
                            return Some(Next::Wait(deadline - now));
                        }
                    }
                }
            }
        }
        let now = self.0.clock.now();
        // Past about 1e7 s the resolution is absorbed (now + 1e-9 == now) and a timer
        // due now would never be: CPython itself spins forever there. The next float
        // up keeps the loop going.
        let end = (now + CLOCK_RESOLUTION).max(now.next_up());
        self.0.st.borrow_mut().due_timers.clear();
        loop {
            let due = self.0.st.borrow_mut().timers.pop_due(end);
            let Some((timer_id, timer)) = due else { break };
            if timer.callback.is_none() {
                // Cancelled: its `timer_cancel` was emitted then; CPython skips it.
                continue;
            }
            let label: Rc<str> = match timer.task {
                0 => Rc::from(timer.what.as_str()),
                id => Rc::from(format!("{} [{}]", timer.what, self.task_name(id))),
            };
            self.emit(
                timer.task,
                Kind::TimerFire {
                    id: timer_id,
                    what: timer.what,
                },
            );
            if let Some(cb) = timer.callback {
                // CPython keeps the TimerHandle in the ready queue and skips it if
                // it is cancelled before its turn: a flag the handle checks.
                let flag = Rc::new(std::cell::Cell::new(false));
                let check = flag.clone();
                let mut st = self.0.st.borrow_mut();
                st.due_timers.push((timer_id, flag));
                st.ready.push_back(Handle::Call(
                    Box::new(move || {
                        if !check.get() {
                            cb();
                        }
                    }),
                    label,
                ));
            }
        }
        // What is pending is not repeated here (that made the trace quadratic in
        // the number of timers): the page rebuilds it from timer_set / timer_fire /
        // timer_cancel.
        let (n, ready, calls) = {
            let mut st = self.0.st.borrow_mut();
            st.iteration += 1;
            st.idle_said = false;
            let (ready, calls) = queue_snapshot(&st.ready);
            (st.iteration, ready, calls)
        };
        self.emit(0, Kind::Iteration { n, ready, calls });
        let ntodo = self.0.st.borrow().ready.len();
        self.run_handles(ntodo)
    }

    /// Runs the first `ntodo` ready handles; stops early when a task holds the
    /// loop (its step goes back to the head of the queue, the rest of the
    /// iteration waits for the next call).
    fn run_handles(&self, ntodo: usize) -> Option<Next> {
        for k in 0..ntodo {
            let handle = self.0.st.borrow_mut().ready.pop_front();
            match handle {
                Some(Handle::Step(id)) => {
                    if self.step_task(id) {
                        let mut st = self.0.st.borrow_mut();
                        st.ready.push_front(Handle::Step(id));
                        st.tasks[id as usize - 1].scheduled = true;
                        st.iter_remaining = Some(ntodo - k);
                        return Some(Next::Continue);
                    }
                }
                Some(Handle::Call(f, _)) => f(),
                None => break,
            }
        }
        None
    }

    // ----- the driver -----------------------------------------------------------

    /// Installs the main program (top-level code).
    pub fn set_program(&self, program: Program) {
        self.0.st.borrow_mut().program = Some(program);
    }

    /// Drives the program and the loop for at most `budget` steps (a step is one
    /// poll of the top-level code or one loop iteration).
    pub fn advance(&self, budget: usize) -> Next {
        for _ in 0..budget {
            let phase = self.0.st.borrow().phase;
            match phase {
                Phase::Finished => {
                    return Next::Finished(self.status().unwrap_or(0));
                }
                Phase::Program => self.poll_program(),
                Phase::Looping => {
                    let frozen = self.0.clock.frozen_for();
                    if frozen > 0.0 {
                        return Next::Wait(frozen);
                    }
                    if let Some(wait) = self.run_once() {
                        return wait;
                    }
                    let stop = std::mem::take(&mut self.0.st.borrow_mut().stopping);
                    if stop {
                        let (ready, calls) = queue_snapshot(&self.0.st.borrow().ready);
                        if !ready.is_empty() {
                            self.emit(0, Kind::QueueLeft { ready, calls });
                        }
                        self.0.st.borrow_mut().phase = Phase::Program;
                        self.emit(0, Kind::Loop { what: "stop" });
                    }
                }
            }
        }
        Next::Continue
    }

    fn poll_program(&self) {
        self.0.clock.tick();
        let Some(mut program) = self.0.st.borrow_mut().program.take() else {
            self.finish(0);
            return;
        };
        let waker = Waker::from(Arc::new(TaskWaker {
            id: 0,
            inbox: self.0.inbox.clone(),
        }));
        let mut cx = Context::from_waker(&waker);
        match program.as_mut().poll(&mut cx) {
            Poll::Ready(Ok(())) => self.finish(0),
            Poll::Ready(Err(e)) => {
                self.eprint(&e.last_line());
                self.finish(1);
            }
            Poll::Pending => {
                let looping = self.is_running();
                let held = std::mem::take(&mut self.0.st.borrow_mut().hold);
                self.0.st.borrow_mut().program = Some(program);
                if !looping && !held {
                    self.eprint("RuntimeError: top-level code is waiting outside the event loop");
                    self.finish(1);
                }
            }
        }
    }

    fn finish(&self, status: i32) {
        let pending = self.0.st.borrow_mut().pending_line.take();
        if let Some((task, line)) = pending {
            let at = self.time();
            let kind = Kind::Line { line };
            self.0.st.borrow_mut().events.push(Event { at, task, kind });
        }
        let released = {
            let mut st = self.0.st.borrow_mut();
            st.phase = Phase::Finished;
            st.status = Some(status);
            // What will never run again goes now: pending tasks' bodies, queued
            // handles and timers hold the loop (a cycle that would keep the whole
            // run alive after it is dropped).
            let bodies: Vec<Body> = st.tasks.iter_mut().filter_map(|t| t.body.take()).collect();
            (
                st.program.take(),
                bodies,
                std::mem::take(&mut st.ready),
                std::mem::take(&mut st.timers),
            )
        };
        // Dropped with the state released: their destructors may use the loop.
        drop(released);
    }

    /// Ends the run from outside (the page's Stop button).
    pub fn abort(&self) {
        if self.status().is_none() {
            self.emit(0, Kind::Loop { what: "stop" });
            self.finish(130);
        }
    }

    /// Runs the program to the end under a virtual clock. A loop left with nothing
    /// to do (CPython would hang forever) ends with a clear error.
    pub fn run_to_end(&self) -> i32 {
        loop {
            match self.advance(usize::MAX) {
                Next::Finished(status) => return status,
                Next::Continue => {}
                Next::Wait(_) | Next::Idle => {
                    self.say_idle(None);
                    self.eprint(
                        "RuntimeError: the event loop has nothing left to run and nothing \
                         to wait for: CPython would wait here forever",
                    );
                    self.finish(1);
                }
            }
        }
    }
}

/// Pending once, with the hold flag set (see `Loop::hold`).
struct Hold {
    lp: Loop,
    held: bool,
}

impl Future for Hold {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<()> {
        if self.held {
            return Poll::Ready(());
        }
        self.held = true;
        self.lp.0.st.borrow_mut().hold = true;
        Poll::Pending
    }
}

/// Pending while the loop runs; the driver flips the phase back when it stops.
struct RunForever {
    lp: Loop,
}

impl Future for RunForever {
    type Output = ();
    fn poll(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<()> {
        if self.lp.is_running() {
            Poll::Pending
        } else {
            Poll::Ready(())
        }
    }
}

/// The ready queue as the trace shows it: task ids (0 for a callback) and the
/// callbacks' names in order.
fn queue_snapshot(ready: &VecDeque<Handle>) -> (Vec<TaskId>, Vec<Rc<str>>) {
    let mut ids = Vec::with_capacity(ready.len());
    let mut calls = Vec::new();
    for h in ready {
        match h {
            Handle::Step(id) => ids.push(*id),
            Handle::Call(_, label) => {
                ids.push(0);
                calls.push(label.clone());
            }
        }
    }
    (ids, calls)
}
