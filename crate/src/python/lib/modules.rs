//! The importable modules: math, time (through the host clock), random (CPython's
//! sequences), sys, and an `asyncio` placeholder.

use crate::python::core::exc::ExcKind;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::python::core::value::*;
use crate::python::core::vm::Vm;
use crate::python::lib::builtins::{kwarg, native, native_method};
use crate::python::num::bigint::BigInt;
use crate::python::num::engine::{self, m};

fn module(name: &str, items: Vec<(&str, Value)>) -> Value {
    let mut m = HashMap::new();
    for (k, v) in items {
        m.insert(Rc::from(k), v);
    }
    Value::Module(Rc::new(Module {
        name: name.into(),
        attrs: Rc::new(RefCell::new(m)),
    }))
}

/// `import name`
pub fn import(vm: &mut Vm, name: &str) -> PyResult<Value> {
    if let Some(m) = vm.modules.get(name) {
        return Ok(m.clone());
    }
    let m = match name {
        "math" | "sys" => {
            // Their parts written in Python (www/pylib/_math.py, _sys.py), when there.
            let (m, extra) = if name == "math" {
                (math(), "_math")
            } else {
                (sys(vm), "_sys")
            };
            vm.modules.insert(name.into(), m.clone());
            if let (Some(Value::Module(extra)), Value::Module(mm)) =
                (crate::python::lib::stdlib::load(vm, extra)?, &m)
            {
                for (k, v) in extra.attrs.borrow().iter() {
                    if !k.starts_with('_') && **k != *name {
                        mm.attrs.borrow_mut().insert(k.clone(), v.clone());
                    }
                }
            }
            m
        }
        "time" => time(),
        "random" => random(),
        "asyncio" => crate::python::asyncio::asyncio_module(vm)?,
        "_boucle" => crate::python::asyncio::core_module(vm)?,
        _ => match crate::python::lib::stdlib::load(vm, name)? {
            // registered by `load` itself
            Some(m) => return Ok(m),
            None => {
                return vm.err(
                    ExcKind::ModuleNotFoundError,
                    format!("No module named '{}'", name),
                )
            }
        },
    };
    vm.modules.insert(name.into(), m.clone());
    Ok(m)
}

/// Built-in names written in Python, each file loaded into the builtins the first
/// time a program names one of its names, so that programs which do not pay nothing:
/// `exceptiongroup.py` (ExceptionGroup and the helpers of `except*`) and `match.py`
/// (the structural checks of `match` / `case`). A source is embedded (made smaller by
/// build.rs), or the name of a file the wasm leaves to the page (`stdlib::PARTS`).
type LazySource = Result<&'static str, &'static str>;
const LAZY_BUILTINS: &[(&str, LazySource, &[&str])] = &[
    (
        "<exceptiongroup>",
        Err("exceptiongroup"),
        &[
            "ExceptionGroup",
            "BaseExceptionGroup",
            "__star_split",
            "__star_end",
        ],
    ),
    (
        "<match>",
        Ok(include_str!(concat!(env!("OUT_DIR"), "/match.py"))),
        &["__match_seq", "__match_map", "__match_class"],
    ),
];

