//! Decimal-to-float conversion, Unicode case mapping and `math`'s transcendental
//! functions. On wasm32 they go through the JS engine, which already ships them: Rust's
//! versions would add their tables (powers of five, case-mapping tables, argument
//! reduction) to the download, about a sixth of the gzipped interpreter. Native builds
//! use Rust's own, so the native tests keep checking the semantics; `tests/web.rs`
//! checks that the wasm path gives the same answers.
//!
//! Both sides give identical results: JS parses decimal strings with correct rounding
//! (as Rust does), and `toLowerCase`/`toUpperCase` are Unicode's full case mapping,
//! final sigma included (as `str::to_lowercase`). The `math` functions are fdlibm
//! descendants on both sides, within one ulp of the exact result like CPython's libm.

/// `s` when it is a decimal float literal in Rust's `f64::from_str` grammar
/// (`[+-]? (d+ | d+ . d* | d* . d+) ([eE] [+-]? d+)?`), `None` otherwise: what JS's
/// `parseFloat` would otherwise silently accept (a valid prefix, `Infinity`) is refused.
fn decimal_literal(s: &str) -> Option<&str> {
    let b = s.as_bytes();
    let mut i = 0;
    let digits = |i: &mut usize| {
        let st = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - st
    };
    if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
        i += 1;
    }
    let mut n = digits(&mut i);
    if i < b.len() && b[i] == b'.' {
        i += 1;
        n += digits(&mut i);
    }
    if n == 0 {
        return None;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return None;
        }
    }
    (i == b.len()).then_some(s)
}

/// The nearest float to decimal literal `s` (infinite when out of range), `None`
/// when `s` is not one (see `decimal_literal`; no `inf`/`nan`, no spaces or `_`).
pub fn parse_f64(s: &str) -> Option<f64> {
    let s = decimal_literal(s)?;
    #[cfg(target_arch = "wasm32")]
    {
        Some(js_sys::Number::parse_float(s))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let r = s.parse::<f64>().ok();
        debug_assert!(r.is_some(), "decimal_literal accepted {s:?}");
        r
    }
}

/// The shortest digits that read back as finite `a > 0`, and the decimal exponent of
/// the first: `("12345", -5)` for `1.2345e-5`. JS's `Number.prototype.toString`
/// and Rust's `{:e}` both give the shortest round-trip digits, the closest to `a`.
pub fn shortest(a: f64) -> (String, i32) {
    #[cfg(target_arch = "wasm32")]
    let s: String = js_sys::Number::from(a)
        .to_string_with_radix(10)
        .map(String::from)
        .unwrap_or_default(); // "123.45", "1e+21", "1.5e-7", "0.000123"
    #[cfg(not(target_arch = "wasm32"))]
    let s = shortest_native(a); // "1.2345e2"
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.trim_start_matches('+').parse().unwrap_or_default();
    let (int, frac) = mant.split_once('.').unwrap_or((mant, ""));
    let all = format!("{int}{frac}");
    let lead = all.len() - all.trim_start_matches('0').len();
    let digits = all[lead..].trim_end_matches('0').to_string();
    // the first significant digit is at position `lead` of `all`, whose point
    // comes after `int`
    (digits, exp + int.len() as i32 - 1 - lead as i32)
}

/// Rust's `{:e}`, but when the exact value of `a` lies halfway between two shortest
/// candidates Rust takes the upper one where CPython and JS take the even one
/// (`2624774900822.4062`, exactly ...40625): redo those with the exact value.
#[cfg(not(target_arch = "wasm32"))]
fn shortest_native(a: f64) -> String {
    let s = format!("{a:e}");
    let bits = a.to_bits();
    let (m, e) = (
        (bits & ((1 << 52) - 1)) | 1 << 52,
        ((bits >> 52) & 0x7ff) as i32 - 1075,
    );
    let e = e + m.trailing_zeros() as i32;
    // A tie needs an exact value of at most 18 significant digits: m × 2^e with
    // m odd has about 0.7 × -e of them when e < 0, and ≥ 19 past 1e40.
    if e < -27 || a >= 1e40 || (bits >> 52) == 0 {
        return s;
    }
    let len = s.split('e').next().unwrap_or("").replace('.', "").len();
    let (m, e) = crate::python::num::float::scientific(a, len.saturating_sub(1));
    format!("{m}e{e}")
}

