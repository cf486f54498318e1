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
        self.sep();
        self.buf.push('{');
        self.first.push(true);
        self
    }
    /// Closes `}`.
    pub fn end_object(&mut self) -> &mut Self {
        self.first.pop();
        self.buf.push('}');
        self
    }
    /// Opens `[`.
    pub fn begin_array(&mut self) -> &mut Self {
        self.sep();
        self.buf.push('[');
        self.first.push(true);
        self
    }
    /// Closes `]`.
    pub fn end_array(&mut self) -> &mut Self {
        self.first.pop();
        self.buf.push(']');
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
            // Round to the nanosecond: loop times are sums of decimal delays and
            // this removes binary noise such as 0.30000000000000004.
            let r = (x * 1e9).round() / 1e9;
            let r = if r == 0.0 { 0.0 } else { r };
            self.buf.push_str(&format!("{r}"));
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
