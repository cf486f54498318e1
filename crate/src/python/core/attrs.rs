//! Attribute access: instances, classes (with method binding and descriptors),
//! modules, functions, and the methods of built-in types.

use crate::python::core::exc::ExcKind;
use std::rc::Rc;

use crate::python::core::value::*;
use crate::python::core::vm::Vm;

impl Vm {
    /// `type(v)`
    pub fn type_of(&self, v: &Value) -> Value {
        match v {
            Value::Instance(i) => Value::Class(i.class.clone()),
            Value::Class(_) => Value::Type(BuiltinType::Type),
            other => Value::Type(other.builtin_type()),
        }
    }

    /// Look a special method up on the type and bind it (`None` if absent).
    pub fn lookup_special(&mut self, v: &Value, name: &str) -> Option<Value> {
        match v {
            Value::Instance(i) => {
                let a = i.class.lookup(name)?;
                Some(bind(a, v, &i.class))
            }
            // A class whose `__metaclass__` names a class: that class's methods
            // answer for it (how `enum` iterates, sizes and looks members up).
            Value::Class(c) => {
                let meta = match c.lookup("__metaclass__") {
                    Some(Value::Class(m)) => m,
                    _ => return None,
                };
                let a = meta.lookup(name)?;
                Some(bind(a, v, &meta))
            }
            Value::Gen(_) | Value::Iter(_) => match name {
                "__next__" | "__iter__" | "send" | "throw" | "close" | "__await__"
                | "__aiter__" | "__anext__" => (self.lib.method)(self, v, name),
                _ => None,
            },
            _ => None,
        }
    }

    /// `getattr(o, name)`; an AttributeError gets CPython's `name` and `obj`.
    pub fn getattr(&mut self, o: &Value, name: &str) -> PyResult<Value> {
        self.getattr_plain(o, name).inspect_err(|e| {
            super::suggest::note_attribute_error(self, e, o, name);
        })
    }

    fn getattr_plain(&mut self, o: &Value, name: &str) -> PyResult<Value> {
        match o {
            Value::Instance(inst) => self.instance_attr(o, inst, name),
            Value::Class(c) => self.class_attr(o, c, name),
            Value::Module(m) => self.module_attr(m, name),
            // An assigned `__name__` / `__qualname__` (as functools.wraps does)
            // wins over the code's.
            Value::Function(f) => match name {
                "__name__" | "__qualname__" | "__doc__" if f.attrs.borrow().contains_key(name) => {
                    Ok(f.attrs.borrow()[name].clone())
                }
                "__name__" => Ok(Value::Str(f.code.name.clone())),
                "__qualname__" => Ok(Value::Str(f.code.qualname.clone())),
                "__module__" => Ok(Value::str("__main__")),
                "__doc__" => Ok(f.code.doc.clone().map_or(Value::None, Value::Str)),
                "__defaults__" => Ok(if f.defaults.is_empty() {
                    Value::None
                } else {
                    Value::tuple(f.defaults.clone())
                }),
                _ => {
                    let v = f.attrs.borrow().get(name).cloned();
                    match v {
                        Some(v) => Ok(v),
                        None => self.err(
                            ExcKind::AttributeError,
                            format!("'function' object has no attribute '{}'", name),
                        ),
                    }
                }
            },
            Value::Method(m) => match name {
                "__self__" => Ok(m.1.clone()),
                "__func__" => Ok(m.0.clone()),
                "__name__" | "__qualname__" | "__doc__" => self.getattr(&m.0.clone(), name),
                _ => self.err(
                    ExcKind::AttributeError,
                    format!("'method' object has no attribute '{}'", name),
                ),
            },
            Value::Builtin(b) => match name {
                "__name__" | "__qualname__" => Ok(Value::Str(b.name.clone())),
                "__self__" => Ok(b.bound.clone().unwrap_or(Value::None)),
                _ => self.err(
                    ExcKind::AttributeError,
                    format!(
                        "'builtin_function_or_method' object has no attribute '{}'",
                        name
                    ),
                ),
            },
            Value::Super(s) => self.super_attr(s, name),
            Value::Gen(g) => match name {
                "__name__" => Ok(Value::Str(g.borrow().name.clone())),
                "__qualname__" => Ok(Value::Str(g.borrow().qualname.clone())),
                _ => match (self.lib.method)(self, o, name) {
                    Some(m) => Ok(m),
                    None => self.err(
                        ExcKind::AttributeError,
                        format!("'{}' object has no attribute '{}'", o.type_name(), name),
                    ),
                },
            },
            Value::Type(t) => {
                if name == "__name__" || name == "__qualname__" {
                    return Ok(Value::str(t.name()));
                }
                match (self.lib.type_attr)(self, *t, name) {
                    Some(v) => Ok(v),
                    None => self.err(
                        ExcKind::AttributeError,
                        format!("type object '{}' has no attribute '{}'", t.name(), name),
                    ),
                }
            }
            _ => {
                if let Some(v) = (self.lib.value_attr)(self, o, name)? {
                    return Ok(v);
                }
                match (self.lib.method)(self, o, name) {
                    Some(m) => Ok(m),
                    None => self.err(
                        ExcKind::AttributeError,
                        format!("'{}' object has no attribute '{}'", o.type_name(), name),
                    ),
                }
            }
        }
    }

