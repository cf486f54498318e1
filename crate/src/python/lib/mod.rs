//! What programs call: builtins, methods of the built-in types, modules, the standard library written in Python. Imports `core`, `front`, `num`.

pub mod builtins;
pub mod methods;
pub mod modules;
pub mod stdlib;

use crate::python::core::library::Library;

/// The functions of this layer the VM calls (see `core::library`).
pub static LIBRARY: Library = Library {
    install: builtins::install,
    import: modules::import,
    lazy_builtin: modules::lazy_builtin,
    construct: builtins::construct,
    method: methods::method,
    value_attr: methods::value_attr,
    type_attr: methods::type_attr,
    object_method: methods::object_method,
    exception_method: methods::exception_method,
    exc_init: builtins::exc_init,
    close_gen: methods::close_gen,
};
