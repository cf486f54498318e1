//! repr() / str() of values, the format-spec mini-language, `str.format` and `%` formatting.

use crate::python::core::exc::ExcKind;
use crate::python::core::value::*;
use crate::python::core::vm::Vm;
use crate::python::num::bigint::BigInt;
pub use crate::python::num::float::float_repr;
#[cfg(test)]
use crate::python::num::float::scientific;
use crate::python::num::float::{exp_format, fixed, general_format, group, sign_str};

/// Python's repr of a str.
pub fn str_repr(s: &str) -> String {
    let q = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(q);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == q => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if (0x80..0xa0).contains(&(c as u32)) => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push(q);
    out
}

/// `ascii()` applied to an already computed repr.
pub fn ascii(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let u = c as u32;
        if u < 0x80 {
            out.push(c);
        } else if u < 0x100 {
            out.push_str(&format!("\\x{:02x}", u));
        } else if u < 0x10000 {
            out.push_str(&format!("\\u{:04x}", u));
        } else {
            out.push_str(&format!("\\U{:08x}", u));
        }
    }
    out
}

fn bytes_repr(b: &[u8]) -> String {
    let q = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::from("b");
    out.push(q);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c as char == q => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{:02x}", c)),
        }
    }
    out.push(q);
    out
}

impl Vm {
    /// The decimal digits of a big int, under CPython's limit on integer string
    /// conversion (`sys.set_int_max_str_digits`, 4300 digits by default; 0: none).
    /// A number sure to have too many digits is refused before it is converted
    /// (the conversion is quadratic), as CPython does.
    pub fn big_to_decimal(&mut self, b: &BigInt) -> PyResult<String> {
        let limit = self.int_max_str_digits;
        let too_long = || {
            format!(
                "Exceeds the limit ({limit} digits) for integer string conversion; \
                 use sys.set_int_max_str_digits() to increase the limit"
            )
        };
        // At least floor((bits - 1) * log10(2)) + 1 digits.
        let at_least =
            ((b.bit_length().saturating_sub(1)) as f64 * std::f64::consts::LOG10_2) as u64 + 1;
        if limit > 0 && at_least > limit as u64 {
            return self.err(ExcKind::ValueError, too_long());
        }
        let s = b.to_string();
        let digits = s.len() - b.is_negative() as usize;
        if limit > 0 && digits > limit {
            return self.err(ExcKind::ValueError, too_long());
        }
        Ok(s)
    }

