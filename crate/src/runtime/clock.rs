//! Two clocks behind one trait: the virtual clock (tests, "instant" speed) jumps
//! straight to the next deadline; the host clock (the browser) follows real time.

use std::cell::Cell;

/// Where the loop's time comes from.
pub trait Clock {
    /// Loop time in seconds (same origin as every deadline).
    fn now(&self) -> f64;
    /// A blocking call (`time.sleep`) holds the whole thread for `secs`.
    fn block(&self, secs: f64);
    /// The loop has nothing ready before `deadline`: a virtual clock jumps there and
    /// returns `true`; a real clock returns `false` (the host must wait).
    fn skip_to(&self, deadline: f64) -> bool;
    /// Seconds of loop time the clock is still frozen by a blocking call (a real
    /// clock jumps past the blocking period at once, then waits for real time to
    /// catch up before the loop may run again). Always 0 for a virtual clock.
    fn frozen_for(&self) -> f64 {
        0.0
    }
    /// Whether time only moves when the loop says so (no real waiting).
    fn is_virtual(&self) -> bool {
        false
    }
    /// Called at the start of every loop iteration: a real clock reads the time
    /// once there (crossing into JS for every event would dominate a task switch).
    fn tick(&self) {}
}

/// Deterministic time: starts at [`VirtualClock::ORIGIN`] and only moves when the
/// loop is idle (to the next deadline) or when a blocking call advances it.
#[derive(Debug)]
pub struct VirtualClock {
    now: Cell<f64>,
}

impl VirtualClock {
    /// CPython's oracle (`cpython_vclock.py`) starts its clock at 1000.0; starting
    /// at the same value gives the same floating-point sums, hence the same ties.
    pub const ORIGIN: f64 = 1000.0;

    /// A clock at [`VirtualClock::ORIGIN`].
    pub fn new() -> Self {
        VirtualClock {
            now: Cell::new(Self::ORIGIN),
        }
    }
}

impl Default for VirtualClock {
    fn default() -> Self {
        Self::new()
    }
}

impl Clock for VirtualClock {
    fn now(&self) -> f64 {
        self.now.get()
    }
    fn block(&self, secs: f64) {
        self.now.set(self.now.get() + secs.max(0.0));
    }
    fn skip_to(&self, deadline: f64) -> bool {
        if deadline > self.now.get() {
            self.now.set(deadline);
        }
        true
    }
    fn is_virtual(&self) -> bool {
        true
    }
}

/// Real time for the native command line (`boucle run --real-time`): the loop's
/// time follows the machine's monotonic clock and a blocking call really blocks,
/// as under `python3`. (Native only: the page has its own host clock.)
#[derive(Debug)]
pub struct WallClock {
    start: std::time::Instant,
}

impl WallClock {
    /// A clock at [`VirtualClock::ORIGIN`] now.
    pub fn new() -> Self {
        WallClock {
            start: std::time::Instant::now(),
        }
    }
}

impl Default for WallClock {
    fn default() -> Self {
        Self::new()
    }
}

impl Clock for WallClock {
    fn now(&self) -> f64 {
        VirtualClock::ORIGIN + self.start.elapsed().as_secs_f64()
    }
    fn block(&self, secs: f64) {
        if secs > 0.0 && secs.is_finite() {
            std::thread::sleep(std::time::Duration::from_secs_f64(secs));
        }
    }
    fn skip_to(&self, _deadline: f64) -> bool {
        false
    }
}
