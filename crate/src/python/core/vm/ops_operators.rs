//! Operators and the stack's own moves.
//!
//! One method an opcode (or a family of opcodes), called by `Vm::step`.

use super::*;
use crate::python::front::ast::{BinOp, CmpOp, UnOp};

impl Vm {
    /// `Binary(op)` and, with `inplace`, `Inplace(op)` (`a += b` tries `__iadd__` first).
    #[inline]
    pub(super) fn op_binary(&mut self, op: BinOp, inplace: bool) -> PyResult<Flow> {
        let b = self.pop();
        let a = self.pop();
        let v = self.binary(op, &a, &b, inplace)?;
        self.push(v);
        Ok(Flow::Next)
    }

    /// `Unary(op)`
    #[inline]
    pub(super) fn op_unary(&mut self, op: UnOp) -> PyResult<Flow> {
        let a = self.pop();
        let v = self.unary(op, &a)?;
        self.push(v);
        Ok(Flow::Next)
    }

    /// `Compare(op)`
    #[inline]
    pub(super) fn op_compare(&mut self, op: CmpOp) -> PyResult<Flow> {
        let b = self.pop();
        let a = self.pop();
        let v = self.compare(op, &a, &b)?;
        self.push(v);
        Ok(Flow::Next)
    }

    /// `ExcMatch`
    #[inline]
    pub(super) fn op_exc_match(&mut self) -> PyResult<Flow> {
        let t = self.pop();
        let e = self.top().stack.last().cloned().unwrap_or(Value::None);
        let m = self.exc_matches(&e, &t)?;
        self.push(Value::Bool(m));
        Ok(Flow::Next)
    }

    /// `Pop`
    #[inline]
    pub(super) fn op_pop(&mut self) -> PyResult<Flow> {
        self.pop();
        // `f()` without await: the coroutine dies right here.
        self.warn_unawaited(false);
        self.close_dropped();
        Ok(Flow::Next)
    }

    /// `Dup`
    #[inline]
    pub(super) fn op_dup(&mut self) -> PyResult<Flow> {
        let v = self.top().stack.last().cloned().unwrap_or(Value::None);
        self.push(v);
        Ok(Flow::Next)
    }

    /// `DupTwo`
    #[inline]
    pub(super) fn op_dup_two(&mut self) -> PyResult<Flow> {
        let s = &mut self.top().stack;
        let n = s.len();
        let (a, b) = (s[n - 2].clone(), s[n - 1].clone());
        s.push(a);
        s.push(b);
        Ok(Flow::Next)
    }

    /// `Rot2`
    #[inline]
    pub(super) fn op_rot_2(&mut self) -> PyResult<Flow> {
        let s = &mut self.top().stack;
        let n = s.len();
        s.swap(n - 1, n - 2);
        Ok(Flow::Next)
    }

    /// `Rot3`
    #[inline]
    pub(super) fn op_rot_3(&mut self) -> PyResult<Flow> {
        let s = &mut self.top().stack;
        let v = s.pop().unwrap();
        let n = s.len();
        s.insert(n - 2, v);
        Ok(Flow::Next)
    }
}
