//! What programs call: builtins, methods of the built-in types, modules, the standard library written in Python. Imports `core`, `front`, `num`.

pub mod builtins;
pub mod methods;
pub mod modules;
pub mod stdlib;
