//! Methods of the built-in types (str, list, dict, set, tuple, int, float, generators).

use crate::python::core::exc::ExcKind;
use std::cell::RefCell;
use std::rc::Rc;

use crate::python::core::set::Operand;
use crate::python::core::value::*;
use crate::python::core::vm::{Exit, Mode, Vm};
use crate::python::lib::builtins::{kwarg, native_method, sort_values};
use crate::python::num::engine;

const LIST_METHODS: &[&str] = &[
    "append",
    "extend",
    "insert",
    "pop",
    "remove",
    "index",
    "count",
    "sort",
    "reverse",
    "clear",
    "copy",
    "__len__",
    "__getitem__",
    "__setitem__",
    "__contains__",
    "__iter__",
];
const DICT_METHODS: &[&str] = &[
    "keys",
    "values",
    "items",
    "get",
    "setdefault",
    "pop",
    "popitem",
    "update",
    "clear",
    "copy",
    "__len__",
    "__getitem__",
    "__setitem__",
    "__contains__",
    "__iter__",
];
/// The methods of `frozenset`: those that leave the set as it is (a `set` has them too).
const FROZENSET_METHODS: &[&str] = &[
    "union",
    "intersection",
    "difference",
    "symmetric_difference",
    "issubset",
    "issuperset",
    "isdisjoint",
    "copy",
    "__len__",
    "__contains__",
];
/// Whether `set` has a method `name`: frozenset's and its own.
fn set_has(name: &str) -> bool {
    FROZENSET_METHODS.contains(&name) || SET_ONLY_METHODS.contains(&name)
}

/// The methods only a `set` has: those that change it.
const SET_ONLY_METHODS: &[&str] = &[
    "add",
    "remove",
    "discard",
    "pop",
    "clear",
    "update",
    "intersection_update",
    "difference_update",
    "symmetric_difference_update",
];
const TUPLE_METHODS: &[&str] = &["index", "count", "__len__", "__getitem__", "__contains__"];
const INT_METHODS: &[&str] = &[
    "bit_length",
    "conjugate",
    "__add__",
    "__sub__",
    "__mul__",
    "__eq__",
    "__lt__",
    "__hash__",
];
const FLOAT_METHODS: &[&str] = &["is_integer", "conjugate", "as_integer_ratio", "hex"];
const GEN_METHODS: &[&str] = &[
    "send",
    "throw",
    "close",
    "__next__",
    "__iter__",
    "__await__",
];

const AGEN_METHODS: &[&str] = &["__aiter__", "__anext__", "asend", "athrow", "aclose"];

/// A bound method of a built-in value, if the type has it.
pub fn method(_vm: &mut Vm, v: &Value, name: &str) -> Option<Value> {
    let has = match v {
        Value::Str(_) => str_has(name),
        Value::List(_) => LIST_METHODS.contains(&name),
        Value::Dict(_) => DICT_METHODS.contains(&name),
        Value::Set(_) => set_has(name),
        Value::FrozenSet(_) => FROZENSET_METHODS.contains(&name),
        Value::Tuple(_) => TUPLE_METHODS.contains(&name),
        Value::Int(_) | Value::Big(_) | Value::Bool(_) => INT_METHODS.contains(&name),
        Value::Float(_) => FLOAT_METHODS.contains(&name),
        Value::Gen(g) if matches!(g.borrow().kind, GenKind::AsyncGen) => {
            AGEN_METHODS.contains(&name)
        }
        Value::Gen(_) => GEN_METHODS.contains(&name),
        Value::Iter(_) => ["__next__", "__iter__"].contains(&name),
        Value::Bytes(_) => ["decode", "hex"].contains(&name),
        _ => false,
    };
    if has {
        Some(native_method(v.clone(), name, dispatch))
    } else {
        None
    }
}

/// Non-method attributes of built-in values.
pub fn value_attr(_vm: &mut Vm, v: &Value, name: &str) -> PyResult<Option<Value>> {
    Ok(match (v, name) {
        (Value::Float(_) | Value::Int(_) | Value::Big(_) | Value::Bool(_), "real") => {
            Some(v.clone())
        }
        (Value::Float(_), "imag") => Some(Value::Float(0.0)),
        (Value::Int(_) | Value::Big(_) | Value::Bool(_), "imag") => Some(Value::Int(0)),
        (Value::Int(_) | Value::Big(_), "numerator") => Some(v.clone()),
        (Value::Int(_) | Value::Big(_), "denominator") => Some(Value::Int(1)),
        (Value::Range(r), "start") => Some(Value::Int(r.0)),
        (Value::Range(r), "stop") => Some(Value::Int(r.1)),
        (Value::Range(r), "step") => Some(Value::Int(r.2)),
        (Value::Slice(s), "start") => Some(s.0.clone()),
        (Value::Slice(s), "stop") => Some(s.1.clone()),
        (Value::Slice(s), "step") => Some(s.2.clone()),
        (Value::Builtin(b), "__name__") => Some(Value::Str(b.name.clone())),
        (Value::Wrapper(w), "setter" | "getter" | "fget" | "fset")
            if w.0 == WrapperKind::Property =>
        {
            let (fget, fset) = match &w.1 {
                Value::Tuple(t) => (t[0].clone(), t.get(1).cloned().unwrap_or(Value::None)),
                g => (g.clone(), Value::None),
            };
            match name {
                "fget" => Some(fget),
                "fset" => Some(fset),
                _ => Some(native_method(v.clone(), name, |_, b, a| {
                    let (fget, fset) = match &b.bound {
                        Some(Value::Wrapper(w)) => match &w.1 {
                            Value::Tuple(t) => {
                                (t[0].clone(), t.get(1).cloned().unwrap_or(Value::None))
                            }
                            g => (g.clone(), Value::None),
                        },
                        _ => (Value::None, Value::None),
                    };
                    let f = a.pos.first().cloned().unwrap_or(Value::None);
                    let pair = if &*b.name == "setter" {
                        vec![fget, f]
                    } else {
                        vec![f, fset]
                    };
                    Ok(Value::Wrapper(Rc::new((
                        WrapperKind::Property,
                        Value::tuple(pair),
                    ))))
                })),
            }
        }
        (_, "__class__") => Some(_vm.type_of(v)),
        _ => None,
    })
}

/// The first digit (zero) of each run of ten Unicode decimal digits (category Nd),
/// as Python 3.11's `str.isdecimal` and `re`'s `\d` know them ('²' is not one).
const DECIMAL_ZEROS: &[u32] = &[
    0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66,
    0xde6, 0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90,
    0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10,
    0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650,
    0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50,
    0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
];

fn is_decimal(c: char) -> bool {
    let c = c as u32;
    DECIMAL_ZEROS.iter().any(|&z| (z..z + 10).contains(&c))
}

/// Names `dir(v)` knows beyond its own dictionaries (see `Library::known_names`).
pub fn known_names(v: &Value) -> Vec<&'static str> {
    match v {
        Value::Module(m) if &*m.name == "asyncio" => crate::python::asyncio::SYNC_NAMES.to_vec(),
        Value::Module(_) | Value::Instance(_) | Value::Class(_) => vec![],
        other => method_names(other.builtin_type()),
    }
}

