//! Compile-time errors (SyntaxError and its subclasses) and how CPython 3.11 prints them.

/// A SyntaxError, IndentationError or TabError, with CPython's position fields.
#[derive(Clone, Debug, PartialEq)]
pub struct SyntaxErr {
    /// `SyntaxError`, `IndentationError` or `TabError`.
    pub kind: &'static str,
    /// The message (`invalid syntax`, `unexpected indent`...).
    pub msg: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column of the caret (CPython's `offset`); 0 or less prints no caret.
    pub offset: i64,
    /// 1-based column just after the highlighted range; carets span `offset..end_offset`.
    pub end_offset: i64,
    /// The source text CPython attaches when it differs from the file's line (e.g. a
    /// line cut at the end of the file); `None` means "read the line from the source".
    pub text: Option<String>,
}

impl SyntaxErr {
    /// A `SyntaxError` at 0-based column `col` spanning `len` characters.
    pub fn new(msg: impl Into<String>, line: usize, col: usize, end_col: usize) -> Self {
        SyntaxErr {
            kind: "SyntaxError",
            msg: msg.into(),
            line,
            offset: col as i64 + 1,
            end_offset: end_col as i64 + 1,
            text: None,
        }
    }

    /// Same error, another class (IndentationError, TabError).
    pub fn with_kind(mut self, kind: &'static str) -> Self {
        self.kind = kind;
        self
    }

    /// Render the error as CPython writes it on stderr (no traceback header: a
    /// SyntaxError in the main file is printed without one).
    pub fn render(&self, filename: &str, source: &str) -> String {
        let mut out = format!("  File \"{}\", line {}\n", filename, self.line);
        let text = match &self.text {
            Some(t) => Some(t.clone()),
            None => source.split('\n').nth(self.line - 1).map(|s| s.to_string()),
        };
        if let Some(text) = text {
            // Mirrors print_error_text() in Python/pythonrun.c: strip the indentation,
            // shift the caret by as much, and skip it when it falls left of the text.
            let chars: Vec<char> = text.trim_end_matches(['\n', '\r']).chars().collect();
            let mut offset = self.offset - 1;
            let mut end = self.end_offset - 1;
            let mut start = 0;
            while start < chars.len() && matches!(chars[start], ' ' | '\t' | '\x0c') {
                start += 1;
                offset -= 1;
                end -= 1;
            }
            let shown: String = chars[start..].iter().collect();
            let len = shown.chars().count() as i64;
            if offset > len {
                offset = len;
            }
            out.push_str("    ");
            out.push_str(&shown);
            out.push('\n');
            if offset >= 0 {
                let carets = if self.kind == "SyntaxError" && end > offset {
                    (end - offset) as usize
                } else {
                    1
                };
                out.push_str("    ");
                out.push_str(&" ".repeat(offset as usize));
                out.push_str(&"^".repeat(carets));
                out.push('\n');
            }
        }
        out.push_str(&format!("{}: {}\n", self.kind, self.msg));
        out
    }
}
