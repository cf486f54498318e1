//! A tiny JSON writer. The trace only needs objects, arrays, strings and numbers;
//! writing them by hand keeps serde out of the wasm (tens of KB saved).

/// Incremental JSON writer that inserts commas itself.
#[derive(Default)]
pub struct Json {
    buf: String,
    // One flag per open container: has it got an element already?
    first: Vec<bool>,
    after_key: bool,
}

impl Json {
    /// An empty writer.
    pub fn new() -> Self {
        Self::default()
    }

    fn sep(&mut self) {
        if self.after_key {
            self.after_key = false;
            return;
        }
        if let Some(first) = self.first.last_mut() {
            if !*first {
                self.buf.push(',');
            }
            *first = false;
        }
    }

    /// Opens `{`.
    pub fn begin_object(&mut self) -> &mut Self {
        self.open('{')
    }
    /// Closes `}`.
    pub fn end_object(&mut self) -> &mut Self {
        self.close('}')
    }
    /// Opens `[`.
    pub fn begin_array(&mut self) -> &mut Self {
        self.open('[')
    }
    /// Closes `]`.
    pub fn end_array(&mut self) -> &mut Self {
        self.close(']')
    }
    fn open(&mut self, bracket: char) -> &mut Self {
        self.sep();
        self.buf.push(bracket);
        self.first.push(true);
        self
    }
    fn close(&mut self, bracket: char) -> &mut Self {
        self.first.pop();
        self.buf.push(bracket);
        self
    }
    /// Writes an object key; the next value belongs to it.
    pub fn key(&mut self, k: &str) -> &mut Self {
        self.sep();
        write_str(&mut self.buf, k);
        self.buf.push(':');
        self.after_key = true;
        self
    }
    /// A string value.
    pub fn string(&mut self, s: &str) -> &mut Self {
        self.sep();
        write_str(&mut self.buf, s);
        self
    }
    /// A float value; non-finite numbers become `null` (JSON has no NaN).
    pub fn number(&mut self, x: f64) -> &mut Self {
        self.sep();
        if x.is_finite() {
            // Rounded to the nanosecond: loop times are sums of decimal delays and
            // this removes binary noise such as 0.30000000000000004.
            self.buf.push_str(&decimal(x));
        } else {
            self.buf.push_str("null");
        }
        self
    }
    /// An integer value.
    pub fn int(&mut self, x: i64) -> &mut Self {
        self.sep();
        self.buf.push_str(&x.to_string());
        self
    }
    /// A boolean value.
    pub fn bool(&mut self, b: bool) -> &mut Self {
        self.sep();
        self.buf.push_str(if b { "true" } else { "false" });
        self
    }
    /// `null`.
    pub fn null(&mut self) -> &mut Self {
        self.sep();
        self.buf.push_str("null");
        self
    }
    /// An array of task ids.
    pub fn ids(&mut self, ids: &[u32]) -> &mut Self {
        self.begin_array();
        for id in ids {
            self.int(*id as i64);
        }
        self.end_array()
    }
    /// Raw JSON text produced elsewhere (must be one valid value).
    pub fn raw(&mut self, json: &str) -> &mut Self {
        self.sep();
        self.buf.push_str(json);
        self
    }
    /// The text written so far.
    pub fn finish(self) -> String {
        self.buf
    }
}

/// `x` rounded to the nanosecond, written with as few digits as that needs
/// (`2`, `0.95`, `-0.000001`). Integer arithmetic only: core's float formatting
/// would add about 5 KB gzipped to the page's wasm.
pub fn decimal(x: f64) -> String {
    if !x.is_finite() {
        return if x.is_nan() {
            "NaN"
        } else if x > 0.0 {
            "inf"
        } else {
            "-inf"
        }
        .to_string();
    }
    let ns = (x.abs() * 1e9).round();
    if ns >= 1e36 {
        return if x > 0.0 { "1e27" } else { "-1e27" }.to_string();
    }
    let d = integer_digits(ns);
    let sign = if x < 0.0 && d != "0" { "-" } else { "" };
    let d = format!("{d:0>10}"); // at least one digit before the 9 of the fraction
    let (int, frac) = d.split_at(d.len() - 9);
    let int = int.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    let frac = frac.trim_end_matches('0');
    if frac.is_empty() {
        return format!("{sign}{int}");
    }
    format!("{sign}{int}.{frac}")
}