/// The method names of a built-in type (what "Did you mean" compares a typo with).
pub fn method_names(t: BuiltinType) -> Vec<&'static str> {
    use BuiltinType as T;
    match t {
        T::Str => STR_METHODS.iter().map(|(n, _)| *n).collect(),
        T::List => LIST_METHODS.to_vec(),
        T::Dict => DICT_METHODS.to_vec(),
        T::Set => [FROZENSET_METHODS, SET_ONLY_METHODS].concat(),
        T::FrozenSet => FROZENSET_METHODS.to_vec(),
        T::Tuple => TUPLE_METHODS.to_vec(),
        T::Int | T::Bool => INT_METHODS.to_vec(),
        T::Float => FLOAT_METHODS.to_vec(),
        _ => vec![],
    }
}

/// Attributes of built-in types (`str.join`, `dict.fromkeys`...): unbound methods.
pub fn type_attr(_vm: &mut Vm, t: BuiltinType, name: &str) -> Option<Value> {
    use BuiltinType as T;
    if t == T::Dict && name == "fromkeys" {
        return Some(crate::python::lib::builtins::native(
            "fromkeys",
            |vm, _, a| {
                let keys = a.pos.first().cloned().unwrap_or(Value::None);
                let v = a.pos.get(1).cloned().unwrap_or(Value::None);
                let mut d = Dict::new();
                for k in vm.to_vec(&keys)? {
                    let hk = vm.hash(&k)?;
                    d.insert(hk, k, v.clone());
                }
                Ok(Value::dict(d))
            },
        ));
    }
    let has = match t {
        T::Str => str_has(name),
        T::List => LIST_METHODS.contains(&name),
        T::Dict => DICT_METHODS.contains(&name),
        T::Set => set_has(name),
        T::Tuple => TUPLE_METHODS.contains(&name),
        T::Int => INT_METHODS.contains(&name),
        T::Float => FLOAT_METHODS.contains(&name),
        _ => false,
    };
    if has {
        return Some(Value::Builtin(Rc::new(Builtin {
            name: name.into(),
            bound: None,
            f: dispatch,
        })));
    }
    if t == T::Type && name == "__call__" {
        return Some(crate::python::lib::builtins::native(
            "__call__",
            |vm, _, mut a| match a.pos.first().cloned() {
                Some(Value::Class(c)) => {
                    a.pos.remove(0);
                    crate::python::core::call::construct(vm, c, a)
                }
                _ => vm.type_err("descriptor '__call__' requires a 'type' object"),
            },
        ));
    }
    if t == T::Object {
        return match name {
            "__new__" => Some(crate::python::lib::builtins::native(
                "__new__",
                |vm, _, a| match a.pos.first().cloned() {
                    Some(Value::Class(c)) => Ok(crate::python::core::call::new_instance(vm, c)),
                    _ => vm.type_err("object.__new__(X): X is not a type object"),
                },
            )),
            "__init__" => Some(crate::python::lib::builtins::native(
                "__init__",
                |_, _, _| Ok(Value::None),
            )),
            "__str__" | "__repr__" | "__eq__" | "__ne__" | "__hash__" | "__setattr__" => {
                Some(Value::Builtin(Rc::new(Builtin {
                    name: name.into(),
                    bound: None,
                    f: object_dispatch,
                })))
            }
            _ => None,
        };
    }
    None
}

/// Methods every instance inherits from `object` (reached through `super()`).
pub fn object_method(_vm: &mut Vm, obj: &Value, name: &str) -> Option<Value> {
    match name {
        "__str__" | "__repr__" | "__eq__" | "__ne__" | "__hash__" | "__setattr__"
        | "__format__" | "__getattribute__" => {
            Some(native_method(obj.clone(), name, object_dispatch))
        }
        _ => None,
    }
}

/// Methods of exception instances not defined by their class.
pub fn exception_method(_vm: &mut Vm, obj: &Value, name: &str) -> Option<Value> {
    match name {
        "with_traceback" => Some(native_method(obj.clone(), name, |_, b, _| {
            Ok(b.bound.clone().unwrap())
        })),
        "add_note" => Some(native_method(obj.clone(), name, add_note)),
        "__str__" | "__repr__" => Some(native_method(obj.clone(), name, object_dispatch)),
        _ => None,
    }
}

/// `BaseException.add_note(note)` (PEP 678): appended to `__notes__`, printed
/// after the message by tracebacks.
fn add_note(vm: &mut Vm, b: &Builtin, a: Args) -> PyResult<Value> {
    let (this, args) = split_self(b, a);
    let note = match args.pos.as_slice() {
        [n @ Value::Str(_)] => n.clone(),
        [other] => return vm.type_err(format!("note must be a str, not '{}'", other.type_name())),
        _ => {
            return vm.type_err(format!(
                "BaseException.add_note() takes exactly one argument ({} given)",
                args.pos.len()
            ))
        }
    };
    let Value::Instance(i) = &this else {
        return Ok(Value::None);
    };
    let notes = i.attrs.borrow().get("__notes__").cloned();
    match notes {
        Some(Value::List(l)) => l.borrow_mut().push(note),
        Some(_) => return vm.type_err("Cannot add note: __notes__ is not a list"),
        None => {
            let list = Value::List(Rc::new(RefCell::new(vec![note])));
            i.attrs.borrow_mut().insert("__notes__".into(), list);
        }
    }
    Ok(Value::None)
}

fn object_dispatch(vm: &mut Vm, b: &Builtin, a: Args) -> PyResult<Value> {
    let (this, args) = split_self(b, a);
    match &*b.name {
        "__str__" => {
            if let Value::Instance(i) = &this {
                if i.class.is_exception {
                    let args = vm.exc_args(&this);
                    return Ok(Value::str(&match args.len() {
                        0 => String::new(),
                        1 => vm.to_str(&args[0])?,
                        _ => vm.repr(&Value::tuple(args))?,
                    }));
                }
            }
            Ok(Value::str(&vm.repr(&this)?))
        }
        "__repr__" => {
            if let Value::Instance(i) = &this {
                return Ok(Value::str(&format!(
                    "<{}.{} object at 0x{:012x}>",
                    i.class.module,
                    i.class.qualname,
                    this.id()
                )));
            }
            Ok(Value::str(&vm.repr(&this)?))
        }
        "__eq__" => Ok(if this.is(&args.pos[0]) {
            Value::Bool(true)
        } else {
            Value::NotImplemented
        }),
        "__ne__" => Ok(Value::Bool(!this.is(&args.pos[0]))),
        "__hash__" => Ok(Value::Int((this.id() >> 4) as i64)),
        "__format__" => Ok(Value::str(&vm.to_str(&this)?)),
        "__setattr__" => {
            if let (Value::Instance(i), Some(Value::Str(n))) = (&this, args.pos.first()) {
                i.attrs
                    .borrow_mut()
                    .insert(n.clone(), args.pos.get(1).cloned().unwrap_or(Value::None));
            }
            Ok(Value::None)
        }
        "__getattribute__" => {
            let n = match args.pos.first() {
                Some(Value::Str(s)) => s.clone(),
                _ => return vm.type_err("attribute name must be string"),
            };
            vm.getattr(&this, &n)
        }
        _ => Ok(Value::None),
    }
}

