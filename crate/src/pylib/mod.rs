//! Pieces of CPython's standard behaviour that do not depend on the interpreter's
//! object model, tested against CPython's answers: the Mersenne Twister behind
//! `random` (the interpreter's `random` module draws from it).

pub mod mt;
