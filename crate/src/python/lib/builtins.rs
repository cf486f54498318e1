//! Built-in functions, types and the exception hierarchy.

use crate::python::core::exc::ExcKind;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::python::core::value::*;
use crate::python::core::vm::Vm;
use crate::python::front::ast::CmpOp;
use crate::python::num::bigint::BigInt;

pub use crate::python::core::value::{native, native_method, new_exc_class};

/// The built-in functions, by the name Python sees: each a named `fn` below (a new
/// builtin is one row here and its function).
const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("print", bi_print),
    ("len", bi_len),
    ("repr", bi_repr),
    ("ascii", bi_ascii),
    ("abs", bi_abs),
    ("min", bi_min),
    ("max", bi_max),
    ("sum", bi_sum),
    ("sorted", bi_sorted),
    ("reversed", bi_reversed),
    ("enumerate", bi_enumerate),
    ("zip", bi_zip),
    ("map", bi_map),
    ("filter", bi_filter),
    ("any", bi_any),
    ("all", bi_all),
    ("isinstance", bi_isinstance),
    ("issubclass", bi_issubclass),
    ("id", bi_id),
    ("hash", bi_hash),
    ("hasattr", bi_hasattr),
    ("getattr", bi_getattr),
    ("setattr", bi_setattr),
    ("delattr", bi_delattr),
    ("iter", bi_iter),
    ("__copy_exc_state", bi_copy_exc_state),
    ("aiter", bi_aiter),
    ("anext", bi_anext),
    ("next", bi_next),
    ("callable", bi_callable),
    ("chr", bi_chr),
    ("ord", bi_ord),
    ("hex", bi_hex),
    ("oct", bi_oct),
    ("bin", bi_bin),
    ("divmod", bi_divmod),
    ("pow", bi_pow),
    ("round", bi_round),
    ("format", bi_format),
    ("vars", bi_vars),
    ("dir", bi_dir),
    ("globals", bi_globals),
    ("input", bi_input),
    ("exit", bi_exit),
    ("quit", bi_exit),
    ("open", bi_open),
    ("__build_class__", bi_build_class),
];

/// Install builtins into a fresh VM.
pub fn install(vm: &mut Vm) {
    for (kind, base) in ExcKind::BUILTIN {
        let name = kind.name();
        let b = base.map(|base| vm.exc_classes[base.name()].clone());
        let c = new_exc_class(name, "builtins", b);
        vm.exc_classes.insert(name, c.clone());
        vm.builtins
            .borrow_mut()
            .insert(name.into(), Value::Class(c));
    }
    let mut b = vm.builtins.borrow_mut();
    use BuiltinType as T;
    for t in [
        T::Object,
        T::Type,
        T::Bool,
        T::Int,
        T::Float,
        T::Str,
        T::Bytes,
        T::List,
        T::Tuple,
        T::Dict,
        T::Set,
        T::FrozenSet,
        T::Range,
        T::Slice,
        T::Property,
        T::StaticMethod,
        T::ClassMethod,
        T::Super,
    ] {
        b.insert(t.name().into(), Value::Type(t));
    }
    b.insert("None".into(), Value::None);
    b.insert("Ellipsis".into(), Value::Ellipsis);
    b.insert("NotImplemented".into(), Value::NotImplemented);
    for (name, f) in FUNCTIONS {
        b.insert((*name).into(), native(name, *f));
    }
}

fn bi_len(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let v = arg1(vm, &a, "len")?;
    Ok(Value::Int(vm.len(&v)?))
}

fn bi_repr(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let v = arg1(vm, &a, "repr")?;
    Ok(Value::str(&vm.repr(&v)?))
}

fn bi_ascii(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let v = arg1(vm, &a, "ascii")?;
    let r = vm.repr(&v)?;
    Ok(Value::str(&crate::python::core::format::ascii(&r)))
}

fn bi_min(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    min_max(vm, a, true)
}

fn bi_max(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    min_max(vm, a, false)
}