/// `str.lower()`: Unicode full lowercase mapping.
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::JsString::from(s).to_lower_case().into()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        s.to_lowercase()
    }
}

/// `str.upper()`: Unicode full uppercase mapping (`ß` becomes `SS`).
pub fn upper(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_uppercase();
    }
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::JsString::from(s).to_upper_case().into()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        s.to_uppercase()
    }
}

/// Appends the lowercase mapping of `c` (as `char::to_lowercase`) to `out`.
pub fn push_lower(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else {
        out.push_str(&lower(c.encode_utf8(&mut [0; 4])));
    }
}

/// Appends the uppercase mapping of `c` (as `char::to_uppercase`) to `out`.
pub fn push_upper(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
    } else {
        out.push_str(&upper(c.encode_utf8(&mut [0; 4])));
    }
}

/// `math`'s functions of floats. JS's `Math` on wasm32, `f64`'s methods natively.
pub mod m {
    #[cfg(target_arch = "wasm32")]
    pub use js_sys::Math::{
        acos, asin, atan, atan2, cos, cosh, exp, log10, log2, sin, sinh, tan, tanh,
    };

    /// `x ** y`. JS's `Math.pow` differs from C's `pow` (Rust's, CPython's) on
    /// `1 ** nan` and `(-1) ** ±inf`: NaN instead of 1.
    #[cfg(target_arch = "wasm32")]
    pub fn pow(x: f64, y: f64) -> f64 {
        if x == 1.0 || (x == -1.0 && y.is_infinite()) {
            1.0
        } else {
            js_sys::Math::pow(x, y)
        }
    }

    /// Natural logarithm.
    #[cfg(target_arch = "wasm32")]
    pub fn ln(x: f64) -> f64 {
        js_sys::Math::log(x)
    }

    macro_rules! native {
        ($($name:ident => $method:ident),*) => {$(
            #[doc = concat!("`f64::", stringify!($method), "`.")]
            #[cfg(not(target_arch = "wasm32"))]
            pub fn $name(x: f64) -> f64 {
                x.$method()
            }
        )*};
    }
    native!(acos => acos, asin => asin, atan => atan, cos => cos, cosh => cosh,
        exp => exp, log10 => log10, log2 => log2, sin => sin, sinh => sinh, tan => tan,
        tanh => tanh, ln => ln);

    /// `y.atan2(x)`.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn atan2(y: f64, x: f64) -> f64 {
        y.atan2(x)
    }

    /// `x.powf(y)`.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn pow(x: f64, y: f64) -> f64 {
        x.powf(y)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_grammar_is_rusts() {
        for s in [
            "1", "+1", "-1", "1.", ".5", "1.5", "1e5", "1E+5", "1e-5", ".5e3", "5.e3", "007", "",
            ".", "+", "-.", "e5", "1e", "1e+", "1.2.3", "--1", "+-1", "1e5.0", "1_0", " 1", "1 ",
            "0x10", "1e5e5", "1..2",
        ] {
            assert_eq!(
                decimal_literal(s).is_some(),
                s.parse::<f64>().is_ok(),
                "{s:?}"
            );
        }
        // Rust also reads these, `float()` handles them before.
        assert_eq!(parse_f64("inf"), None);
        assert_eq!(parse_f64("NaN"), None);
        assert_eq!(parse_f64("1e400"), Some(f64::INFINITY));
        assert_eq!(parse_f64("0.1"), Some(0.1));
    }

    #[test]
    fn case_mapping() {
        assert_eq!(upper("straße"), "STRASSE");
        assert_eq!(lower("ΟΔΟΣ"), "\u{3bf}\u{3b4}\u{3bf}\u{3c2}");
        let mut s = String::new();
        push_upper(&mut s, 'ß');
        push_lower(&mut s, 'A');
        assert_eq!(s, "SSa");
    }
}