    /// `getattr` on an instance: its own attributes, the exception state, the class (properties and bound methods), then `__getattr__`.
    fn instance_attr(&mut self, o: &Value, inst: &Rc<Instance>, name: &str) -> PyResult<Value> {
        if let Some(v) = inst.attrs.borrow().get(name) {
            return Ok(v.clone());
        }
        match name {
            "__class__" => return Ok(Value::Class(inst.class.clone())),
            "__dict__" => {
                return Ok(namespace_dict(inst.attrs.borrow().iter()));
            }
            _ => {}
        }
        if inst.class.is_exception {
            let st = inst.exc.borrow();
            match name {
                "__context__" => return Ok(st.context.clone().unwrap_or(Value::None)),
                "__cause__" => return Ok(st.cause.clone().unwrap_or(Value::None)),
                "__suppress_context__" => return Ok(Value::Bool(st.suppress_context)),
                "__traceback__" => return Ok(Value::None),
                "value" | "code"
                    if inst.class.name.as_ref()
                        == if name == "value" {
                            "StopIteration"
                        } else {
                            "SystemExit"
                        } =>
                {
                    drop(st);
                    return Ok(self.exc_args(o).first().cloned().unwrap_or(Value::None));
                }
                _ => {}
            }
        }
        if let Some(a) = inst.class.lookup(name) {
            if let Value::Wrapper(w) = &a {
                if w.0 == WrapperKind::Property {
                    let getter = match &w.1 {
                        Value::Tuple(t) => t[0].clone(),
                        g => g.clone(),
                    };
                    return self.call1(&getter, vec![o.clone()]);
                }
            }
            return Ok(bind(a, o, &inst.class));
        }
        if inst.class.is_exception {
            if let Some(m) = (self.lib.exception_method)(self, o, name) {
                return Ok(m);
            }
            // AttributeError's `name` / `obj` and NameError's `name` are None
            // unless the lookup that failed set them
            if super::suggest::has_none_default(self, inst, name) {
                return Ok(Value::None);
            }
        }
        if let Some(ga) = inst.class.lookup("__getattr__") {
            let m = bind(ga, o, &inst.class);
            return self.call1(&m, vec![Value::str(name)]);
        }
        self.err(
            ExcKind::AttributeError,
            format!("'{}' object has no attribute '{}'", inst.class.name, name),
        )
    }

