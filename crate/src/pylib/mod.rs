//! Pieces of CPython's standard behaviour that do not depend on the interpreter's
//! object model: the Mersenne Twister behind `random`, `repr(float)` and the
//! format-spec mini-language. Pure functions, tested against CPython's answers.

pub mod float_repr;
pub mod format_spec;
pub mod mt;