    /// `repr(v)`
    pub fn repr(&mut self, v: &Value) -> PyResult<String> {
        Ok(match v {
            Value::None => "None".into(),
            Value::Bool(b) => if *b { "True" } else { "False" }.into(),
            Value::Int(i) => i.to_string(),
            Value::Big(b) => self.big_to_decimal(b)?,
            Value::Float(f) => float_repr(*f),
            Value::Str(s) => str_repr(s),
            Value::Bytes(b) => bytes_repr(b),
            Value::Ellipsis => "Ellipsis".into(),
            Value::NotImplemented => "NotImplemented".into(),
            Value::List(_)
            | Value::Tuple(_)
            | Value::Dict(_)
            | Value::Set(_)
            | Value::FrozenSet(_)
            | Value::View(_) => {
                let id = v.id();
                if self.repr_guard.contains(&id) {
                    return Ok(match v {
                        Value::List(_) => "[...]",
                        Value::Dict(_) => "{...}",
                        _ => "...",
                    }
                    .into());
                }
                if self.repr_guard.len() > 200 {
                    return self.err(
                        ExcKind::RecursionError,
                        "maximum recursion depth exceeded while getting the repr of an object",
                    );
                }
                self.repr_guard.push(id);
                let r = self.container_repr(v);
                self.repr_guard.pop();
                r?
            }
            Value::Range(r) => {
                if r.2 == 1 {
                    format!("range({}, {})", r.0, r.1)
                } else {
                    format!("range({}, {}, {})", r.0, r.1, r.2)
                }
            }
            Value::Slice(s) => format!(
                "slice({}, {}, {})",
                self.repr(&s.0)?,
                self.repr(&s.1)?,
                self.repr(&s.2)?
            ),
            Value::Function(f) => format!("<function {} at 0x{:012x}>", f.code.qualname, v.id()),
            Value::Builtin(b) => match &b.bound {
                Some(o) if !matches!(o, Value::Module(_)) => format!(
                    "<built-in method {} of {} object at 0x{:012x}>",
                    b.name,
                    o.type_name(),
                    o.id()
                ),
                _ => format!("<built-in function {}>", b.name),
            },
            Value::Method(m) => {
                let fname = match &m.0 {
                    Value::Function(f) => f.code.qualname.to_string(),
                    Value::Builtin(b) => b.name.to_string(),
                    _ => "?".into(),
                };
                let inner = m.1.clone();
                format!("<bound method {} of {}>", fname, self.repr(&inner)?)
            }
            Value::Class(c) => {
                if c.module.as_ref() == "builtins" {
                    format!("<class '{}'>", c.qualname)
                } else {
                    format!("<class '{}.{}'>", c.module, c.qualname)
                }
            }
            Value::Type(t) => format!("<class '{}'>", t.name()),
            Value::Module(m) => format!("<module '{}' (built-in)>", m.name),
            Value::Gen(g) => {
                let g = g.borrow();
                let tn = v.builtin_type().name();
                match g.kind {
                    crate::python::core::value::GenKind::Step(_) => {
                        format!("<{tn} object at 0x{:012x}>", v.id())
                    }
                    _ => format!("<{tn} object {} at 0x{:012x}>", g.qualname, v.id()),
                }
            }
            Value::Instance(inst) => {
                if let Some(m) = self.lookup_special(v, "__repr__") {
                    if self.repr_guard.len() > 200 {
                        return self.err(
                            ExcKind::RecursionError,
                            "maximum recursion depth exceeded while getting the repr of an object",
                        );
                    }
                    let r = self.call1(&m, vec![])?;
                    return match r {
                        Value::Str(s) => Ok(s.to_string()),
                        _ => self.type_err(format!(
                            "__repr__ returned non-string (type {})",
                            r.type_name()
                        )),
                    };
                }
                if inst.class.is_exception {
                    let args = self.exc_args(v);
                    let inner = match args.len() {
                        1 => self.repr(&args[0])?,
                        _ => {
                            let t = self.repr(&Value::tuple(args.clone()))?;
                            if args.is_empty() {
                                String::new()
                            } else {
                                t[1..t.len() - 1].to_string()
                            }
                        }
                    };
                    return Ok(format!("{}({})", inst.class.name, inner));
                }
                format!(
                    "<{}.{} object at 0x{:012x}>",
                    inst.class.module,
                    inst.class.qualname,
                    v.id()
                )
            }
            Value::Iter(_) => format!("<{} object at 0x{:012x}>", v.type_name(), v.id()),
            Value::Code(c) => format!("<code object {}>", c.name),
            Value::Cell(_) => "<cell>".into(),
            Value::Super(_) => "<super object>".into(),
            Value::Wrapper(w) => format!(
                "<{} object at 0x{:012x}>",
                v.builtin_type().name(),
                w.1.id()
            ),
        })
    }

    fn container_repr(&mut self, v: &Value) -> PyResult<String> {
        Ok(match v {
            Value::List(l) => {
                let items = l.borrow().clone();
                format!("[{}]", self.join_reprs(&items)?)
            }
            Value::Tuple(t) => {
                if t.len() == 1 {
                    format!("({},)", self.repr(&t[0])?)
                } else {
                    format!("({})", self.join_reprs(t)?)
                }
            }
            Value::Dict(d) => {
                let items: Vec<(Value, Value)> = d.borrow().iter().cloned().collect();
                let mut parts = vec![];
                for (k, x) in items {
                    parts.push(format!("{}: {}", self.repr(&k)?, self.repr(&x)?));
                }
                format!("{{{}}}", parts.join(", "))
            }
            Value::Set(d) => {
                let keys = d.borrow().keys();
                if keys.is_empty() {
                    "set()".into()
                } else {
                    format!("{{{}}}", self.join_reprs(&keys)?)
                }
            }
            Value::FrozenSet(d) => {
                let keys = d.keys();
                if keys.is_empty() {
                    "frozenset()".into()
                } else {
                    format!("frozenset({{{}}})", self.join_reprs(&keys)?)
                }
            }
            Value::View(w) => {
                let items = view_items(w.0, &w.1.borrow());
                format!("{}([{}])", v.type_name(), self.join_reprs(&items)?)
            }
            _ => String::new(),
        })
    }