/// The built-in `name` if a file of `LAZY_BUILTINS` defines it (loading that file
/// once), or None.
pub fn lazy_builtin(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    let Some(&(file, text, names)) = LAZY_BUILTINS.iter().find(|(_, _, n)| n.contains(&name))
    else {
        return Ok(None);
    };
    if vm.modules.contains_key(file) {
        return Ok(None);
    }
    let source: Rc<str> = match text {
        Ok(t) => Rc::from(t),
        Err(part) => match super::stdlib::part(part) {
            Some(s) => s,
            // the wasm: the page did not see one of these names in the program
            None => {
                return vm.err(
                    ExcKind::ImportError,
                    format!("{file} is not loaded (the page fetches it before a run whose program names {name})"),
                )
            }
        },
    };
    let source = &*source;
    vm.modules.insert(file.into(), Value::None);
    let code = crate::python::front::parser::parse_module(source)
        .and_then(|m| crate::python::core::code::compile_library(&m, file));
    let code = match code {
        Ok(c) => c,
        Err(e) => {
            let text = e.render(file, source);
            return vm.err(ExcKind::SystemError, text);
        }
    };
    vm.add_library(file, source);
    let globals: Namespace = Rc::new(RefCell::new(HashMap::new()));
    globals
        .borrow_mut()
        .insert("__name__".into(), Value::str("builtins"));
    // Registered (under a name no import can ask for) so that the interpreter's
    // teardown empties this namespace too.
    let module = Module {
        name: file.into(),
        attrs: globals.clone(),
    };
    vm.modules
        .insert(file.into(), Value::Module(Rc::new(module)));
    vm.run_code(code, globals.clone())?;
    for n in names {
        if let Some(v) = globals.borrow().get(*n) {
            vm.builtins.borrow_mut().insert((*n).into(), v.clone());
        }
    }
    Ok(vm.builtins.borrow().get(name).cloned())
}

fn f64_arg(vm: &mut Vm, a: &Args, i: usize, fname: &str) -> PyResult<f64> {
    match a.pos.get(i) {
        Some(Value::Float(f)) => Ok(*f),
        Some(Value::Int(n)) => Ok(*n as f64),
        Some(Value::Bool(b)) => Ok(*b as i64 as f64),
        Some(Value::Big(b)) => Ok(b.to_f64()),
        Some(v @ Value::Instance(_)) => {
            let v = v.clone();
            match vm.lookup_special(&v, "__float__") {
                Some(m) => match vm.call1(&m, vec![])? {
                    Value::Float(f) => Ok(f),
                    _ => vm.type_err("__float__ returned non-float"),
                },
                None => vm.type_err(format!("must be real number, not {}", v.type_name())),
            }
        }
        Some(v) => vm.type_err(format!("must be real number, not {}", v.type_name())),
        None => vm.type_err(format!("{}() takes exactly one argument (0 given)", fname)),
    }
}

fn domain<T>(vm: &mut Vm) -> PyResult<T> {
    vm.err(ExcKind::ValueError, "math domain error")
}

/// The int of an integral float: CPython's errors for NaN and infinities.
pub fn int_of(vm: &mut Vm, f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return vm.err(ExcKind::ValueError, "cannot convert float NaN to integer");
    }
    if f.is_infinite() {
        return vm.err(
            ExcKind::OverflowError,
            "cannot convert float infinity to integer",
        );
    }
    Ok(if f.abs() < 9.0e18 {
        Value::Int(f as i64)
    } else {
        Value::from_big(BigInt::from_f64(f))
    })
}

macro_rules! unary_math {
    ($name:expr, $body:expr) => {
        (
            $name,
            native($name, |vm, _, a| {
                let x = f64_arg(vm, &a, 0, $name)?;
                let f: fn(f64) -> Option<f64> = $body;
                match f(x) {
                    Some(r) => Ok(Value::Float(r)),
                    None => domain(vm),
                }
            }),
        )
    };
}

/// The math module's functions that are more than a unary float map: each a named
/// `fn` below.
const MATH_FUNCTIONS: &[(&str, NativeFn)] = &[
    ("isfinite", math_isfinite),
    ("isinf", math_isinf),
    ("isnan", math_isnan),
    ("floor", math_floor),
    ("ceil", math_ceil),
    ("trunc", math_trunc),
    ("log", math_log),
    ("pow", math_pow),
    ("atan2", math_atan2),
    ("hypot", math_hypot),
    ("copysign", math_copysign),
    ("fmod", math_fmod),
    ("isclose", math_isclose),
    ("factorial", math_factorial),
    ("lcm", math_lcm),
    ("gcd", math_gcd),
    ("comb", math_comb),
    ("fsum", math_fsum),
    ("prod", math_prod),
];

