//! The runtime: values, the VM, operators, attributes, calls, exceptions, formatting, tracebacks. Imports `num` and `front`.

pub mod attrs;
pub mod call;
pub mod code;
pub mod exc;
pub mod format;
pub mod host;
pub mod library;
pub mod ops;
pub mod set;
pub mod traceback;
pub mod value;
pub mod vm;
