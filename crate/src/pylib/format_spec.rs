//! The format-spec mini-language of `format()` and f-strings
//! (`[[fill]align][sign][z][#][0][width][grouping][.precision][type]`), for str,
//! int and float, with CPython's error messages.

use super::float_repr::{exp_suffix, repr};

/// A parsed format spec.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Spec {
    fill: Option<char>,
    align: Option<char>,
    sign: Option<char>,
    no_neg_zero: bool,
    alternate: bool,
    zero: bool,
    width: usize,
    grouping: Option<char>,
    precision: Option<usize>,
    ty: Option<char>,
}

/// Parses a spec; the error is CPython's `ValueError` message.
pub fn parse(spec: &str) -> Result<Spec, String> {
    let c: Vec<char> = spec.chars().collect();
    let mut i = 0;
    let mut s = Spec::default();
    let is_align = |ch: char| matches!(ch, '<' | '>' | '^' | '=');
    if c.len() >= 2 && is_align(c[1]) {
        s.fill = Some(c[0]);
        s.align = Some(c[1]);
        i = 2;
    } else if !c.is_empty() && is_align(c[0]) {
        s.align = Some(c[0]);
        i = 1;
    }
    if i < c.len() && matches!(c[i], '+' | '-' | ' ') {
        s.sign = Some(c[i]);
        i += 1;
    }
    if i < c.len() && c[i] == 'z' {
        s.no_neg_zero = true;
        i += 1;
    }
    if i < c.len() && c[i] == '#' {
        s.alternate = true;
        i += 1;
    }
    if i < c.len() && c[i] == '0' {
        s.zero = true;
        i += 1;
    }
    let start = i;
    while i < c.len() && c[i].is_ascii_digit() {
        i += 1;
    }
    if i > start {
        s.width = c[start..i]
            .iter()
            .collect::<String>()
            .parse()
            .map_err(|_| "Too many decimal digits in format string".to_string())?;
    }
    if i < c.len() && matches!(c[i], ',' | '_') {
        s.grouping = Some(c[i]);
        i += 1;
    }
    if i < c.len() && c[i] == '.' {
        i += 1;
        let start = i;
        while i < c.len() && c[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return Err("Format specifier missing precision".into());
        }
        s.precision = c[start..i].iter().collect::<String>().parse().ok();
    }
    if i < c.len() {
        s.ty = Some(c[i]);
        i += 1;
    }
    if i < c.len() {
        return Err("Invalid format specifier".into());
    }
    Ok(s)
}

fn unknown_code(ty: char, what: &str) -> String {
    format!("Unknown format code '{ty}' for object of type '{what}'")
}

/// Pads `body` (with its sign `prefix` kept in front for `=` alignment).
fn pad(prefix: &str, body: &str, s: &Spec, default_align: char) -> String {
    let (fill, align) = if s.zero && s.align.is_none() {
        ('0', '=')
    } else {
        (s.fill.unwrap_or(' '), s.align.unwrap_or(default_align))
    };
    let len = prefix.chars().count() + body.chars().count();
    if len >= s.width {
        return format!("{prefix}{body}");
    }
    let n = s.width - len;
    let f = |k: usize| fill.to_string().repeat(k);
    match align {
        '<' => format!("{prefix}{body}{}", f(n)),
        '^' => format!("{}{prefix}{body}{}", f(n / 2), f(n - n / 2)),
        '=' => format!("{prefix}{}{body}", f(n)),
        _ => format!("{}{prefix}{body}", f(n)),
    }
}

/// `format(s, spec)` for a str.
pub fn format_str(text: &str, s: &Spec) -> Result<String, String> {
    match s.ty {
        None | Some('s') => {}
        Some(t) => return Err(unknown_code(t, "str")),
    }
    if s.sign.is_some() {
        return Err("Sign not allowed in string format specifier".into());
    }
    if s.align == Some('=') {
        return Err("'=' alignment not allowed in string format specifier".into());
    }
    let body: String = match s.precision {
        Some(p) => text.chars().take(p).collect(),
        None => text.to_string(),
    };
    Ok(pad("", &body, s, '<'))
}

