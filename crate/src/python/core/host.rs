//! What the interpreter needs from its embedder: output and time. The CLI and the page
//! supply their own; `VirtualHost` is a deterministic clock like the course's oracle
//! (`cpython_vclock.py`: time starts at 1000.0 and `time.sleep` advances it).

/// Output and clock services.
pub trait Host {
    /// Text written to standard output (already captured in `Outcome::stdout`).
    fn stdout(&mut self, _text: &str) {}
    /// Text written to standard error.
    fn stderr(&mut self, _text: &str) {}
    /// `time.perf_counter()` / `time.monotonic()`, in seconds.
    fn perf_counter(&mut self) -> f64;
    /// `time.time()`, in seconds.
    fn time(&mut self) -> f64;
    /// `time.sleep(secs)`: a blocking call (the virtual clock just advances).
    fn sleep(&mut self, secs: f64);
    /// The program (not library code) now executes this line.
    fn line(&mut self, _line: u32) {}
    /// Seed used when the program does not call `random.seed`.
    fn random_seed(&mut self) -> u64 {
        0
    }
}

/// A virtual clock starting at 1000.0 s; `sleep` advances it, nothing waits.
#[derive(Debug, Clone)]
pub struct VirtualHost {
    /// Current time.
    pub now: f64,
}

impl Default for VirtualHost {
    fn default() -> Self {
        VirtualHost { now: 1000.0 }
    }
}

impl Host for VirtualHost {
    fn perf_counter(&mut self) -> f64 {
        self.now
    }
    fn time(&mut self) -> f64 {
        self.now
    }
    fn sleep(&mut self, secs: f64) {
        self.now += secs;
    }
}
