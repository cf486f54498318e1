//! Control flow: jumps, iteration, return.
//!
//! One method an opcode (or a family of opcodes), called by `Vm::step`.

use super::*;

impl Vm {
    /// `Jump(t)`
    #[inline]
    pub(super) fn op_jump(&mut self, t: u32) -> PyResult<Flow> {
        self.top().ip = t as usize;
        Ok(Flow::Next)
    }

    /// `PopJumpIfFalse(t)`
    #[inline]
    pub(super) fn op_pop_jump_if_false(&mut self, t: u32) -> PyResult<Flow> {
        let v = self.pop();
        if !self.truthy(&v)? {
            self.top().ip = t as usize;
        }
        Ok(Flow::Next)
    }

    /// `PopJumpIfTrue(t)`
    #[inline]
    pub(super) fn op_pop_jump_if_true(&mut self, t: u32) -> PyResult<Flow> {
        let v = self.pop();
        if self.truthy(&v)? {
            self.top().ip = t as usize;
        }
        Ok(Flow::Next)
    }

    /// `JumpIfFalseOrPop(t)`
    #[inline]
    pub(super) fn op_jump_if_false_or_pop(&mut self, t: u32) -> PyResult<Flow> {
        let v = self.top().stack.last().cloned().unwrap();
        if !self.truthy(&v)? {
            self.top().ip = t as usize;
        } else {
            self.pop();
        }
        Ok(Flow::Next)
    }

    /// `JumpIfTrueOrPop(t)`
    #[inline]
    pub(super) fn op_jump_if_true_or_pop(&mut self, t: u32) -> PyResult<Flow> {
        let v = self.top().stack.last().cloned().unwrap();
        if self.truthy(&v)? {
            self.top().ip = t as usize;
        } else {
            self.pop();
        }
        Ok(Flow::Next)
    }

    /// `GetIter`
    #[inline]
    pub(super) fn op_get_iter(&mut self) -> PyResult<Flow> {
        let v = self.pop();
        let it = self.iter(&v)?;
        self.push(it);
        Ok(Flow::Next)
    }

    /// `ForIter(t)`
    #[inline]
    pub(super) fn op_for_iter(&mut self, t: u32) -> PyResult<Flow> {
        let it = self.top().stack.last().cloned().unwrap();
        if let Value::Gen(g) = &it {
            if !g.borrow().is_coroutine() {
                if !self.resume_gen(g, Value::None, None, Mode::ForIter(t))? {
                    self.pop();
                    self.top().ip = t as usize;
                }
                return Ok(Flow::Next);
            }
        }
        match self.next(&it)? {
            Some(v) => self.push(v),
            None => {
                self.pop();
                self.top().ip = t as usize;
            }
        }
        Ok(Flow::Next)
    }

    /// `Return`
    #[inline]
    pub(super) fn op_return(&mut self) -> PyResult<Flow> {
        let v = self.pop();
        Ok(Flow::Return(v))
    }
}
