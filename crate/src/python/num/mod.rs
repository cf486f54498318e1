//! Numbers on their own: big ints, float formatting, the JS-engine bridge. Imports nothing else of the interpreter.

pub mod bigint;
pub mod engine;
pub mod float;
pub mod random;