fn math() -> Value {
    let mut items = vec![
        ("pi", Value::Float(std::f64::consts::PI)),
        ("e", Value::Float(std::f64::consts::E)),
        ("tau", Value::Float(std::f64::consts::TAU)),
        ("inf", Value::Float(f64::INFINITY)),
        ("nan", Value::Float(f64::NAN)),
        unary_math!("sqrt", |x| if x < 0.0 { None } else { Some(x.sqrt()) }),
        unary_math!("exp", |x| Some(m::exp(x))),
        unary_math!("log2", |x| if x <= 0.0 { None } else { Some(m::log2(x)) }),
        unary_math!("log10", |x| if x <= 0.0 { None } else { Some(m::log10(x)) }),
        unary_math!("sin", |x| if x.is_infinite() {
            None
        } else {
            Some(m::sin(x))
        }),
        unary_math!("cos", |x| if x.is_infinite() {
            None
        } else {
            Some(m::cos(x))
        }),
        unary_math!("tan", |x| if x.is_infinite() {
            None
        } else {
            Some(m::tan(x))
        }),
        unary_math!("asin", |x| if !(-1.0..=1.0).contains(&x) {
            None
        } else {
            Some(m::asin(x))
        }),
        unary_math!("acos", |x| if !(-1.0..=1.0).contains(&x) {
            None
        } else {
            Some(m::acos(x))
        }),
        unary_math!("atan", |x| Some(m::atan(x))),
        unary_math!("sinh", |x| Some(m::sinh(x))),
        unary_math!("cosh", |x| Some(m::cosh(x))),
        unary_math!("tanh", |x| Some(m::tanh(x))),
        unary_math!("fabs", |x| Some(x.abs())),
        unary_math!("degrees", |x| Some(x.to_degrees())),
        unary_math!("radians", |x| Some(x.to_radians())),
    ];
    items.extend(MATH_FUNCTIONS.iter().map(|(n, f)| (*n, native(n, *f))));
    module("math", items)
}

fn math_isfinite(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    Ok(Value::Bool(f64_arg(vm, &a, 0, "isfinite")?.is_finite()))
}

fn math_isinf(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    Ok(Value::Bool(f64_arg(vm, &a, 0, "isinf")?.is_infinite()))
}

fn math_isnan(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    Ok(Value::Bool(f64_arg(vm, &a, 0, "isnan")?.is_nan()))
}

fn math_floor(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    if let Some(v @ (Value::Int(_) | Value::Big(_))) = a.pos.first() {
        return Ok(v.clone());
    }
    let x = f64_arg(vm, &a, 0, "floor")?;
    int_of(vm, x.floor())
}

fn math_ceil(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    if let Some(v @ (Value::Int(_) | Value::Big(_))) = a.pos.first() {
        return Ok(v.clone());
    }
    let x = f64_arg(vm, &a, 0, "ceil")?;
    int_of(vm, x.ceil())
}

fn math_trunc(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    if let Some(v @ (Value::Int(_) | Value::Big(_))) = a.pos.first() {
        return Ok(v.clone());
    }
    let x = f64_arg(vm, &a, 0, "trunc")?;
    int_of(vm, x.trunc())
}

fn math_log(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let x = match a.pos.first() {
        Some(Value::Big(b)) => {
            // log of huge ints through the decimal length
            let s = b.to_string();
            let lead = engine::parse_f64(&format!("0.{}", &s[..s.len().min(17)])).unwrap_or(1.0);
            let r = m::ln(lead) + s.len() as f64 * std::f64::consts::LN_10;
            return match a.pos.get(1) {
                Some(_) => {
                    let base = f64_arg(vm, &a, 1, "log")?;
                    Ok(Value::Float(r / m::ln(base)))
                }
                None => Ok(Value::Float(r)),
            };
        }
        _ => f64_arg(vm, &a, 0, "log")?,
    };
    if x <= 0.0 {
        return domain(vm);
    }
    match a.pos.get(1) {
        Some(_) => {
            let base = f64_arg(vm, &a, 1, "log")?;
            if base <= 0.0 || base == 1.0 {
                return if base == 1.0 {
                    vm.err(ExcKind::ZeroDivisionError, "float division by zero")
                } else {
                    domain(vm)
                };
            }
            Ok(Value::Float(m::ln(x) / m::ln(base)))
        }
        None => Ok(Value::Float(m::ln(x))),
    }
}