    fn join_reprs(&mut self, items: &[Value]) -> PyResult<String> {
        let mut parts = Vec::with_capacity(items.len());
        for x in items {
            parts.push(self.repr(x)?);
        }
        Ok(parts.join(", "))
    }

    /// The `args` of an exception instance.
    pub fn exc_args(&self, v: &Value) -> Vec<Value> {
        if let Value::Instance(i) = v {
            if let Some(Value::Tuple(t)) = i.attrs.borrow().get("args") {
                return t.to_vec();
            }
        }
        vec![]
    }

    /// `str(v)`
    pub fn to_str(&mut self, v: &Value) -> PyResult<String> {
        match v {
            Value::Str(s) => Ok(s.to_string()),
            Value::Instance(inst) => {
                if let Some(m) = self.lookup_special(v, "__str__") {
                    let r = self.call1(&m, vec![])?;
                    return match r {
                        Value::Str(s) => Ok(s.to_string()),
                        _ => self.type_err(format!(
                            "__str__ returned non-string (type {})",
                            r.type_name()
                        )),
                    };
                }
                if inst.class.is_exception {
                    let args = self.exc_args(v);
                    if inst.class.is_subclass(&self.exc_class(ExcKind::KeyError)) && args.len() == 1
                    {
                        return self.repr(&args[0]);
                    }
                    return match args.len() {
                        0 => Ok(String::new()),
                        1 => self.to_str(&args[0]),
                        _ => self.repr(&Value::tuple(args)),
                    };
                }
                self.repr(v)
            }
            _ => self.repr(v),
        }
    }

    /// `format(v, spec)`
    pub fn format(&mut self, v: &Value, spec: &str) -> PyResult<String> {
        if let Value::Instance(_) = v {
            if let Some(m) = self.lookup_special(v, "__format__") {
                let r = self.call1(&m, vec![Value::str(spec)])?;
                return self.to_str(&r);
            }
            if spec.is_empty() {
                return self.to_str(v);
            }
            return self.type_err(format!(
                "unsupported format string passed to {}.__format__",
                v.type_name()
            ));
        }
        if spec.is_empty() {
            return self.to_str(v);
        }
        let sp = match Spec::parse(spec) {
            Some(s) => s,
            None => return self.err(ExcKind::ValueError, "Invalid format specifier"),
        };
        match v {
            Value::Int(_) | Value::Big(_) | Value::Bool(_) => {
                if matches!(sp.ty, Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%')) {
                    let f = match v {
                        Value::Int(i) => *i as f64,
                        Value::Bool(b) => *b as i64 as f64,
                        Value::Big(b) => b.to_f64(),
                        _ => 0.0,
                    };
                    return self.format_float(f, &sp);
                }
                if let Value::Bool(b) = v {
                    if sp.ty.is_none() {
                        return Ok(sp.pad(if *b { "True" } else { "False" }, false, '<'));
                    }
                }
                let b = match v {
                    Value::Int(i) => BigInt::from_i64(*i),
                    Value::Bool(x) => BigInt::from_i64(*x as i64),
                    Value::Big(b) => (**b).clone(),
                    _ => BigInt::zero(),
                };
                self.format_int(&b, &sp)
            }
            Value::Float(f) => self.format_float(*f, &sp),
            Value::Str(s) => {
                if !matches!(sp.ty, None | Some('s')) {
                    return self.err(
                        ExcKind::ValueError,
                        format!(
                            "Unknown format code '{}' for object of type 'str'",
                            sp.ty.unwrap()
                        ),
                    );
                }
                if sp.sign.is_some() {
                    return self.err(
                        ExcKind::ValueError,
                        "Sign not allowed in string format specifier",
                    );
                }
                let s: String = match sp.precision {
                    Some(p) => s.chars().take(p).collect(),
                    None => s.to_string(),
                };
                Ok(sp.pad(&s, false, '<'))
            }
            _ => {
                let s = self.to_str(v)?;
                if !spec.is_empty() {
                    return self.type_err(format!(
                        "unsupported format string passed to {}.__format__",
                        v.type_name()
                    ));
                }
                Ok(s)
            }
        }
    }

