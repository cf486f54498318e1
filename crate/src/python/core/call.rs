//! Calling: argument binding with CPython's error messages, instantiation, classes.

use std::cell::RefCell;
use std::rc::Rc;

use crate::python::core::value::*;
use crate::python::core::vm::{Called, Mode, Vm};
use crate::python::front::bytecode::CodeKind;

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{} {}", n, word)
    } else {
        format!("{} {}s", n, word)
    }
}

fn name_list(names: &[Rc<str>]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{}'", n)).collect();
    match q.len() {
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        _ => format!("{}, and {}", q[..q.len() - 1].join(", "), q[q.len() - 1]),
    }
}

/// CPython's "f() missing 2 required positional arguments: 'a' and 'b'".
fn missing_error(vm: &mut Vm, qn: &str, missing: &[Rc<str>], what: &str) -> PyResult<()> {
    if missing.is_empty() {
        return Ok(());
    }
    vm.type_err(format!(
        "{qn}() missing {}: {}",
        plural(missing.len(), what),
        name_list(missing)
    ))
}

/// Bind call arguments to the parameters of `func`: the frame's fast locals.
pub fn bind_args(vm: &mut Vm, func: &Function, args: Args) -> PyResult<Vec<Option<Value>>> {
    let code = &func.code;
    let p = &code.params;
    let qn = code.qualname.clone();
    let mut fast: Vec<Option<Value>> = vec![None; code.varnames.len()];
    let n = p.args.len();
    let Args { pos, kw } = args;
    let npos = pos.len();
    let mut extra = vec![];
    for (i, v) in pos.into_iter().enumerate() {
        if i < n {
            fast[i] = Some(v);
        } else {
            extra.push(v);
        }
    }
    if !extra.is_empty() && p.vararg.is_none() {
        let nd = func.defaults.len();
        let takes = if nd > 0 {
            format!("from {} to {} positional arguments", n - nd, n)
        } else {
            format!("{} positional argument{}", n, if n == 1 { "" } else { "s" })
        };
        let given = format!("{} {} given", npos, if npos == 1 { "was" } else { "were" });
        let kwonly_given = kw.iter().filter(|(k, _)| p.kwonly.contains(k)).count();
        let msg = if kwonly_given > 0 {
            format!("{}() takes {} but {} positional argument{} (and {} keyword-only argument{}) were given", qn, takes, npos, if npos == 1 { "" } else { "s" }, kwonly_given, if kwonly_given == 1 { "" } else { "s" })
        } else {
            format!("{}() takes {} but {}", qn, takes, given)
        };
        return vm.type_err(msg);
    }
    let kwonly_base = n;
    let vararg_slot = n + p.kwonly.len();
    let kwarg_slot = vararg_slot + p.vararg.is_some() as usize;
    let mut kwdict = Dict::new();
    let mut posonly_named = vec![];
    for (k, v) in kw {
        let by_name = p.args.iter().position(|a| *a == k);
        if by_name.is_some_and(|i| i < p.posonly) && p.kwarg.is_none() {
            posonly_named.push(k.to_string());
            continue;
        }
        if let Some(i) = by_name.filter(|&i| i >= p.posonly) {
            if fast[i].is_some() {
                return vm.type_err(format!("{}() got multiple values for argument '{}'", qn, k));
            }
            fast[i] = Some(v);
        } else if let Some(i) = p.kwonly.iter().position(|a| *a == k) {
            fast[kwonly_base + i] = Some(v);
        } else if p.kwarg.is_some() {
            let hk = HashKey::Str(k.clone());
            if kwdict.get(&hk).is_some() {
                return vm.type_err(format!(
                    "{}() got multiple values for keyword argument '{}'",
                    qn, k
                ));
            }
            kwdict.insert(hk, Value::Str(k), v);
        } else {
            return vm.type_err(format!(
                "{}() got an unexpected keyword argument '{}'",
                qn, k
            ));
        }
    }
    if !posonly_named.is_empty() {
        return vm.type_err(format!(
            "{}() got some positional-only arguments passed as keyword arguments: '{}'",
            qn,
            posonly_named.join(", ")
        ));
    }
    let nd = func.defaults.len();
    let mut missing = vec![];
    for (i, slot) in fast.iter_mut().enumerate().take(n) {
        if slot.is_none() {
            if i + nd >= n {
                *slot = Some(func.defaults[i + nd - n].clone());
            } else {
                missing.push(p.args[i].clone());
            }
        }
    }
    missing_error(vm, &qn, &missing, "required positional argument")?;
    let mut missing = vec![];
    for (i, k) in p.kwonly.iter().enumerate() {
        if fast[kwonly_base + i].is_none() {
            match func.kwdefaults.iter().find(|(n, _)| n == k) {
                Some((_, d)) => fast[kwonly_base + i] = Some(d.clone()),
                None => missing.push(k.clone()),
            }
        }
    }
    missing_error(vm, &qn, &missing, "required keyword-only argument")?;
    if p.vararg.is_some() {
        fast[vararg_slot] = Some(Value::tuple(extra));
    }
    if p.kwarg.is_some() {
        fast[kwarg_slot] = Some(Value::dict(kwdict));
    }
    Ok(fast)
}