fn math_pow(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let (x, y) = (f64_arg(vm, &a, 0, "pow")?, f64_arg(vm, &a, 1, "pow")?);
    if x < 0.0 && y.fract() != 0.0 {
        return domain(vm);
    }
    if x == 0.0 && y < 0.0 {
        return domain(vm);
    }
    Ok(Value::Float(m::pow(x, y)))
}

fn math_atan2(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let (y, x) = (f64_arg(vm, &a, 0, "atan2")?, f64_arg(vm, &a, 1, "atan2")?);
    Ok(Value::Float(m::atan2(y, x)))
}

fn math_hypot(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let mut s = 0.0f64;
    for i in 0..a.pos.len() {
        let x = f64_arg(vm, &a, i, "hypot")?;
        s = s.hypot(x);
    }
    Ok(Value::Float(s))
}

fn math_copysign(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let (x, y) = (
        f64_arg(vm, &a, 0, "copysign")?,
        f64_arg(vm, &a, 1, "copysign")?,
    );
    Ok(Value::Float(x.copysign(y)))
}

fn math_fmod(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let (x, y) = (f64_arg(vm, &a, 0, "fmod")?, f64_arg(vm, &a, 1, "fmod")?);
    if y == 0.0 {
        return domain(vm);
    }
    Ok(Value::Float(x % y))
}

fn math_isclose(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let (x, y) = (
        f64_arg(vm, &a, 0, "isclose")?,
        f64_arg(vm, &a, 1, "isclose")?,
    );
    let rel = match kwarg(&a, "rel_tol") {
        Some(Value::Float(f)) => f,
        _ => 1e-9,
    };
    let abs = match kwarg(&a, "abs_tol") {
        Some(Value::Float(f)) => f,
        Some(Value::Int(i)) => i as f64,
        _ => 0.0,
    };
    if x == y {
        return Ok(Value::Bool(true));
    }
    let d = (x - y).abs();
    Ok(Value::Bool(
        d <= (rel * y.abs()).max(rel * x.abs()) || d <= abs,
    ))
}

fn math_factorial(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let n = match a.pos.first() {
        Some(Value::Int(n)) => *n,
        Some(Value::Bool(b)) => *b as i64,
        Some(v) => {
            return vm.type_err(format!(
                "'{}' object cannot be interpreted as an integer",
                v.type_name()
            ))
        }
        None => return vm.type_err("factorial() takes exactly one argument (0 given)"),
    };
    if n < 0 {
        return vm.err(
            ExcKind::ValueError,
            "factorial() not defined for negative values",
        );
    }
    if n > 5000 {
        return vm.err(
            ExcKind::OverflowError,
            "factorial() argument too large for this interpreter",
        );
    }
    let mut acc = BigInt::from_i64(1);
    for i in 2..=n {
        acc = acc.mul(&BigInt::from_i64(i));
    }
    Ok(Value::from_big(acc))
}

fn math_lcm(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    // u64, not i128: 128-bit division is 1 KB of wasm
    let mut l: u64 = 1;
    for v in &a.pos {
        let x = match v {
            Value::Int(i) => i.unsigned_abs(),
            Value::Bool(b) => *b as u64,
            o => {
                return vm.type_err(format!(
                    "'{}' object cannot be interpreted as an integer",
                    o.type_name()
                ))
            }
        };
        if x == 0 {
            return Ok(Value::Int(0));
        }
        let (mut p, mut q) = (l, x);
        while q != 0 {
            (p, q) = (q, p % q);
        }
        l = (l / p).saturating_mul(x);
        if l > i64::MAX as u64 {
            return vm.err(
                ExcKind::OverflowError,
                "lcm result too large for this interpreter",
            );
        }
    }
    Ok(Value::Int(l as i64))
}