    fn format_int(&mut self, b: &BigInt, sp: &Spec) -> PyResult<String> {
        if sp.precision.is_some() {
            return self.err(
                ExcKind::ValueError,
                "Precision not allowed in integer format specifier",
            );
        }
        let neg = b.is_negative();
        let a = b.abs();
        let (digits, prefix) = match sp.ty {
            None | Some('d') | Some('n') => (self.big_to_decimal(&a)?, ""),
            Some('x') => (a.to_radix(16), "0x"),
            Some('X') => (a.to_radix(16).to_ascii_uppercase(), "0X"),
            Some('o') => (a.to_radix(8), "0o"),
            Some('b') => (a.to_radix(2), "0b"),
            Some('c') => {
                let c = b
                    .to_i64()
                    .and_then(|i| char::from_u32(i as u32))
                    .unwrap_or('\u{fffd}');
                return Ok(sp.pad(&c.to_string(), false, '<'));
            }
            Some(t) => {
                return self.err(
                    ExcKind::ValueError,
                    format!("Unknown format code '{}' for object of type 'int'", t),
                )
            }
        };
        let digits = match sp.grouping {
            Some(g) => group(
                &digits,
                g,
                if matches!(sp.ty, Some('x' | 'X' | 'o' | 'b')) {
                    4
                } else {
                    3
                },
            ),
            None => digits,
        };
        let mut s = String::new();
        s.push_str(sign_str(neg, sp.sign));
        if sp.alt {
            s.push_str(prefix);
        }
        let sign_len = s.len();
        s.push_str(&digits);
        Ok(sp.pad_numeric(&s, sign_len))
    }

    fn format_float(&mut self, f: f64, sp: &Spec) -> PyResult<String> {
        let neg = f.is_sign_negative() && !f.is_nan();
        let a = f.abs();
        let body = if !a.is_finite() {
            let s = if a.is_nan() { "nan" } else { "inf" };
            if matches!(sp.ty, Some('E' | 'F' | 'G')) {
                s.to_ascii_uppercase()
            } else {
                s.to_string()
            }
        } else {
            match sp.ty {
                Some('f') | Some('F') => fixed(a, sp.precision.unwrap_or(6)),
                Some('%') => fixed(a * 100.0, sp.precision.unwrap_or(6)) + "%",
                Some('e') | Some('E') => {
                    let s = exp_format(a, sp.precision.unwrap_or(6), sp.alt);
                    if sp.ty == Some('E') {
                        s.to_ascii_uppercase()
                    } else {
                        s
                    }
                }
                Some('g') | Some('G') | Some('n') => {
                    let s = general_format(a, sp.precision.unwrap_or(6), sp.alt, false);
                    if sp.ty == Some('G') {
                        s.to_ascii_uppercase()
                    } else {
                        s
                    }
                }
                None => match sp.precision {
                    None => float_repr(a),
                    Some(p) => general_format(a, p, sp.alt, true),
                },
                Some(t) => {
                    return self.err(
                        ExcKind::ValueError,
                        format!("Unknown format code '{}' for object of type 'float'", t),
                    )
                }
            }
        };
        let body = match sp.grouping {
            Some(g) if a.is_finite() => {
                let (int, rest) = match body.find(|c: char| !c.is_ascii_digit()) {
                    Some(i) => (&body[..i], &body[i..]),
                    None => (&body[..], ""),
                };
                format!("{}{}", group(int, g, 3), rest)
            }
            _ => body,
        };
        let mut s = String::from(sign_str(neg, sp.sign));
        let sign_len = s.len();
        s.push_str(&body);
        Ok(sp.pad_numeric(&s, sign_len))
    }
}

/// A parsed format spec.
pub struct Spec {
    fill: char,
    align: Option<char>,
    sign: Option<char>,
    alt: bool,
    zero: bool,
    width: usize,
    grouping: Option<char>,
    precision: Option<usize>,
    ty: Option<char>,
}