fn group(int_digits: &str, sep: char, every: usize) -> String {
    let chars: Vec<char> = int_digits.chars().collect();
    let mut out = String::new();
    for (k, ch) in chars.iter().enumerate() {
        if k > 0 && (chars.len() - k).is_multiple_of(every) {
            out.push(sep);
        }
        out.push(*ch);
    }
    out
}

fn sign_str(neg: bool, s: &Spec) -> &'static str {
    match (neg, s.sign) {
        (true, _) => "-",
        (false, Some('+')) => "+",
        (false, Some(' ')) => " ",
        _ => "",
    }
}

/// `format(n, spec)` for an int given by its sign and a function giving the
/// magnitude's digits in base 2, 8, 10 or 16 (so big ints work too).
pub fn format_int(neg: bool, digits: &dyn Fn(u32) -> String, s: &Spec) -> Result<String, String> {
    let ty = s.ty.unwrap_or('d');
    if s.precision.is_some() && !matches!(ty, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') {
        return Err("Precision not allowed in integer format specifier".into());
    }
    let (base, prefix) = match ty {
        'd' | 'n' => (10, ""),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        'o' => (8, "0o"),
        'b' => (2, "0b"),
        'c' => {
            let code: u32 = digits(10).parse().unwrap_or(u32::MAX);
            let ch = char::from_u32(code)
                .filter(|_| !neg)
                .ok_or("%c arg not in range(0x110000)")?;
            return Ok(pad("", &ch.to_string(), s, '<'));
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let x: f64 = digits(10).parse().unwrap_or(f64::INFINITY);
            return format_float(if neg { -x } else { x }, s);
        }
        t => return Err(unknown_code(t, "int")),
    };
    let mut body = digits(base);
    if ty == 'X' {
        body = body.to_uppercase();
    }
    if let Some(sep) = s.grouping {
        if sep == ',' && base != 10 {
            return Err(format!("Cannot specify ',' with '{ty}'."));
        }
        body = group(&body, sep, if base == 10 { 3 } else { 4 });
    }
    let lead = format!(
        "{}{}",
        sign_str(neg, s),
        if s.alternate { prefix } else { "" }
    );
    Ok(pad(&lead, &body, s, '>'))
}

fn strip_zeros(m: &str) -> String {
    if m.contains('.') {
        m.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        m.to_string()
    }
}

fn e_format(x: f64, p: usize, upper: bool) -> String {
    let s = format!("{x:.p$e}");
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    let out = format!("{m}e{}", exp_suffix(e.parse().unwrap_or(0)));
    if upper {
        out.to_uppercase()
    } else {
        out
    }
}

/// `g` formatting of a finite non-negative x with p significant digits.
fn g_format(x: f64, p: usize, alternate: bool, upper: bool, repr_like: bool) -> String {
    let p = p.max(1);
    let probe = format!("{x:.*e}", p - 1);
    let exp: i32 = probe
        .split_once('e')
        .map_or(0, |(_, e)| e.parse().unwrap_or(0));
    if -4 <= exp && (exp as i64) < p as i64 {
        let decimals = (p as i32 - 1 - exp).max(0) as usize;
        let f = format!("{x:.decimals$}");
        let mut out = if alternate { f } else { strip_zeros(&f) };
        if repr_like && !out.contains('.') {
            out.push_str(".0");
        }
        out
    } else {
        let e = e_format(x, p - 1, upper);
        if alternate {
            e
        } else {
            let (m, rest) = e
                .split_once(if upper { 'E' } else { 'e' })
                .unwrap_or((&e, ""));
            format!("{}{}{rest}", strip_zeros(m), if upper { 'E' } else { 'e' })
        }
    }
}

