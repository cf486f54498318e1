//! Float formatting as CPython does it: `repr(float)` (shortest round-trip digits), and
//! the fixed, scientific and general layouts of the format-spec mini-language, on plain
//! `f64`s (no Python values here).

use crate::python::num::bigint::BigInt;

/// CPython's `repr(float)`: shortest digits that round-trip; scientific notation when
/// the exponent is < -4 or >= 16, with a signed two-digit (at least) exponent.
pub fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if f == 0.0 {
        return if f.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    let (digits, exp) = crate::python::num::engine::shortest(f.abs()); // e.g. ("12345", -5)
    let mut out = String::new();
    if f < 0.0 {
        out.push('-');
    }
    if (-4..16).contains(&exp) {
        if exp < 0 {
            out.push_str("0.");
            out.push_str(&"0".repeat((-exp - 1) as usize));
            out.push_str(&digits);
        } else {
            let point = exp as usize + 1;
            if digits.len() <= point {
                out.push_str(&digits);
                out.push_str(&"0".repeat(point - digits.len()));
                out.push_str(".0");
            } else {
                out.push_str(&digits[..point]);
                out.push('.');
                out.push_str(&digits[point..]);
            }
        }
    } else {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push_str(&format!(
            "e{}{:02}",
            if exp < 0 { '-' } else { '+' },
            exp.abs()
        ));
    }
    out
}

/// The sign a number is written with: `-`, or what the spec's sign option asks for.
pub fn sign_str(neg: bool, sign: Option<char>) -> &'static str {
    if neg {
        "-"
    } else {
        match sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    }
}

/// `digits` with `sep` between groups of `every` digits from the right (`1_000_000`).
pub fn group(digits: &str, sep: char, every: usize) -> String {
    let chars: Vec<char> = digits.chars().collect();
    let mut out = String::new();
    for (i, c) in chars.iter().enumerate() {
        if i > 0 && (chars.len() - i).is_multiple_of(every) {
            out.push(sep);
        }
        out.push(*c);
    }
    out
}

/// The exact value of finite `a >= 0` as `(n, k)`, `a = n / 10^k`: `a = m × 2^e`
/// is `m × 5^-e / 10^-e` when `e < 0`.
pub fn exact_decimal(a: f64) -> (String, usize) {
    let bits = a.to_bits();
    let (mut m, mut e) = match (bits >> 52) as i64 & 0x7ff {
        0 => (bits & ((1 << 52) - 1), -1074),
        b => ((bits & ((1 << 52) - 1)) | 1 << 52, b - 1075),
    };
    if m == 0 {
        return ("0".into(), 0);
    }
    while m & 1 == 0 {
        m >>= 1;
        e += 1;
    }
    let m = BigInt::from_i64(m as i64);
    if e >= 0 {
        (m.mul(&BigInt::from_i64(2).pow(e as u64)).to_string(), 0)
    } else {
        (
            m.mul(&BigInt::from_i64(5).pow(-e as u64)).to_string(),
            -e as usize,
        )
    }
}

/// Digit string `d` cut to its first `keep` digits, rounded half to even on the
/// digits dropped (what CPython's and Rust's float formatting do). The result can
/// have one more digit (`"999"` cut to 2 is `"100"`); `""` stands for 0.
pub fn round_digits(d: &str, keep: usize) -> String {
    if d.len() <= keep {
        return d.to_string();
    }
    let (q, r) = d.split_at(keep);
    let half = r.as_bytes()[0].cmp(&b'5').then_with(|| {
        if r[1..].bytes().any(|c| c != b'0') {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Equal
        }
    });
    let odd = q.as_bytes().last().is_some_and(|c| c % 2 == 1);
    let mut q = q.as_bytes().to_vec();
    if half.is_gt() || (half.is_eq() && odd) {
        // increment, with carry
        let mut i = q.len();
        loop {
            if i == 0 {
                q.insert(0, b'1');
                break;
            }
            i -= 1;
            if q[i] == b'9' {
                q[i] = b'0';
            } else {
                q[i] += 1;
                break;
            }
        }
    }
    String::from_utf8(q).unwrap_or_default()
}

/// `format!("{:.p$}", a)` for finite `a >= 0`, exactly, rounded half to even: Rust's
/// float formatting code (flt2dec) is a large part of the wasm, and CPython's
/// rounding is easy on the exact decimal value.
pub fn fixed(a: f64, p: usize) -> String {
    let (n, k) = exact_decimal(a);
    let mut d = if k > p {
        // Pad so that at least one digit is kept before the cut.
        let n = format!("{}{}", "0".repeat((k + 1).saturating_sub(n.len())), n);
        round_digits(&n, n.len() - (k - p))
    } else {
        n + &"0".repeat(p - k)
    };
    if d.len() <= p {
        d = "0".repeat(p + 1 - d.len()) + &d;
    }
    if p > 0 {
        d.insert(d.len() - p, '.');
    }
    d
}

/// `format!("{:.p$e}", a)` for finite `a >= 0` as (mantissa, exponent), exactly,
/// rounded half to even: `("1.50", -3)`.
pub fn scientific(a: f64, p: usize) -> (String, i32) {
    let (n, k) = exact_decimal(a);
    let (mut d, e) = if a == 0.0 {
        (String::new(), 0)
    } else {
        let e = n.len() as i32 - 1 - k as i32;
        let d = round_digits(&n, p + 1);
        if d.len() > p + 1 {
            (d[..p + 1].to_string(), e + 1)
        } else {
            (d, e)
        }
    };
    d.push_str(&"0".repeat(p + 1 - d.len()));
    if p > 0 {
        d.insert(1, '.');
    }
    (d, e)
}

/// `%e` style with `p` decimals and a two-digit signed exponent.
pub fn exp_format(a: f64, p: usize, alt: bool) -> String {
    let (m, e) = scientific(a, p);
    let m = if alt && p == 0 {
        format!("{}.", m)
    } else {
        m.to_string()
    };
    format!("{}e{}{:02}", m, if e < 0 { '-' } else { '+' }, e.abs())
}

/// `%g` style; `repr_like` is the no-type-with-precision variant (keeps one decimal).
pub fn general_format(a: f64, p: usize, alt: bool, repr_like: bool) -> String {
    let p = if p == 0 { 1 } else { p };
    if a == 0.0 {
        return if repr_like || alt {
            fixed(0.0, if alt { p - 1 } else { 1 })
        } else {
            "0".into()
        };
    }
    let (_, exp) = scientific(a, p - 1);
    let mut out = if exp >= -4 && exp < p as i32 {
        fixed(a, (p as i32 - 1 - exp).max(0) as usize)
    } else {
        exp_format(a, p - 1, alt)
    };
    if !alt {
        // strip trailing zeros of the fraction
        let (mant, expo) = match out.find('e') {
            Some(i) => (out[..i].to_string(), out[i..].to_string()),
            None => (out.clone(), String::new()),
        };
        let mut mant = mant;
        if mant.contains('.') {
            while mant.ends_with('0') {
                mant.pop();
            }
            if mant.ends_with('.') {
                mant.pop();
            }
        }
        if repr_like && expo.is_empty() && !mant.contains('.') {
            mant.push_str(".0");
        }
        out = format!("{}{}", mant, expo);
    }
    out
}
