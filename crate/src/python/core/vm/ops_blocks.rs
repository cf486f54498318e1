//! Exceptions and blocks: try, with, raise, assert.
//!
//! One method an opcode (or a family of opcodes), called by `Vm::step`.

use super::*;

impl Vm {
    /// `SetupExcept(h)`
    pub(super) fn op_setup_except(&mut self, h: u32) -> PyResult<Flow> {
        let level = self.top().stack.len();
        self.top().blocks.push(Block::Except {
            handler: h as usize,
            level,
        });
        Ok(Flow::Next)
    }

    /// `PopBlock`
    pub(super) fn op_pop_block(&mut self) -> PyResult<Flow> {
        self.top().blocks.pop();
        Ok(Flow::Next)
    }

    /// `PopExcept`
    pub(super) fn op_pop_except(&mut self) -> PyResult<Flow> {
        let f = self.top();
        if let Some(Block::Handler) = f.blocks.last() {
            f.blocks.pop();
        }
        f.handled.pop();
        Ok(Flow::Next)
    }

    /// `Reraise`
    pub(super) fn op_reraise(&mut self) -> PyResult<Flow> {
        let e = self.pop();
        self.reraise = true;
        Err(e)
    }

    /// `Raise(n)`
    pub(super) fn op_raise(&mut self, n: u8) -> PyResult<Flow> {
        Err(self.do_raise(n))
    }

    /// `SetupWith(h)`
    pub(super) fn op_setup_with(&mut self, h: u32) -> PyResult<Flow> {
        let mgr = self.pop();
        let exit = match self.lookup_special(&mgr, "__exit__") {
            Some(e) => e,
            None => {
                let msg = if self.lookup_special(&mgr, "__enter__").is_none() {
                    format!(
                        "'{}' object does not support the context manager protocol",
                        mgr.type_name()
                    )
                } else {
                    format!("'{}' object does not support the context manager protocol (missed __exit__ method)", mgr.type_name())
                };
                return self.type_err(msg);
            }
        };
        let enter = match self.lookup_special(&mgr, "__enter__") {
            Some(e) => e,
            None => {
                return self.type_err(format!(
                    "'{}' object does not support the context manager protocol",
                    mgr.type_name()
                ))
            }
        };
        self.push(exit);
        let level = self.top().stack.len();
        self.top().blocks.push(Block::Except {
            handler: h as usize,
            level,
        });
        self.call_push(enter, Args::default())?;
        Ok(Flow::Next)
    }

    /// `WithExitNormal`
    pub(super) fn op_with_exit_normal(&mut self) -> PyResult<Flow> {
        let exit = self.pop();
        self.call_push(exit, Args::new(vec![Value::None, Value::None, Value::None]))?;
        Ok(Flow::Next)
    }

    /// `WithExitExc`
    pub(super) fn op_with_exit_exc(&mut self) -> PyResult<Flow> {
        let s = &self.top().stack;
        let exc = s[s.len() - 1].clone();
        let exit = s[s.len() - 2].clone();
        let t = self.type_of(&exc);
        self.call_push(exit, Args::new(vec![t, exc, Value::None]))?;
        Ok(Flow::Next)
    }

    /// `LoadAssertionError`
    pub(super) fn op_load_assertion_error(&mut self) -> PyResult<Flow> {
        let c = self.exc_class(ExcKind::AssertionError);
        self.push(Value::Class(c));
        Ok(Flow::Next)
    }
}