impl Spec {
    /// Parse `[[fill]align][sign][#][0][width][,|_][.precision][type]`.
    pub fn parse(s: &str) -> Option<Spec> {
        let c: Vec<char> = s.chars().collect();
        let mut i = 0;
        let mut sp = Spec {
            fill: ' ',
            align: None,
            sign: None,
            alt: false,
            zero: false,
            width: 0,
            grouping: None,
            precision: None,
            ty: None,
        };
        let is_align = |ch: char| matches!(ch, '<' | '>' | '^' | '=');
        if c.len() >= 2 && is_align(c[1]) {
            sp.fill = c[0];
            sp.align = Some(c[1]);
            i = 2;
        } else if !c.is_empty() && is_align(c[0]) {
            sp.align = Some(c[0]);
            i = 1;
        }
        if i < c.len() && matches!(c[i], '+' | '-' | ' ') {
            sp.sign = Some(c[i]);
            i += 1;
        }
        if i < c.len() && c[i] == '#' {
            sp.alt = true;
            i += 1;
        }
        if i < c.len() && c[i] == '0' {
            sp.zero = true;
            i += 1;
        }
        let st = i;
        while i < c.len() && c[i].is_ascii_digit() {
            i += 1;
        }
        if i > st {
            sp.width = c[st..i].iter().collect::<String>().parse().ok()?;
        }
        if i < c.len() && matches!(c[i], ',' | '_') {
            sp.grouping = Some(c[i]);
            i += 1;
        }
        if i < c.len() && c[i] == '.' {
            i += 1;
            let st = i;
            while i < c.len() && c[i].is_ascii_digit() {
                i += 1;
            }
            if i == st {
                return None;
            }
            sp.precision = Some(c[st..i].iter().collect::<String>().parse().ok()?);
        }
        if i < c.len() {
            sp.ty = Some(c[i]);
            i += 1;
        }
        if i != c.len() {
            return None;
        }
        Some(sp)
    }

    fn pad(&self, s: &str, _numeric: bool, default_align: char) -> String {
        let n = s.chars().count();
        if n >= self.width {
            return s.to_string();
        }
        let fill_n = self.width - n;
        let f = |k: usize| self.fill.to_string().repeat(k);
        match self.align.unwrap_or(default_align) {
            '<' => format!("{}{}", s, f(fill_n)),
            '>' => format!("{}{}", f(fill_n), s),
            '^' => format!("{}{}{}", f(fill_n / 2), s, f(fill_n - fill_n / 2)),
            _ => format!("{}{}", f(fill_n), s),
        }
    }

    fn pad_numeric(&self, s: &str, sign_len: usize) -> String {
        let n = s.chars().count();
        if n >= self.width {
            return s.to_string();
        }
        let (fill, align) = if self.zero && self.align.is_none() {
            ('0', '=')
        } else {
            (self.fill, self.align.unwrap_or('>'))
        };
        if align == '=' {
            let k = self.width - n;
            return format!(
                "{}{}{}",
                &s[..sign_len],
                fill.to_string().repeat(k),
                &s[sign_len..]
            );
        }
        let sp = Spec {
            fill,
            align: Some(align),
            sign: None,
            alt: false,
            zero: false,
            width: self.width,
            grouping: None,
            precision: None,
            ty: None,
        };
        sp.pad(s, true, '>')
    }
}