/// Start a call: native callees finish at once, Python ones give a frame to run.
pub fn start_call(vm: &mut Vm, f: Value, mut args: Args) -> PyResult<Called> {
    match f {
        Value::Function(func) => {
            let frame = vm.make_frame(&func, args)?;
            match func.code.kind {
                CodeKind::Generator | CodeKind::Coroutine | CodeKind::AsyncGenerator => {
                    let g = GenObj {
                        frame: Some(frame),
                        state: GenState::Created,
                        kind: match func.code.kind {
                            CodeKind::Coroutine => GenKind::Coroutine,
                            CodeKind::AsyncGenerator => GenKind::AsyncGen,
                            _ => GenKind::Generator,
                        },
                        running_step: None,
                        name: func.code.name.clone(),
                        qualname: func.code.qualname.clone(),
                        owned_by_task: false,
                        finalizer: None,
                    };
                    Ok(Called::Value(Value::Gen(Rc::new(RefCell::new(g)))))
                }
                _ => Ok(Called::Frame(frame)),
            }
        }
        Value::Method(m) => {
            args.pos.insert(0, m.1.clone());
            start_call(vm, m.0.clone(), args)
        }
        Value::Builtin(b) => Ok(Called::Value((b.f)(vm, &b, args)?)),
        Value::Class(ref c) => match vm.lookup_special(&f, "__call__") {
            Some(m) => start_call(vm, m, args),
            None => instantiate(vm, c.clone(), args),
        },
        Value::Type(t) => Ok(Called::Value((vm.lib.construct)(vm, t, args)?)),
        Value::Instance(_) => match vm.lookup_special(&f, "__call__") {
            Some(m) => start_call(vm, m, args),
            None => vm.type_err(format!("'{}' object is not callable", f.type_name())),
        },
        Value::Wrapper(w) if w.0 == WrapperKind::StaticMethod => start_call(vm, w.1.clone(), args),
        other => vm.type_err(format!("'{}' object is not callable", other.type_name())),
    }
}

/// `type.__call__(cls, ...)`: the class made the usual way (`__init__`), bypassing
/// its metaclass's `__call__` (which calls this to construct).
pub fn construct(vm: &mut Vm, c: Rc<Class>, args: Args) -> PyResult<Value> {
    match instantiate(vm, c, args)? {
        Called::Value(v) => Ok(v),
        Called::Frame(mut fr) => {
            fr.mode = Mode::Sync;
            vm.run_nested(fr)
        }
    }
}

/// `object.__new__(cls)`: an instance of `cls` whose `__init__` has not run.
pub fn new_instance(vm: &mut Vm, c: Rc<Class>) -> Value {
    if c.is_exception {
        return vm.make_exc(c, vec![]);
    }
    Value::Instance(Rc::new(Instance {
        class: c,
        attrs: RefCell::new(AttrMap::default()),
        exc: RefCell::new(ExcState::default()),
    }))
}

