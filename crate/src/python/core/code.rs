//! Code objects as the VM runs them: the compiler's (`front::bytecode`) with each
//! constant made a value once, when the code is loaded, so that `LoadConst` only
//! clones a value.

use std::rc::Rc;

use crate::python::core::value::Value;
use crate::python::front::ast::{Const, Stmt};
use crate::python::front::bytecode::{self, Constant};
use crate::python::front::compiler;
use crate::python::front::errors::SyntaxErr;

/// A code object whose constants are values.
pub type Code = bytecode::Code<Value>;

/// The value of a literal.
pub fn literal(c: &Const) -> Value {
    match c {
        Const::None => Value::None,
        Const::Bool(b) => Value::Bool(*b),
        Const::Int(i) => Value::from_big(i.clone()),
        Const::Float(f) => Value::Float(*f),
        Const::Str(s) => Value::Str(s.clone()),
        Const::Bytes(b) => Value::Bytes(b.clone()),
        Const::Ellipsis => Value::Ellipsis,
    }
}

/// The compiler's code, nested code objects included, with its constants made values.
pub fn load(code: &bytecode::Code) -> Rc<Code> {
    Rc::new(code.map_consts(|c| match c {
        Constant::Lit(l) => literal(l),
        Constant::Names(names) => {
            Value::tuple(names.iter().map(|n| Value::Str(n.clone())).collect())
        }
        Constant::Code(nested) => Value::Code(load(nested)),
    }))
}

/// The program's module compiled and loaded.
pub fn compile_module(body: &[Stmt]) -> Result<Rc<Code>, SyntaxErr> {
    compiler::compile_module(body).map(|c| load(&c))
}

/// A library module (the asyncio prelude, a stdlib module) compiled and loaded: its
/// frames name `file`, and its lines are not traced.
pub fn compile_library(body: &[Stmt], file: &str) -> Result<Rc<Code>, SyntaxErr> {
    compiler::compile_library(body, file).map(|c| load(&c))
}