/// `fmt % args`
pub fn percent_format(vm: &mut Vm, fmt: &str, args: &Value) -> PyResult<String> {
    let items: Vec<Value> = match args {
        Value::Tuple(t) => t.to_vec(),
        other => vec![other.clone()],
    };
    let dict = if let Value::Dict(_) = args {
        Some(args.clone())
    } else {
        None
    };
    let c: Vec<char> = fmt.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    let mut ai = 0;
    while i < c.len() {
        if c[i] != '%' {
            out.push(c[i]);
            i += 1;
            continue;
        }
        i += 1;
        if i >= c.len() {
            return vm.err(ExcKind::ValueError, "incomplete format");
        }
        let mut key = None;
        if c[i] == '(' {
            let st = i + 1;
            while i < c.len() && c[i] != ')' {
                i += 1;
            }
            if i >= c.len() {
                return vm.err(ExcKind::ValueError, "incomplete format key");
            }
            key = Some(c[st..i].iter().collect::<String>());
            i += 1;
        }
        let st = i;
        while i < c.len() && "-+ #0123456789.".contains(c[i]) {
            i += 1;
        }
        let flags: String = c[st..i].iter().collect();
        if i >= c.len() {
            return vm.err(ExcKind::ValueError, "incomplete format");
        }
        let ty = c[i];
        i += 1;
        if ty == '%' {
            out.push('%');
            continue;
        }
        let v = match (&key, &dict) {
            (Some(k), Some(d)) => vm.getitem(d, &Value::str(k))?,
            _ => {
                if ai >= items.len() {
                    return vm.type_err("not enough arguments for format string");
                }
                ai += 1;
                items[ai - 1].clone()
            }
        };
        let (align_left, rest) = match flags.strip_prefix('-') {
            Some(r) => (true, r.to_string()),
            None => (false, flags.clone()),
        };
        let s = match ty {
            's' => vm.to_str(&v)?,
            'r' => vm.repr(&v)?,
            'a' => ascii(&vm.repr(&v)?),
            'd' | 'i' | 'u' => {
                let iv = match &v {
                    Value::Float(f) => Value::from_big(BigInt::from_f64(f.trunc())),
                    Value::Int(_) | Value::Big(_) | Value::Bool(_) => v.clone(),
                    _ => {
                        return vm.type_err(format!(
                            "%{} format: a real number is required, not {}",
                            ty,
                            v.type_name()
                        ))
                    }
                };
                vm.format(
                    &iv,
                    &format!("{}{}d", if align_left { "<" } else { "" }, rest),
                )?
            }
            'f' | 'F' | 'e' | 'E' | 'g' | 'G' | 'x' | 'X' | 'o' | 'c' => {
                let spec = format!(
                    "{}{}{}",
                    if align_left { "<" } else { "" },
                    rest,
                    if ty == 'F' { 'f' } else { ty }
                );
                let v = if matches!(ty, 'f' | 'F' | 'e' | 'E' | 'g' | 'G') {
                    match &v {
                        Value::Int(i) => Value::Float(*i as f64),
                        Value::Bool(b) => Value::Float(*b as i64 as f64),
                        Value::Float(_) => v.clone(),
                        _ => {
                            return vm
                                .type_err(format!("must be real number, not {}", v.type_name()))
                        }
                    }
                } else {
                    v
                };
                vm.format(&v, &spec)?
            }
            _ => {
                return vm.err(
                    ExcKind::ValueError,
                    format!(
                        "unsupported format character '{}' (0x{:x}) at index {}",
                        ty,
                        ty as u32,
                        i - 1
                    ),
                )
            }
        };
        if align_left && !matches!(ty, 's' | 'r' | 'a') {
            out.push_str(&s);
        } else if align_left {
            let w: usize = rest
                .chars()
                .take_while(|c| c.is_ascii_digit())
                .collect::<String>()
                .parse()
                .unwrap_or(0);
            let n = s.chars().count();
            out.push_str(&s);
            if w > n {
                out.push_str(&" ".repeat(w - n));
            }
        } else if matches!(ty, 's' | 'r' | 'a') {
            let w: usize = rest
                .trim_start_matches(['+', ' ', '#', '0'])
                .split('.')
                .next()
                .unwrap_or("")
                .parse()
                .unwrap_or(0);
            let prec: Option<usize> = rest.split_once('.').and_then(|(_, p)| p.parse().ok());
            let s: String = match prec {
                Some(p) => s.chars().take(p).collect(),
                None => s,
            };
            let n = s.chars().count();
            if w > n {
                out.push_str(&" ".repeat(w - n));
            }
            out.push_str(&s);
        } else {
            out.push_str(&s);
        }
    }
    if ai < items.len() && dict.is_none() {
        return vm.type_err("not all arguments converted during string formatting");
    }
    Ok(out)
}

