//! The trace: one stream of events from which every view is derived.

pub mod event;
pub mod export;
pub mod gantt;
pub mod json;
pub mod log;

pub use event::{Event, Kind, Outcome, Stream, FORMAT_VERSION};