    /// `getattr` on a class: the dunders describing it, then its MRO (class and static methods unwrapped).
    fn class_attr(&mut self, o: &Value, c: &Rc<Class>, name: &str) -> PyResult<Value> {
        match name {
            "__name__" => return Ok(Value::Str(c.name.clone())),
            "__qualname__" => return Ok(Value::Str(c.qualname.clone())),
            "__module__" => return Ok(Value::Str(c.module.clone())),
            "__bases__" => {
                let b: Vec<Value> = if c.bases.is_empty() {
                    vec![Value::Type(BuiltinType::Object)]
                } else {
                    c.bases.iter().map(|b| Value::Class(b.clone())).collect()
                };
                return Ok(Value::tuple(b));
            }
            "__mro__" => {
                let mut m: Vec<Value> = c
                    .mro
                    .borrow()
                    .iter()
                    .map(|b| Value::Class(b.clone()))
                    .collect();
                m.push(Value::Type(BuiltinType::Object));
                return Ok(Value::tuple(m));
            }
            "__dict__" => {
                return Ok(namespace_dict(c.attrs.borrow().iter()));
            }
            _ => {}
        }
        match c.lookup(name) {
            Some(Value::Wrapper(w)) if w.0 == WrapperKind::ClassMethod => {
                Ok(Value::Method(Rc::new((w.1.clone(), o.clone()))))
            }
            Some(Value::Wrapper(w)) if w.0 == WrapperKind::StaticMethod => Ok(w.1.clone()),
            Some(v) => Ok(v),
            // inherited from object: `Base.__new__(cls)`
            None if name == "__new__" => {
                Ok((self.lib.type_attr)(self, BuiltinType::Object, name).unwrap_or(Value::None))
            }
            None => self.err(
                ExcKind::AttributeError,
                format!("type object '{}' has no attribute '{}'", c.name, name),
            ),
        }
    }

    /// `getattr` on a module, with its `__getattr__` hook (PEP 562).
    fn module_attr(&mut self, m: &Rc<Module>, name: &str) -> PyResult<Value> {
        if name == "__name__" {
            return Ok(Value::Str(m.name.clone()));
        }
        if name == "__dict__" {
            // a snapshot (CPython's is live; reading it is what programs do)
            return Ok(namespace_dict(m.attrs.borrow().iter()));
        }
        let v = m.attrs.borrow().get(name).cloned();
        // PEP 562: a module's own `__getattr__` answers for missing names
        // (asyncio loads its less used parts this way).
        let hook = || m.attrs.borrow().get("__getattr__").cloned();
        match v {
            Some(v) => Ok(v),
            None => match hook() {
                Some(h) if name != "__getattr__" => self.call1(&h, vec![Value::str(name)]),
                _ => self.err(
                    ExcKind::AttributeError,
                    format!("module '{}' has no attribute '{}'", m.name, name),
                ),
            },
        }
    }

    /// `super().name`: the MRO after the class, then `object`'s and `BaseException`'s methods.
    fn super_attr(&mut self, s: &Rc<(Rc<Class>, Value)>, name: &str) -> PyResult<Value> {
        let (cls, obj) = (&s.0, &s.1);
        let start = match obj {
            Value::Instance(i) => i.class.clone(),
            Value::Class(c) => c.clone(),
            _ => cls.clone(),
        };
        let mro = start.mro.borrow().clone();
        let pos = mro
            .iter()
            .position(|c| Rc::ptr_eq(c, cls))
            .map(|p| p + 1)
            .unwrap_or(mro.len());
        for c in &mro[pos..] {
            let a = c.attrs.borrow().get(name).cloned();
            if let Some(a) = a {
                // `__new__` is a static method: `super().__new__(cls)`
                if name == "__new__" {
                    return Ok(a);
                }
                return Ok(bind(a, obj, &start));
            }
        }
        if name == "__new__" {
            if let Some(new) = (self.lib.type_attr)(self, BuiltinType::Object, "__new__") {
                return Ok(new);
            }
        }
        // object's and BaseException's methods
        if name == "__init__" {
            if let Value::Instance(i) = obj {
                if i.class.is_exception {
                    return Ok(crate::python::core::value::native_method(
                        obj.clone(),
                        "__init__",
                        self.lib.exc_init,
                    ));
                }
            }
            return Ok(crate::python::core::value::native_method(
                obj.clone(),
                "__init__",
                |_, _, _| Ok(Value::None),
            ));
        }
        if let Some(m) = (self.lib.object_method)(self, obj, name) {
            return Ok(m);
        }
        self.err(
            ExcKind::AttributeError,
            format!("'super' object has no attribute '{}'", name),
        )
    }