fn split_self(b: &Builtin, mut a: Args) -> (Value, Args) {
    match &b.bound {
        Some(s) => (s.clone(), a),
        None => {
            let s = if a.pos.is_empty() {
                Value::None
            } else {
                a.pos.remove(0)
            };
            (s, a)
        }
    }
}

fn want(vm: &mut Vm, a: &Args, name: &str, min: usize, max: usize) -> PyResult<()> {
    let n = a.pos.len();
    if n < min || n > max {
        if min == max {
            if min == 0 {
                return vm.type_err(format!("{}() takes no arguments ({} given)", name, n));
            }
            if min == 1 {
                return vm.type_err(format!(
                    "{}() takes exactly one argument ({} given)",
                    name, n
                ));
            }
            return vm.type_err(format!("{} expected {} arguments, got {}", name, min, n));
        }
        if n < min {
            return vm.type_err(format!(
                "{} expected at least {} argument{}, got {}",
                name,
                min,
                if min == 1 { "" } else { "s" },
                n
            ));
        }
        return vm.type_err(format!(
            "{} expected at most {} argument{}, got {}",
            name,
            max,
            if max == 1 { "" } else { "s" },
            n
        ));
    }
    Ok(())
}

fn as_str(vm: &mut Vm, v: &Value, what: &str) -> PyResult<Rc<str>> {
    match v {
        Value::Str(s) => Ok(s.clone()),
        other => vm.type_err(format!("{}must be str, not {}", what, other.type_name())),
    }
}

fn dispatch(vm: &mut Vm, b: &Builtin, a: Args) -> PyResult<Value> {
    let (this, a) = split_self(b, a);
    let name = &*b.name;
    match &this {
        Value::Str(s) => str_method(vm, s, name, a),
        Value::List(l) => list_method(vm, &this, l, name, a),
        Value::Dict(d) => dict_method(vm, d, name, a),
        Value::Set(_) | Value::FrozenSet(_) => set_method(vm, &this, name, a),
        Value::Tuple(t) => match name {
            "index" => {
                want(vm, &a, "index", 1, 3)?;
                for (i, x) in t.iter().enumerate() {
                    if vm.eq(x, &a.pos[0])? {
                        return Ok(Value::Int(i as i64));
                    }
                }
                vm.err(ExcKind::ValueError, "tuple.index(x): x not in tuple")
            }
            "count" => {
                want(vm, &a, "tuple.count", 1, 1)?;
                let mut n = 0;
                for x in t.iter() {
                    if vm.eq(x, &a.pos[0])? {
                        n += 1;
                    }
                }
                Ok(Value::Int(n))
            }
            _ => generic_dunder(vm, &this, name, a),
        },
        Value::Int(_) | Value::Big(_) | Value::Bool(_) => match name {
            "bit_length" => Ok(Value::Int(match &this {
                Value::Int(i) => 64 - i.unsigned_abs().leading_zeros() as i64,
                Value::Bool(b) => *b as i64,
                Value::Big(b) => b.bit_length() as i64,
                _ => 0,
            })),
            "conjugate" => Ok(this.clone()),
            _ => generic_dunder(vm, &this, name, a),
        },
        Value::Float(f) => match name {
            "is_integer" => Ok(Value::Bool(f.is_finite() && f.fract() == 0.0)),
            "conjugate" => Ok(this.clone()),
            "as_integer_ratio" => {
                if !f.is_finite() {
                    return vm.err(
                        ExcKind::OverflowError,
                        "cannot convert Infinity to integer ratio",
                    );
                }
                // exact: the float's mantissa and power of two, reduced
                if *f == 0.0 {
                    return Ok(Value::tuple(vec![Value::Int(0), Value::Int(1)]));
                }
                let bits = f.to_bits();
                let biased = ((bits >> 52) & 0x7ff) as i64;
                let mut mant = (bits & ((1u64 << 52) - 1)) as i64;
                let mut exp = if biased == 0 {
                    -1074
                } else {
                    mant |= 1 << 52;
                    biased - 1075
                };
                let tz = mant.trailing_zeros() as i64;
                mant >>= tz;
                exp += tz;
                if f.is_sign_negative() {
                    mant = -mant;
                }
                use crate::python::front::ast::BinOp;
                let (num, den) = if exp >= 0 {
                    let n = vm.binary(BinOp::LShift, &Value::Int(mant), &Value::Int(exp), false)?;
                    (n, Value::Int(1))
                } else {
                    let d = vm.binary(BinOp::LShift, &Value::Int(1), &Value::Int(-exp), false)?;
                    (Value::Int(mant), d)
                };
                Ok(Value::tuple(vec![num, den]))
            }
            _ => vm.err(
                ExcKind::NotImplementedError,
                format!("float.{} is not supported", name),
            ),
        },
        Value::Gen(g) => gen_method(vm, &this, g, name, a),
        Value::Iter(_) => match name {
            "__next__" => match vm.next(&this)? {
                Some(v) => Ok(v),
                None => Err(vm.new_exc(ExcKind::StopIteration, "")),
            },
            _ => Ok(this.clone()),
        },
        Value::Bytes(bs) => match name {
            "decode" => match String::from_utf8(bs.to_vec()) {
                Ok(s) => Ok(Value::str(&s)),
                Err(_) => vm.err(
                    ExcKind::UnicodeDecodeError,
                    "'utf-8' codec can't decode bytes",
                ),
            },
            _ => Ok(Value::str(
                &bs.iter().map(|b| format!("{:02x}", b)).collect::<String>(),
            )),
        },
        _ => vm.type_err(format!("descriptor '{}' requires a receiver", name)),
    }
}

fn generic_dunder(vm: &mut Vm, this: &Value, name: &str, a: Args) -> PyResult<Value> {
    use crate::python::front::ast::{BinOp, CmpOp};
    let o = a.pos.first().cloned().unwrap_or(Value::None);
    match name {
        "__len__" => Ok(Value::Int(vm.len(this)?)),
        "__getitem__" => vm.getitem(this, &o),
        "__setitem__" => {
            vm.setitem(this, o, a.pos.get(1).cloned().unwrap_or(Value::None))?;
            Ok(Value::None)
        }
        "__contains__" => Ok(Value::Bool(vm.contains(this, &o)?)),
        "__iter__" => vm.iter(this),
        "__add__" => vm.binary(BinOp::Add, this, &o, false),
        "__sub__" => vm.binary(BinOp::Sub, this, &o, false),
        "__mul__" => vm.binary(BinOp::Mul, this, &o, false),
        "__eq__" => vm.compare(CmpOp::Eq, this, &o),
        "__lt__" => vm.compare(CmpOp::Lt, this, &o),
        "__hash__" => {
            let h = vm.hash(this)?;
            Ok(Value::Int(match h {
                HashKey::Int(i) => i,
                _ => (this.id() >> 4) as i64,
            }))
        }
        "__str__" => Ok(Value::str(&vm.to_str(this)?)),
        "__repr__" => Ok(Value::str(&vm.repr(this)?)),
        _ => vm.err(
            ExcKind::AttributeError,
            format!("'{}' object has no attribute '{}'", this.type_name(), name),
        ),
    }
}

