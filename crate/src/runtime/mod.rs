//! The instrumented event loop: pure Rust, no web-sys.
//!
//! It copies the scheduling rules of CPython's `asyncio` (`base_events.py`,
//! `futures.py`, `tasks.py`, `queues.py`) so that a program written on it prints in
//! the same order as CPython, ties included, and records every decision as a trace
//! event (see [`crate::trace`]).

pub mod clock;
pub mod exc;
pub mod executor;
pub mod future;
pub mod task;
pub mod timers;

pub use clock::{Clock, VirtualClock, WallClock};
pub use exc::{Exc, PyResult};
pub use executor::{Loop, Next, Program};
pub use future::Fut;
pub use task::Task;

/// Identifies a task in the trace. `0` is the loop itself and the main program's
/// top-level code, which runs outside any task.
pub type TaskId = u32;