/// `fmt.format(*args, **kwargs)`
pub fn str_format(
    vm: &mut Vm,
    fmt: &str,
    args: &[Value],
    kw: &[(std::rc::Rc<str>, Value)],
) -> PyResult<String> {
    let c: Vec<char> = fmt.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    let mut auto = 0usize;
    while i < c.len() {
        let ch = c[i];
        if ch == '{' {
            if c.get(i + 1) == Some(&'{') {
                out.push('{');
                i += 2;
                continue;
            }
            // find the matching '}'
            let st = i + 1;
            let mut depth = 1;
            i += 1;
            while i < c.len() && depth > 0 {
                if c[i] == '{' {
                    depth += 1;
                } else if c[i] == '}' {
                    depth -= 1;
                }
                i += 1;
            }
            if depth > 0 {
                return vm.err(ExcKind::ValueError, "expected '}' before end of string");
            }
            let field: String = c[st..i - 1].iter().collect();
            let (name_conv, spec) = match field.find(':') {
                Some(p) => (field[..p].to_string(), field[p + 1..].to_string()),
                None => (field.clone(), String::new()),
            };
            let (name, conv) = match name_conv.find('!') {
                Some(p) => (
                    name_conv[..p].to_string(),
                    name_conv[p + 1..].chars().next(),
                ),
                None => (name_conv, None),
            };
            // the first part of the name: index or keyword, then .attr / [key]
            let split = name.find(['.', '[']).unwrap_or(name.len());
            let (head, mut rest) = (&name[..split], &name[split..]);
            let mut v = if head.is_empty() {
                let v = args.get(auto).cloned();
                auto += 1;
                match v {
                    Some(v) => v,
                    None => {
                        return vm.err(
                            ExcKind::IndexError,
                            format!(
                                "Replacement index {} out of range for positional args tuple",
                                auto - 1
                            ),
                        )
                    }
                }
            } else if let Ok(n) = head.parse::<usize>() {
                match args.get(n) {
                    Some(v) => v.clone(),
                    None => {
                        return vm.err(
                            ExcKind::IndexError,
                            format!(
                                "Replacement index {} out of range for positional args tuple",
                                n
                            ),
                        )
                    }
                }
            } else {
                match kw.iter().find(|(k, _)| &**k == head) {
                    Some((_, v)) => v.clone(),
                    None => {
                        return Err(
                            vm.make_exc(vm.exc_class(ExcKind::KeyError), vec![Value::str(head)])
                        )
                    }
                }
            };
            while !rest.is_empty() {
                if let Some(r) = rest.strip_prefix('.') {
                    let end = r.find(['.', '[']).unwrap_or(r.len());
                    v = vm.getattr(&v, &r[..end])?;
                    rest = &r[end..];
                } else if let Some(r) = rest.strip_prefix('[') {
                    let end = r.find(']').unwrap_or(r.len());
                    let key = &r[..end];
                    let k = match key.parse::<i64>() {
                        Ok(n) => Value::Int(n),
                        Err(_) => Value::str(key),
                    };
                    v = vm.getitem(&v, &k)?;
                    rest = if end < r.len() { &r[end + 1..] } else { "" };
                } else {
                    break;
                }
            }
            let v = match conv {
                Some('r') => Value::str(&vm.repr(&v)?),
                Some('s') => Value::str(&vm.to_str(&v)?),
                Some('a') => Value::str(&ascii(&vm.repr(&v)?)),
                _ => v,
            };
            let spec = if spec.contains('{') {
                str_format(vm, &spec, args, kw)?
            } else {
                spec
            };
            out.push_str(&vm.format(&v, &spec)?);
        } else if ch == '}' {
            if c.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return vm.err(
                ExcKind::ValueError,
                "Single '}' encountered in format string",
            );
        } else {
            out.push(ch);
            i += 1;
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_formatting_is_rusts() {
        // Rust's float formatting rounds the exact value half to even, like CPython.
        let mut x: u64 = 0x9e3779b97f4a7c15;
        let mut values = vec![
            0.0, 0.5, 1.5, 2.5, 0.25, 1.125, 25.0, 35.0, 0.125, 5e-324, 1e308,
        ];
        values.extend([
            f64::MAX,
            1e21,
            1e22,
            123456789.0,
            0.1,
            0.3,
            2.675,
            9.995,
            999.5,
        ]);
        for _ in 0..3000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let f = f64::from_bits(x >> 1);
            if f.is_finite() {
                values.push(f);
            }
            let scale = 10f64.powi((x % 40) as i32 - 20);
            values.push((x % 100_000) as f64 / 8.0 * scale);
        }
        for &a in &values {
            for p in [0, 1, 2, 3, 6, 17, 30] {
                assert_eq!(fixed(a, p), format!("{a:.p$}"), "{a:e} {p}");
                let (m, e) = scientific(a, p);
                assert_eq!(format!("{m}e{e}"), format!("{a:.p$e}"), "{a:e} {p}");
            }
        }
    }
}
