//! Operators, truth, hashing, subscripts and iteration on values.

use crate::python::core::exc::ExcKind;
use std::cell::RefCell;
use std::cmp::Ordering;
use std::rc::Rc;

use crate::python::core::value::*;
use crate::python::core::vm::{Mode, Vm};
use crate::python::front::ast::{BinOp, CmpOp, UnOp};
use crate::python::num::bigint::BigInt;

/// A number widened for arithmetic.
enum Num {
    I(i64),
    B(BigInt),
    F(f64),
}

fn num(v: &Value) -> Option<Num> {
    match v {
        Value::Bool(b) => Some(Num::I(*b as i64)),
        Value::Int(i) => Some(Num::I(*i)),
        Value::Big(b) => Some(Num::B((**b).clone())),
        Value::Float(f) => Some(Num::F(*f)),
        _ => None,
    }
}

fn big(n: &Num) -> BigInt {
    match n {
        Num::I(i) => BigInt::from_i64(*i),
        Num::B(b) => b.clone(),
        Num::F(f) => BigInt::from_f64(*f),
    }
}

fn flt(n: &Num) -> f64 {
    match n {
        Num::I(i) => *i as f64,
        Num::B(b) => b.to_f64(),
        Num::F(f) => *f,
    }
}

/// Python's float modulo (sign of the divisor).
pub fn fmod_py(a: f64, b: f64) -> f64 {
    let m = a % b;
    if m != 0.0 && ((m < 0.0) != (b < 0.0)) {
        m + b
    } else if m == 0.0 {
        0.0f64.copysign(b)
    } else {
        m
    }
}