fn bi_zip(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let mut its = vec![];
    for x in &a.pos {
        its.push(vm.iter(x)?);
    }
    // `strict=True`: a ValueError when the iterables' lengths differ
    let strict = match kwarg(&a, "strict") {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    Ok(Value::Iter(Rc::new(RefCell::new(IterObj::Zip(
        its, strict,
    )))))
}

fn bi_map(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    if a.pos.len() < 2 {
        return vm.type_err("map() must have at least two arguments.");
    }
    let mut its = vec![];
    for x in &a.pos[1..] {
        its.push(vm.iter(x)?);
    }
    Ok(Value::Iter(Rc::new(RefCell::new(IterObj::Map(
        a.pos[0].clone(),
        its,
    )))))
}

fn bi_filter(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    if a.pos.len() != 2 {
        return vm.type_err(format!("filter expected 2 arguments, got {}", a.pos.len()));
    }
    let it = vm.iter(&a.pos[1])?;
    Ok(Value::Iter(Rc::new(RefCell::new(IterObj::Filter(
        a.pos[0].clone(),
        it,
    )))))
}

fn bi_any(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let v = arg1(vm, &a, "any")?;
    let it = vm.iter(&v)?;
    while let Some(x) = vm.next(&it)? {
        if vm.truthy(&x)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn bi_all(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let v = arg1(vm, &a, "all")?;
    let it = vm.iter(&v)?;
    while let Some(x) = vm.next(&it)? {
        if !vm.truthy(&x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn bi_isinstance(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    if a.pos.len() != 2 {
        return vm.type_err(format!(
            "isinstance expected 2 arguments, got {}",
            a.pos.len()
        ));
    }
    Ok(Value::Bool(isinstance(vm, &a.pos[0], &a.pos[1])?))
}

fn bi_issubclass(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    if a.pos.len() != 2 {
        return vm.type_err(format!(
            "issubclass expected 2 arguments, got {}",
            a.pos.len()
        ));
    }
    Ok(Value::Bool(issubclass(vm, &a.pos[0], &a.pos[1])?))
}

fn bi_id(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let v = arg1(vm, &a, "id")?;
    Ok(Value::Int((v.id() as u64 & 0x7fff_ffff_ffff) as i64))
}

fn bi_hash(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let v = arg1(vm, &a, "hash")?;
    // an instance's own `__hash__` (or `__hash__ = None`) is `Vm::hash`'s to call
    let k = vm.hash(&v)?;
    Ok(Value::Int(match k {
        HashKey::Int(i) | HashKey::User(i) => i,
        other => {
            use std::hash::{Hash, Hasher};
            let mut h = std::collections::hash_map::DefaultHasher::new();
            other.hash(&mut h);
            (h.finish() >> 2) as i64
        }
    }))
}

fn bi_hasattr(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    if a.pos.len() != 2 {
        return vm.type_err(format!("hasattr expected 2 arguments, got {}", a.pos.len()));
    }
    let n = str_arg(vm, &a.pos[1], "hasattr(): attribute name must be string")?;
    Ok(Value::Bool(vm.getattr_opt(&a.pos[0], &n)?.is_some()))
}

fn bi_getattr(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    if a.pos.len() < 2 || a.pos.len() > 3 {
        return vm.type_err(format!(
            "getattr expected 2 or 3 arguments, got {}",
            a.pos.len()
        ));
    }
    let n = str_arg(vm, &a.pos[1], "attribute name must be string")?;
    if a.pos.len() == 3 {
        return Ok(vm
            .getattr_opt(&a.pos[0], &n)?
            .unwrap_or_else(|| a.pos[2].clone()));
    }
    vm.getattr(&a.pos[0], &n)
}

fn bi_setattr(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    if a.pos.len() != 3 {
        return vm.type_err(format!("setattr expected 3 arguments, got {}", a.pos.len()));
    }
    let n = str_arg(vm, &a.pos[1], "attribute name must be string")?;
    vm.setattr(&a.pos[0], &n, a.pos[2].clone())?;
    Ok(Value::None)
}

fn bi_delattr(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    if a.pos.len() != 2 {
        return vm.type_err(format!("delattr expected 2 arguments, got {}", a.pos.len()));
    }
    let n = str_arg(vm, &a.pos[1], "attribute name must be string")?;
    vm.delattr(&a.pos[0], &n)?;
    Ok(Value::None)
}

fn bi_iter(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let v = arg1(vm, &a, "iter")?;
    vm.iter(&v)
}

fn bi_copy_exc_state(_: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    // for exceptiongroup.py: split() copies the group's metadata to its parts
    if let (Some(Value::Instance(src)), Some(Value::Instance(dst))) = (a.pos.first(), a.pos.get(1))
    {
        let s = src.exc.borrow();
        let mut d = dst.exc.borrow_mut();
        d.traceback = s.traceback.clone();
        d.cause = s.cause.clone();
        d.context = s.context.clone();
        d.suppress_context = s.suppress_context;
    }
    Ok(Value::None)
}

fn bi_aiter(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let it = a.pos.first().cloned().unwrap_or(Value::None);
    match vm.lookup_special(&it, "__aiter__") {
        Some(m) => vm.call1(&m, vec![]),
        None => vm.type_err(format!(
            "'{}' object is not an async iterable",
            it.type_name()
        )),
    }
}

/// `next(it[, default])` and `anext`: one or two arguments (CPython's message).
fn one_or_two(vm: &mut Vm, a: &Args, name: &str) -> PyResult<()> {
    if a.pos.is_empty() || a.pos.len() > 2 {
        return vm.type_err(format!(
            "{name} expected at least 1 argument, got {}",
            a.pos.len()
        ));
    }
    Ok(())
}

fn bi_anext(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    one_or_two(vm, &a, "anext")?;
    let it = &a.pos[0];
    if let (Value::Gen(g), Some(d)) = (it, a.pos.get(1)) {
        if matches!(g.borrow().kind, GenKind::AsyncGen) {
            let end = StepEnd {
                close: false,
                default: Some(d.clone()),
            };
            return Ok(crate::python::lib::methods::agen_step(
                g,
                Value::None,
                None,
                end,
            ));
        }
    }
    match vm.lookup_special(it, "__anext__") {
        // a default is only supported with native async generators
        Some(m) if a.pos.len() == 1 => vm.call1(&m, vec![]),
        Some(_) => vm.err(
            ExcKind::NotImplementedError,
            "anext() with a default needs an async generator here",
        ),
        None => vm.type_err(format!(
            "'{}' object is not an async iterator",
            it.type_name()
        )),
    }
}

fn bi_next(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    one_or_two(vm, &a, "next")?;
    let it = &a.pos[0];
    if !matches!(it, Value::Iter(_) | Value::Gen(_)) && vm.lookup_special(it, "__next__").is_none()
    {
        return vm.type_err(format!("'{}' object is not an iterator", it.type_name()));
    }
    if let Value::Gen(g) = it {
        let g = g.clone();
        let base = vm.frames.len();
        if !vm.resume_gen(&g, Value::None, None, crate::python::core::vm::Mode::Sync)? {
            return match a.pos.get(1) {
                Some(d) => Ok(d.clone()),
                None => Err(vm.new_exc(ExcKind::StopIteration, "")),
            };
        }
        let r = vm.run(base, None);
        return match r {
            crate::python::core::vm::Exit::Suspend(_) => Err(vm.new_exc(
                ExcKind::RuntimeError,
                "this event loop call cannot block here (inside a nested call)",
            )),
            crate::python::core::vm::Exit::Yield(v) => Ok(v),
            crate::python::core::vm::Exit::Return(v) => match a.pos.get(1) {
                Some(d) => Ok(d.clone()),
                None => {
                    let args = if matches!(v, Value::None) {
                        vec![]
                    } else {
                        vec![v]
                    };
                    Err(vm.make_exc(vm.exc_class(ExcKind::StopIteration), args))
                }
            },
            crate::python::core::vm::Exit::Error(e) => Err(e),
            crate::python::core::vm::Exit::Budget => Ok(Value::None),
        };
    }
    match vm.next(it)? {
        Some(v) => Ok(v),
        None => match a.pos.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(vm.new_exc(ExcKind::StopIteration, "")),
        },
    }
}

fn bi_callable(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let v = arg1(vm, &a, "callable")?;
    Ok(Value::Bool(match &v {
        Value::Function(_)
        | Value::Builtin(_)
        | Value::Method(_)
        | Value::Class(_)
        | Value::Type(_) => true,
        Value::Instance(_) => vm.lookup_special(&v, "__call__").is_some(),
        _ => false,
    }))
}

fn bi_chr(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let v = arg1(vm, &a, "chr")?;
    match v {
        Value::Int(i) => match char::from_u32(i as u32) {
            Some(c) if (0..0x110000).contains(&i) => Ok(Value::str(c.encode_utf8(&mut [0; 4]))),
            _ => vm.err(ExcKind::ValueError, "chr() arg not in range(0x110000)"),
        },
        other => vm.type_err(format!(
            "'{}' object cannot be interpreted as an integer",
            other.type_name()
        )),
    }
}

fn bi_ord(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let v = arg1(vm, &a, "ord")?;
    match &v {
        Value::Str(s) if s.chars().count() == 1 => Ok(Value::Int(s.chars().next().unwrap() as i64)),
        Value::Str(s) => vm.type_err(format!(
            "ord() expected a character, but string of length {} found",
            s.chars().count()
        )),
        other => vm.type_err(format!(
            "ord() expected string of length 1, but {} found",
            other.type_name()
        )),
    }
}

fn bi_hex(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    radix(vm, a, 16, "0x")
}

fn bi_oct(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    radix(vm, a, 8, "0o")
}

fn bi_bin(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    radix(vm, a, 2, "0b")
}

fn bi_divmod(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    if a.pos.len() != 2 {
        return vm.type_err(format!("divmod expected 2 arguments, got {}", a.pos.len()));
    }
    let q = vm.binary(
        crate::python::front::ast::BinOp::FloorDiv,
        &a.pos[0],
        &a.pos[1],
        false,
    )?;
    let r = vm.binary(
        crate::python::front::ast::BinOp::Mod,
        &a.pos[0],
        &a.pos[1],
        false,
    )?;
    Ok(Value::tuple(vec![q, r]))
}

fn bi_pow(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    if a.pos.len() == 3 {
        let p = vm.binary(
            crate::python::front::ast::BinOp::Pow,
            &a.pos[0],
            &a.pos[1],
            false,
        )?;
        return vm.binary(crate::python::front::ast::BinOp::Mod, &p, &a.pos[2], false);
    }
    if a.pos.len() != 2 {
        return vm.type_err("pow() takes 2 or 3 arguments");
    }
    vm.binary(
        crate::python::front::ast::BinOp::Pow,
        &a.pos[0],
        &a.pos[1],
        false,
    )
}

fn bi_format(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let spec = match a.pos.get(1) {
        Some(Value::Str(s)) => s.to_string(),
        _ => String::new(),
    };
    let v = a.pos.first().cloned().unwrap_or(Value::None);
    Ok(Value::str(&vm.format(&v, &spec)?))
}

fn bi_vars(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let v = arg1(vm, &a, "vars")?;
    vm.getattr(&v, "__dict__")
}

fn bi_dir(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let v = arg1(vm, &a, "dir")?;
    let names: Vec<String> = match &v {
        Value::Instance(i) => {
            let mut n: Vec<String> = i.attrs.borrow().keys().map(|k| k.to_string()).collect();
            for c in i.class.mro.borrow().iter() {
                n.extend(c.attrs.borrow().keys().map(|k| k.to_string()));
            }
            n
        }
        Value::Module(m) => m.attrs.borrow().keys().map(|k| k.to_string()).collect(),
        Value::Class(c) => c.attrs.borrow().keys().map(|k| k.to_string()).collect(),
        _ => vec![],
    };
    let mut names = sort_strings(names);
    names.dedup();
    Ok(Value::list(names.iter().map(|s| Value::str(s)).collect()))
}

fn bi_globals(vm: &mut Vm, _: &Builtin, _: Args) -> PyResult<Value> {
    let g = vm.frames.first().map(|f| f.globals.clone());
    let mut d = Dict::new();
    if let Some(g) = g {
        for (k, v) in g.borrow().iter() {
            d.insert(HashKey::Str(k.clone()), Value::Str(k.clone()), v.clone());
        }
    }
    Ok(Value::dict(d))
}

fn bi_input(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    if let Some(p) = a.pos.first() {
        let s = vm.to_str(p)?;
        vm.write_out(&s);
    }
    vm.err(ExcKind::EOFError, "EOF when reading a line")
}

fn bi_open(vm: &mut Vm, _: &Builtin, _: Args) -> PyResult<Value> {
    vm.err(
        ExcKind::OSError,
        "files are not available in this interpreter",
    )
}

fn bi_build_class(vm: &mut Vm, _: &Builtin, _: Args) -> PyResult<Value> {
    vm.type_err("__build_class__ is not available")
}

fn bi_exit(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let c = vm.exc_class(ExcKind::SystemExit);
    Err(vm.make_exc(c, a.pos))
}

/// Exactly one positional argument.
pub fn arg1(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Value> {
    if a.pos.len() != 1 || !a.kw.is_empty() {
        if !a.kw.is_empty() {
            return vm.type_err(format!("{}() takes no keyword arguments", name));
        }
        return vm.type_err(format!(
            "{}() takes exactly one argument ({} given)",
            name,
            a.pos.len()
        ));
    }
    Ok(a.pos[0].clone())
}

fn str_arg(vm: &mut Vm, v: &Value, msg: &str) -> PyResult<Rc<str>> {
    match v {
        Value::Str(s) => Ok(s.clone()),
        _ => vm.type_err(msg),
    }
}

/// A keyword argument by name.
pub fn kwarg(a: &Args, name: &str) -> Option<Value> {
    a.kw.iter()
        .find(|(k, _)| &**k == name)
        .map(|(_, v)| v.clone())
}

fn bi_print(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let mut sep = " ".to_string();
    let mut end = "\n".to_string();
    let mut to_err = false;
    for (k, v) in &a.kw {
        match (&**k, v) {
            ("sep", Value::Str(s)) => sep = s.to_string(),
            ("sep", Value::None) => {}
            ("end", Value::Str(s)) => end = s.to_string(),
            ("end", Value::None) => {}
            ("sep", o) => {
                return vm.type_err(format!(
                    "sep must be None or a string, not {}",
                    o.type_name()
                ))
            }
            ("end", o) => {
                return vm.type_err(format!(
                    "end must be None or a string, not {}",
                    o.type_name()
                ))
            }
            ("file", f) => {
                if let Value::Module(m) = f {
                    to_err = &*m.name == "sys.stderr";
                } else if !matches!(f, Value::None) {
                    // any object with write()
                    let mut s = String::new();
                    for (i, x) in a.pos.iter().enumerate() {
                        if i > 0 {
                            s.push_str(&sep);
                        }
                        s.push_str(&vm.to_str(x)?);
                    }
                    s.push_str(&end);
                    let w = vm.getattr(f, "write")?;
                    vm.call1(&w, vec![Value::str(&s)])?;
                    return Ok(Value::None);
                }
            }
            ("flush", _) => {}
            (other, _) => {
                return vm.type_err(format!(
                    "'{}' is an invalid keyword argument for print()",
                    other
                ))
            }
        }
    }
    let mut s = String::new();
    for (i, x) in a.pos.iter().enumerate() {
        if i > 0 {
            s.push_str(&sep);
        }
        s.push_str(&vm.to_str(x)?);
    }
    s.push_str(&end);
    if to_err {
        vm.write_err(&s);
    } else {
        vm.write_out(&s);
    }
    Ok(Value::None)
}

fn bi_abs(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let v = arg1(vm, &a, "abs")?;
    match &v {
        Value::Int(i) => Ok(match i.checked_abs() {
            Some(x) => Value::Int(x),
            None => Value::from_big(BigInt::from_i64(*i).abs()),
        }),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Big(b) => Ok(Value::from_big(b.abs())),
        Value::Float(f) => Ok(Value::Float(f.abs())),
        _ => match vm.lookup_special(&v, "__abs__") {
            Some(m) => vm.call1(&m, vec![]),
            None => vm.type_err(format!("bad operand type for abs(): '{}'", v.type_name())),
        },
    }
}

fn min_max(vm: &mut Vm, a: Args, is_min: bool) -> PyResult<Value> {
    let name = if is_min { "min" } else { "max" };
    let key = kwarg(&a, "key").filter(|k| !matches!(k, Value::None));
    let default = kwarg(&a, "default");
    let items = if a.pos.len() == 1 {
        vm.to_vec(&a.pos[0])?
    } else if a.pos.is_empty() {
        return vm.type_err(format!("{} expected at least 1 argument, got 0", name));
    } else {
        a.pos.clone()
    };
    if items.is_empty() {
        return match default {
            Some(d) => Ok(d),
            None => vm.err(
                ExcKind::ValueError,
                format!("{}() arg is an empty sequence", name),
            ),
        };
    }
    let mut best = items[0].clone();
    let mut best_key = match &key {
        Some(k) => vm.call1(k, vec![best.clone()])?,
        None => best.clone(),
    };
    for x in &items[1..] {
        let k = match &key {
            Some(kf) => vm.call1(kf, vec![x.clone()])?,
            None => x.clone(),
        };
        let better = if is_min {
            vm.cmp_lt(&k, &best_key, CmpOp::Lt)?
        } else {
            vm.cmp_lt(&k, &best_key, CmpOp::Gt)?
        };
        if better {
            best = x.clone();
            best_key = k;
        }
    }
    Ok(best)
}

fn bi_sum(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    if a.pos.is_empty() {
        return vm.type_err("sum() takes at least 1 positional argument (0 given)");
    }
    let mut acc = a
        .pos
        .get(1)
        .cloned()
        .or_else(|| kwarg(&a, "start"))
        .unwrap_or(Value::Int(0));
    if let Value::Str(_) = acc {
        return vm.type_err("sum() can't sum strings [use ''.join(seq) instead]");
    }
    let it = vm.iter(&a.pos[0])?;
    // floats are summed with compensation like CPython's sum() fast path? CPython adds
    // plainly for floats (no Neumaier before 3.12), so plain addition matches 3.11.
    while let Some(x) = vm.next(&it)? {
        acc = vm.binary(crate::python::front::ast::BinOp::Add, &acc, &x, false)?;
    }
    Ok(acc)
}

/// Sort values (stable), with an optional key function; errors propagate.
pub fn sort_values(
    vm: &mut Vm,
    items: Vec<Value>,
    key: Option<Value>,
    reverse: bool,
) -> PyResult<Vec<Value>> {
    let keys = match &key {
        Some(k) => {
            let mut ks = Vec::with_capacity(items.len());
            for x in &items {
                ks.push(vm.call1(k, vec![x.clone()])?);
            }
            ks
        }
        None => items.clone(),
    };
    let mut idx: Vec<usize> = (0..items.len()).collect();
    // merge sort on indices: comparisons may fail (TypeError) or call Python code
    let mut err = None;
    let mut buf = idx.clone();
    merge_sort(vm, &keys, &mut idx, &mut buf, reverse, &mut err);
    if let Some(e) = err {
        return Err(e);
    }
    Ok(idx.into_iter().map(|i| items[i].clone()).collect())
}

fn merge_sort(
    vm: &mut Vm,
    keys: &[Value],
    idx: &mut [usize],
    buf: &mut [usize],
    reverse: bool,
    err: &mut Option<Value>,
) {
    let n = idx.len();
    if n <= 1 || err.is_some() {
        return;
    }
    let mid = n / 2;
    {
        let (l, r) = idx.split_at_mut(mid);
        let (bl, br) = buf.split_at_mut(mid);
        merge_sort(vm, keys, l, bl, reverse, err);
        merge_sort(vm, keys, r, br, reverse, err);
    }
    if err.is_some() {
        return;
    }
    let (mut i, mut j, mut k) = (0, mid, 0);
    while i < mid && j < n {
        // take from the right only if strictly smaller (stability)
        let (a, b) = (&keys[idx[j]], &keys[idx[i]]);
        let take_right = if reverse {
            vm.cmp_lt(b, a, CmpOp::Lt)
        } else {
            vm.cmp_lt(a, b, CmpOp::Lt)
        };
        let take_right = match take_right {
            Ok(t) => t,
            Err(e) => {
                *err = Some(e);
                return;
            }
        };
        if take_right {
            buf[k] = idx[j];
            j += 1;
        } else {
            buf[k] = idx[i];
            i += 1;
        }
        k += 1;
    }
    while i < mid {
        buf[k] = idx[i];
        i += 1;
        k += 1;
    }
    while j < n {
        buf[k] = idx[j];
        j += 1;
        k += 1;
    }
    idx.copy_from_slice(&buf[..n]);
}

fn bi_sorted(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    if a.pos.len() != 1 {
        return vm.type_err(format!("sorted expected 1 argument, got {}", a.pos.len()));
    }
    let items = vm.to_vec(&a.pos[0])?;
    let key = kwarg(&a, "key").filter(|k| !matches!(k, Value::None));
    let reverse = match kwarg(&a, "reverse") {
        Some(r) => vm.truthy(&r)?,
        None => false,
    };
    Ok(Value::list(sort_values(vm, items, key, reverse)?))
}

fn bi_reversed(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let v = arg1(vm, &a, "reversed")?;
    if let Value::Dict(_) | Value::View(_) = &v {
        // the forward iterator's snapshot reversed: it keeps the check that the
        // dict does not change size meanwhile
        let it = vm.iter(&v)?;
        if let Value::Iter(i) = &it {
            if let IterObj::Keys(items, ..) = &mut *i.borrow_mut() {
                items.reverse();
            }
        }
        return Ok(it);
    }
    let items = match &v {
        Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Range(_) => vm.to_vec(&v)?,
        Value::Instance(_) => {
            if let Some(m) = vm.lookup_special(&v, "__reversed__") {
                return vm.call1(&m, vec![]);
            }
            let n = vm.len(&v)?;
            let mut out = vec![];
            for i in 0..n {
                out.push(vm.getitem(&v, &Value::Int(i))?);
            }
            out
        }
        _ => return vm.type_err(format!("'{}' object is not reversible", v.type_name())),
    };
    let mut items = items;
    items.reverse();
    Ok(Value::Iter(Rc::new(RefCell::new(IterObj::Items(items, 0)))))
}

fn bi_enumerate(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    if a.pos.is_empty() {
        return vm.type_err("enumerate() missing required argument 'iterable' (pos 1)");
    }
    let start = a
        .pos
        .get(1)
        .cloned()
        .or_else(|| kwarg(&a, "start"))
        .unwrap_or(Value::Int(0));
    let it = vm.iter(&a.pos[0])?;
    Ok(Value::Iter(Rc::new(RefCell::new(IterObj::Enumerate(
        it, start,
    )))))
}

fn radix(vm: &mut Vm, a: Args, r: u32, prefix: &str) -> PyResult<Value> {
    let v = a.pos.first().cloned().unwrap_or(Value::None);
    let b = match v {
        Value::Int(i) => BigInt::from_i64(i),
        Value::Bool(x) => BigInt::from_i64(x as i64),
        Value::Big(b) => (*b).clone(),
        other => {
            return vm.type_err(format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            ))
        }
    };
    let s = format!(
        "{}{}{}",
        if b.is_negative() { "-" } else { "" },
        prefix,
        b.abs().to_radix(r)
    );
    Ok(Value::str(&s))
}

fn bi_round(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let x = a.pos.first().cloned().unwrap_or(Value::None);
    let nd = a
        .pos
        .get(1)
        .cloned()
        .or_else(|| kwarg(&a, "ndigits"))
        .unwrap_or(Value::None);
    match (&x, &nd) {
        (Value::Float(f), Value::None) => {
            crate::python::lib::modules::int_of(vm, f.round_ties_even())
        }
        (Value::Float(f), Value::Int(n)) => {
            let n = *n;
            if !f.is_finite() {
                return Ok(x.clone());
            }
            if n > 300 {
                return Ok(x.clone());
            }
            if n >= 0 {
                // correctly rounded decimal string, like CPython's double rounding via dtoa
                let s = crate::python::num::float::fixed(f.abs(), n as usize);
                let sign = if f.is_sign_negative() { "-" } else { "" };
                Ok(Value::Float(
                    crate::python::num::engine::parse_f64(&format!("{sign}{s}")).unwrap_or(*f),
                ))
            } else {
                let p = 10f64.powi((-n) as i32);
                let r = (f / p).round_ties_even() * p;
                Ok(Value::Float(if r == 0.0 { 0.0f64.copysign(*f) } else { r }))
            }
        }
        (Value::Int(_) | Value::Bool(_) | Value::Big(_), Value::None) => Ok(match x {
            Value::Bool(b) => Value::Int(b as i64),
            other => other,
        }),
        (Value::Int(i), Value::Int(n)) => {
            if *n >= 0 {
                return Ok(Value::Int(*i));
            }
            let p = 10i64.checked_pow((-n) as u32);
            match p {
                None => Ok(Value::Int(0)),
                Some(p) => {
                    let q = i.div_euclid(p);
                    let r = i.rem_euclid(p);
                    let q = if r * 2 > p || (r * 2 == p && q % 2 != 0) {
                        q + 1
                    } else {
                        q
                    };
                    Ok(Value::Int(q * p))
                }
            }
        }
        _ => match vm.lookup_special(&x, "__round__") {
            Some(m) => vm.call1(
                &m,
                if matches!(nd, Value::None) {
                    vec![]
                } else {
                    vec![nd]
                },
            ),
            None => vm.type_err(format!(
                "type {} doesn't define __round__ method",
                x.type_name()
            )),
        },
    }
}

/// `isinstance(v, t)`
pub fn isinstance(vm: &mut Vm, v: &Value, t: &Value) -> PyResult<bool> {
    match t {
        Value::Tuple(ts) => {
            for t in ts.iter() {
                if isinstance(vm, v, t)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Value::Class(c) => Ok(match v {
            Value::Instance(i) => i.class.is_subclass(c),
            _ => false,
        }),
        Value::Type(bt) => {
            let vt = v.builtin_type();
            Ok(match bt {
                BuiltinType::Object => true,
                BuiltinType::Int => matches!(vt, BuiltinType::Int | BuiltinType::Bool),
                BuiltinType::Type => matches!(v, Value::Class(_) | Value::Type(_)),
                other => vt == *other && !matches!(v, Value::Instance(_)),
            })
        }
        _ => vm.type_err("isinstance() arg 2 must be a type, a tuple of types, or a union"),
    }
}

fn issubclass(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    match (a, b) {
        (_, Value::Tuple(ts)) => {
            for t in ts.iter() {
                if issubclass(vm, a, t)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        (Value::Class(x), Value::Class(y)) => Ok(x.is_subclass(y)),
        (Value::Class(_), Value::Type(BuiltinType::Object)) => Ok(true),
        (Value::Type(x), Value::Type(y)) => Ok(x == y
            || *y == BuiltinType::Object
            || (*x == BuiltinType::Bool && *y == BuiltinType::Int)),
        (Value::Type(_), Value::Class(_)) => Ok(false),
        (Value::Class(_), Value::Type(_)) => Ok(false),
        _ => vm.type_err("issubclass() arg 1 must be a class"),
    }
}

/// BaseException.__init__: store the args.
pub fn exc_init(_vm: &mut Vm, b: &Builtin, a: Args) -> PyResult<Value> {
    let (this, args) = match &b.bound {
        Some(t) => (t.clone(), a.pos),
        None => (
            a.pos.first().cloned().unwrap_or(Value::None),
            a.pos.get(1..).map(|s| s.to_vec()).unwrap_or_default(),
        ),
    };
    if let Value::Instance(i) = this {
        i.attrs
            .borrow_mut()
            .insert("args".into(), Value::tuple(args));
    }
    Ok(Value::None)
}

/// Parse an int from a string like `int()` does.
pub fn parse_int(vm: &mut Vm, s: &str, base: u32) -> PyResult<Value> {
    let t = s.trim();
    let (neg, body) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let lower = body.to_ascii_lowercase();
    let (base, digits) = match (base, lower.get(..2)) {
        (16 | 0, Some("0x")) => (16, &body[2..]),
        (8 | 0, Some("0o")) => (8, &body[2..]),
        (2 | 0, Some("0b")) => (2, &body[2..]),
        (0, _) => (10, body),
        (b, _) => (b, body),
    };
    let valid = !digits.is_empty()
        && !digits.starts_with('_')
        && !digits.ends_with('_')
        && !digits.contains("__");
    // CPython's limit on decimal conversion (bases that are powers of two are free).
    let limit = vm.int_max_str_digits;
    if valid && limit > 0 && !base.is_power_of_two() {
        let count = digits.chars().filter(|c| *c != '_').count();
        if count > limit && BigInt::parse(digits, base).is_some() {
            return vm.err(
                ExcKind::ValueError,
                format!(
                    "Exceeds the limit ({limit} digits) for integer string conversion: \
                     value has {count} digits; use sys.set_int_max_str_digits() to increase \
                     the limit"
                ),
            );
        }
    }
    match BigInt::parse(digits, base).filter(|_| valid) {
        Some(b) => Ok(Value::from_big(if neg { b.neg() } else { b })),
        None => vm.err(
            ExcKind::ValueError,
            format!(
                "invalid literal for int() with base {}: {}",
                base,
                crate::python::core::format::str_repr(s)
            ),
        ),
    }
}

/// Parse a float like `float()` does.
pub fn parse_float(vm: &mut Vm, s: &str) -> PyResult<f64> {
    let t = s.trim().replace('_', "");
    let l = t.to_ascii_lowercase();
    let v = match l.trim_start_matches(['+', '-']) {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(v) = v {
        return Ok(if l.starts_with('-') { -v } else { v });
    }
    match crate::python::num::engine::parse_f64(&t) {
        Some(f) => Ok(f),
        None => vm.err(
            ExcKind::ValueError,
            format!(
                "could not convert string to float: {}",
                crate::python::core::format::str_repr(s)
            ),
        ),
    }
}

/// Call a built-in type: `int("3")`, `list(x)`, `dict(a=1)`...
pub fn construct(vm: &mut Vm, t: BuiltinType, a: Args) -> PyResult<Value> {
    use BuiltinType as T;
    let first = a.pos.first().cloned();
    match t {
        T::Int => {
            let base = a.pos.get(1).cloned().or_else(|| kwarg(&a, "base"));
            match (first, base) {
                (None, _) => Ok(Value::Int(0)),
                (Some(Value::Str(s)), Some(Value::Int(b))) => {
                    if b != 0 && !(2..=36).contains(&b) {
                        return vm.err(ExcKind::ValueError, "int() base must be >= 2 and <= 36, or 0");
                    }
                    parse_int(vm, &s, b as u32)
                }
                (Some(Value::Str(s)), None) => parse_int(vm, &s, 10),
                (Some(Value::Int(i)), None) => Ok(Value::Int(i)),
                (Some(Value::Big(b)), None) => Ok(Value::Big(b)),
                (Some(Value::Bool(b)), None) => Ok(Value::Int(b as i64)),
                (Some(Value::Float(f)), None) => {
                    if f.is_nan() {
                        return vm.err(ExcKind::ValueError, "cannot convert float NaN to integer");
                    }
                    if f.is_infinite() {
                        return vm.err(ExcKind::OverflowError, "cannot convert float infinity to integer");
                    }
                    let t = f.trunc();
                    Ok(if t.abs() < 9.0e18 { Value::Int(t as i64) } else { Value::from_big(BigInt::from_f64(t)) })
                }
                (Some(v @ Value::Instance(_)), None) => {
                    for m in ["__int__", "__index__", "__trunc__"] {
                        if let Some(f) = vm.lookup_special(&v, m) {
                            return vm.call1(&f, vec![]);
                        }
                    }
                    vm.type_err(format!("int() argument must be a string, a bytes-like object or a real number, not '{}'", v.type_name()))
                }
                (Some(v), None) => vm.type_err(format!("int() argument must be a string, a bytes-like object or a real number, not '{}'", v.type_name())),
                (Some(_), Some(_)) => vm.type_err("int() can't convert non-string with explicit base"),
            }
        }
        T::Float => match first {
            None => Ok(Value::Float(0.0)),
            Some(Value::Float(f)) => Ok(Value::Float(f)),
            Some(Value::Int(i)) => Ok(Value::Float(i as f64)),
            Some(Value::Bool(b)) => Ok(Value::Float(b as i64 as f64)),
            Some(Value::Big(b)) => {
                let f = b.to_f64();
                if f.is_infinite() {
                    return vm.err(ExcKind::OverflowError, "int too large to convert to float");
                }
                Ok(Value::Float(f))
            }
            Some(Value::Str(s)) => Ok(Value::Float(parse_float(vm, &s)?)),
            Some(v) => match vm.lookup_special(&v, "__float__") {
                Some(f) => vm.call1(&f, vec![]),
                None => vm.type_err(format!(
                    "float() argument must be a string or a real number, not '{}'",
                    v.type_name()
                )),
            },
        },
        T::Str => match first {
            None => Ok(Value::str("")),
            Some(v) => Ok(Value::str(&vm.to_str(&v)?)),
        },
        T::Bool => match first {
            None => Ok(Value::Bool(false)),
            Some(v) => Ok(Value::Bool(vm.truthy(&v)?)),
        },
        T::List => match first {
            None => Ok(Value::list(vec![])),
            Some(v) => Ok(Value::list(vm.to_vec(&v)?)),
        },
        T::Tuple => match first {
            None => Ok(Value::tuple(vec![])),
            Some(Value::Tuple(t)) => Ok(Value::Tuple(t)),
            Some(v) => Ok(Value::tuple(vm.to_vec(&v)?)),
        },
        T::Set | T::FrozenSet => {
            if let (T::FrozenSet, Some(Value::FrozenSet(f))) = (t, &first) {
                return Ok(Value::FrozenSet(f.clone()));
            }
            let mut d = Dict::new_set();
            if let Some(v) = first {
                d.set_update(&crate::python::core::set::Operand::new(vm, &v)?);
            }
            Ok(if t == T::Set {
                Value::Set(Rc::new(RefCell::new(d)))
            } else {
                Value::FrozenSet(Rc::new(d))
            })
        }
        T::Dict => {
            let mut d = Dict::new();
            if let Some(v) = first {
                dict_update(vm, &mut d, &v)?;
            }
            for (k, v) in a.kw {
                d.insert(HashKey::Str(k.clone()), Value::Str(k), v);
            }
            Ok(Value::dict(d))
        }
        T::Range => {
            let ints: Result<Vec<i64>, ()> = a
                .pos
                .iter()
                .map(|v| match v {
                    Value::Int(i) => Ok(*i),
                    Value::Bool(b) => Ok(*b as i64),
                    _ => Err(()),
                })
                .collect();
            let ints = match ints {
                Ok(i) => i,
                Err(_) => {
                    let bad = a
                        .pos
                        .iter()
                        .find(|v| !matches!(v, Value::Int(_) | Value::Bool(_)))
                        .unwrap();
                    return vm.type_err(format!(
                        "'{}' object cannot be interpreted as an integer",
                        bad.type_name()
                    ));
                }
            };
            let (s, e, st) = match ints.len() {
                1 => (0, ints[0], 1),
                2 => (ints[0], ints[1], 1),
                3 => (ints[0], ints[1], ints[2]),
                0 => return vm.type_err("range expected at least 1 argument, got 0"),
                n => return vm.type_err(format!("range expected at most 3 arguments, got {}", n)),
            };
            if st == 0 {
                return vm.err(ExcKind::ValueError, "range() arg 3 must not be zero");
            }
            Ok(Value::Range(Rc::new((s, e, st))))
        }
        T::Slice => {
            let g = |i: usize| a.pos.get(i).cloned().unwrap_or(Value::None);
            Ok(match a.pos.len() {
                1 => Value::Slice(Rc::new((Value::None, g(0), Value::None))),
                _ => Value::Slice(Rc::new((g(0), g(1), g(2)))),
            })
        }
        T::Type => {
            if a.pos.len() == 1 {
                return Ok(vm.type_of(&a.pos[0]));
            }
            // type(name, bases, namespace): what namedtuple needs to name its class.
            let (Some(Value::Str(name)), Some(bases), Some(Value::Dict(ns))) =
                (a.pos.first(), a.pos.get(1), a.pos.get(2))
            else {
                return vm.type_err("type() takes 1 or 3 arguments");
            };
            let mut classes = vec![];
            for b in vm.to_vec(bases)? {
                match b {
                    Value::Class(c) => classes.push(c),
                    Value::Type(BuiltinType::Object) => {}
                    _ => return vm.type_err("type() bases must be classes defined in Python"),
                }
            }
            let attrs: Namespace = Rc::new(RefCell::new(HashMap::new()));
            let mut order = vec![];
            for (k, v) in ns.borrow().iter() {
                if let Value::Str(k) = k {
                    attrs.borrow_mut().insert(k.clone(), v.clone());
                    order.push(k.clone());
                }
            }
            let name = name.clone();
            crate::python::core::call::build_class(
                vm,
                name.clone(),
                name,
                classes,
                attrs,
                Value::None,
                order,
            )
        }
        T::Object => Ok(Value::Instance(Rc::new(Instance {
            class: object_class(vm),
            attrs: RefCell::new(AttrMap::default()),
            exc: RefCell::new(ExcState::default()),
        }))),
        T::Property => {
            let fget = first.unwrap_or(Value::None);
            let fset = a
                .pos
                .get(1)
                .cloned()
                .or_else(|| kwarg(&a, "fset"))
                .unwrap_or(Value::None);
            Ok(Value::Wrapper(Rc::new((
                WrapperKind::Property,
                Value::tuple(vec![fget, fset]),
            ))))
        }
        T::StaticMethod => Ok(Value::Wrapper(Rc::new((
            WrapperKind::StaticMethod,
            first.unwrap_or(Value::None),
        )))),
        T::ClassMethod => Ok(Value::Wrapper(Rc::new((
            WrapperKind::ClassMethod,
            first.unwrap_or(Value::None),
        )))),
        T::Super => {
            if a.pos.len() == 2 {
                if let Value::Class(c) = &a.pos[0] {
                    return Ok(Value::Super(Rc::new((c.clone(), a.pos[1].clone()))));
                }
            }
            vm.err(ExcKind::RuntimeError, "super(): no arguments")
        }
        T::Bytes => match first {
            None => Ok(Value::Bytes(Rc::from(vec![]))),
            Some(Value::Str(s)) => Ok(Value::Bytes(s.as_bytes().into())),
            Some(Value::Int(n)) if n >= 0 => Ok(Value::Bytes(vec![0u8; n as usize].into())),
            Some(v) => {
                let items = vm.to_vec(&v)?;
                let mut out = vec![];
                for x in items {
                    match x {
                        Value::Int(i) if (0..256).contains(&i) => out.push(i as u8),
                        _ => return vm.err(ExcKind::ValueError, "bytes must be in range(0, 256)"),
                    }
                }
                Ok(Value::Bytes(out.into()))
            }
        },
        other => vm.type_err(format!("cannot create '{}' instances", other.name())),
    }
}

fn object_class(vm: &mut Vm) -> Rc<Class> {
    if let Some(Value::Class(c)) = vm.builtins.borrow().get("__object_class__") {
        return c.clone();
    }
    let c = Rc::new(Class {
        name: "object".into(),
        qualname: "object".into(),
        module: "builtins".into(),
        bases: vec![],
        mro: RefCell::new(vec![]),
        attrs: RefCell::new(HashMap::new()),
        is_exception: false,
    });
    vm.builtins
        .borrow_mut()
        .insert("__object_class__".into(), Value::Class(c.clone()));
    c
}

/// `dict.update(v)`: a mapping or an iterable of pairs.
pub fn dict_update(vm: &mut Vm, d: &mut Dict, v: &Value) -> PyResult<()> {
    if matches!(v, Value::Dict(_)) || vm.lookup_special(v, "keys").is_some() {
        for (hk, k, x) in vm.mapping_items(v)? {
            d.insert(hk, k, x);
        }
        return Ok(());
    }
    let items = vm.to_vec(v)?;
    for (i, item) in items.iter().enumerate() {
        let pair = vm.to_vec(item).map_err(|_| {
            vm.new_exc(
                ExcKind::TypeError,
                format!(
                    "cannot convert dictionary update sequence element #{} to a sequence",
                    i
                ),
            )
        })?;
        if pair.len() != 2 {
            return vm.err(
                ExcKind::ValueError,
                format!(
                    "dictionary update sequence element #{} has length {}; 2 is required",
                    i,
                    pair.len()
                ),
            );
        }
        let k = vm.hash(&pair[0])?;
        d.insert(k, pair[0].clone(), pair[1].clone());
    }
    Ok(())
}