fn math_gcd(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let mut g: i64 = 0;
    for v in &a.pos {
        let mut x = match v {
            Value::Int(i) => i.abs(),
            Value::Bool(b) => *b as i64,
            o => {
                return vm.type_err(format!(
                    "'{}' object cannot be interpreted as an integer",
                    o.type_name()
                ))
            }
        };
        let mut y = g;
        while y != 0 {
            let t = x % y;
            x = y;
            y = t;
        }
        g = x;
    }
    Ok(Value::Int(g))
}

fn math_comb(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let (n, k) = match (a.pos.first(), a.pos.get(1)) {
        (Some(Value::Int(n)), Some(Value::Int(k))) => (*n, *k),
        _ => return vm.type_err("comb() takes integer arguments"),
    };
    if n < 0 || k < 0 {
        return vm.err(ExcKind::ValueError, "n must be a non-negative integer");
    }
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = k.min(n - k);
    let mut acc = BigInt::from_i64(1);
    for i in 0..k {
        acc = acc
            .mul(&BigInt::from_i64(n - i))
            .divmod(&BigInt::from_i64(i + 1))
            .unwrap()
            .0;
    }
    Ok(Value::from_big(acc))
}

fn math_fsum(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let items = vm.to_vec(a.pos.first().unwrap_or(&Value::None))?;
    // Neumaier summation is close to CPython's exact fsum for course data
    let (mut s, mut c) = (0.0f64, 0.0f64);
    for x in items {
        let x = match x {
            Value::Float(f) => f,
            Value::Int(i) => i as f64,
            _ => return vm.type_err("must be real number"),
        };
        let t = s + x;
        c += if s.abs() >= x.abs() {
            (s - t) + x
        } else {
            (x - t) + s
        };
        s = t;
    }
    Ok(Value::Float(s + c))
}

fn math_prod(vm: &mut Vm, _: &Builtin, a: Args) -> PyResult<Value> {
    let items = vm.to_vec(a.pos.first().unwrap_or(&Value::None))?;
    let mut acc = kwarg(&a, "start").unwrap_or(Value::Int(1));
    for x in items {
        acc = vm.binary(crate::python::front::ast::BinOp::Mul, &acc, &x, false)?;
    }
    Ok(acc)
}

fn time() -> Value {
    module(
        "time",
        vec![
            (
                "time",
                native("time", |vm, _, _| Ok(Value::Float(vm.host.time()))),
            ),
            (
                "perf_counter",
                native("perf_counter", |vm, _, _| {
                    Ok(Value::Float(vm.host.perf_counter()))
                }),
            ),
            (
                "monotonic",
                native("monotonic", |vm, _, _| {
                    Ok(Value::Float(vm.host.perf_counter()))
                }),
            ),
            (
                "time_ns",
                native("time_ns", |vm, _, _| {
                    Ok(Value::Int((vm.host.time() * 1e9) as i64))
                }),
            ),
            (
                "perf_counter_ns",
                native("perf_counter_ns", |vm, _, _| {
                    Ok(Value::Int((vm.host.perf_counter() * 1e9) as i64))
                }),
            ),
            (
                "sleep",
                native("sleep", |vm, _, a| {
                    let s = match a.pos.first() {
                        Some(Value::Int(i)) => *i as f64,
                        Some(Value::Float(f)) => *f,
                        Some(Value::Bool(b)) => *b as i64 as f64,
                        Some(v) => {
                            return vm.type_err(format!(
                                "'{}' object cannot be interpreted as an integer",
                                v.type_name()
                            ))
                        }
                        None => {
                            return vm.type_err("time.sleep() takes exactly one argument (0 given)")
                        }
                    };
                    if s < 0.0 {
                        return vm.err(ExcKind::ValueError, "sleep length must be non-negative");
                    }
                    vm.host.sleep(s);
                    Ok(Value::None)
                }),
            ),
        ],
    )
}

fn int_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<i64> {
    match v {
        Some(Value::Int(i)) => Ok(*i),
        Some(Value::Bool(b)) => Ok(*b as i64),
        Some(Value::Float(f)) if f.fract() == 0.0 => {
            vm.type_err("'float' object cannot be interpreted as an integer")
        }
        Some(o) => vm.type_err(format!(
            "'{}' object cannot be interpreted as an integer",
            o.type_name()
        )),
        None => vm.type_err("missing argument"),
    }
}