/// The exception `throw(typ[, val])` / `athrow(...)` raises.
fn thrown(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(match &a.pos[0] {
        Value::Class(c) if c.is_exception => {
            let args = match a.pos.get(1) {
                Some(Value::None) | None => vec![],
                Some(v) => vec![v.clone()],
            };
            vm.make_exc(c.clone(), args)
        }
        Value::Instance(i) if i.class.is_exception => a.pos[0].clone(),
        other => {
            return vm.type_err(format!(
                "exceptions must be classes or instances deriving from BaseException, not {}",
                other.type_name()
            ))
        }
    })
}

/// The awaitable of one step of async generator `g`.
pub fn agen_step(
    g: &Rc<RefCell<GenObj>>,
    send: Value,
    throw: Option<Value>,
    end: StepEnd,
) -> Value {
    let (name, qualname) = {
        let gb = g.borrow();
        (gb.name.clone(), gb.qualname.clone())
    };
    let step = AgenStep {
        agen: g.clone(),
        send,
        throw,
        end,
    };
    Value::Gen(Rc::new(RefCell::new(GenObj {
        frame: None,
        state: GenState::Created,
        kind: GenKind::Step(Box::new(step)),
        running_step: None,
        name,
        qualname,
        owned_by_task: false,
        finalizer: None,
    })))
}

fn gen_method(
    vm: &mut Vm,
    this: &Value,
    g: &Rc<RefCell<GenObj>>,
    name: &str,
    a: Args,
) -> PyResult<Value> {
    if matches!(g.borrow().kind, GenKind::AsyncGen) {
        let (send, throw, close) = match name {
            "__aiter__" => return Ok(this.clone()),
            "asend" => {
                want(vm, &a, "asend", 1, 1)?;
                (a.pos[0].clone(), None, false)
            }
            "athrow" => {
                want(vm, &a, "athrow", 1, 3)?;
                (Value::None, Some(thrown(vm, &a)?), false)
            }
            "aclose" => (
                Value::None,
                Some(vm.new_exc(ExcKind::GeneratorExit, "")),
                true,
            ),
            _ => (Value::None, None, false),
        };
        let end = StepEnd {
            close,
            default: None,
        };
        return Ok(agen_step(g, send, throw, end));
    }
    match name {
        "__iter__" | "__await__" => Ok(this.clone()),
        "__next__" | "send" => {
            let v = if name == "send" {
                want(vm, &a, "send", 1, 1)?;
                a.pos[0].clone()
            } else {
                Value::None
            };
            drive(vm, g, v, None)
        }
        "throw" => {
            want(vm, &a, "throw", 1, 3)?;
            let e = thrown(vm, &a)?;
            drive(vm, g, Value::None, Some(e))
        }
        "close" => close_gen(vm, g),
        _ => Ok(Value::None),
    }
}

/// `generator.close()`: GeneratorExit thrown in at the yield.
pub fn close_gen(vm: &mut Vm, g: &Rc<RefCell<GenObj>>) -> PyResult<Value> {
    let state = g.borrow().state;
    if matches!(state, GenState::Created | GenState::Done) {
        let mut gb = g.borrow_mut();
        gb.state = GenState::Done;
        gb.frame = None;
        return Ok(Value::None);
    }
    let e = vm.new_exc(ExcKind::GeneratorExit, "");
    match drive(vm, g, Value::None, Some(e)) {
        Ok(_) => vm.err(ExcKind::RuntimeError, "generator ignored GeneratorExit"),
        Err(e)
            if vm.exc_is(&e, ExcKind::GeneratorExit) || vm.exc_is(&e, ExcKind::StopIteration) =>
        {
            Ok(Value::None)
        }
        Err(e) => Err(e),
    }
}

/// Resume a generator from native code: yielded value, or StopIteration on return.
pub fn drive(
    vm: &mut Vm,
    g: &Rc<RefCell<GenObj>>,
    v: Value,
    throw: Option<Value>,
) -> PyResult<Value> {
    let base = vm.frames.len();
    if !vm.resume_gen(g, v, throw, Mode::Sync)? {
        let args = vm.step_result.take().into_iter().collect();
        return Err(vm.make_exc(vm.exc_class(ExcKind::StopIteration), args));
    }
    match vm.run(base, None) {
        Exit::Suspend(_) => Err(vm.new_exc(
            ExcKind::RuntimeError,
            "this event loop call cannot block here (inside a nested call)",
        )),
        Exit::Yield(y) => Ok(y),
        Exit::Return(r) => {
            let args = if matches!(r, Value::None) {
                vec![]
            } else {
                vec![r]
            };
            Err(vm.make_exc(vm.exc_class(ExcKind::StopIteration), args))
        }
        Exit::Error(e) => Err(e),
        Exit::Budget => Ok(Value::None),
    }
}

fn py_split(s: &str, sep: Option<&str>, max: i64) -> Vec<String> {
    let mut out = vec![];
    match sep {
        None => {
            let mut rest = s.trim_start();
            let mut n = 0;
            while !rest.is_empty() {
                if max >= 0 && n >= max {
                    out.push(rest.to_string());
                    return out;
                }
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                out.push(rest[..end].to_string());
                rest = rest[end..].trim_start();
                n += 1;
            }
        }
        Some(sep) => {
            if max < 0 {
                return s.split(sep).map(|x| x.to_string()).collect();
            }
            return s
                .splitn(max as usize + 1, sep)
                .map(|x| x.to_string())
                .collect();
        }
    }
    out
}