fn instantiate(vm: &mut Vm, c: Rc<Class>, args: Args) -> PyResult<Called> {
    let init = c.lookup("__init__");
    if c.is_exception {
        let inst = vm.make_exc(c.clone(), args.pos.clone());
        return match init {
            Some(Value::Function(f)) => {
                let mut a = args;
                a.pos.insert(0, inst.clone());
                let mut fr = vm.make_frame(&f, a)?;
                fr.init_instance = Some(inst);
                Ok(Called::Frame(fr))
            }
            _ => {
                if !args.kw.is_empty() {
                    return vm.type_err(format!("{}() takes no keyword arguments", c.name));
                }
                Ok(Called::Value(inst))
            }
        };
    }
    // A class's own `__new__(cls, ...)` makes the object; `__init__` then runs only
    // when it gave an instance of the class (CPython's type.__call__).
    let inst = match c.lookup("__new__") {
        Some(new @ (Value::Function(_) | Value::Wrapper(_))) => {
            let new = match new {
                Value::Wrapper(w) => w.1.clone(),
                f => f,
            };
            let mut a = Args {
                pos: args.pos.clone(),
                kw: args.kw.clone(),
            };
            a.pos.insert(0, Value::Class(c.clone()));
            let inst = vm.call(&new, a)?;
            let of_class = match &inst {
                Value::Instance(i) => i.class.mro.borrow().iter().any(|k| Rc::ptr_eq(k, &c)),
                _ => false,
            };
            if !of_class {
                return Ok(Called::Value(inst));
            }
            if init.is_none() {
                return Ok(Called::Value(inst));
            }
            inst
        }
        _ => Value::Instance(Rc::new(Instance {
            class: c.clone(),
            attrs: RefCell::new(AttrMap::default()),
            exc: RefCell::new(ExcState::default()),
        })),
    };
    match init {
        Some(Value::Function(f)) => {
            let mut a = args;
            a.pos.insert(0, inst.clone());
            let mut fr = vm.make_frame(&f, a)?;
            if matches!(f.code.kind, CodeKind::Generator | CodeKind::Coroutine) {
                return vm.type_err("__init__() should return None, not 'generator'");
            }
            fr.init_instance = Some(inst);
            Ok(Called::Frame(fr))
        }
        Some(other) => {
            let mut a = args;
            a.pos.insert(0, inst.clone());
            vm.call(&other, a)?;
            Ok(Called::Value(inst))
        }
        None => {
            if !args.pos.is_empty() || !args.kw.is_empty() {
                return vm.type_err(format!("{}() takes no arguments", c.name));
            }
            Ok(Called::Value(inst))
        }
    }
}

/// Create the class object once its body ran (`cell` is the `__class__` cell or None).
pub fn build_class(
    vm: &mut Vm,
    name: Rc<str>,
    qualname: Rc<str>,
    bases: Vec<Rc<Class>>,
    ns: Namespace,
    cell: Value,
    order: Vec<Rc<str>>,
) -> PyResult<Value> {
    let mut mro: Vec<Rc<Class>> = vec![];
    // C3 linearization is overkill for the single inheritance we support; for several
    // bases keep a left-to-right depth-first order without duplicates.
    for b in &bases {
        for c in b.mro.borrow().iter() {
            if !mro.iter().any(|x| Rc::ptr_eq(x, c)) {
                mro.push(c.clone());
            }
        }
    }
    let is_exception = bases.iter().any(|b| b.is_exception);
    let mut attrs = ns.borrow().clone();
    attrs.remove("__qualname__");
    // A class that defines __eq__ and not __hash__ is unhashable (CPython sets
    // `__hash__ = None` in its namespace).
    if attrs.contains_key("__eq__") && !attrs.contains_key("__hash__") {
        attrs.insert("__hash__".into(), Value::None);
    }
    if !attrs.contains_key("__doc__") {
        attrs.insert("__doc__".into(), Value::None);
    }
    // `__module__` set in the class body (the asyncio prelude names its classes
    // as CPython's modules do: asyncio.queues.QueueEmpty), else the defining
    // module's `__name__`.
    let module: Rc<str> = match attrs.remove("__module__") {
        Some(Value::Str(m)) => m,
        _ => match vm
            .frames
            .last()
            .and_then(|f| f.globals.borrow().get("__name__").cloned())
        {
            Some(Value::Str(m)) => m,
            _ => "__main__".into(),
        },
    };
    let cls = Rc::new(Class {
        name,
        qualname,
        module,
        bases,
        mro: RefCell::new(vec![]),
        attrs: RefCell::new(attrs),
        is_exception,
    });
    let mut full = vec![cls.clone()];
    full.extend(mro);
    *cls.mro.borrow_mut() = full;
    if let Value::Cell(c) = cell {
        *c.borrow_mut() = Some(Value::Class(cls.clone()));
    }
    // Its MRO holds it (and `__class__` cells its methods): the teardown breaks that.
    vm.classes.push(Rc::downgrade(&cls));
    let class = Value::Class(cls.clone());
    // The metaclass stand-in's `__init__(cls, name, bases, namespace)`, the namespace
    // in definition order (how `enum` turns the class's values into members).
    if let Some(init) = vm.lookup_special(&class, "__init__") {
        let mut d = Dict::new();
        for k in &order {
            if let Some(v) = cls.attrs.borrow().get(k) {
                d.insert(HashKey::Str(k.clone()), Value::Str(k.clone()), v.clone());
            }
        }
        let bases: Vec<Value> = cls.bases.iter().map(|b| Value::Class(b.clone())).collect();
        let args = vec![
            Value::Str(cls.name.clone()),
            Value::tuple(bases),
            Value::dict(d),
        ];
        vm.call1(&init, args)?;
    }
    Ok(class)
}