/// A Python int argument as a BigInt (the random functions accept any size).
fn big_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<BigInt> {
    match v {
        Some(Value::Big(b)) => Ok((**b).clone()),
        other => int_arg(vm, other).map(BigInt::from_i64),
    }
}

/// `Random._randbelow(n)` for n > 0: `getrandbits(n.bit_length())` until below n.
fn randbelow(vm: &mut Vm, n: &BigInt) -> BigInt {
    let k = n.bit_length() as u32;
    loop {
        let r = BigInt::from_limbs(vm.rng.getrandbits_words(k));
        if r.cmp(n) == std::cmp::Ordering::Less {
            return r;
        }
    }
}

/// `Random.randrange`, as CPython 3.11's random.py, on integers of any size.
fn randrange(vm: &mut Vm, start: BigInt, stop: Option<BigInt>, step: BigInt) -> PyResult<Value> {
    let zero = BigInt::zero();
    let positive = |x: &BigInt| x.cmp(&zero) == std::cmp::Ordering::Greater;
    let Some(stop) = stop else {
        if positive(&start) {
            return Ok(Value::from_big(randbelow(vm, &start)));
        }
        return vm.err(ExcKind::ValueError, "empty range for randrange()");
    };
    let width = stop.sub(&start);
    if step.to_i64() == Some(1) {
        if !positive(&width) {
            return vm.err(
                ExcKind::ValueError,
                format!("empty range for randrange() ({start}, {stop}, {width})"),
            );
        }
        return Ok(Value::from_big(start.add(&randbelow(vm, &width))));
    }
    if step.is_zero() {
        return vm.err(ExcKind::ValueError, "zero step for randrange()");
    }
    // n = (width + step - 1) // step, or (width + step + 1) // step for a negative step
    let one = BigInt::from_i64(if positive(&step) { -1 } else { 1 });
    let n = match width.add(&step).add(&one).divmod(&step) {
        Some((q, _)) => q,
        None => zero.clone(),
    };
    if !positive(&n) {
        return vm.err(ExcKind::ValueError, "empty range for randrange()");
    }
    Ok(Value::from_big(start.add(&step.mul(&randbelow(vm, &n)))))
}

