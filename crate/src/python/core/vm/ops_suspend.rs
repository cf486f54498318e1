//! Generators and coroutines: yield, await, async iteration.
//!
//! One method an opcode (or a family of opcodes), called by `Vm::step`.

use super::*;

impl Vm {
    /// `Yield`
    pub(super) fn op_yield(&mut self) -> PyResult<Flow> {
        let v = self.pop();
        Ok(Flow::Yield(v))
    }

    /// `AgenYield`
    pub(super) fn op_agen_yield(&mut self) -> PyResult<Flow> {
        let v = self.pop();
        Ok(Flow::AgenYield(v))
    }

    /// `v.name()` for `async for`, or CPython's TypeError naming `what` was needed.
    fn async_for_special(&mut self, v: &Value, name: &str, what: &str) -> PyResult<Value> {
        match self.lookup_special(v, name) {
            Some(m) => self.call1(&m, vec![]),
            None => self.type_err(format!(
                "'async for' requires {what} with {name} method, got {}",
                v.type_name()
            )),
        }
    }

    /// `GetAIter`
    pub(super) fn op_get_a_iter(&mut self) -> PyResult<Flow> {
        let v = self.pop();
        let it = self.async_for_special(&v, "__aiter__", "an object")?;
        self.push(it);
        Ok(Flow::Next)
    }

    /// `GetANext`
    pub(super) fn op_get_a_next(&mut self) -> PyResult<Flow> {
        let it = self.top().stack.last().cloned().unwrap_or(Value::None);
        let aw = self.async_for_special(&it, "__anext__", "an iterator")?;
        let aw = self.get_awaitable(aw)?;
        self.push(aw);
        Ok(Flow::Next)
    }

    /// `EndAsyncFor`
    pub(super) fn op_end_async_for(&mut self) -> PyResult<Flow> {
        let exc = self.pop();
        if !self.exc_is(&exc, ExcKind::StopAsyncIteration) {
            self.reraise = true;
            return Err(exc);
        }
        let f = self.top();
        if let Some(Block::Handler) = f.blocks.last() {
            f.blocks.pop();
        }
        f.handled.pop();
        f.stack.pop();
        Ok(Flow::Next)
    }

    /// `GetAwaitable`
    pub(super) fn op_get_awaitable(&mut self) -> PyResult<Flow> {
        let v = self.pop();
        let a = self.get_awaitable(v)?;
        self.push(a);
        Ok(Flow::Next)
    }

    /// `GetYieldFromIter`
    pub(super) fn op_get_yield_from_iter(&mut self) -> PyResult<Flow> {
        let v = self.pop();
        let it = match &v {
            Value::Gen(_) => v,
            _ => self.iter(&v)?,
        };
        self.push(it);
        Ok(Flow::Next)
    }

    /// `Send(t)`
    pub(super) fn op_send(&mut self, t: u32) -> PyResult<Flow> {
        let v = self.pop();
        let it = self.top().stack.last().cloned().unwrap();
        if let Value::Gen(g) = &it {
            if !self.resume_gen(g, v, None, Mode::Send(t))? {
                self.pop();
                let r = self.step_result.take().unwrap_or(Value::None);
                self.push(r);
                self.top().ip = t as usize;
            }
            return Ok(Flow::Next);
        }
        match self.next(&it)? {
            Some(y) => self.push(y),
            None => {
                self.pop();
                let r = self.take_iter_result(&it);
                self.push(r);
                self.top().ip = t as usize;
            }
        }
        Ok(Flow::Next)
    }
}
