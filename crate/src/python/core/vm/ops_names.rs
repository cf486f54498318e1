//! Loads and stores: constants, locals, cells, globals, names, attributes, items.
//!
//! One method an opcode (or a family of opcodes), called by `Vm::step`.

use super::*;

impl Vm {
    /// `LoadConst(i)`
    #[inline]
    pub(super) fn op_load_const(&mut self, i: u32) -> PyResult<Flow> {
        let v = self.top().code.consts[i as usize].clone();
        self.push(v);
        Ok(Flow::Next)
    }

    /// `LoadFast(i)`
    #[inline]
    pub(super) fn op_load_fast(&mut self, i: u32) -> PyResult<Flow> {
        let f = self.top();
        match &f.fast[i as usize] {
            Some(v) => {
                let v = v.clone();
                f.stack.push(v);
            }
            None => {
                let n = f.code.varnames[i as usize].clone();
                return Err(self.unbound_local(&n));
            }
        }
        Ok(Flow::Next)
    }

    /// `StoreFast(i)`
    #[inline]
    pub(super) fn op_store_fast(&mut self, i: u32) -> PyResult<Flow> {
        let v = self.pop();
        self.top().fast[i as usize] = Some(v);
        Ok(Flow::Next)
    }

    /// `DeleteFast(i)`
    #[inline]
    pub(super) fn op_delete_fast(&mut self, i: u32) -> PyResult<Flow> {
        let f = self.top();
        if f.fast[i as usize].take().is_none() {
            let n = f.code.varnames[i as usize].clone();
            return Err(self.unbound_local(&n));
        }
        Ok(Flow::Next)
    }

    /// `LoadDeref(i)`
    #[inline]
    pub(super) fn op_load_deref(&mut self, i: u32) -> PyResult<Flow> {
        let f = self.top();
        let v = f.cells[i as usize].borrow().clone();
        match v {
            Some(v) => self.push(v),
            None => {
                let f = self.top();
                let n = f
                    .code
                    .cellvars
                    .iter()
                    .chain(&f.code.freevars)
                    .nth(i as usize)
                    .cloned()
                    .unwrap_or_else(|| "?".into());
                let is_cell = (i as usize) < f.code.cellvars.len();
                if is_cell {
                    return Err(self.unbound_local(&n));
                }
                return self.err(ExcKind::NameError, format!("cannot access free variable '{}' where it is not associated with a value in enclosing scope", n));
            }
        }
        Ok(Flow::Next)
    }

    /// `StoreDeref(i)`
    #[inline]
    pub(super) fn op_store_deref(&mut self, i: u32) -> PyResult<Flow> {
        let v = self.pop();
        *self.top().cells[i as usize].borrow_mut() = Some(v);
        Ok(Flow::Next)
    }

    /// `DeleteDeref(i)`
    #[inline]
    pub(super) fn op_delete_deref(&mut self, i: u32) -> PyResult<Flow> {
        *self.top().cells[i as usize].borrow_mut() = None;
        Ok(Flow::Next)
    }

    /// `LoadClosure(i)`
    #[inline]
    pub(super) fn op_load_closure(&mut self, i: u32) -> PyResult<Flow> {
        let c = self.top().cells[i as usize].clone();
        self.push(Value::Cell(c));
        Ok(Flow::Next)
    }

    /// `LoadGlobal(i)`
    #[inline]
    pub(super) fn op_load_global(&mut self, i: u32) -> PyResult<Flow> {
        let n = self.name(i);
        let v = self.top().globals.borrow().get(&n).cloned();
        let v = match v {
            Some(v) => v,
            None => {
                let b = self.builtins.borrow().get(&n).cloned();
                match b {
                    Some(v) => v,
                    None => match (self.lib.lazy_builtin)(self, &n)? {
                        Some(v) => v,
                        None => return Err(self.name_error(&n)),
                    },
                }
            }
        };
        self.push(v);
        Ok(Flow::Next)
    }

    /// `StoreGlobal(i)`
    #[inline]
    pub(super) fn op_store_global(&mut self, i: u32) -> PyResult<Flow> {
        let n = self.name(i);
        let v = self.pop();
        let old = self.top().globals.borrow_mut().insert(n, v);
        if old.is_some_and(|o| matches!(o, Value::Gen(_))) {
            self.close_dropped();
        }
        Ok(Flow::Next)
    }