fn random() -> Value {
    module(
        "random",
        vec![
            (
                "seed",
                native("seed", |vm, _, a| {
                    if let Some(Value::Big(b)) = a.pos.first() {
                        vm.rng = crate::python::num::random::Mt19937::seed_words(b.limbs());
                        return Ok(Value::None);
                    }
                    let seed = match a.pos.first() {
                    None | Some(Value::None) => vm.host.random_seed(),
                    Some(Value::Int(i)) => i.unsigned_abs(),
                    Some(Value::Bool(b)) => *b as u64,
                    Some(Value::Float(f)) => f.to_bits(),
                    Some(Value::Str(s)) => s.bytes().fold(0u64, |h, b| h.wrapping_mul(31).wrapping_add(b as u64)),
                    Some(o) => return vm.type_err(format!("The only supported seed types are: None, int, float, str, bytes, and bytearray. Got {}", o.type_name())),
                };
                    vm.rng = crate::python::num::random::Mt19937::new(seed);
                    Ok(Value::None)
                }),
            ),
            (
                "random",
                native("random", |vm, _, _| Ok(Value::Float(vm.rng.random()))),
            ),
            (
                "uniform",
                native("uniform", |vm, _, a| {
                    let (x, y) = (
                        f64_arg(vm, &a, 0, "uniform")?,
                        f64_arg(vm, &a, 1, "uniform")?,
                    );
                    let r = vm.rng.random();
                    Ok(Value::Float(x + (y - x) * r))
                }),
            ),
            (
                "randint",
                native("randint", |vm, _, a| {
                    let x = big_arg(vm, a.pos.first())?;
                    let y = big_arg(vm, a.pos.get(1))?;
                    randrange(
                        vm,
                        x,
                        Some(y.add(&BigInt::from_i64(1))),
                        BigInt::from_i64(1),
                    )
                }),
            ),
            (
                "randrange",
                native("randrange", |vm, _, a| {
                    let x = big_arg(vm, a.pos.first())?;
                    let y = match a.pos.get(1) {
                        Some(Value::None) | None => None,
                        Some(v) => Some(big_arg(vm, Some(v))?),
                    };
                    let st = match a.pos.get(2) {
                        Some(v) => big_arg(vm, Some(v))?,
                        None => BigInt::from_i64(1),
                    };
                    randrange(vm, x, y, st)
                }),
            ),
            (
                "getrandbits",
                native("getrandbits", |vm, _, a| {
                    let k = int_arg(vm, a.pos.first())?;
                    if k < 0 {
                        return vm.err(ExcKind::ValueError, "number of bits must be non-negative");
                    }
                    let words = vm.rng.getrandbits_words(k.min(u32::MAX as i64) as u32);
                    Ok(Value::from_big(BigInt::from_limbs(words)))
                }),
            ),
            (
                "choice",
                native("choice", |vm, _, a| {
                    let seq = a.pos.first().cloned().unwrap_or(Value::None);
                    let n = vm.len(&seq)?;
                    if n == 0 {
                        return vm.err(ExcKind::IndexError, "Cannot choose from an empty sequence");
                    }
                    let i = vm.rng.randbelow(n as u64) as i64;
                    vm.getitem(&seq, &Value::Int(i))
                }),
            ),
            (
                "shuffle",
                native("shuffle", |vm, _, a| {
                    let l = match a.pos.first() {
                        Some(Value::List(l)) => l.clone(),
                        Some(o) => {
                            return vm.type_err(format!(
                                "'{}' object does not support item assignment",
                                o.type_name()
                            ))
                        }
                        None => {
                            return vm
                                .type_err("shuffle() missing 1 required positional argument: 'x'")
                        }
                    };
                    let n = l.borrow().len();
                    for i in (1..n).rev() {
                        let j = vm.rng.randbelow(i as u64 + 1) as usize;
                        l.borrow_mut().swap(i, j);
                    }
                    Ok(Value::None)
                }),
            ),
            (
                "sample",
                native("sample", |vm, _, a| {
                    // Indexed, not copied: `sample(range(10**9), 3)` is fine.
                    let pop = a.pos.first().cloned().unwrap_or(Value::None);
                    if matches!(pop, Value::Set(_) | Value::FrozenSet(_) | Value::Dict(_)) {
                        return vm.type_err(
                            "Population must be a sequence.  For dicts or sets, use sorted(d).",
                        );
                    }
                    let n = vm.len(&pop)?;
                    let k = int_arg(vm, a.pos.get(1).or(kwarg(&a, "k").as_ref()))?;
                    if k < 0 || k > n {
                        return vm.err(
                            ExcKind::ValueError,
                            "Sample larger than population or is negative",
                        );
                    }
                    let mut result = Vec::with_capacity(k as usize);
                    for j in vm.rng.sample_indices(n as usize, k as usize) {
                        result.push(vm.getitem(&pop, &Value::Int(j as i64))?);
                    }
                    Ok(Value::list(result))
                }),
            ),
            (
                "choices",
                native("choices", |vm, _, a| {
                    let pop = vm.to_vec(a.pos.first().unwrap_or(&Value::None))?;
                    let k = match kwarg(&a, "k") {
                        Some(v) => int_arg(vm, Some(&v))?,
                        None => 1,
                    };
                    let n = pop.len();
                    let weights = kwarg(&a, "weights")
                        .or_else(|| a.pos.get(1).cloned())
                        .filter(|w| !matches!(w, Value::None));
                    let mut out = vec![];
                    if n == 0 && k > 0 {
                        // CPython indexes the empty population: its own IndexError.
                        let first = a.pos.first().cloned().unwrap_or(Value::None);
                        vm.getitem(&first, &Value::Int(0))?;
                    }
                    match weights {
                        None => {
                            for _ in 0..k {
                                let i = (vm.rng.random() * n as f64).floor() as usize;
                                out.push(pop[i.min(n - 1)].clone());
                            }
                        }
                        Some(w) => {
                            let ws = vm.to_vec(&w)?;
                            if ws.len() != n {
                                return vm.err(
                                    ExcKind::ValueError,
                                    "The number of weights does not match the population",
                                );
                            }
                            let mut cum = vec![];
                            let mut t = 0.0;
                            for x in ws {
                                t += match x {
                                    Value::Int(i) => i as f64,
                                    Value::Float(f) => f,
                                    _ => 0.0,
                                };
                                cum.push(t);
                            }
                            for _ in 0..k {
                                let r = vm.rng.random() * t;
                                let i = cum[..n - 1].partition_point(|c| *c <= r);
                                out.push(pop[i].clone());
                            }
                        }
                    }
                    Ok(Value::list(out))
                }),
            ),
        ],
    )
}