/// The methods of `str`, each with the function that implements it (named after the
/// group it belongs to); the dunders go through `generic_dunder`.
const STR_METHODS: &[(&str, StrMethod)] = &[
    ("upper", str_case),
    ("lower", str_case),
    ("casefold", str_case),
    ("swapcase", str_case),
    ("title", str_case),
    ("capitalize", str_case),
    ("strip", str_strip),
    ("lstrip", str_strip),
    ("rstrip", str_strip),
    ("split", str_split),
    ("rsplit", str_split),
    ("splitlines", str_split),
    ("join", str_join),
    ("replace", str_replace),
    ("startswith", str_affix),
    ("endswith", str_affix),
    ("removeprefix", str_affix),
    ("removesuffix", str_affix),
    ("find", str_search),
    ("rfind", str_search),
    ("index", str_search),
    ("rindex", str_search),
    ("count", str_search),
    ("format", str_format),
    ("format_map", str_format),
    ("isdigit", str_test),
    ("isdecimal", str_test),
    ("isnumeric", str_test),
    ("isalpha", str_test),
    ("isalnum", str_test),
    ("isspace", str_test),
    ("isascii", str_test),
    ("isidentifier", str_test),
    ("isupper", str_test),
    ("islower", str_test),
    ("istitle", str_test),
    ("center", str_pad),
    ("ljust", str_pad),
    ("rjust", str_pad),
    ("zfill", str_pad),
    ("partition", str_partition),
    ("rpartition", str_partition),
    ("expandtabs", str_expandtabs),
    ("encode", str_encode),
    ("__len__", str_dunder),
    ("__contains__", str_dunder),
    ("__getitem__", str_dunder),
    ("__add__", str_dunder),
    ("__mul__", str_dunder),
    ("__eq__", str_dunder),
    ("__str__", str_dunder),
    ("__repr__", str_dunder),
];

/// A method of `str`: the VM, the string, the method's name (one function serves a group).
type StrMethod = fn(&mut Vm, &Rc<str>, &str, Args) -> PyResult<Value>;

/// Whether `str` has a method `name`.
fn str_has(name: &str) -> bool {
    STR_METHODS.iter().any(|(n, _)| *n == name)
}

fn str_method(vm: &mut Vm, s: &Rc<str>, name: &str, a: Args) -> PyResult<Value> {
    match STR_METHODS.iter().find(|(n, _)| *n == name) {
        Some((_, f)) => f(vm, s, name, a),
        None => str_dunder(vm, s, name, a),
    }
}

fn str_dunder(vm: &mut Vm, s: &Rc<str>, name: &str, a: Args) -> PyResult<Value> {
    generic_dunder(vm, &Value::Str(s.clone()), name, a)
}

/// The `i`th argument as an optional str (`None` or absent is `None`).
fn opt_str_arg(vm: &mut Vm, a: &Args, i: usize) -> PyResult<Option<Rc<str>>> {
    match a.pos.get(i) {
        None | Some(Value::None) => Ok(None),
        Some(Value::Str(x)) => Ok(Some(x.clone())),
        Some(o) => vm.type_err(format!("must be str or None, not {}", o.type_name())),
    }
}

fn st(x: String) -> PyResult<Value> {
    Ok(Value::str(&x))
}

/// Case changes.
fn str_case(_vm: &mut Vm, s: &Rc<str>, name: &str, _a: Args) -> PyResult<Value> {
    match name {
        "upper" => st(engine::upper(s)),
        "lower" | "casefold" => st(engine::lower(s)),
        "swapcase" => {
            let mut out = String::new();
            for c in s.chars() {
                if c.is_uppercase() {
                    engine::push_lower(&mut out, c);
                } else {
                    engine::push_upper(&mut out, c);
                }
            }
            st(out)
        }
        "title" => st(title(s)),
        _ => {
            let mut c = s.chars();
            st(match c.next() {
                Some(f) => {
                    let mut out = String::new();
                    engine::push_upper(&mut out, f);
                    out + &engine::lower(c.as_str())
                }
                None => String::new(),
            })
        }
    }
}

/// `strip`, `lstrip`, `rstrip`: whitespace or the given characters.
fn str_strip(vm: &mut Vm, s: &Rc<str>, name: &str, a: Args) -> PyResult<Value> {
    let chars = opt_str_arg(vm, &a, 0)?;
    let pat = |c: char| match &chars {
        Some(cs) => cs.contains(c),
        None => c.is_whitespace(),
    };
    st(match name {
        "strip" => s.trim_matches(pat).to_string(),
        "lstrip" => s.trim_start_matches(pat).to_string(),
        _ => s.trim_end_matches(pat).to_string(),
    })
}

/// `split`, `rsplit` (CPython's whitespace rule without a separator), `splitlines`.
fn str_split(vm: &mut Vm, s: &Rc<str>, name: &str, a: Args) -> PyResult<Value> {
    match name {
        "split" | "rsplit" => {
            let sep = match kwarg(&a, "sep") {
                Some(Value::Str(x)) => Some(x),
                _ => opt_str_arg(vm, &a, 0)?,
            };
            if let Some(sp) = &sep {
                if sp.is_empty() {
                    return vm.err(ExcKind::ValueError, "empty separator");
                }
            }
            let max = match a.pos.get(1).cloned().or_else(|| kwarg(&a, "maxsplit")) {
                Some(Value::Int(i)) => i,
                _ => -1,
            };
            let parts = if name == "rsplit" && max >= 0 {
                let rev: String = s.chars().rev().collect();
                let rsep: Option<String> = sep.as_ref().map(|x| x.chars().rev().collect());
                let mut p: Vec<String> = py_split(&rev, rsep.as_deref(), max)
                    .into_iter()
                    .map(|x| x.chars().rev().collect())
                    .collect();
                p.reverse();
                p
            } else {
                py_split(s, sep.as_deref(), max)
            };
            Ok(Value::list(parts.iter().map(|x| Value::str(x)).collect()))
        }
        _ => Ok(Value::list(s.lines().map(Value::str).collect())),
    }
}

/// `sep.join(iterable)`: every item must be a str.
fn str_join(vm: &mut Vm, s: &Rc<str>, _name: &str, a: Args) -> PyResult<Value> {
    want(vm, &a, "join", 1, 1)?;
    let items = vm.to_vec(&a.pos[0])?;
    let mut out = String::new();
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(s);
        }
        match x {
            Value::Str(x) => out.push_str(x),
            o => {
                return vm.type_err(format!(
                    "sequence item {}: expected str instance, {} found",
                    i,
                    o.type_name()
                ))
            }
        }
    }
    st(out)
}

/// `replace(old, new[, count])`.
fn str_replace(vm: &mut Vm, s: &Rc<str>, _name: &str, a: Args) -> PyResult<Value> {
    want(vm, &a, "replace", 2, 3)?;
    let old = as_str(vm, &a.pos[0], "replace() argument 1 ")?;
    let new = as_str(vm, &a.pos[1], "replace() argument 2 ")?;
    match a.pos.get(2) {
        Some(Value::Int(n)) if *n >= 0 => st(s.replacen(&*old, &new, *n as usize)),
        _ => st(s.replace(&*old, &new)),
    }
}