/// `format(x, spec)` for a float.
pub fn format_float(x: f64, s: &Spec) -> Result<String, String> {
    let ty = s.ty;
    if let Some(t) = ty {
        if !matches!(t, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') {
            return Err(unknown_code(t, "float"));
        }
    }
    let upper = matches!(ty, Some('E' | 'F' | 'G'));
    let mut neg = x.is_sign_negative() && !x.is_nan();
    let a = x.abs();
    let mut body = if !a.is_finite() {
        let t = if a.is_nan() { "nan" } else { "inf" };
        let t = if upper {
            t.to_uppercase()
        } else {
            t.to_string()
        };
        if ty == Some('%') {
            format!("{t}%")
        } else {
            t
        }
    } else {
        match ty {
            Some('f' | 'F') => format!("{a:.*}", s.precision.unwrap_or(6)),
            Some('e' | 'E') => e_format(a, s.precision.unwrap_or(6), upper),
            Some('%') => format!("{:.*}%", s.precision.unwrap_or(6), a * 100.0),
            Some('g' | 'G' | 'n') => {
                g_format(a, s.precision.unwrap_or(6), s.alternate, upper, false)
            }
            _ => match s.precision {
                None => repr(a),
                Some(p) => g_format(a, p, s.alternate, false, true),
            },
        }
    };
    if s.no_neg_zero
        && neg
        && body
            .chars()
            .all(|c| matches!(c, '0' | '.' | '%' | 'e' | '+' | '-'))
    {
        neg = false;
    }
    if let Some(sep) = s.grouping {
        let split = body
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(body.len());
        let (int, rest) = body.split_at(split);
        body = format!("{}{rest}", group(int, sep, 3));
    }
    Ok(pad(sign_str(neg, s), &body, s, '>'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(x: f64, spec: &str) -> String {
        format_float(x, &parse(spec).unwrap()).unwrap()
    }
    fn i(n: i64, spec: &str) -> String {
        let m = n.unsigned_abs();
        let digits = move |b: u32| match b {
            16 => format!("{m:x}"),
            8 => format!("{m:o}"),
            2 => format!("{m:b}"),
            _ => m.to_string(),
        };
        format_int(n < 0, &digits, &parse(spec).unwrap()).unwrap()
    }

    // Expected values printed by CPython 3.11.
    #[test]
    fn float_specs_match_cpython() {
        assert_eq!(f(1.23456, ".2f"), "1.23");
        assert_eq!(f(1234567.891, ",.2f"), "1,234,567.89");
        assert_eq!(f(0.5, ".0f"), "0");
        assert_eq!(f(1.5, ".0f"), "2");
        assert_eq!(f(2.675, ".2f"), "2.67");
        assert_eq!(f(1e-7, "g"), "1e-07");
        assert_eq!(f(123456789.0, "g"), "1.23457e+08");
        assert_eq!(f(0.0001, ".3g"), "0.0001");
        assert_eq!(f(1.0, "g"), "1");
        assert_eq!(f(100.0, ".2g"), "1e+02");
        assert_eq!(f(12345.678, "e"), "1.234568e+04");
        assert_eq!(f(0.25, "%"), "25.000000%");
        assert_eq!(f(3.5, "10.2f"), "      3.50");
        assert_eq!(f(1.0, ""), "1.0");
        assert_eq!(f(1e20, ""), "1e+20");
        assert_eq!(f(1.5, ".3"), "1.5");
        assert_eq!(f(3.0, ".1f"), "3.0");
    }

    #[test]
    fn int_and_str_specs_match_cpython() {
        assert_eq!(i(42, "05d"), "00042");
        assert_eq!(i(255, "x"), "ff");
        assert_eq!(i(255, "#X"), "0XFF");
        assert_eq!(i(1234567, ","), "1,234,567");
        assert_eq!(i(-42, "+d"), "-42");
        assert_eq!(i(42, ">8"), "      42");
        assert_eq!(i(-3, "08d"), "-0000003");
        assert_eq!(format_str("ab", &parse("*^7").unwrap()).unwrap(), "**ab***");
        assert_eq!(
            format_str("ab", &parse("d").unwrap()).unwrap_err(),
            "Unknown format code 'd' for object of type 'str'"
        );
    }
}