fn sys(vm: &mut Vm) -> Value {
    let write: NativeFn = |vm, b, a| {
        let s = match a.pos.first() {
            Some(Value::Str(s)) => s.clone(),
            Some(o) => {
                return vm.type_err(format!(
                    "write() argument must be str, not {}",
                    o.type_name()
                ))
            }
            None => return vm.type_err("write() takes exactly one argument (0 given)"),
        };
        let is_err = matches!(&b.bound, Some(Value::Module(m)) if &*m.name == "sys.stderr");
        if is_err {
            vm.write_err(&s);
        } else {
            vm.write_out(&s);
        }
        Ok(Value::Int(s.chars().count() as i64))
    };
    let stream = |name: &str| {
        let m = module(name, vec![]);
        if let Value::Module(mm) = &m {
            mm.attrs
                .borrow_mut()
                .insert("write".into(), native_method(m.clone(), "write", write));
            mm.attrs
                .borrow_mut()
                .insert("flush".into(), native("flush", |_, _, _| Ok(Value::None)));
        }
        m
    };
    let argv = Value::list(vec![Value::Str(vm.filename.clone())]);
    module(
        "sys",
        vec![
            ("argv", argv),
            ("maxsize", Value::Int(i64::MAX)),
            ("version", Value::str("3.11.7 (Boucle interpreter)")),
            (
                "version_info",
                Value::tuple(vec![
                    Value::Int(3),
                    Value::Int(11),
                    Value::Int(7),
                    Value::str("final"),
                    Value::Int(0),
                ]),
            ),
            ("platform", Value::str("boucle")),
            ("stdout", stream("sys.stdout")),
            ("stderr", stream("sys.stderr")),
            (
                "exit",
                native("exit", |vm, _, a| {
                    let c = vm.exc_class(ExcKind::SystemExit);
                    Err(vm.make_exc(c, a.pos))
                }),
            ),
            (
                "getrecursionlimit",
                native("getrecursionlimit", |_, _, _| {
                    Ok(Value::Int(crate::python::core::vm::RECURSION_LIMIT as i64))
                }),
            ),
            (
                "setrecursionlimit",
                native("setrecursionlimit", |_, _, _| Ok(Value::None)),
            ),
            (
                "get_int_max_str_digits",
                native("get_int_max_str_digits", |vm, _, _| {
                    Ok(Value::Int(vm.int_max_str_digits as i64))
                }),
            ),
            (
                "set_int_max_str_digits",
                native("set_int_max_str_digits", |vm, _, a| {
                    let arg = a.pos.first().or_else(|| {
                        a.kw.iter()
                            .find(|(k, _)| &**k == "maxdigits")
                            .map(|(_, v)| v)
                    });
                    if arg.is_none() {
                        return vm.type_err(
                            "set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)",
                        );
                    }
                    let n = int_arg(vm, arg)?;
                    if n != 0 && n < 640 {
                        return vm.err(
                            ExcKind::ValueError,
                            "maxdigits must be 0 or larger than 640",
                        );
                    }
                    vm.int_max_str_digits = n as usize;
                    Ok(Value::None)
                }),
            ),
        ],
    )
}
