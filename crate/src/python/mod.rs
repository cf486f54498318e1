//! The Python interpreter, in layers whose imports go one way (ARCHITECTURE.md):
//!
//! - `num/`: numbers on their own (big ints, float formatting, the JS-engine bridge);
//! - `front/`: source to bytecode (tokens, lexer, parser, AST, scopes, compiler), with
//!   its own constants: nothing from the runtime;
//! - `core/`: values, the VM, operators, attributes, calls, exceptions, formatting,
//!   tracebacks;
//! - `lib/`: builtins, methods of the built-in types, modules, the stdlib in Python;
//! - `asyncio/`: the asyncio module over the instrumented loop;
//! - `driver`: running a program (what `web/`, the CLI and the scenarios call).
//!
//! Python calls never recurse on the Rust stack: frames live in `core::vm::Vm::frames`,
//! and generators and coroutines are suspended frames that can be resumed from outside.

pub mod asyncio;
pub mod core;
pub mod driver;
pub mod front;
pub mod lib;
pub mod num;

pub use self::core::host::{Host, VirtualHost};

// The paths of before the layers, for `asyncio/` until it moves under `lib/` (its
// split into natives / state / reports / host bridge is under way on another branch).
pub(crate) use self::core::{format, traceback, value, vm};
pub(crate) use self::front::{errors, parser};
pub(crate) mod bytecode {
    pub use crate::python::core::code::Code;
    pub use crate::python::front::bytecode::CodeKind;
}
pub(crate) use self::core::code as compiler;
pub(crate) use self::lib::builtins;
pub use driver::{run_source, Interpreter, ModuleStep, Outcome, Resumed};
