//! Boucle: an instrumented asyncio-like event loop, a Python interpreter whose
//! asyncio runs on it, the course's scenarios (Python files), and (wasm32 only) the
//! bindings the playground page uses.
#![deny(missing_docs)]

pub mod memory;
pub mod pylib;
pub mod python;
pub mod runtime;
pub mod scenarios;
pub mod trace;
#[cfg(target_arch = "wasm32")]
pub mod web;
