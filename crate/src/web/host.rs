//! The browser host: the loop is drained inside a microtask (as
//! `wasm-bindgen-futures/src/queue.rs` does), timers are `gloo-timers` timeouts,
//! and loop time is paced by `performance.now()` scaled by the speed (see
//! [`HostClock`]). A drain that runs
//! longer than [`SLICE_MS`] yields to a macrotask so the page keeps painting and
//! the Stop button stays responsive.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use gloo_timers::callback::Timeout;
use js_sys::{Function, Promise};
use wasm_bindgen::prelude::*;

use crate::runtime::{Clock, Loop, Next, VirtualClock};

/// Longest stretch of loop work (ms) before giving the browser a chance to paint.
const SLICE_MS: f64 = 12.0;

thread_local! {
    // Looked up once: `window().performance()` costs two calls into JS and two
    // new objects, more than a whole task switch.
    static PERFORMANCE: Option<web_sys::Performance> =
        web_sys::window().and_then(|w| w.performance());
}

/// `performance.now()` in milliseconds.
pub fn perf_now() -> f64 {
    PERFORMANCE.with(|p| p.as_ref().map_or_else(js_sys::Date::now, |p| p.now()))
}

/// Real time scaled by the speed, paced like the virtual clock: loop time moves
/// only while the loop waits (for a timer, or out a blocking call), never while
/// the interpreter computes. Compiling, the wasm engine's warm-up and the
/// interpreter's own slowness (it is not CPython) therefore cost no loop time, and
/// a timer that fires a little late (the browser's timeouts are not exact) is
/// stamped at its deadline: a program run live prints at the virtual clock's
/// stamps, which are CPython's.
pub struct HostClock {
    speed: f64,
    now: Cell<f64>,
    /// The loop is idle until a deadline: (`perf_now` when it started waiting,
    /// loop time then, the deadline).
    idle: Cell<Option<(f64, f64, f64)>>,
    /// A blocking call holds the loop: (`perf_now` when it began, loop time then);
    /// the loop is frozen until `now`.
    blocked: Cell<Option<(f64, f64)>>,
}

impl HostClock {
    /// A clock at [`VirtualClock::ORIGIN`]; `speed` 2.0 makes loop time run twice as fast.
    pub fn new(speed: f64) -> HostClock {
        HostClock {
            speed,
            now: Cell::new(VirtualClock::ORIGIN),
            idle: Cell::new(None),
            blocked: Cell::new(None),
        }
    }

    /// Loop seconds that real time has covered since `since_ms`.
    fn elapsed(&self, since_ms: f64) -> f64 {
        ((perf_now() - since_ms) / 1000.0 * self.speed).max(0.0)
    }
}

impl Clock for HostClock {
    fn now(&self) -> f64 {
        self.now.get()
    }
    fn block(&self, secs: f64) {
        // The loop is frozen, the tab is not: time jumps past the blocking call
        // and the driver waits (frozen_for) before running anything else.
        if self.blocked.get().is_none() {
            self.blocked.set(Some((perf_now(), self.now.get())));
        }
        self.now.set(self.now.get() + secs.max(0.0));
    }
    fn skip_to(&self, deadline: f64) -> bool {
        // Called when the loop has nothing ready before `deadline`: note when the
        // wait began; `tick` ends it when real time has covered it.
        if self.idle.get().is_none() {
            self.idle.set(Some((perf_now(), self.now.get(), deadline)));
        }
        false
    }
    fn frozen_for(&self) -> f64 {
        let Some((since, from)) = self.blocked.get() else {
            return 0.0;
        };
        let left = (self.now.get() - from) - self.elapsed(since);
        if left <= 0.0 {
            self.blocked.set(None);
            return 0.0;
        }
        left
    }
    fn tick(&self) {
        // After a wait: the time it covered, up to the deadline it was for (a
        // wake-up from outside, a JS promise, may end it before).
        if let Some((since, from, deadline)) = self.idle.take() {
            let t = (from + self.elapsed(since)).min(deadline);
            if t > self.now.get() {
                self.now.set(t);
            }
        }
    }
}

/// The one JS closure every microtask drain goes through.
type DrainClosure = Closure<dyn FnMut(JsValue)>;

/// Drives one loop in the page.
pub struct Runner {
    lp: Loop,
    speed: f64,
    on_update: RefCell<Option<Function>>,
    drain_queued: Cell<bool>,
    timer: RefCell<Option<Timeout>>,
    waiting_on_finish: RefCell<Vec<Function>>,
}