/// Prefixes and suffixes: tests and removal.
fn str_affix(vm: &mut Vm, s: &Rc<str>, name: &str, a: Args) -> PyResult<Value> {
    match name {
        "startswith" | "endswith" => {
            want(vm, &a, name, 1, 3)?;
            // s[start:end] when they are given (as slice bounds; a start past the
            // end never matches, not even '')
            let window: Option<String> = if a.pos.len() > 1 {
                let chars: Vec<char> = s.chars().collect();
                let n = chars.len() as i64;
                let bound = |v: Option<&Value>, d: i64| -> i64 {
                    match v {
                        Some(Value::Int(i)) if *i < 0 => (i + n).max(0),
                        Some(Value::Int(i)) => *i,
                        _ => d,
                    }
                };
                let (b, e) = (bound(a.pos.get(1), 0), bound(a.pos.get(2), n).min(n));
                if b > n {
                    return Ok(Value::Bool(false));
                }
                Some(chars[b as usize..e.max(b) as usize].iter().collect())
            } else {
                None
            };
            let s: &str = window.as_deref().unwrap_or(s);
            let pats: Vec<Value> = match &a.pos[0] {
                Value::Tuple(t) => t.to_vec(),
                v => vec![v.clone()],
            };
            for p in pats {
                let p = match p {
                    Value::Str(p) => p,
                    o => {
                        return vm.type_err(format!(
                            "{} first arg must be str or a tuple of str, not {}",
                            name,
                            o.type_name()
                        ))
                    }
                };
                let ok = if name == "startswith" {
                    s.starts_with(&*p)
                } else {
                    s.ends_with(&*p)
                };
                if ok {
                    return Ok(Value::Bool(true));
                }
            }
            Ok(Value::Bool(false))
        }
        "removeprefix" => {
            let p = as_str(vm, a.pos.first().unwrap_or(&Value::None), "")?;
            st(s.strip_prefix(&*p).unwrap_or(s).to_string())
        }
        _ => {
            let p = as_str(vm, a.pos.first().unwrap_or(&Value::None), "")?;
            st(s.strip_suffix(&*p).unwrap_or(s).to_string())
        }
    }
}

/// `find`, `rfind`, `index`, `rindex`, `count` over an optional `[start:end]`.
fn str_search(vm: &mut Vm, s: &Rc<str>, name: &str, a: Args) -> PyResult<Value> {
    want(vm, &a, name, 1, 3)?;
    let sub = as_str(vm, &a.pos[0], "")?;
    let chars: Vec<char> = s.chars().collect();
    let n = chars.len() as i64;
    let norm = |v: Option<&Value>, d: i64| -> i64 {
        match v {
            Some(Value::Int(i)) => {
                let i = if *i < 0 { i + n } else { *i };
                i.clamp(0, n)
            }
            _ => d,
        }
    };
    let (start, end) = (norm(a.pos.get(1), 0), norm(a.pos.get(2), n));
    if start > end {
        return match name {
            "count" => Ok(Value::Int(0)),
            "index" | "rindex" => vm.err(ExcKind::ValueError, "substring not found"),
            _ => Ok(Value::Int(-1)),
        };
    }
    let hay: String = chars[start as usize..end as usize].iter().collect();
    if name == "count" {
        if sub.is_empty() {
            return Ok(Value::Int(hay.chars().count() as i64 + 1));
        }
        return Ok(Value::Int(hay.matches(&*sub).count() as i64));
    }
    let pos = if name.starts_with('r') {
        hay.rfind(&*sub)
    } else {
        hay.find(&*sub)
    };
    match pos {
        Some(p) => Ok(Value::Int(start + hay[..p].chars().count() as i64)),
        None if name.contains("index") => vm.err(ExcKind::ValueError, "substring not found"),
        None => Ok(Value::Int(-1)),
    }
}

/// `format` and `format_map`.
fn str_format(vm: &mut Vm, s: &Rc<str>, name: &str, a: Args) -> PyResult<Value> {
    match name {
        "format" => st(crate::python::core::format::str_format(
            vm, s, &a.pos, &a.kw,
        )?),
        _ => {
            let m = a.pos.first().cloned().unwrap_or(Value::None);
            let items = vm.mapping_items(&m)?;
            let kw: Vec<(Rc<str>, Value)> = items
                .into_iter()
                .filter_map(|(_, k, v)| {
                    if let Value::Str(k) = k {
                        Some((k, v))
                    } else {
                        None
                    }
                })
                .collect();
            st(crate::python::core::format::str_format(vm, s, &[], &kw)?)
        }
    }
}

/// The `is…` predicates.
fn str_test(_vm: &mut Vm, s: &Rc<str>, name: &str, _a: Args) -> PyResult<Value> {
    match name {
        "isdecimal" => Ok(Value::Bool(!s.is_empty() && s.chars().all(is_decimal))),
        "isdigit" | "isnumeric" => Ok(Value::Bool(
            !s.is_empty() && s.chars().all(|c| c.is_numeric()),
        )),
        "isalpha" => Ok(Value::Bool(
            !s.is_empty() && s.chars().all(|c| c.is_alphabetic()),
        )),
        "isalnum" => Ok(Value::Bool(
            !s.is_empty() && s.chars().all(|c| c.is_alphanumeric()),
        )),
        "isspace" => Ok(Value::Bool(
            !s.is_empty() && s.chars().all(|c| c.is_whitespace()),
        )),
        "isascii" => Ok(Value::Bool(s.is_ascii())),
        "isidentifier" => Ok(Value::Bool(
            !s.is_empty()
                && !s.starts_with(|c: char| c.is_ascii_digit())
                && s.chars().all(|c| c == '_' || c.is_alphanumeric()),
        )),
        "isupper" => Ok(Value::Bool(
            s.chars().any(|c| c.is_alphabetic()) && !s.chars().any(|c| c.is_lowercase()),
        )),
        "islower" => Ok(Value::Bool(
            s.chars().any(|c| c.is_alphabetic()) && !s.chars().any(|c| c.is_uppercase()),
        )),
        _ => {
            let t = title(s);
            Ok(Value::Bool(
                s.chars().any(|c| c.is_alphabetic()) && t == **s,
            ))
        }
    }
}

/// Padding to a width: `center`, `ljust`, `rjust`, `zfill`.
fn str_pad(vm: &mut Vm, s: &Rc<str>, name: &str, a: Args) -> PyResult<Value> {
    match name {
        "center" | "ljust" | "rjust" => {
            want(vm, &a, name, 1, 2)?;
            let w = match &a.pos[0] {
                Value::Int(i) => (*i).max(0) as usize,
                o => {
                    return vm.type_err(format!(
                        "'{}' object cannot be interpreted as an integer",
                        o.type_name()
                    ))
                }
            };
            let fill = match a.pos.get(1) {
                Some(Value::Str(f)) if f.chars().count() == 1 => f.chars().next().unwrap(),
                Some(_) => {
                    return vm.type_err("The fill character must be exactly one character long")
                }
                None => ' ',
            };
            let n = s.chars().count();
            if n >= w {
                return Ok(Value::Str(s.clone()));
            }
            let k = w - n;
            let f = |m: usize| fill.to_string().repeat(m);
            st(match name {
                "ljust" => format!("{}{}", s, f(k)),
                "rjust" => format!("{}{}", f(k), s),
                _ => {
                    // CPython (pad): the odd padding goes left when the width is odd
                    let left = k / 2 + (k & w & 1);
                    format!("{}{}{}", f(left), s, f(k - left))
                }
            })
        }
        _ => {
            let w = match a.pos.first() {
                Some(Value::Int(i)) => (*i).max(0) as usize,
                _ => 0,
            };
            let n = s.chars().count();
            if n >= w {
                return Ok(Value::Str(s.clone()));
            }
            let (sign, rest) = if s.starts_with(['+', '-']) {
                (&s[..1], &s[1..])
            } else {
                ("", &s[..])
            };
            st(format!("{}{}{}", sign, "0".repeat(w - n), rest))
        }
    }
}