/// The digits of `v.round() as u128` (saturating, like `as`), with u64 and decimal
/// doubling only: 128-bit division and formatting are 3 KB of wasm.
fn integer_digits(v: f64) -> String {
    let v = v.round();
    if v.is_nan() || v < 1.0 {
        return "0".into(); // `as` saturates at 0
    }
    if v < 18446744073709551616.0 {
        return (v as u64).to_string();
    }
    if v >= 340282366920938463463374607431768211456.0 {
        return "340282366920938463463374607431768211455".into(); // u128::MAX
    }
    // v = m × 2^e exactly, e > 0: m in base 10^9 limbs (least significant first),
    // doubled e times.
    let bits = v.to_bits();
    let e = ((bits >> 52) & 0x7ff) as i32 - 1075;
    let m = (bits & ((1 << 52) - 1)) | 1 << 52;
    let mut limbs = vec![(m % 1_000_000_000) as u32, (m / 1_000_000_000) as u32];
    for _ in 0..e {
        let mut carry = 0;
        for l in limbs.iter_mut() {
            let x = *l * 2 + carry;
            *l = x % 1_000_000_000;
            carry = x / 1_000_000_000;
        }
        if carry > 0 {
            limbs.push(carry);
        }
    }
    while limbs.len() > 1 && limbs.last() == Some(&0) {
        limbs.pop();
    }
    let mut out = limbs.pop().unwrap_or(0).to_string();
    for l in limbs.iter().rev() {
        out.push_str(&format!("{l:09}"));
    }
    out
}

/// `f"{x:.1f}"` for the Rust scenarios' timings (3.0, 2.7): tenths rounded half
/// away from zero, which differs from Python only on exact binary ties like 0.25.
pub fn fixed1(x: f64) -> String {
    let d = integer_digits(x.abs() * 10.0);
    let sign = if x < 0.0 && d != "0" { "-" } else { "" };
    let d = format!("{d:0>2}");
    let (int, tenth) = d.split_at(d.len() - 1);
    let int = int.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    format!("{sign}{int}.{tenth}")
}

fn write_str(buf: &mut String, s: &str) {
    buf.push('"');
    for c in s.chars() {
        match c {
            '"' => buf.push_str("\\\""),
            '\\' => buf.push_str("\\\\"),
            '\n' => buf.push_str("\\n"),
            '\r' => buf.push_str("\\r"),
            '\t' => buf.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                buf.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => buf.push(c),
        }
    }
    buf.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_with_quotes_and_newlines_are_escaped() {
        let mut j = Json::new();
        j.begin_object().key("a").string("x\"y\n");
        j.key("b").ids(&[1, 2]);
        j.end_object();
        assert_eq!(j.finish(), r#"{"a":"x\"y\n","b":[1,2]}"#);
    }

    #[test]
    fn decimals_and_tenths_are_the_u128_arithmetic_without_u128() {
        let reference_decimal = |x: f64| {
            let ns = (x.abs() * 1e9).round() as u128;
            let (int, frac) = (ns / 1_000_000_000, ns % 1_000_000_000);
            let sign = if x < 0.0 && ns != 0 { "-" } else { "" };
            if frac == 0 {
                return format!("{sign}{int}");
            }
            let digits = format!("{frac:09}");
            format!("{sign}{int}.{}", digits.trim_end_matches('0'))
        };
        let reference_fixed1 = |x: f64| {
            let tenths = (x.abs() * 10.0).round() as u128;
            let sign = if x < 0.0 && tenths != 0 { "-" } else { "" };
            format!("{sign}{}.{}", tenths / 10, tenths % 10)
        };
        let mut values = vec![0.0, -0.0, 1e-10, -4e-10, 0.5, 2.7, -3.05, 1e9, 123456.789];
        values.extend([
            1.8e10, 1.9e10, 2e19, 1.8e18, 1.9e18, 3.4e26, 9.99e26, 1e30, 3.5e37,
        ]);
        values.extend([
            3.41e37,
            1e39,
            f64::MAX,
            18446744073.709553,
            1844674407370955161.6,
        ]);
        let mut x: u64 = 0x2545f4914f6cdd1d;
        for _ in 0..2000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            values.push(f64::from_bits(x >> 2) % 1e27);
            values.push(-((x % 1_000_000_007) as f64) / 1000.0);
        }
        for v in values {
            if (v.abs() * 1e9).round() < 1e36 {
                assert_eq!(decimal(v), reference_decimal(v), "{v:e}");
            }
            assert_eq!(fixed1(v), reference_fixed1(v), "{v:e}");
        }
        assert_eq!(fixed1(f64::NAN), reference_fixed1(f64::NAN));
    }

    #[test]
    fn decimals_are_written_with_the_digits_they_need() {
        assert_eq!(decimal(2.0), "2");
        assert_eq!(decimal(0.95), "0.95");
        assert_eq!(decimal(1000.25 - 1000.0), "0.25");
        assert_eq!(decimal(-0.000001), "-0.000001");
        assert_eq!(decimal(1e-12), "0");
        assert_eq!(fixed1(2.7000000000000455), "2.7");
        assert_eq!(fixed1(3.0), "3.0");
        assert_eq!(fixed1(1.5), "1.5");
    }

    #[test]
    fn float_noise_is_rounded_away() {
        let mut j = Json::new();
        j.begin_array()
            .number(0.1 + 0.2)
            .number(2.0)
            .number(f64::NAN);
        j.end_array();
        assert_eq!(j.finish(), "[0.3,2,null]");
    }
}