thread_local! {
    static RUNNERS: RefCell<Vec<Weak<Runner>>> = const { RefCell::new(Vec::new()) };
    static MICROTASK: RefCell<Option<DrainClosure>> = const { RefCell::new(None) };
    static RESOLVED: Promise = Promise::resolve(&JsValue::UNDEFINED);
}

/// A task was woken from outside (a JS Promise): drain every live runner in a
/// microtask.
fn notify() {
    RUNNERS.with(|r| {
        for w in r.borrow().iter() {
            if let Some(runner) = w.upgrade() {
                runner.queue_drain();
            }
        }
    });
}

/// The `notify` function a host loop must be created with.
pub fn host_notify() -> fn() {
    notify
}

fn drain_queued_runners(_: JsValue) {
    let runners: Vec<Rc<Runner>> = RUNNERS.with(|r| {
        let mut r = r.borrow_mut();
        r.retain(|w| w.strong_count() > 0);
        r.iter().filter_map(Weak::upgrade).collect()
    });
    for runner in runners {
        if runner.drain_queued.replace(false) {
            runner.drain();
        }
    }
}

impl Runner {
    /// Starts driving `lp` (whose program is installed) at `speed`.
    pub fn start(lp: Loop, speed: f64, on_update: Option<Function>) -> Rc<Runner> {
        let runner = Rc::new(Runner {
            lp,
            speed,
            on_update: RefCell::new(on_update),
            drain_queued: Cell::new(false),
            timer: RefCell::new(None),
            waiting_on_finish: RefCell::new(Vec::new()),
        });
        RUNNERS.with(|r| r.borrow_mut().push(Rc::downgrade(&runner)));
        runner.queue_drain();
        runner
    }

    /// The loop being driven.
    pub fn lp(&self) -> &Loop {
        &self.lp
    }

    fn queue_drain(&self) {
        if self.drain_queued.replace(true) || self.lp.status().is_some() {
            return;
        }
        MICROTASK.with(|m| {
            let mut m = m.borrow_mut();
            let cb = m.get_or_insert_with(|| Closure::new(drain_queued_runners));
            RESOLVED.with(|p| {
                let _ = p.then(cb);
            });
        });
    }

    fn later(self: &Rc<Self>, ms: f64) {
        let weak = Rc::downgrade(self);
        let t = Timeout::new(ms.clamp(0.0, 2_147_483_647.0).ceil() as u32, move || {
            if let Some(r) = weak.upgrade() {
                r.timer.borrow_mut().take();
                r.drain();
            }
        });
        *self.timer.borrow_mut() = Some(t);
    }

    fn drain(self: Rc<Self>) {
        if self.lp.status().is_some() {
            return;
        }
        let start = perf_now();
        loop {
            match self.lp.advance(64) {
                Next::Continue => {
                    if perf_now() - start > SLICE_MS {
                        self.later(0.0);
                        break;
                    }
                }
                Next::Wait(secs) => {
                    self.later(secs / self.speed * 1000.0);
                    break;
                }
                Next::Idle if self.lp.is_virtual() => {
                    // Nothing can wake a virtual loop from outside: it would
                    // wait forever (run_to_end explains and ends the run).
                    self.lp.run_to_end();
                    self.finished();
                    break;
                }
                Next::Idle => break,
                Next::Finished(_) => {
                    self.finished();
                    break;
                }
            }
        }
        self.updated();
    }

    fn updated(&self) {
        let cb = self.on_update.borrow().clone();
        if let Some(cb) = cb {
            let _ = cb.call0(&JsValue::NULL);
        }
    }

    fn finished(&self) {
        self.timer.borrow_mut().take();
        for resolve in self.waiting_on_finish.borrow_mut().drain(..) {
            let _ = resolve.call0(&JsValue::NULL);
        }
    }

    /// Stops the run (the page's Stop button): pending timers are cancelled and
    /// no task runs again.
    pub fn stop(&self) {
        self.timer.borrow_mut().take();
        self.lp.abort();
        self.finished();
        self.updated();
    }

    /// A Promise resolved when the program has ended (or was stopped).
    pub fn when_finished(&self) -> Promise {
        if self.lp.status().is_some() {
            return Promise::resolve(&JsValue::UNDEFINED);
        }
        let waiting = &self.waiting_on_finish;
        Promise::new(&mut |resolve, _reject| waiting.borrow_mut().push(resolve))
    }
}

/// A loop on the browser clock at `speed`, ready for a program.
pub fn host_loop(speed: f64) -> Loop {
    Loop::new(Box::new(HostClock::new(speed)), Some(host_notify()))
}
