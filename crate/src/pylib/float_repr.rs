//! `repr(float)` / `str(float)`: the shortest digits that round-trip (Rust's
//! `{:e}` gives exactly those), laid out as CPython's `float_repr_style = 'short'`
//! does: positional when the decimal exponent is in [-4, 16), else `1e+16`.

/// The shortest round-trip digits and the decimal point position: `x = 0.DIGITS × 10^decpt`.
fn shortest(x: f64) -> (String, i32) {
    let s = format!("{:e}", x.abs());
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let digits: String = mant.chars().filter(char::is_ascii_digit).collect();
    let exp: i32 = exp.parse().unwrap_or(0);
    (digits, exp + 1)
}

/// CPython's `repr(x)` for a float.
pub fn repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.into();
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0.0");
    }
    let (digits, decpt) = shortest(x);
    let body = if -4 < decpt && decpt <= 16 {
        positional(&digits, decpt, true)
    } else {
        exponential(&digits, decpt - 1)
    };
    format!("{sign}{body}")
}

fn positional(digits: &str, decpt: i32, force_point: bool) -> String {
    let n = digits.len() as i32;
    if decpt <= 0 {
        format!("0.{}{}", "0".repeat((-decpt) as usize), digits)
    } else if decpt >= n {
        let int = format!("{}{}", digits, "0".repeat((decpt - n) as usize));
        if force_point {
            format!("{int}.0")
        } else {
            int
        }
    } else {
        let (a, b) = digits.split_at(decpt as usize);
        format!("{a}.{b}")
    }
}

/// `d.ddde±XX` with at least two exponent digits, as CPython writes exponents.
pub fn exponential(digits: &str, exp: i32) -> String {
    let (first, rest) = digits.split_at(1);
    let mant = if rest.is_empty() {
        first.to_string()
    } else {
        format!("{first}.{rest}")
    };
    format!("{mant}e{}", exp_suffix(exp))
}

/// `+05`, `-07`, `+300`.
pub fn exp_suffix(exp: i32) -> String {
    format!("{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs())
}

#[cfg(test)]
mod tests {
    use super::repr;

    #[test]
    fn floats_print_as_cpython_prints_them() {
        let cases = [
            (0.1 + 0.2, "0.30000000000000004"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (1e-5, "1e-05"),
            (0.0001, "0.0001"),
            (1.5e300, "1.5e+300"),
            (-0.0, "-0.0"),
            (2.0, "2.0"),
            (123456789012345678.0, "1.2345678901234568e+17"),
            (5e-324, "5e-324"),
            (1.0 / 3.0, "0.3333333333333333"),
            (f64::INFINITY, "inf"),
            (-2.5, "-2.5"),
        ];
        for (x, want) in cases {
            assert_eq!(repr(x), want, "repr of {x:e}");
        }
    }
}