impl Vm {
    /// `a op b` (inplace variants try `__iop__` first on instances).
    pub fn binary(&mut self, op: BinOp, a: &Value, b: &Value, inplace: bool) -> PyResult<Value> {
        if let (Some(x), Some(y)) = (num(a), num(b)) {
            return self.arith(op, x, y);
        }
        match (op, a, b) {
            (BinOp::Add, Value::Str(x), Value::Str(y)) => {
                let mut s = String::with_capacity(x.len() + y.len());
                s.push_str(x);
                s.push_str(y);
                return Ok(Value::str(&s));
            }
            (BinOp::Add, Value::List(x), Value::List(y)) => {
                if inplace {
                    let items = y.borrow().clone();
                    x.borrow_mut().extend(items);
                    return Ok(a.clone());
                }
                let mut v = x.borrow().clone();
                v.extend(y.borrow().iter().cloned());
                return Ok(Value::list(v));
            }
            (BinOp::Add, Value::List(x), _) if inplace && !matches!(b, Value::Instance(_)) => {
                let items = self.to_vec(b)?;
                x.borrow_mut().extend(items);
                return Ok(a.clone());
            }
            (BinOp::Add, Value::Tuple(x), Value::Tuple(y)) => {
                let mut v = x.to_vec();
                v.extend(y.iter().cloned());
                return Ok(Value::tuple(v));
            }
            (BinOp::Add, Value::Bytes(x), Value::Bytes(y)) => {
                let mut v = x.to_vec();
                v.extend(y.iter());
                return Ok(Value::Bytes(v.into()));
            }
            (
                BinOp::Mul,
                Value::Str(_) | Value::List(_) | Value::Tuple(_),
                Value::Int(_) | Value::Bool(_),
            ) => return self.repeat(a, b),
            (
                BinOp::Mul,
                Value::Int(_) | Value::Bool(_),
                Value::Str(_) | Value::List(_) | Value::Tuple(_),
            ) => return self.repeat(b, a),
            (BinOp::Mod, Value::Str(f), _) => {
                return Ok(Value::str(&crate::python::core::format::percent_format(
                    self, f, b,
                )?))
            }
            (BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor, _, _)
                if (set_view(a) || set_view(b))
                    && !matches!(a, Value::Instance(_))
                    && !matches!(b, Value::Instance(_)) =>
            {
                // CPython's dictviews_and & co.: `set(a)` then the set method with
                // `b`, any iterable; the result is always a new set
                let x = (self.lib.construct)(self, BuiltinType::Set, Args::new(vec![a.clone()]))?;
                let y = match b {
                    Value::Set(_) | Value::FrozenSet(_) => b.clone(),
                    _ => (self.lib.construct)(self, BuiltinType::Set, Args::new(vec![b.clone()]))?,
                };
                return crate::python::core::set::set_binop(self, op, &x, &y, false);
            }
            (BinOp::BitOr, Value::Type(_) | Value::Class(_) | Value::Tuple(_), _)
            | (BinOp::BitOr, Value::None, Value::Type(_) | Value::Class(_))
                if union_member(a) && union_member(b) =>
            {
                // `int | None` (annotations, isinstance): the members as a tuple,
                // which isinstance accepts; not yet CPython's types.UnionType repr.
                let mut members = vec![];
                for v in [a, b] {
                    match v {
                        Value::Tuple(t) => members.extend(t.iter().cloned()),
                        Value::None => members.push(Value::Type(BuiltinType::NoneType)),
                        other => members.push(other.clone()),
                    }
                }
                return Ok(Value::tuple(members));
            }
            (BinOp::BitOr, Value::Dict(x), Value::Dict(y)) => {
                let mut d = x.borrow().clone();
                for (k, v) in y.borrow().iter() {
                    d.insert(known_key(k), k.clone(), v.clone());
                }
                if inplace {
                    *x.borrow_mut() = d;
                    return Ok(a.clone());
                }
                return Ok(Value::dict(d));
            }
            (
                BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor,
                Value::Set(_) | Value::FrozenSet(_),
                Value::Set(_) | Value::FrozenSet(_),
            ) => return crate::python::core::set::set_binop(self, op, a, b, inplace),
            _ => {}
        }
        // user-defined operators
        let name = op.dunder();
        if inplace {
            if let Some(m) = self.lookup_special(a, &format!("__i{}__", name)) {
                let r = self.call1(&m, vec![b.clone()])?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        if let Some(m) = self.lookup_special(a, &format!("__{}__", name)) {
            let r = self.call1(&m, vec![b.clone()])?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
        if let Some(m) = self.lookup_special(b, &format!("__r{}__", name)) {
            let r = self.call1(&m, vec![a.clone()])?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
        let sym = if inplace {
            format!("{}=", op.symbol())
        } else {
            op.symbol().to_string()
        };
        match (op, a) {
            (BinOp::Add, Value::Str(_)) => self.type_err(format!(
                "can only concatenate str (not \"{}\") to str",
                b.type_name()
            )),
            (BinOp::Add, Value::List(_)) if !inplace => self.type_err(format!(
                "can only concatenate list (not \"{}\") to list",
                b.type_name()
            )),
            (BinOp::Add, Value::Tuple(_)) => self.type_err(format!(
                "can only concatenate tuple (not \"{}\") to tuple",
                b.type_name()
            )),
            (BinOp::Mul, Value::Str(_) | Value::List(_) | Value::Tuple(_))
                if !matches!(b, Value::Instance(_)) =>
            {
                self.type_err(format!(
                    "can't multiply sequence by non-int of type '{}'",
                    b.type_name()
                ))
            }
            (BinOp::Mul, _)
                if matches!(b, Value::Str(_) | Value::List(_) | Value::Tuple(_))
                    && !matches!(a, Value::Instance(_)) =>
            {
                self.type_err(format!(
                    "can't multiply sequence by non-int of type '{}'",
                    a.type_name()
                ))
            }
            (BinOp::Pow, _) => self.type_err(format!(
                "unsupported operand type(s) for {} or pow(): '{}' and '{}'",
                sym,
                a.type_name(),
                b.type_name()
            )),
            _ => self.type_err(format!(
                "unsupported operand type(s) for {}: '{}' and '{}'",
                sym,
                a.type_name(),
                b.type_name()
            )),
        }
    }

    fn repeat(&mut self, seq: &Value, n: &Value) -> PyResult<Value> {
        let n = match n {
            Value::Int(i) => (*i).max(0) as usize,
            Value::Bool(b) => *b as usize,
            _ => 0,
        };
        let (len, item) = match seq {
            Value::Str(s) => (s.len(), 1),
            Value::List(l) => (l.borrow().len(), std::mem::size_of::<Value>()),
            Value::Tuple(t) => (t.len(), std::mem::size_of::<Value>()),
            _ => (0, 0),
        };
        if crate::memory::would_exceed(len.saturating_mul(n).saturating_mul(item)) {
            return self.err(ExcKind::MemoryError, "");
        }
        Ok(match seq {
            Value::Str(s) => Value::str(&s.repeat(n)),
            Value::List(l) => {
                let v = l.borrow();
                let mut out = Vec::with_capacity(v.len() * n);
                for _ in 0..n {
                    out.extend(v.iter().cloned());
                }
                Value::list(out)
            }
            Value::Tuple(t) => {
                let mut out = Vec::with_capacity(t.len() * n);
                for _ in 0..n {
                    out.extend(t.iter().cloned());
                }
                Value::tuple(out)
            }
            _ => Value::None,
        })
    }

    fn arith(&mut self, op: BinOp, x: Num, y: Num) -> PyResult<Value> {
        use BinOp::*;
        if let (Num::I(a), Num::I(b)) = (&x, &y) {
            let (a, b) = (*a, *b);
            let r = match op {
                Add => a.checked_add(b),
                Sub => a.checked_sub(b),
                Mul => a.checked_mul(b),
                FloorDiv | Mod => {
                    if b == 0 {
                        return self.err(
                            ExcKind::ZeroDivisionError,
                            "integer division or modulo by zero",
                        );
                    }
                    if op == FloorDiv {
                        a.checked_div_euclid(b).map(|_| {
                            let q = a.wrapping_div(b);
                            if (a % b != 0) && ((a < 0) != (b < 0)) {
                                q - 1
                            } else {
                                q
                            }
                        })
                    } else {
                        a.checked_rem(b).map(|m| {
                            if m != 0 && ((m < 0) != (b < 0)) {
                                m + b
                            } else {
                                m
                            }
                        })
                    }
                }
                Div => {
                    if b == 0 {
                        return self.err(ExcKind::ZeroDivisionError, "division by zero");
                    }
                    return Ok(Value::Float(int_true_div(
                        &BigInt::from_i64(a),
                        &BigInt::from_i64(b),
                    )));
                }
                Pow => {
                    if b < 0 {
                        if a == 0 {
                            return self.err(
                                ExcKind::ZeroDivisionError,
                                "0.0 cannot be raised to a negative power",
                            );
                        }
                        return Ok(Value::Float(crate::python::num::engine::m::pow(
                            a as f64, b as f64,
                        )));
                    }
                    if b > u32::MAX as i64 {
                        None
                    } else {
                        a.checked_pow(b as u32)
                    }
                }
                LShift | RShift => {
                    if b < 0 {
                        return self.err(ExcKind::ValueError, "negative shift count");
                    }
                    if op == RShift {
                        Some(if b >= 64 {
                            if a < 0 {
                                -1
                            } else {
                                0
                            }
                        } else {
                            a >> b
                        })
                    } else if b < 63 && (a.abs() < (1i64 << (62 - b))) {
                        Some(a << b)
                    } else {
                        None
                    }
                }
                BitAnd => Some(a & b),
                BitOr => Some(a | b),
                BitXor => Some(a ^ b),
                MatMul => {
                    return self.type_err("unsupported operand type(s) for @: 'int' and 'int'")
                }
            };
            if let Some(r) = r {
                return Ok(Value::Int(r));
            }
            // overflow: fall through to big integers
        }
        let is_float = matches!(x, Num::F(_)) || matches!(y, Num::F(_));
        if is_float {
            let (a, b) = (flt(&x), flt(&y));
            let r = match op {
                Add => a + b,
                Sub => a - b,
                Mul => a * b,
                Div => {
                    if b == 0.0 {
                        return self.err(ExcKind::ZeroDivisionError, "float division by zero");
                    }
                    a / b
                }
                FloorDiv => {
                    if b == 0.0 {
                        return self
                            .err(ExcKind::ZeroDivisionError, "float floor division by zero");
                    }
                    let m = fmod_py(a, b);
                    ((a - m) / b).round()
                }
                Mod => {
                    if b == 0.0 {
                        return self.err(ExcKind::ZeroDivisionError, "float modulo");
                    }
                    fmod_py(a, b)
                }
                Pow => {
                    if a == 0.0 && b < 0.0 {
                        return self.err(
                            ExcKind::ZeroDivisionError,
                            "0.0 cannot be raised to a negative power",
                        );
                    }
                    if a < 0.0 && b.fract() != 0.0 {
                        return self.err(ExcKind::ValueError, "complex results are not supported");
                    }
                    let r = crate::python::num::engine::m::pow(a, b);
                    if r.is_infinite() && a.is_finite() && b.is_finite() {
                        return self.err(
                            ExcKind::OverflowError,
                            "(34, 'Numerical result out of range')",
                        );
                    }
                    r
                }
                _ => {
                    return self.type_err(format!(
                        "unsupported operand type(s) for {}: '{}' and '{}'",
                        op.symbol(),
                        if matches!(x, Num::F(_)) {
                            "float"
                        } else {
                            "int"
                        },
                        if matches!(y, Num::F(_)) {
                            "float"
                        } else {
                            "int"
                        }
                    ))
                }
            };
            if r.is_infinite()
                && matches!(op, Add | Sub | Mul)
                && flt(&x).is_finite()
                && flt(&y).is_finite()
            {
                return Ok(Value::Float(r));
            }
            return Ok(Value::Float(r));
        }
        let (a, b) = (big(&x), big(&y));
        let r = match op {
            Add => a.add(&b),
            Sub => a.sub(&b),
            Mul => {
                // The product, and as much again for the work (Karatsuba's parts).
                if crate::memory::would_exceed(((a.bit_length() + b.bit_length()) / 4) as usize) {
                    return self.err(ExcKind::MemoryError, "");
                }
                a.mul(&b)
            }
            FloorDiv | Mod => match a.divmod(&b) {
                None => {
                    return self.err(
                        ExcKind::ZeroDivisionError,
                        "integer division or modulo by zero",
                    )
                }
                Some((q, m)) => {
                    if op == FloorDiv {
                        q
                    } else {
                        m
                    }
                }
            },
            Div => {
                if b.is_zero() {
                    return self.err(ExcKind::ZeroDivisionError, "division by zero");
                }
                return Ok(Value::Float(int_true_div(&a, &b)));
            }
            Pow => {
                if b.is_negative() {
                    return Ok(Value::Float(crate::python::num::engine::m::pow(
                        a.to_f64(),
                        b.to_f64(),
                    )));
                }
                let e = b.to_i64().unwrap_or(i64::MAX) as u64;
                // The result's bits, in bytes, and as much again for the work.
                let bits = a.bit_length().saturating_mul(e);
                if crate::memory::would_exceed((bits / 4).min(usize::MAX as u64) as usize) {
                    return self.err(ExcKind::MemoryError, "");
                }
                a.pow(e)
            }
            LShift => {
                let s = b.to_i64().unwrap_or(i64::MAX);
                if s < 0 {
                    return self.err(ExcKind::ValueError, "negative shift count");
                }
                if crate::memory::would_exceed(((a.bit_length() + s as u64) / 8) as usize) {
                    return self.err(ExcKind::MemoryError, "");
                }
                a.shl(s as u64)
            }
            RShift => {
                let s = b.to_i64().unwrap_or(i64::MAX);
                if s < 0 {
                    return self.err(ExcKind::ValueError, "negative shift count");
                }
                if s as u64 > a.bit_length() {
                    return Ok(Value::Int(if a.is_negative() { -1 } else { 0 }));
                }
                a.shr(s as u64)
            }
            _ => {
                return self.err(
                    ExcKind::OverflowError,
                    "bitwise operations on integers beyond 64 bits are not supported",
                )
            }
        };
        Ok(Value::from_big(r))
    }

    /// Unary operators.
    pub fn unary(&mut self, op: UnOp, a: &Value) -> PyResult<Value> {
        match (op, a) {
            (UnOp::Not, _) => Ok(Value::Bool(!self.truthy(a)?)),
            (UnOp::Neg, Value::Int(i)) => Ok(match i.checked_neg() {
                Some(n) => Value::Int(n),
                None => Value::from_big(BigInt::from_i64(*i).neg()),
            }),
            (UnOp::Neg, Value::Bool(b)) => Ok(Value::Int(-(*b as i64))),
            (UnOp::Neg, Value::Big(b)) => Ok(Value::from_big(b.neg())),
            (UnOp::Neg, Value::Float(f)) => Ok(Value::Float(-f)),
            (UnOp::Pos, Value::Int(_) | Value::Big(_) | Value::Float(_)) => Ok(a.clone()),
            (UnOp::Pos, Value::Bool(b)) => Ok(Value::Int(*b as i64)),
            (UnOp::Invert, Value::Int(i)) => Ok(Value::Int(!i)),
            (UnOp::Invert, Value::Bool(b)) => Ok(Value::Int(!(*b as i64))),
            (UnOp::Invert, Value::Big(b)) => Ok(Value::from_big(b.neg().sub(&BigInt::from_i64(1)))),
            _ => {
                let (name, sym) = match op {
                    UnOp::Neg => ("__neg__", "-"),
                    UnOp::Pos => ("__pos__", "+"),
                    _ => ("__invert__", "~"),
                };
                if let Some(m) = self.lookup_special(a, name) {
                    return self.call1(&m, vec![]);
                }
                self.type_err(format!(
                    "bad operand type for unary {}: '{}'",
                    sym,
                    a.type_name()
                ))
            }
        }
    }

    /// Truth value.
    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        Ok(match v {
            Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::Big(_) => true,
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::Bytes(s) => !s.is_empty(),
            Value::List(l) => !l.borrow().is_empty(),
            Value::Tuple(t) => !t.is_empty(),
            Value::Dict(d) => !d.borrow().is_empty(),
            Value::Set(d) => !d.borrow().is_empty(),
            Value::FrozenSet(d) => !d.is_empty(),
            Value::View(v) => !v.1.borrow().is_empty(),
            Value::Range(r) => range_len(r.0, r.1, r.2) > 0,
            Value::Instance(_) => {
                if let Some(m) = self.lookup_special(v, "__bool__") {
                    let r = self.call1(&m, vec![])?;
                    return match r {
                        Value::Bool(b) => Ok(b),
                        _ => self.type_err(format!(
                            "__bool__ should return bool, returned {}",
                            r.type_name()
                        )),
                    };
                }
                if let Some(m) = self.lookup_special(v, "__len__") {
                    let r = self.call1(&m, vec![])?;
                    return Ok(!matches!(r, Value::Int(0)));
                }
                true
            }
            _ => true,
        })
    }

    /// `zip(strict=True)`: iterable `k` ended first; CPython's ValueError when it
    /// is not the first, or when one after it still has items.
    fn zip_strict_check(&mut self, its: &[Value], k: usize) -> PyResult<()> {
        let before = |n: usize| {
            if n == 1 {
                "argument 1".to_string()
            } else {
                format!("arguments 1-{n}")
            }
        };
        if k > 0 {
            return self.err(
                ExcKind::ValueError,
                format!("zip() argument {} is shorter than {}", k + 1, before(k)),
            );
        }
        for (j, i) in its.iter().enumerate().skip(1) {
            if self.next(i)?.is_some() {
                return self.err(
                    ExcKind::ValueError,
                    format!("zip() argument {} is longer than {}", j + 1, before(j)),
                );
            }
        }
        Ok(())
    }

    /// Hash key (TypeError for unhashable values). An instance hashes with its
    /// class's `__hash__`; `__hash__ = None` (implicit when the class defines
    /// `__eq__` alone) makes it unhashable, as in CPython.
    pub fn hash(&mut self, v: &Value) -> PyResult<HashKey> {
        match v {
            Value::Instance(i) => match i.class.lookup("__hash__") {
                Some(Value::None) => {
                    return self.type_err(format!("unhashable type: '{}'", i.class.name))
                }
                Some(f @ Value::Function(_)) => {
                    // what `__hash__` returned, as CPython keeps it: `-1` is `-2`, an
                    // int past 64 bits is reduced as its hash() (modulo 2**61 - 1)
                    let h = match self.call1(&f, vec![v.clone()])? {
                        Value::Int(-1) => -2,
                        Value::Int(h) => h,
                        Value::Bool(b) => b as i64,
                        Value::Big(b) => {
                            let key = HashKey::Big(b.to_string());
                            crate::python::core::set::py_hash(&key).unwrap_or_default() as i64
                        }
                        _ => return self.type_err("__hash__ method should return an integer"),
                    };
                    return Ok(HashKey::User(h));
                }
                _ => {}
            },
            Value::Tuple(t)
                if t.iter()
                    .any(|x| matches!(x, Value::Instance(_) | Value::Tuple(_))) =>
            {
                let t = t.clone();
                let keys = t.iter().map(|x| self.hash(x)).collect::<PyResult<_>>()?;
                return Ok(HashKey::Tuple(keys));
            }
            _ => {}
        }
        match hash_key(v) {
            Ok(k) => Ok(k),
            Err(t) => self.type_err(format!("unhashable type: '{}'", t)),
        }
    }

    /// `a == b`
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if let (Some(x), Some(y)) = (num(a), num(b)) {
            return Ok(num_cmp(&x, &y) == Some(Ordering::Equal));
        }
        Ok(match (a, b) {
            (Value::Str(x), Value::Str(y)) => x == y,
            (Value::Bytes(x), Value::Bytes(y)) => x == y,
            (Value::None, Value::None) => true,
            (Value::List(x), Value::List(y)) => {
                if Rc::ptr_eq(x, y) {
                    return Ok(true);
                }
                let (x, y) = (x.borrow().clone(), y.borrow().clone());
                self.seq_eq(&x, &y)?
            }
            (Value::Tuple(x), Value::Tuple(y)) => self.seq_eq(x, y)?,
            (Value::Dict(x), Value::Dict(y)) => {
                let (x, y) = (x.borrow().clone(), y.borrow().clone());
                if x.len() != y.len() {
                    return Ok(false);
                }
                for (k, v) in x.iter() {
                    match y.get(&known_key(k)) {
                        Some(w) => {
                            if !self.eq(v, w)? {
                                return Ok(false);
                            }
                        }
                        None => return Ok(false),
                    }
                }
                true
            }
            (Value::Set(_) | Value::FrozenSet(_), Value::Set(_) | Value::FrozenSet(_)) => {
                let (x, y) = (set_dict(a), set_dict(b));
                x.len() == y.len() && x.iter().all(|(k, _)| y.get(&known_key(k)).is_some())
            }
            (Value::Range(x), Value::Range(y)) => {
                let (lx, ly) = (range_len(x.0, x.1, x.2), range_len(y.0, y.1, y.2));
                lx == ly && (lx == 0 || (x.0 == y.0 && (lx == 1 || x.2 == y.2)))
            }
            (Value::Instance(_), _) | (_, Value::Instance(_)) => {
                for (s, o) in [(a, b), (b, a)] {
                    if let Some(m) = self.lookup_special(s, "__eq__") {
                        let r = self.call1(&m, vec![o.clone()])?;
                        if !matches!(r, Value::NotImplemented) {
                            return self.truthy(&r);
                        }
                    }
                }
                a.is(b)
            }
            (Value::Method(x), Value::Method(y)) => x.0.is(&y.0) && x.1.is(&y.1),
            // keys and items views equal sets (and such views) with the same items
            _ if set_view_pair(a, b) => self.len(a)? == self.len(b)? && self.all_in(a, b)?,
            _ => a.is(b),
        })
    }

    /// Is every item of the iterable `a` in `b`?
    fn all_in(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        let it = self.iter(a)?;
        while let Some(x) = self.next(&it)? {
            if !self.contains(b, &x)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    fn seq_eq(&mut self, x: &[Value], y: &[Value]) -> PyResult<bool> {
        if x.len() != y.len() {
            return Ok(false);
        }
        for (a, b) in x.iter().zip(y) {
            if !a.is(b) && !self.eq(a, b)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// Ordering for `<` etc. and sorting; TypeError when not comparable.
    pub fn cmp_lt(&mut self, a: &Value, b: &Value, op: CmpOp) -> PyResult<bool> {
        if let (Some(x), Some(y)) = (num(a), num(b)) {
            let o = num_cmp(&x, &y);
            return Ok(match o {
                None => false,
                Some(o) => match op {
                    CmpOp::Lt => o == Ordering::Less,
                    CmpOp::Le => o != Ordering::Greater,
                    CmpOp::Gt => o == Ordering::Greater,
                    _ => o != Ordering::Less,
                },
            });
        }
        let ord = match (a, b) {
            (Value::Str(x), Value::Str(y)) => Some(x.cmp(y)),
            (Value::Bytes(x), Value::Bytes(y)) => Some(x.cmp(y)),
            (Value::List(_), Value::List(_)) | (Value::Tuple(_), Value::Tuple(_)) => {
                let (x, y) = (self.to_vec(a)?, self.to_vec(b)?);
                let n = x.len().min(y.len());
                for i in 0..n {
                    if !x[i].is(&y[i]) && !self.eq(&x[i], &y[i])? {
                        return self.cmp_lt(&x[i], &y[i], op);
                    }
                }
                Some(x.len().cmp(&y.len()))
            }
            (Value::Set(_) | Value::FrozenSet(_), Value::Set(_) | Value::FrozenSet(_)) => {
                let (x, y) = (set_dict(a), set_dict(b));
                let sub =
                    |p: &Dict, q: &Dict| p.iter().all(|(k, _)| q.get(&known_key(k)).is_some());
                return Ok(match op {
                    CmpOp::Le => sub(&x, &y),
                    CmpOp::Lt => x.len() < y.len() && sub(&x, &y),
                    CmpOp::Ge => sub(&y, &x),
                    _ => y.len() < x.len() && sub(&y, &x),
                });
            }
            // subset tests of views, as CPython's dictview_richcompare
            _ if set_view_pair(a, b) => {
                let (x, y) = match op {
                    CmpOp::Le | CmpOp::Lt => (a, b),
                    _ => (b, a),
                };
                let (lx, ly) = (self.len(x)?, self.len(y)?);
                let strict = matches!(op, CmpOp::Lt | CmpOp::Gt);
                return Ok((if strict { lx < ly } else { lx <= ly }) && self.all_in(x, y)?);
            }
            _ => None,
        };
        if let Some(o) = ord {
            return Ok(match op {
                CmpOp::Lt => o == Ordering::Less,
                CmpOp::Le => o != Ordering::Greater,
                CmpOp::Gt => o == Ordering::Greater,
                _ => o != Ordering::Less,
            });
        }
        let (name, rname) = match op {
            CmpOp::Lt => ("__lt__", "__gt__"),
            CmpOp::Le => ("__le__", "__ge__"),
            CmpOp::Gt => ("__gt__", "__lt__"),
            _ => ("__ge__", "__le__"),
        };
        if let Some(m) = self.lookup_special(a, name) {
            let r = self.call1(&m, vec![b.clone()])?;
            if !matches!(r, Value::NotImplemented) {
                return self.truthy(&r);
            }
        }
        if let Some(m) = self.lookup_special(b, rname) {
            let r = self.call1(&m, vec![a.clone()])?;
            if !matches!(r, Value::NotImplemented) {
                return self.truthy(&r);
            }
        }
        self.type_err(format!(
            "'{}' not supported between instances of '{}' and '{}'",
            op.symbol(),
            a.type_name(),
            b.type_name()
        ))
    }

    /// Comparison operators.
    pub fn compare(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
        Ok(Value::Bool(match op {
            CmpOp::Eq => self.eq(a, b)?,
            CmpOp::Ne => {
                if matches!(a, Value::Instance(_)) {
                    if let Some(m) = self.lookup_special(a, "__ne__") {
                        let r = self.call1(&m, vec![b.clone()])?;
                        if !matches!(r, Value::NotImplemented) {
                            return Ok(Value::Bool(self.truthy(&r)?));
                        }
                    }
                }
                !self.eq(a, b)?
            }
            CmpOp::Is => a.is(b),
            CmpOp::IsNot => !a.is(b),
            CmpOp::In => self.contains(b, a)?,
            CmpOp::NotIn => !self.contains(b, a)?,
            _ => self.cmp_lt(a, b, op)?,
        }))
    }

    /// `x in container`
    pub fn contains(&mut self, container: &Value, x: &Value) -> PyResult<bool> {
        match container {
            Value::Str(s) => match x {
                Value::Str(n) => Ok(s.contains(&**n)),
                _ => self.type_err(format!(
                    "'in <string>' requires string as left operand, not {}",
                    x.type_name()
                )),
            },
            Value::Dict(d) => {
                let k = self.hash(x)?;
                Ok(d.borrow().get(&k).is_some())
            }
            Value::Set(d) => {
                let k = self.hash(x)?;
                Ok(d.borrow().get(&k).is_some())
            }
            Value::FrozenSet(d) => {
                let k = self.hash(x)?;
                Ok(d.get(&k).is_some())
            }
            Value::View(v) if v.0 == ViewKind::Keys => self.contains(&Value::Dict(v.1.clone()), x),
            Value::View(v) if v.0 == ViewKind::Items => {
                // a (key, value) pair: the key looked up, then its value compared
                let t = match x {
                    Value::Tuple(t) if t.len() == 2 => t.clone(),
                    _ => return Ok(false),
                };
                let k = self.hash(&t[0])?;
                let found = v.1.borrow().get(&k).cloned();
                match found {
                    Some(f) => Ok(f.is(&t[1]) || self.eq(&f, &t[1])?),
                    None => Ok(false),
                }
            }
            Value::Range(r) => Ok(match x {
                Value::Int(i) => {
                    let (start, stop, step) = **r;
                    let inr = if step > 0 {
                        *i >= start && *i < stop
                    } else {
                        *i <= start && *i > stop
                    };
                    inr && (i - start) % step == 0
                }
                _ => false,
            }),
            Value::Instance(_) | Value::Class(_)
                if self.lookup_special(container, "__contains__").is_some() =>
            {
                let m = self.lookup_special(container, "__contains__").unwrap();
                let r = self.call1(&m, vec![x.clone()])?;
                self.truthy(&r)
            }
            _ => {
                let it = match self.iter(container) {
                    Ok(it) => it,
                    Err(_) => {
                        return self.type_err(format!(
                            "argument of type '{}' is not iterable",
                            container.type_name()
                        ))
                    }
                };
                while let Some(v) = self.next(&it)? {
                    if v.is(x) || self.eq(&v, x)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
        }
    }

    /// `iter(v)`
    pub fn iter(&mut self, v: &Value) -> PyResult<Value> {
        let it = match v {
            Value::List(_) | Value::Tuple(_) => IterObj::Seq(v.clone(), 0),
            Value::Str(s) => IterObj::Chars(s.clone(), 0),
            Value::Bytes(b) => IterObj::Items(b.iter().map(|x| Value::Int(*x as i64)).collect(), 0),
            Value::Range(r) => IterObj::Range(r.0, r.1, r.2),
            Value::Dict(d) | Value::Set(d) => {
                let keys = d.borrow().keys();
                let n = keys.len();
                IterObj::Keys(keys, 0, d.clone(), n, matches!(v, Value::Set(_)))
            }
            Value::FrozenSet(d) => IterObj::Items(d.keys(), 0),
            Value::View(v) => {
                // a snapshot checked against the dict's size, as iterating the dict
                let items = view_items(v.0, &v.1.borrow());
                let n = items.len();
                IterObj::Keys(items, 0, v.1.clone(), n, false)
            }
            Value::Iter(_) | Value::Gen(_) => {
                if let Value::Gen(g) = v {
                    if !matches!(g.borrow().kind, GenKind::Generator) {
                        return self
                            .type_err(format!("'{}' object is not iterable", v.type_name()));
                    }
                }
                return Ok(v.clone());
            }
            Value::Instance(_) | Value::Class(_) => {
                if let Some(m) = self.lookup_special(v, "__iter__") {
                    let r = self.call1(&m, vec![])?;
                    if self.lookup_special(&r, "__next__").is_none()
                        && !matches!(r, Value::Iter(_) | Value::Gen(_))
                    {
                        return self.type_err(format!(
                            "iter() returned non-iterator of type '{}'",
                            r.type_name()
                        ));
                    }
                    return Ok(r);
                }
                if self.lookup_special(v, "__getitem__").is_some() {
                    return Ok(Value::Iter(Rc::new(RefCell::new(IterObj::Seq(
                        v.clone(),
                        0,
                    )))));
                }
                return self.type_err(format!("'{}' object is not iterable", v.type_name()));
            }
            _ => return self.type_err(format!("'{}' object is not iterable", v.type_name())),
        };
        Ok(Value::Iter(Rc::new(RefCell::new(it))))
    }

    /// Advance an iterator: `None` when exhausted.
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        match it {
            Value::Iter(cell) => {
                let mut st = cell.borrow_mut();
                match &mut *st {
                    IterObj::Seq(seq, i) => {
                        let r = match seq {
                            Value::List(l) => l.borrow().get(*i).cloned(),
                            Value::Tuple(t) => t.get(*i).cloned(),
                            other => {
                                let other = other.clone();
                                let idx = *i;
                                drop(st);
                                let r = match self.getitem(&other, &Value::Int(idx as i64)) {
                                    Ok(v) => Some(v),
                                    Err(e)
                                        if self.exc_is(&e, ExcKind::IndexError)
                                            || self.exc_is(&e, ExcKind::StopIteration) =>
                                    {
                                        None
                                    }
                                    Err(e) => return Err(e),
                                };
                                let mut st = cell.borrow_mut();
                                if let IterObj::Seq(_, i) = &mut *st {
                                    *i += 1;
                                }
                                if r.is_none() {
                                    *st = IterObj::Done;
                                }
                                return Ok(r);
                            }
                        };
                        *i += 1;
                        if r.is_none() {
                            *st = IterObj::Done;
                        }
                        Ok(r)
                    }
                    IterObj::Chars(s, i) => {
                        let r = s[*i..].chars().next();
                        match r {
                            Some(c) => {
                                *i += c.len_utf8();
                                Ok(Some(Value::str(c.encode_utf8(&mut [0; 4]))))
                            }
                            None => Ok(None),
                        }
                    }
                    IterObj::Range(cur, stop, step) => {
                        if (*step > 0 && *cur < *stop) || (*step < 0 && *cur > *stop) {
                            let v = *cur;
                            *cur = cur.saturating_add(*step);
                            Ok(Some(Value::Int(v)))
                        } else {
                            Ok(None)
                        }
                    }
                    IterObj::Items(v, i) => {
                        let r = v.get(*i).cloned();
                        *i += 1;
                        Ok(r)
                    }
                    IterObj::Keys(v, i, d, n, set) => {
                        if d.borrow().len() != *n {
                            // sticky, as CPython's
                            *n = usize::MAX;
                            let msg = if *set {
                                "Set changed size during iteration"
                            } else {
                                "dictionary changed size during iteration"
                            };
                            drop(st);
                            return self.err(ExcKind::RuntimeError, msg);
                        }
                        let r = v.get(*i).cloned();
                        *i += 1;
                        Ok(r)
                    }
                    IterObj::Enumerate(inner, n) => {
                        let (inner, count) = (inner.clone(), n.clone());
                        drop(st);
                        match self.next(&inner)? {
                            Some(v) => {
                                let next =
                                    self.binary(BinOp::Add, &count, &Value::Int(1), false)?;
                                if let IterObj::Enumerate(_, n) = &mut *cell.borrow_mut() {
                                    *n = next;
                                }
                                Ok(Some(Value::tuple(vec![count, v])))
                            }
                            None => Ok(None),
                        }
                    }
                    IterObj::Zip(its, strict) => {
                        let (its, strict) = (its.clone(), *strict);
                        drop(st);
                        if its.is_empty() {
                            // `zip()` is empty (not an endless run of `()`)
                            return Ok(None);
                        }
                        let mut out = vec![];
                        for (k, i) in its.iter().enumerate() {
                            match self.next(i)? {
                                Some(v) => out.push(v),
                                None => {
                                    *cell.borrow_mut() = IterObj::Done;
                                    if strict {
                                        self.zip_strict_check(&its, k)?;
                                    }
                                    return Ok(None);
                                }
                            }
                        }
                        Ok(Some(Value::tuple(out)))
                    }
                    IterObj::Map(f, its) => {
                        let (f, its) = (f.clone(), its.clone());
                        drop(st);
                        let mut args = vec![];
                        for i in &its {
                            match self.next(i)? {
                                Some(v) => args.push(v),
                                None => return Ok(None),
                            }
                        }
                        Ok(Some(self.call1(&f, args)?))
                    }
                    IterObj::Filter(f, inner) => {
                        let (f, inner) = (f.clone(), inner.clone());
                        drop(st);
                        loop {
                            match self.next(&inner)? {
                                Some(v) => {
                                    let keep = if matches!(f, Value::None) {
                                        v.clone()
                                    } else {
                                        self.call1(&f, vec![v.clone()])?
                                    };
                                    if self.truthy(&keep)? {
                                        return Ok(Some(v));
                                    }
                                }
                                None => return Ok(None),
                            }
                        }
                    }
                    IterObj::Once(v) => Ok(v.take()),
                    IterObj::Done => Ok(None),
                }
            }
            Value::Gen(g) => {
                let g = g.clone();
                let base = self.frames.len();
                if !self.resume_gen(&g, Value::None, None, Mode::Sync)? {
                    return Ok(None);
                }
                self.run_gen_nested(base)
            }
            Value::Instance(_) => match self.lookup_special(it, "__next__") {
                Some(m) => match self.call1(&m, vec![]) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) if self.exc_is(&e, ExcKind::StopIteration) => Ok(None),
                    Err(e) => Err(e),
                },
                None => self.type_err(format!("'{}' object is not an iterator", it.type_name())),
            },
            _ => self.type_err(format!("'{}' object is not an iterator", it.type_name())),
        }
    }

    /// Run a generator frame just pushed by `resume_gen` until it yields or returns.
    pub fn run_gen_nested(&mut self, base: usize) -> PyResult<Option<Value>> {
        use crate::python::core::vm::Exit;
        if self.nested >= crate::python::core::vm::MAX_NESTED {
            // undo: the frame is on the stack; let it fail inside
            let e = self.new_exc(ExcKind::RecursionError, "maximum recursion depth exceeded");
            self.pending_throw = Some(e);
        }
        self.nested += 1;
        let r = self.run(base, None);
        self.nested -= 1;
        match r {
            Exit::Suspend(_) => Err(self.new_exc(
                ExcKind::RuntimeError,
                "this event loop call cannot block here (inside a nested call)",
            )),
            Exit::Yield(v) => Ok(Some(v)),
            Exit::Return(_) => Ok(None),
            Exit::Error(e) => Err(e),
            Exit::Budget => Ok(None),
        }
    }

    /// All items of an iterable.
    pub fn to_vec(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        match v {
            Value::List(l) => return Ok(l.borrow().clone()),
            Value::Tuple(t) => return Ok(t.to_vec()),
            _ => {}
        }
        let it = self.iter(v)?;
        let mut out = vec![];
        while let Some(x) = self.next(&it)? {
            out.push(x);
            if out.len() > 50_000_000 {
                return self.err(ExcKind::MemoryError, "");
            }
        }
        Ok(out)
    }

    /// Unpack exactly `n` items.
    pub fn unpack(&mut self, v: &Value, n: usize) -> PyResult<Vec<Value>> {
        let items = match v {
            Value::List(_)
            | Value::Tuple(_)
            | Value::Str(_)
            | Value::Dict(_)
            | Value::Set(_)
            | Value::Range(_) => self.to_vec(v)?,
            _ => {
                let it = match self.iter(v) {
                    Ok(it) => it,
                    Err(_) => {
                        return self.type_err(format!(
                            "cannot unpack non-iterable {} object",
                            v.type_name()
                        ))
                    }
                };
                let mut out = vec![];
                while let Some(x) = self.next(&it)? {
                    out.push(x);
                    if out.len() > n {
                        return self.err(
                            ExcKind::ValueError,
                            format!("too many values to unpack (expected {})", n),
                        );
                    }
                }
                out
            }
        };
        if items.len() > n {
            return self.err(
                ExcKind::ValueError,
                format!("too many values to unpack (expected {})", n),
            );
        }
        if items.len() < n {
            return self.err(
                ExcKind::ValueError,
                format!(
                    "not enough values to unpack (expected {}, got {})",
                    n,
                    items.len()
                ),
            );
        }
        Ok(items)
    }

    /// Items of a mapping for `**m` / `dict.update`.
    pub fn mapping_items(&mut self, m: &Value) -> PyResult<Vec<(HashKey, Value, Value)>> {
        match m {
            Value::Dict(d) => Ok(d
                .borrow()
                .iter()
                .map(|(k, v)| (known_key(k), k.clone(), v.clone()))
                .collect()),
            _ => {
                if let Some(keys) = self.lookup_special(m, "keys") {
                    let ks = self.call1(&keys, vec![])?;
                    let ks = self.to_vec(&ks)?;
                    let mut out = vec![];
                    for k in ks {
                        let v = self.getitem(m, &k)?;
                        out.push((self.hash(&k)?, k, v));
                    }
                    return Ok(out);
                }
                self.type_err(format!("'{}' object is not a mapping", m.type_name()))
            }
        }
    }

    /// Normalize a sequence index.
    fn index(&mut self, i: &Value, len: usize, what: &str) -> PyResult<usize> {
        let i = match i {
            Value::Int(i) => *i,
            Value::Bool(b) => *b as i64,
            Value::Big(_) => {
                return self.err(
                    ExcKind::IndexError,
                    "cannot fit 'int' into an index-sized integer",
                )
            }
            // an object with `__index__` (an IntEnum member)
            Value::Instance(_) if self.lookup_special(i, "__index__").is_some() => {
                let m = self.lookup_special(i, "__index__").unwrap();
                let v = self.call1(&m, vec![])?;
                if matches!(v, Value::Instance(_)) {
                    return self.type_err("__index__ returned non-int");
                }
                return self.index(&v, len, what);
            }
            // CPython 3.11's str words it differently from list and tuple
            _ if what == "string" => {
                return self.type_err(format!(
                    "string indices must be integers, not '{}'",
                    i.type_name()
                ))
            }
            _ => {
                return self.type_err(format!(
                    "{} indices must be integers or slices, not {}",
                    what,
                    i.type_name()
                ))
            }
        };
        let j = if i < 0 { i + len as i64 } else { i };
        if j < 0 || j >= len as i64 {
            let msg = match what {
                "list" => "list index out of range",
                "tuple" => "tuple index out of range",
                "range object" => "range object index out of range",
                _ => "string index out of range",
            };
            return self.err(ExcKind::IndexError, msg);
        }
        Ok(j as usize)
    }

    /// `o[i]`
    pub fn getitem(&mut self, o: &Value, i: &Value) -> PyResult<Value> {
        if let Value::Slice(s) = i {
            return self.get_slice(o, s);
        }
        match o {
            Value::List(l) => {
                let n = l.borrow().len();
                let j = self.index(i, n, "list")?;
                Ok(l.borrow()[j].clone())
            }
            Value::Tuple(t) => {
                let j = self.index(i, t.len(), "tuple")?;
                Ok(t[j].clone())
            }
            Value::Str(s) => {
                if s.is_ascii() {
                    let j = self.index(i, s.len(), "string")?;
                    return Ok(Value::str(&s[j..j + 1]));
                }
                let chars: Vec<char> = s.chars().collect();
                let j = self.index(i, chars.len(), "string")?;
                Ok(Value::str(chars[j].encode_utf8(&mut [0; 4])))
            }
            Value::Bytes(b) => {
                let j = self.index(i, b.len(), "index")?;
                Ok(Value::Int(b[j] as i64))
            }
            Value::Range(r) => {
                let n = range_len(r.0, r.1, r.2);
                // In i64 (a range may hold more than 2**32 items on wasm32); the item
                // lies between start and stop, so the wrapping sum is exact.
                let k = match i {
                    Value::Int(k) => *k,
                    Value::Bool(b) => *b as i64,
                    _ => self.index(i, 0, "range")? as i64,
                };
                match Some(k).and_then(|k| if k < 0 { k.checked_add(n) } else { Some(k) }) {
                    Some(j) if (0..n).contains(&j) => {
                        Ok(Value::Int(r.0.wrapping_add(r.2.wrapping_mul(j))))
                    }
                    _ => self.err(ExcKind::IndexError, "range object index out of range"),
                }
            }
            Value::Dict(d) => {
                let k = self.hash(i)?;
                let v = d.borrow().get(&k).cloned();
                match v {
                    Some(v) => Ok(v),
                    None => {
                        let e = self.make_exc(self.exc_class(ExcKind::KeyError), vec![i.clone()]);
                        Err(e)
                    }
                }
            }
            Value::Instance(_) => match self.lookup_special(o, "__getitem__") {
                Some(m) => self.call1(&m, vec![i.clone()]),
                None => self.type_err(format!("'{}' object is not subscriptable", o.type_name())),
            },
            Value::Class(_) if self.lookup_special(o, "__getitem__").is_some() => {
                let m = self.lookup_special(o, "__getitem__").unwrap();
                self.call1(&m, vec![i.clone()])
            }
            Value::Type(_) | Value::Class(_) => Ok(o.clone()),
            _ => self.type_err(format!("'{}' object is not subscriptable", o.type_name())),
        }
    }

    fn slice_indices(
        &mut self,
        s: &(Value, Value, Value),
        len: usize,
    ) -> PyResult<(i64, i64, i64)> {
        let get = |vm: &mut Vm, v: &Value| -> PyResult<Option<i64>> {
            match v {
                Value::None => Ok(None),
                Value::Int(i) => Ok(Some(*i)),
                Value::Bool(b) => Ok(Some(*b as i64)),
                Value::Big(b) => Ok(Some(if b.is_negative() {
                    i64::MIN / 2
                } else {
                    i64::MAX / 2
                })),
                _ => vm
                    .type_err("slice indices must be integers or None or have an __index__ method"),
            }
        };
        let step = get(self, &s.2)?.unwrap_or(1);
        if step == 0 {
            return self.err(ExcKind::ValueError, "slice step cannot be zero");
        }
        let len = len as i64;
        let norm = |v: Option<i64>, default: i64, lo: i64, hi: i64| -> i64 {
            match v {
                None => default,
                Some(i) => {
                    let i = if i < 0 { i + len } else { i };
                    i.clamp(lo, hi)
                }
            }
        };
        let (start, stop) = if step > 0 {
            (
                norm(get(self, &s.0)?, 0, 0, len),
                norm(get(self, &s.1)?, len, 0, len),
            )
        } else {
            (
                norm(get(self, &s.0)?, len - 1, -1, len - 1),
                norm(get(self, &s.1)?, -1, -1, len - 1),
            )
        };
        Ok((start, stop, step))
    }

    fn slice_positions(&mut self, s: &(Value, Value, Value), len: usize) -> PyResult<Vec<usize>> {
        let (start, stop, step) = self.slice_indices(s, len)?;
        let mut out = vec![];
        let mut i = start;
        while (step > 0 && i < stop) || (step < 0 && i > stop) {
            out.push(i as usize);
            i += step;
        }
        Ok(out)
    }

    fn get_slice(&mut self, o: &Value, s: &(Value, Value, Value)) -> PyResult<Value> {
        match o {
            Value::List(l) => {
                let v = l.borrow().clone();
                let pos = self.slice_positions(s, v.len())?;
                Ok(Value::list(pos.into_iter().map(|i| v[i].clone()).collect()))
            }
            Value::Tuple(t) => {
                let pos = self.slice_positions(s, t.len())?;
                Ok(Value::tuple(
                    pos.into_iter().map(|i| t[i].clone()).collect(),
                ))
            }
            Value::Str(st) => {
                let chars: Vec<char> = st.chars().collect();
                let pos = self.slice_positions(s, chars.len())?;
                Ok(Value::str(
                    &pos.into_iter().map(|i| chars[i]).collect::<String>(),
                ))
            }
            Value::Bytes(b) => {
                let pos = self.slice_positions(s, b.len())?;
                Ok(Value::Bytes(
                    pos.into_iter().map(|i| b[i]).collect::<Vec<u8>>().into(),
                ))
            }
            Value::Range(r) => {
                let n = range_len(r.0, r.1, r.2) as usize;
                let (start, stop, step) = self.slice_indices(s, n)?;
                Ok(Value::Range(Rc::new((
                    r.0 + start * r.2,
                    r.0 + stop * r.2,
                    r.2 * step,
                ))))
            }
            Value::Instance(_) => match self.lookup_special(o, "__getitem__") {
                Some(m) => self.call1(&m, vec![Value::Slice(Rc::new(s.clone()))]),
                None => self.type_err(format!("'{}' object is not subscriptable", o.type_name())),
            },
            _ => self.type_err(format!("'{}' object is not subscriptable", o.type_name())),
        }
    }

    /// `o[i] = v`
    pub fn setitem(&mut self, o: &Value, i: Value, v: Value) -> PyResult<()> {
        match o {
            Value::List(l) => {
                if let Value::Slice(s) = &i {
                    let items = self.to_vec(&v)?;
                    let n = l.borrow().len();
                    if matches!(s.2, Value::None) || matches!(s.2, Value::Int(1)) {
                        let (start, stop, _) = self.slice_indices(s, n)?;
                        let stop = stop.max(start);
                        l.borrow_mut().splice(start as usize..stop as usize, items);
                        return Ok(());
                    }
                    let pos = self.slice_positions(s, n)?;
                    if pos.len() != items.len() {
                        return self.err(ExcKind::ValueError, format!("attempt to assign sequence of size {} to extended slice of size {}", items.len(), pos.len()));
                    }
                    let mut lb = l.borrow_mut();
                    for (p, x) in pos.into_iter().zip(items) {
                        lb[p] = x;
                    }
                    return Ok(());
                }
                let n = l.borrow().len();
                let j = self.index(&i, n, "list").map_err(|e| {
                    if self.exc_is(&e, ExcKind::IndexError) {
                        self.new_exc(ExcKind::IndexError, "list assignment index out of range")
                    } else {
                        e
                    }
                })?;
                l.borrow_mut()[j] = v;
                Ok(())
            }
            Value::Dict(d) => {
                let k = self.hash(&i)?;
                d.borrow_mut().insert(k, i, v);
                Ok(())
            }
            Value::Instance(_) => match self.lookup_special(o, "__setitem__") {
                Some(m) => {
                    self.call1(&m, vec![i, v])?;
                    Ok(())
                }
                None => self.type_err(format!(
                    "'{}' object does not support item assignment",
                    o.type_name()
                )),
            },
            _ => self.type_err(format!(
                "'{}' object does not support item assignment",
                o.type_name()
            )),
        }
    }

    /// `del o[i]`
    pub fn delitem(&mut self, o: &Value, i: &Value) -> PyResult<()> {
        match o {
            Value::List(l) => {
                if let Value::Slice(s) = i {
                    let n = l.borrow().len();
                    let mut pos = self.slice_positions(s, n)?;
                    // Slice positions are monotonic: ascending order is at most a
                    // reversal (no sort instantiation in the wasm).
                    if pos.first() > pos.last() {
                        pos.reverse();
                    }
                    let mut lb = l.borrow_mut();
                    for p in pos.into_iter().rev() {
                        lb.remove(p);
                    }
                    return Ok(());
                }
                let n = l.borrow().len();
                let j = self.index(i, n, "list").map_err(|e| {
                    if self.exc_is(&e, ExcKind::IndexError) {
                        self.new_exc(ExcKind::IndexError, "list assignment index out of range")
                    } else {
                        e
                    }
                })?;
                l.borrow_mut().remove(j);
                Ok(())
            }
            Value::Dict(d) => {
                let k = self.hash(i)?;
                let r = d.borrow_mut().remove(&k);
                match r {
                    Some(_) => Ok(()),
                    None => Err(self.make_exc(self.exc_class(ExcKind::KeyError), vec![i.clone()])),
                }
            }
            Value::Instance(_) if self.lookup_special(o, "__delitem__").is_some() => {
                let m = self.lookup_special(o, "__delitem__").unwrap_or(Value::None);
                self.call1(&m, vec![i.clone()])?;
                Ok(())
            }
            // CPython words it by whether the type has sequence or mapping slots
            _ => {
                let slots = matches!(
                    o,
                    Value::Instance(_)
                        | Value::Tuple(_)
                        | Value::Str(_)
                        | Value::Bytes(_)
                        | Value::Range(_)
                        | Value::Set(_)
                        | Value::FrozenSet(_)
                        | Value::View(_)
                );
                let does = if slots { "doesn't" } else { "does not" };
                self.type_err(format!(
                    "'{}' object {} support item deletion",
                    o.type_name(),
                    does
                ))
            }
        }
    }

    /// `len(v)`
    pub fn len(&mut self, v: &Value) -> PyResult<i64> {
        // i64, not usize: a range can be longer than 2**32 on wasm32.
        Ok(match v {
            Value::Str(s) => {
                (if s.is_ascii() {
                    s.len()
                } else {
                    s.chars().count()
                }) as i64
            }
            Value::Bytes(b) => b.len() as i64,
            Value::List(l) => l.borrow().len() as i64,
            Value::Tuple(t) => t.len() as i64,
            Value::Dict(d) => d.borrow().len() as i64,
            Value::Set(d) => d.borrow().len() as i64,
            Value::FrozenSet(d) => d.len() as i64,
            Value::View(v) => v.1.borrow().len() as i64,
            Value::Range(r) => match range_len(r.0, r.1, r.2) {
                n if n >= 0 => n,
                _ => {
                    return self.err(
                        ExcKind::OverflowError,
                        "Python int too large to convert to C ssize_t",
                    )
                }
            },
            Value::Instance(_) | Value::Class(_) => match self.lookup_special(v, "__len__") {
                Some(m) => {
                    let r = self.call1(&m, vec![])?;
                    match r {
                        Value::Int(i) if i >= 0 => i,
                        Value::Int(_) => {
                            return self.err(ExcKind::ValueError, "__len__() should return >= 0")
                        }
                        _ => {
                            return self.type_err(format!(
                                "'{}' object cannot be interpreted as an integer",
                                r.type_name()
                            ))
                        }
                    }
                }
                None => {
                    return self
                        .type_err(format!("object of type '{}' has no len()", v.type_name()))
                }
            },
            _ => return self.type_err(format!("object of type '{}' has no len()", v.type_name())),
        })
    }
}

/// Number of items of range(start, stop, step).
pub fn range_len(start: i64, stop: i64, step: i64) -> i64 {
    // In u64: the distance always fits, and 128-bit division is 1 KB of wasm. The
    // count above i64::MAX wraps, as the `as i64` of the i128 computation did.
    if step > 0 && start < stop {
        ((stop.wrapping_sub(start) as u64 - 1) / step as u64 + 1) as i64
    } else if step < 0 && start > stop {
        ((start.wrapping_sub(stop) as u64 - 1) / step.unsigned_abs() + 1) as i64
    } else {
        0
    }
}

/// A keys or items view: these behave as sets.
fn set_view(v: &Value) -> bool {
    matches!(v, Value::View(w) if w.0 != ViewKind::Values)
}

/// A comparison of a set-like view with a set or another set-like view.
fn set_view_pair(a: &Value, b: &Value) -> bool {
    let set_like = |v: &Value| set_view(v) || matches!(v, Value::Set(_) | Value::FrozenSet(_));
    (set_view(a) || set_view(b)) && set_like(a) && set_like(b)
}

fn set_dict(v: &Value) -> Dict {
    match v {
        Value::Set(s) => s.borrow().clone(),
        Value::FrozenSet(s) => (**s).clone(),
        _ => Dict::new(),
    }
}

fn num_cmp(x: &Num, y: &Num) -> Option<Ordering> {
    match (x, y) {
        (Num::I(a), Num::I(b)) => Some(a.cmp(b)),
        (Num::F(a), Num::F(b)) => a.partial_cmp(b),
        (Num::F(a), other) | (other, Num::F(a)) => {
            let flip = matches!(y, Num::F(_)) && !matches!(x, Num::F(_));
            if a.is_nan() {
                return None;
            }
            let r = if a.is_infinite() {
                if *a > 0.0 {
                    Ordering::Greater
                } else {
                    Ordering::Less
                }
            } else {
                // exact comparison through the integer part when it matters
                let o = big(other);
                let fl = a.floor();
                let fb = BigInt::from_f64(fl);
                match fb.cmp(&o) {
                    Ordering::Equal => {
                        if *a > fl {
                            Ordering::Greater
                        } else {
                            Ordering::Equal
                        }
                    }
                    c => c,
                }
            };
            Some(if flip { r.reverse() } else { r })
        }
        _ => Some(big(x).cmp(&big(y))),
    }
}

/// Correctly rounded int / int.
fn int_true_div(a: &BigInt, b: &BigInt) -> f64 {
    if let (Some(x), Some(y)) = (a.to_i64(), b.to_i64()) {
        if x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) {
            return x as f64 / y as f64;
        }
    }
    // Correctly rounded, as CPython's long_true_divide: a quotient of 55 or 56 bits
    // whose last bit is sticky (round to odd), rounded once more to the float's 53.
    let neg = a.is_negative() != b.is_negative();
    let (a, b) = (a.abs(), b.abs());
    let k = 55 - (a.bit_length() as i64 - b.bit_length() as i64);
    let (num, den) = if k >= 0 {
        (a.shl(k as u64), b)
    } else {
        (a, b.shl(k.unsigned_abs()))
    };
    let Some((q, r)) = num.divmod(&den) else {
        return f64::NAN;
    };
    let mut q = q.to_i64().unwrap_or(i64::MAX);
    if !r.is_zero() {
        q |= 1;
    }
    let x = ldexp(q as f64, -k);
    if neg {
        -x
    } else {
        x
    }
}

/// `x * 2**e` with one rounding (x has at most 57 bits: one step of 2**±1000 is exact).
fn ldexp(mut x: f64, mut e: i64) -> f64 {
    while e > 1000 {
        x *= 2f64.powi(1000);
        e -= 1000;
    }
    while e < -1000 {
        x *= 2f64.powi(-1000);
        e += 1000;
    }
    x * 2f64.powi(e as i32)
}

/// Can `v` be a side of a type union (`int | None`)?
fn union_member(v: &Value) -> bool {
    match v {
        Value::Type(_) | Value::Class(_) | Value::None => true,
        Value::Tuple(t) => t
            .iter()
            .all(|m| matches!(m, Value::Type(_) | Value::Class(_))),
        _ => false,
    }
}