    /// `o.name = v`
    pub fn setattr(&mut self, o: &Value, name: &str, v: Value) -> PyResult<()> {
        match o {
            Value::Instance(inst) => {
                if let Some(Value::Wrapper(w)) = inst.class.lookup(name) {
                    if w.0 == WrapperKind::Property {
                        if let Value::Tuple(t) = &w.1 {
                            if t.len() > 1 && !matches!(t[1], Value::None) {
                                let setter = t[1].clone();
                                self.call1(&setter, vec![o.clone(), v])?;
                                return Ok(());
                            }
                        }
                        return self.err(
                            ExcKind::AttributeError,
                            format!(
                                "property '{}' of '{}' object has no setter",
                                name, inst.class.name
                            ),
                        );
                    }
                }
                if let Some(sa) = inst.class.lookup("__setattr__") {
                    let m = bind(sa, o, &inst.class);
                    self.call1(&m, vec![Value::str(name), v])?;
                    return Ok(());
                }
                if inst.class.is_exception {
                    let mut st = inst.exc.borrow_mut();
                    match name {
                        "__context__" => {
                            st.context = if matches!(v, Value::None) {
                                None
                            } else {
                                Some(v)
                            };
                            return Ok(());
                        }
                        "__cause__" => {
                            st.cause = if matches!(v, Value::None) {
                                None
                            } else {
                                Some(v)
                            };
                            st.suppress_context = true;
                            return Ok(());
                        }
                        "__suppress_context__" => {
                            st.suppress_context = matches!(v, Value::Bool(true));
                            return Ok(());
                        }
                        _ => {}
                    }
                }
                inst.attrs.borrow_mut().insert(name.into(), v);
                Ok(())
            }
            Value::Class(c) => {
                c.attrs.borrow_mut().insert(name.into(), v);
                Ok(())
            }
            Value::Function(f) => {
                f.attrs.borrow_mut().insert(name.into(), v);
                Ok(())
            }
            Value::Module(m) => {
                m.attrs.borrow_mut().insert(name.into(), v);
                Ok(())
            }
            Value::Type(t) => self.type_err(format!(
                "cannot set '{}' attribute of immutable type '{}'",
                name,
                t.name()
            )),
            _ => {
                let has = (self.lib.method)(self, o, name).is_some();
                if has {
                    self.err(
                        ExcKind::AttributeError,
                        format!(
                            "'{}' object attribute '{}' is read-only",
                            o.type_name(),
                            name
                        ),
                    )
                } else {
                    self.err(
                        ExcKind::AttributeError,
                        format!("'{}' object has no attribute '{}'", o.type_name(), name),
                    )
                }
            }
        }
    }

    /// `del o.name`
    pub fn delattr(&mut self, o: &Value, name: &str) -> PyResult<()> {
        let removed = match o {
            Value::Instance(i) => i.attrs.borrow_mut().remove(name).is_some(),
            Value::Class(c) => c.attrs.borrow_mut().remove(name).is_some(),
            Value::Module(m) => m.attrs.borrow_mut().remove(name).is_some(),
            Value::Function(f) => f.attrs.borrow_mut().remove(name).is_some(),
            _ => false,
        };
        if removed {
            Ok(())
        } else {
            let tn = o.type_name();
            self.err(
                ExcKind::AttributeError,
                format!("'{}' object has no attribute '{}'", tn, name),
            )
        }
    }

    /// `hasattr`-style lookup that swallows AttributeError.
    pub fn getattr_opt(&mut self, o: &Value, name: &str) -> PyResult<Option<Value>> {
        match self.getattr(o, name) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.exc_is(&e, ExcKind::AttributeError) => Ok(None),
            Err(e) => Err(e),
        }
    }
}

/// Bind a class attribute found for instance `obj`.
fn bind(a: Value, obj: &Value, cls: &Rc<Class>) -> Value {
    match &a {
        Value::Function(_) => Value::Method(Rc::new((a, obj.clone()))),
        Value::Builtin(b) if b.bound.is_none() => Value::Method(Rc::new((a.clone(), obj.clone()))),
        Value::Wrapper(w) => match w.0 {
            WrapperKind::StaticMethod => w.1.clone(),
            WrapperKind::ClassMethod => {
                Value::Method(Rc::new((w.1.clone(), Value::Class(cls.clone()))))
            }
            WrapperKind::Property => a.clone(),
        },
        _ => a,
    }
}

/// A `__dict__` snapshot of an attribute table (CPython's is live; reading it is what
/// programs do).
fn namespace_dict<'a>(attrs: impl Iterator<Item = (&'a Rc<str>, &'a Value)>) -> Value {
    let mut d = Dict::new();
    for (k, v) in attrs {
        d.insert(HashKey::Str(k.clone()), Value::Str(k.clone()), v.clone());
    }
    Value::dict(d)
}
