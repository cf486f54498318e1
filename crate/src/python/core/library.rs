//! What the VM needs from `lib/` (the builtins, the methods and attributes of the
//! built-in types, the modules), handed to it when it is made: `core/` imports nothing
//! from `lib/`, and `lib/` fills this table once (`lib::LIBRARY`).

use std::cell::RefCell;
use std::rc::Rc;

use crate::python::core::value::{Args, BuiltinType, GenObj, NativeFn, PyResult, Value};
use crate::python::core::vm::Vm;

/// The functions of `lib/` the VM calls.
pub struct Library {
    /// Fills a fresh VM's builtins and exception classes.
    pub install: fn(&mut Vm),
    /// `import name`: the module, made on first import.
    pub import: fn(&mut Vm, &str) -> PyResult<Value>,
    /// A builtin made on first use (`ExceptionGroup`...), or None.
    pub lazy_builtin: fn(&mut Vm, &str) -> PyResult<Option<Value>>,
    /// Calling a built-in type: `int(x)`, `set(it)`...
    pub construct: fn(&mut Vm, BuiltinType, Args) -> PyResult<Value>,
    /// A method of a built-in value, bound to it (`"a".upper`), or None.
    pub method: fn(&mut Vm, &Value, &str) -> Option<Value>,
    /// A data attribute of a built-in value (`(1j).real`), or None.
    pub value_attr: fn(&mut Vm, &Value, &str) -> PyResult<Option<Value>>,
    /// An attribute of a built-in type (`dict.fromkeys`), or None.
    pub type_attr: fn(&mut Vm, BuiltinType, &str) -> Option<Value>,
    /// `object`'s methods on an instance (`__eq__`, `__repr__`...), or None.
    pub object_method: fn(&mut Vm, &Value, &str) -> Option<Value>,
    /// `BaseException`'s methods on an exception (`with_traceback`...), or None.
    pub exception_method: fn(&mut Vm, &Value, &str) -> Option<Value>,
    /// `BaseException.__init__`.
    pub exc_init: NativeFn,
    /// `generator.close()`.
    pub close_gen: fn(&mut Vm, &Rc<RefCell<GenObj>>) -> PyResult<Value>,
}
