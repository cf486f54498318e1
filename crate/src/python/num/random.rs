//! `random`'s generator: CPython's Mersenne Twister lives in
//! [`crate::pylib::mt`] (seeding and derived methods, tested against CPython).

pub use crate::pylib::mt::MersenneTwister as Mt19937;