    /// `DeleteGlobal(i)`
    #[inline]
    pub(super) fn op_delete_global(&mut self, i: u32) -> PyResult<Flow> {
        let n = self.name(i);
        if self.top().globals.borrow_mut().remove(&n).is_none() {
            return Err(self.name_error(&n));
        }
        Ok(Flow::Next)
    }

    /// `LoadName(i)`
    #[inline]
    pub(super) fn op_load_name(&mut self, i: u32) -> PyResult<Flow> {
        let n = self.name(i);
        let f = self.top();
        let mut v = f.ns.as_ref().and_then(|ns| ns.borrow().get(&n).cloned());
        if v.is_none() {
            v = f.globals.borrow().get(&n).cloned();
        }
        if v.is_none() {
            v = self.builtins.borrow().get(&n).cloned();
        }
        if v.is_none() {
            v = (self.lib.lazy_builtin)(self, &n)?;
        }
        match v {
            Some(v) => self.push(v),
            None => return Err(self.name_error(&n)),
        }
        Ok(Flow::Next)
    }

    /// `StoreName(i)`
    #[inline]
    pub(super) fn op_store_name(&mut self, i: u32) -> PyResult<Flow> {
        let n = self.name(i);
        let v = self.pop();
        let f = self.top();
        let old = match &f.ns {
            Some(ns) => ns.borrow_mut().insert(n.clone(), v),
            None => f.globals.borrow_mut().insert(n.clone(), v),
        };
        if let (None, Mode::Class { order, .. }) = (&old, &mut f.mode) {
            order.push(n);
        }
        if old.is_some_and(|o| matches!(o, Value::Gen(_))) {
            self.close_dropped();
        }
        Ok(Flow::Next)
    }

    /// `DeleteName(i)`
    #[inline]
    pub(super) fn op_delete_name(&mut self, i: u32) -> PyResult<Flow> {
        let n = self.name(i);
        let f = self.top();
        let removed = match &f.ns {
            Some(ns) => ns.borrow_mut().remove(&n),
            None => f.globals.borrow_mut().remove(&n),
        };
        if removed.is_none() {
            return Err(self.name_error(&n));
        }
        Ok(Flow::Next)
    }

    /// `LoadAttr(i)`
    #[inline]
    pub(super) fn op_load_attr(&mut self, i: u32) -> PyResult<Flow> {
        let n = self.name(i);
        let o = self.pop();
        let v = self.getattr(&o, &n)?;
        self.push(v);
        Ok(Flow::Next)
    }

    /// `StoreAttr(i)`
    #[inline]
    pub(super) fn op_store_attr(&mut self, i: u32) -> PyResult<Flow> {
        let n = self.name(i);
        let o = self.pop();
        let v = self.pop();
        self.setattr(&o, &n, v)?;
        Ok(Flow::Next)
    }

    /// `DeleteAttr(i)`
    #[inline]
    pub(super) fn op_delete_attr(&mut self, i: u32) -> PyResult<Flow> {
        let n = self.name(i);
        let o = self.pop();
        self.delattr(&o, &n)?;
        Ok(Flow::Next)
    }

    /// `Subscript`
    #[inline]
    pub(super) fn op_subscript(&mut self) -> PyResult<Flow> {
        let idx = self.pop();
        let o = self.pop();
        let v = self.getitem(&o, &idx)?;
        self.push(v);
        Ok(Flow::Next)
    }

    /// `StoreSubscript`
    #[inline]
    pub(super) fn op_store_subscript(&mut self) -> PyResult<Flow> {
        let idx = self.pop();
        let o = self.pop();
        let v = self.pop();
        self.setitem(&o, idx, v)?;
        Ok(Flow::Next)
    }

    /// `DeleteSubscript`
    #[inline]
    pub(super) fn op_delete_subscript(&mut self) -> PyResult<Flow> {
        let idx = self.pop();
        let o = self.pop();
        self.delitem(&o, &idx)?;
        Ok(Flow::Next)
    }

    /// The error of reading or deleting a local before it is bound (the cold path of
    /// the fast loads, kept out of them).
    #[cold]
    fn unbound_local(&mut self, n: &str) -> Value {
        self.new_exc(
            ExcKind::UnboundLocalError,
            format!("cannot access local variable '{n}' where it is not associated with a value"),
        )
    }
}
