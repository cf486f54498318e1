//! Building containers and strings, unpacking them.
//!
//! One method an opcode (or a family of opcodes), called by `Vm::step`.

use super::*;

impl Vm {
    /// `BuildList(n)`
    #[inline]
    pub(super) fn op_build_list(&mut self, n: u32) -> PyResult<Flow> {
        let v = self.popn(n as usize);
        self.push(Value::list(v));
        Ok(Flow::Next)
    }

    /// `BuildTuple(n)`
    #[inline]
    pub(super) fn op_build_tuple(&mut self, n: u32) -> PyResult<Flow> {
        let v = self.popn(n as usize);
        self.push(Value::tuple(v));
        Ok(Flow::Next)
    }

    /// `BuildSet(n) | BuildConstSet(n)`
    #[inline]
    pub(super) fn op_build_set(&mut self, n: u32, constant: bool) -> PyResult<Flow> {
        let v = self.popn(n as usize);
        let mut d = Dict::new_set();
        for x in v {
            let k = self.hash(&x)?;
            d.insert(k, x, Value::None);
        }
        if constant {
            // CPython's constant is a frozenset, which its compiler rebuilds
            // from its own order when it registers it (merge_consts_recursive);
            // the set is a copy of that
            let mut f = Dict::new_set();
            f.set_update(&crate::python::core::set::Operand::Items(d.keys_hashed()));
            d = f.set_copy();
        }
        self.push(Value::Set(Rc::new(RefCell::new(d))));
        Ok(Flow::Next)
    }

    /// `BuildMap(n)`
    #[inline]
    pub(super) fn op_build_map(&mut self, n: u32) -> PyResult<Flow> {
        let v = self.popn(2 * n as usize);
        let mut d = Dict::new();
        for kv in v.chunks(2) {
            let k = self.hash(&kv[0])?;
            d.insert(k, kv[0].clone(), kv[1].clone());
        }
        self.push(Value::dict(d));
        Ok(Flow::Next)
    }

    /// `BuildSlice(n)`
    #[inline]
    pub(super) fn op_build_slice(&mut self, n: u32) -> PyResult<Flow> {
        let step = if n == 3 { self.pop() } else { Value::None };
        let stop = self.pop();
        let start = self.pop();
        self.push(Value::Slice(Rc::new((start, stop, step))));
        Ok(Flow::Next)
    }

    /// `ListAppend(d)`
    #[inline]
    pub(super) fn op_list_append(&mut self, d: u32) -> PyResult<Flow> {
        let v = self.pop();
        let s = &self.top().stack;
        if let Value::List(l) = &s[s.len() - d as usize] {
            l.borrow_mut().push(v);
        }
        Ok(Flow::Next)
    }

    /// `SetAdd(d)`
    #[inline]
    pub(super) fn op_set_add(&mut self, d: u32) -> PyResult<Flow> {
        let v = self.pop();
        let k = self.hash(&v)?;
        let s = &self.top().stack;
        if let Value::Set(l) = &s[s.len() - d as usize] {
            l.borrow_mut().insert(k, v, Value::None);
        }
        Ok(Flow::Next)
    }

    /// `MapAdd(d)`
    #[inline]
    pub(super) fn op_map_add(&mut self, d: u32) -> PyResult<Flow> {
        let v = self.pop();
        let k = self.pop();
        let hk = self.hash(&k)?;
        let s = &self.top().stack;
        if let Value::Dict(m) = &s[s.len() - d as usize] {
            m.borrow_mut().insert(hk, k, v);
        }
        Ok(Flow::Next)
    }

    /// `ListExtend`
    #[inline]
    pub(super) fn op_list_extend(&mut self) -> PyResult<Flow> {
        let it = self.pop();
        let items = self.to_vec(&it).map_err(|e| {
            if self.exc_is(&e, ExcKind::TypeError) {
                self.new_exc(
                    ExcKind::TypeError,
                    format!("Value after * must be an iterable, not {}", it.type_name()),
                )
            } else {
                e
            }
        })?;
        if let Some(Value::List(l)) = self.top().stack.last() {
            l.borrow_mut().extend(items);
        }
        Ok(Flow::Next)
    }

    /// `SetUpdate`
    #[inline]
    pub(super) fn op_set_update(&mut self) -> PyResult<Flow> {
        let it = self.pop();
        let o = crate::python::core::set::Operand::new(self, &it)?;
        if let Some(Value::Set(l)) = self.top().stack.last() {
            l.borrow_mut().set_update(&o);
        }
        Ok(Flow::Next)
    }

    /// `DictUpdate`
    #[inline]
    pub(super) fn op_dict_update(&mut self) -> PyResult<Flow> {
        let m = self.pop();
        let items = self.mapping_items(&m)?;
        if let Some(Value::Dict(d)) = self.top().stack.last() {
            let mut d = d.borrow_mut();
            for (hk, k, v) in items {
                d.insert(hk, k, v);
            }
        }
        Ok(Flow::Next)
    }

    /// `ListToTuple`
    #[inline]
    pub(super) fn op_list_to_tuple(&mut self) -> PyResult<Flow> {
        let v = self.pop();
        if let Value::List(l) = v {
            let t = l.borrow().clone();
            self.push(Value::tuple(t));
        }
        Ok(Flow::Next)
    }

    /// `BuildString(n)`
    #[inline]
    pub(super) fn op_build_string(&mut self, n: u32) -> PyResult<Flow> {
        let v = self.popn(n as usize);
        let mut s = String::new();
        for x in v {
            if let Value::Str(x) = x {
                s.push_str(&x);
            }
        }
        self.push(Value::str(&s));
        Ok(Flow::Next)
    }

    /// `FormatValue(conv, has_spec)`
    #[inline]
    pub(super) fn op_format_value(&mut self, conv: Option<char>, has_spec: bool) -> PyResult<Flow> {
        let spec = if has_spec { self.pop() } else { Value::str("") };
        let v = self.pop();
        let v = match conv {
            Some('r') => Value::str(&self.repr(&v)?),
            Some('s') => Value::str(&self.to_str(&v)?),
            Some('a') => Value::str(&crate::python::core::format::ascii(&self.repr(&v)?)),
            _ => v,
        };
        let spec = match spec {
            Value::Str(s) => s,
            _ => "".into(),
        };
        let s = self.format(&v, &spec)?;
        self.push(Value::str(&s));
        Ok(Flow::Next)
    }

    /// `UnpackSequence(n)`
    #[inline]
    pub(super) fn op_unpack_sequence(&mut self, n: u32) -> PyResult<Flow> {
        let v = self.pop();
        let items = self.unpack(&v, n as usize)?;
        for x in items.into_iter().rev() {
            self.push(x);
        }
        Ok(Flow::Next)
    }

    /// `UnpackEx(before, after)`
    #[inline]
    pub(super) fn op_unpack_ex(&mut self, before: u32, after: u32) -> PyResult<Flow> {
        let v = self.pop();
        let items = self.to_vec(&v)?;
        let (b, a) = (before as usize, after as usize);
        if items.len() < b + a {
            return self.err(
                ExcKind::ValueError,
                format!(
                    "not enough values to unpack (expected at least {}, got {})",
                    b + a,
                    items.len()
                ),
            );
        }
        let mid = items[b..items.len() - a].to_vec();
        let mut out = items[..b].to_vec();
        out.push(Value::list(mid));
        out.extend(items[items.len() - a..].iter().cloned());
        for x in out.into_iter().rev() {
            self.push(x);
        }
        Ok(Flow::Next)
    }
}
