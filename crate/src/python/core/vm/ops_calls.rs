//! Calls, functions, classes and imports.
//!
//! One method an opcode (or a family of opcodes), called by `Vm::step`.

use super::*;

impl Vm {
    /// `Call(n)`
    #[inline]
    pub(super) fn op_call(&mut self, n: u32) -> PyResult<Flow> {
        let args = self.popn(n as usize);
        let f = self.pop();
        self.call_push(f, Args::new(args))?;
        Ok(Flow::Next)
    }

    /// `CallKw(n, names)`
    #[inline]
    pub(super) fn op_call_kw(&mut self, n: u32, names: u32) -> PyResult<Flow> {
        let names = self.top().code.consts[names as usize].clone();
        let names = match names {
            Value::Tuple(t) => t,
            _ => Rc::from(vec![]),
        };
        let mut args = self.popn(n as usize);
        let kwv = args.split_off(args.len() - names.len());
        let f = self.pop();
        let kw = names
            .iter()
            .zip(kwv)
            .map(|(k, v)| {
                (
                    match k {
                        Value::Str(s) => s.clone(),
                        _ => "".into(),
                    },
                    v,
                )
            })
            .collect();
        self.call_push(f, Args { pos: args, kw })?;
        Ok(Flow::Next)
    }

    /// `CallEx(has_kw)`
    #[inline]
    pub(super) fn op_call_ex(&mut self, has_kw: bool) -> PyResult<Flow> {
        let kw = if has_kw { self.pop() } else { Value::None };
        let args = self.pop();
        let f = self.pop();
        let pos = match args {
            Value::Tuple(t) => t.to_vec(),
            _ => vec![],
        };
        let mut kws = vec![];
        if let Value::Dict(d) = kw {
            for (k, v) in d.borrow().iter() {
                match k {
                    Value::Str(s) => kws.push((s.clone(), v.clone())),
                    _ => return self.type_err("keywords must be strings"),
                }
            }
        }
        self.call_push(f, Args { pos, kw: kws })?;
        Ok(Flow::Next)
    }

    /// `LoadSuper`
    #[inline]
    pub(super) fn op_load_super(&mut self) -> PyResult<Flow> {
        let obj = self.pop();
        let cls = self.pop();
        match cls {
            Value::Class(c) => self.push(Value::Super(Rc::new((c, obj)))),
            _ => return self.err(ExcKind::RuntimeError, "super(): __class__ cell not found"),
        }
        Ok(Flow::Next)
    }

    /// `MakeFunction(c, flags)`
    #[inline]
    pub(super) fn op_make_function(&mut self, c: u32, flags: u8) -> PyResult<Flow> {
        let closure = if flags & 8 != 0 {
            match self.pop() {
                Value::Tuple(t) => t
                    .iter()
                    .filter_map(|c| {
                        if let Value::Cell(c) = c {
                            Some(c.clone())
                        } else {
                            None
                        }
                    })
                    .collect(),
                _ => vec![],
            }
        } else {
            vec![]
        };
        let mut kwdefaults = vec![];
        if flags & 2 != 0 {
            if let Value::Dict(d) = self.pop() {
                for (k, v) in d.borrow().iter() {
                    if let Value::Str(s) = k {
                        kwdefaults.push((s.clone(), v.clone()));
                    }
                }
            }
        }
        let defaults = if flags & 1 != 0 {
            match self.pop() {
                Value::Tuple(t) => t.to_vec(),
                _ => vec![],
            }
        } else {
            vec![]
        };
        let code = match &self.top().code.consts[c as usize] {
            Value::Code(c) => c.clone(),
            _ => return self.err(ExcKind::SystemError, "bad code constant"),
        };
        let globals = self.top().globals.clone();
        self.push(Value::Function(Rc::new(Function {
            code,
            globals,
            defaults,
            kwdefaults,
            closure,
            attrs: RefCell::new(HashMap::new()),
        })));
        Ok(Flow::Next)
    }