/// `partition`, `rpartition`.
fn str_partition(vm: &mut Vm, s: &Rc<str>, name: &str, a: Args) -> PyResult<Value> {
    let sep = as_str(vm, a.pos.first().unwrap_or(&Value::None), "")?;
    if sep.is_empty() {
        return vm.err(ExcKind::ValueError, "empty separator");
    }
    let pos = if name == "partition" {
        s.find(&*sep)
    } else {
        s.rfind(&*sep)
    };
    Ok(Value::tuple(match pos {
        Some(p) => vec![
            Value::str(&s[..p]),
            Value::Str(sep.clone()),
            Value::str(&s[p + sep.len()..]),
        ],
        None if name == "partition" => {
            vec![Value::Str(s.clone()), Value::str(""), Value::str("")]
        }
        None => vec![Value::str(""), Value::str(""), Value::Str(s.clone())],
    }))
}

/// `expandtabs([tabsize])`.
fn str_expandtabs(_vm: &mut Vm, s: &Rc<str>, _name: &str, a: Args) -> PyResult<Value> {
    let t = match a.pos.first() {
        Some(Value::Int(i)) => *i as usize,
        _ => 8,
    };
    let mut out = String::new();
    let mut col = 0;
    for c in s.chars() {
        if c == '\t' {
            let k = if t > 0 { t - col % t } else { 0 };
            out.push_str(&" ".repeat(k));
            col += k;
        } else {
            out.push(c);
            col = if c == '\n' { 0 } else { col + 1 };
        }
    }
    st(out)
}

/// `encode()`: UTF-8 only.
fn str_encode(_vm: &mut Vm, s: &Rc<str>, _name: &str, _a: Args) -> PyResult<Value> {
    Ok(Value::Bytes(s.as_bytes().into()))
}

fn title(s: &str) -> String {
    let mut out = String::new();
    let mut prev_cased = false;
    for c in s.chars() {
        if prev_cased {
            engine::push_lower(&mut out, c);
        } else {
            engine::push_upper(&mut out, c);
        }
        prev_cased = c.is_alphabetic();
    }
    out
}

fn list_method(
    vm: &mut Vm,
    this: &Value,
    l: &Rc<RefCell<Vec<Value>>>,
    name: &str,
    a: Args,
) -> PyResult<Value> {
    match name {
        "append" => {
            want(vm, &a, "list.append", 1, 1).map_err(|_| {
                vm.new_exc(
                    ExcKind::TypeError,
                    format!(
                        "list.append() takes exactly one argument ({} given)",
                        a.pos.len()
                    ),
                )
            })?;
            l.borrow_mut().push(a.pos[0].clone());
            Ok(Value::None)
        }
        "extend" => {
            want(vm, &a, "extend", 1, 1)?;
            let items = vm.to_vec(&a.pos[0])?;
            l.borrow_mut().extend(items);
            Ok(Value::None)
        }
        "insert" => {
            want(vm, &a, "insert", 2, 2)?;
            let n = l.borrow().len() as i64;
            let i = match a.pos[0] {
                Value::Int(i) => i,
                _ => return vm.type_err("'str' object cannot be interpreted as an integer"),
            };
            let i = if i < 0 { (i + n).max(0) } else { i.min(n) };
            l.borrow_mut().insert(i as usize, a.pos[1].clone());
            Ok(Value::None)
        }
        "pop" => {
            let n = l.borrow().len() as i64;
            if n == 0 {
                return vm.err(ExcKind::IndexError, "pop from empty list");
            }
            let i = match a.pos.first() {
                Some(Value::Int(i)) => *i,
                None => n - 1,
                Some(o) => {
                    return vm.type_err(format!(
                        "'{}' object cannot be interpreted as an integer",
                        o.type_name()
                    ))
                }
            };
            let j = if i < 0 { i + n } else { i };
            if j < 0 || j >= n {
                return vm.err(ExcKind::IndexError, "pop index out of range");
            }
            Ok(l.borrow_mut().remove(j as usize))
        }
        "remove" => {
            want(vm, &a, "remove", 1, 1)?;
            let items = l.borrow().clone();
            for (i, x) in items.iter().enumerate() {
                if vm.eq(x, &a.pos[0])? {
                    l.borrow_mut().remove(i);
                    return Ok(Value::None);
                }
            }
            vm.err(ExcKind::ValueError, "list.remove(x): x not in list")
        }
        "index" => {
            want(vm, &a, "index", 1, 3)?;
            let items = l.borrow().clone();
            let start = match a.pos.get(1) {
                Some(Value::Int(i)) => *i as usize,
                _ => 0,
            };
            for (i, x) in items.iter().enumerate().skip(start) {
                if vm.eq(x, &a.pos[0])? {
                    return Ok(Value::Int(i as i64));
                }
            }
            let r = vm.repr(&a.pos[0])?;
            vm.err(ExcKind::ValueError, format!("{} is not in list", r))
        }
        "count" => {
            want(vm, &a, "list.count", 1, 1)?;
            let items = l.borrow().clone();
            let mut n = 0;
            for x in items.iter() {
                if vm.eq(x, &a.pos[0])? {
                    n += 1;
                }
            }
            Ok(Value::Int(n))
        }
        "sort" => {
            if !a.pos.is_empty() {
                return vm.type_err("sort() takes no positional arguments");
            }
            let key = kwarg(&a, "key").filter(|k| !matches!(k, Value::None));
            let reverse = match kwarg(&a, "reverse") {
                Some(r) => vm.truthy(&r)?,
                None => false,
            };
            let items = std::mem::take(&mut *l.borrow_mut());
            let r = sort_values(vm, items.clone(), key, reverse);
            match r {
                Ok(sorted) => {
                    *l.borrow_mut() = sorted;
                    Ok(Value::None)
                }
                Err(e) => {
                    *l.borrow_mut() = items;
                    Err(e)
                }
            }
        }
        "reverse" => {
            l.borrow_mut().reverse();
            Ok(Value::None)
        }
        "clear" => {
            l.borrow_mut().clear();
            Ok(Value::None)
        }
        "copy" => Ok(Value::list(l.borrow().clone())),
        _ => generic_dunder(vm, this, name, a),
    }
}