    /// `BuildClass(c)`
    #[inline]
    pub(super) fn op_build_class(&mut self, c: u32) -> PyResult<Flow> {
        let body = self.pop();
        let bases = self.pop();
        let name = match &self.top().code.consts[c as usize] {
            Value::Str(s) => s.clone(),
            _ => "?".into(),
        };
        let mut bs = vec![];
        if let Value::Tuple(t) = bases {
            for b in t.iter() {
                match b {
                    Value::Class(c) => bs.push(c.clone()),
                    Value::Type(crate::python::core::value::BuiltinType::Object) => {}
                    // a metaclass (`class EnumType(type)`), used through a
                    // class's `__metaclass__` attribute
                    Value::Type(crate::python::core::value::BuiltinType::Type) => {}
                    other => {
                        let tn = other.type_name();
                        return self.type_err(format!("cannot inherit from {} (only classes defined in Python, exceptions and object are supported)", if let Value::Type(t) = other { t.name().into() } else { tn }));
                    }
                }
            }
        }
        if let Value::Function(f) = body {
            let ns: Namespace = Rc::new(RefCell::new(HashMap::new()));
            // As CPython's class body does first (`__module__ = __name__`):
            // a library module's classes are its own.
            let module = f.globals.borrow().get("__name__").cloned();
            ns.borrow_mut().insert(
                "__module__".into(),
                module.unwrap_or_else(|| Value::str("__main__")),
            );
            ns.borrow_mut()
                .insert("__qualname__".into(), Value::Str(f.code.qualname.clone()));
            let mut fr = self.make_frame(&f, Args::default())?;
            fr.ns = Some(ns.clone());
            fr.mode = Mode::Class {
                name,
                bases: bs,
                ns,
                qualname: f.code.qualname.clone(),
                order: vec![],
            };
            self.push_frame(fr)?;
        }
        Ok(Flow::Next)
    }

    /// `ImportName(c)`
    #[inline]
    pub(super) fn op_import_name(&mut self, c: u32) -> PyResult<Flow> {
        let name = match &self.top().code.consts[c as usize] {
            Value::Str(s) => s.clone(),
            _ => "".into(),
        };
        let m = (self.lib.import)(self, &name)?;
        self.push(m);
        Ok(Flow::Next)
    }

    /// `ImportFrom(i)`
    #[inline]
    pub(super) fn op_import_from(&mut self, i: u32) -> PyResult<Flow> {
        let n = self.name(i);
        let m = self.top().stack.last().cloned().unwrap();
        match self.getattr(&m, &n) {
            Ok(v) => self.push(v),
            Err(_) => {
                let mn = match &m {
                    Value::Module(m) => m.name.clone(),
                    _ => "?".into(),
                };
                return self.err(
                    ExcKind::ImportError,
                    format!(
                        "cannot import name '{}' from '{}' (unknown location)",
                        n, mn
                    ),
                );
            }
        }
        Ok(Flow::Next)
    }

    /// `ImportStar`
    #[inline]
    pub(super) fn op_import_star(&mut self) -> PyResult<Flow> {
        let m = self.pop();
        if let Value::Module(m) = m {
            // The names of `__all__` when the module has one (fetched with
            // getattr, so a PEP 562 `__getattr__` provides the lazy ones),
            // else every public name, as CPython does.
            let all = m.attrs.borrow().get("__all__").cloned();
            let items: Vec<_> = match all {
                Some(all) => {
                    let module = Value::Module(m.clone());
                    let mut items = Vec::new();
                    for n in self.to_vec(&all)? {
                        let Value::Str(key) = n else { continue };
                        let v = self.getattr(&module, &key)?;
                        items.push((key, v));
                    }
                    items
                }
                None => m
                    .attrs
                    .borrow()
                    .iter()
                    .filter(|(k, _)| !k.starts_with('_'))
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect(),
            };
            let f = self.top();
            let target = f.ns.clone().unwrap_or_else(|| f.globals.clone());
            for (k, v) in items {
                target.borrow_mut().insert(k, v);
            }
        }
        Ok(Flow::Next)
    }
}