fn dict_method(vm: &mut Vm, d: &Rc<RefCell<Dict>>, name: &str, a: Args) -> PyResult<Value> {
    match name {
        "keys" | "values" | "items" => {
            let kind = match name {
                "keys" => ViewKind::Keys,
                "values" => ViewKind::Values,
                _ => ViewKind::Items,
            };
            Ok(Value::View(Rc::new((kind, d.clone()))))
        }
        "get" => {
            want(vm, &a, "get", 1, 2)?;
            let k = vm.hash(&a.pos[0])?;
            let v = d.borrow().get(&k).cloned();
            Ok(v.unwrap_or_else(|| a.pos.get(1).cloned().unwrap_or(Value::None)))
        }
        "setdefault" => {
            want(vm, &a, "setdefault", 1, 2)?;
            let k = vm.hash(&a.pos[0])?;
            let v = d.borrow().get(&k).cloned();
            match v {
                Some(v) => Ok(v),
                None => {
                    let dv = a.pos.get(1).cloned().unwrap_or(Value::None);
                    d.borrow_mut().insert(k, a.pos[0].clone(), dv.clone());
                    Ok(dv)
                }
            }
        }
        "pop" => {
            want(vm, &a, "pop", 1, 2)?;
            let k = vm.hash(&a.pos[0])?;
            let r = d.borrow_mut().remove(&k);
            match r {
                Some((_, v)) => Ok(v),
                None => match a.pos.get(1) {
                    Some(dv) => Ok(dv.clone()),
                    None => {
                        Err(vm.make_exc(vm.exc_class(ExcKind::KeyError), vec![a.pos[0].clone()]))
                    }
                },
            }
        }
        "popitem" => {
            let r = d.borrow_mut().pop_last();
            match r {
                Some((k, v)) => Ok(Value::tuple(vec![k, v])),
                None => vm.err(ExcKind::KeyError, "popitem(): dictionary is empty"),
            }
        }
        "update" => {
            let mut nd = d.borrow().clone();
            if let Some(v) = a.pos.first() {
                crate::python::lib::builtins::dict_update(vm, &mut nd, v)?;
            }
            for (k, v) in a.kw {
                nd.insert(HashKey::Str(k.clone()), Value::Str(k), v);
            }
            *d.borrow_mut() = nd;
            Ok(Value::None)
        }
        "clear" => {
            d.borrow_mut().clear();
            Ok(Value::None)
        }
        "copy" => Ok(Value::dict(d.borrow().clone())),
        _ => generic_dunder(vm, &Value::Dict(d.clone()), name, a),
    }
}

/// `a is b` for two sets.
fn same_object(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Set(x), Value::Set(y)) => Rc::ptr_eq(x, y),
        (Value::FrozenSet(x), Value::FrozenSet(y)) => Rc::ptr_eq(x, y),
        _ => false,
    }
}

fn set_method(vm: &mut Vm, this: &Value, name: &str, a: Args) -> PyResult<Value> {
    use crate::python::front::ast::{BinOp, CmpOp};
    let to_set = |vm: &mut Vm, v: &Value| -> PyResult<Value> {
        match v {
            Value::Set(_) | Value::FrozenSet(_) => Ok(v.clone()),
            _ => crate::python::lib::builtins::construct(
                vm,
                BuiltinType::Set,
                Args::new(vec![v.clone()]),
            ),
        }
    };
    let set = match this {
        Value::Set(s) => Some(s.clone()),
        _ => None,
    };
    match name {
        "add" => {
            want(vm, &a, "add", 1, 1)?;
            let k = vm.hash(&a.pos[0])?;
            if let Some(s) = set {
                s.borrow_mut().insert(k, a.pos[0].clone(), Value::None);
            }
            Ok(Value::None)
        }
        "remove" | "discard" => {
            want(vm, &a, name, 1, 1)?;
            let k = vm.hash(&a.pos[0])?;
            let r = set.and_then(|s| s.borrow_mut().remove(&k));
            if r.is_none() && name == "remove" {
                return Err(vm.make_exc(vm.exc_class(ExcKind::KeyError), vec![a.pos[0].clone()]));
            }
            Ok(Value::None)
        }
        "pop" => match set.and_then(|s| s.borrow_mut().set_pop()) {
            Some(k) => Ok(k),
            None => vm.err(ExcKind::KeyError, "pop from an empty set"),
        },
        "clear" => {
            if let Some(s) = set {
                s.borrow_mut().clear();
            }
            Ok(Value::None)
        }
        "copy" => match this {
            Value::Set(s) => Ok(Value::Set(Rc::new(RefCell::new(s.borrow().set_copy())))),
            _ => Ok(this.clone()),
        },
        "union" | "intersection" | "difference" | "symmetric_difference" => {
            if name == "symmetric_difference" {
                want(vm, &a, name, 1, 1)?;
            }
            let mut acc = match this {
                Value::Set(s) => s.borrow().clone(),
                Value::FrozenSet(s) => (**s).clone(),
                _ => Dict::new_set(),
            };
            // as in CPython: union adds to a copy, intersection and difference start
            // from the first operation's result
            let mut first = true;
            for o in &a.pos {
                let is_self = same_object(this, o);
                let same = first && is_self;
                let o = Operand::new(vm, o)?;
                acc = match name {
                    "union" => {
                        let mut r = if first { acc.set_copy() } else { acc };
                        if !is_self {
                            r.set_update(&o);
                        }
                        r
                    }
                    "intersection" => acc.set_intersection(&o, same),
                    "difference" if first => acc.set_difference(&o),
                    "difference" => {
                        acc.set_difference_update(&o, false);
                        acc
                    }
                    _ => acc.set_symmetric_difference(&o),
                };
                first = false;
            }
            if first {
                acc = acc.set_copy();
            }
            Ok(crate::python::core::set::same_type(this, acc))
        }
        "update" | "intersection_update" | "difference_update" | "symmetric_difference_update" => {
            if name == "symmetric_difference_update" {
                want(vm, &a, name, 1, 1)?;
            }
            let Some(s) = set else {
                return generic_dunder(vm, this, name, a);
            };
            if name == "intersection_update" {
                // the intersection with all the operands, then swapped in
                let r = set_method(vm, this, "intersection", a)?;
                if let Value::Set(r) = r {
                    let r = std::mem::take(&mut *r.borrow_mut());
                    s.borrow_mut().set_swap_body(r);
                }
                return Ok(Value::None);
            }
            for o in &a.pos {
                let same = same_object(this, o);
                let o = Operand::new(vm, o)?;
                let mut s = s.borrow_mut();
                match name {
                    "update" if same => {}
                    "update" => s.set_update(&o),
                    "difference_update" => s.set_difference_update(&o, same),
                    _ => s.set_symmetric_difference_update(&o, same),
                }
            }
            Ok(Value::None)
        }
        "issubset" | "issuperset" | "isdisjoint" => {
            want(vm, &a, name, 1, 1)?;
            let o = to_set(vm, &a.pos[0])?;
            match name {
                "issubset" => vm.compare(CmpOp::Le, this, &o),
                "issuperset" => vm.compare(CmpOp::Ge, this, &o),
                _ => {
                    let i = vm.binary(BinOp::BitAnd, this, &o, false)?;
                    Ok(Value::Bool(!vm.truthy(&i)?))
                }
            }
        }
        _ => generic_dunder(vm, this, name, a),
    }
}
