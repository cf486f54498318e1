//! The indentation pass of CPython's tokenizer, enough to reject a scenario's
//! source the way `python3 file.py` does before running anything (course example
//! 04 has a stray space). The full lexer of the interpreter will supersede it.

/// A compile-time error, printed as CPython prints it.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    /// `IndentationError` or `SyntaxError`.
    pub kind: &'static str,
    /// The message after the colon.
    pub msg: String,
    /// 1-based line number.
    pub line: u32,
    /// Caret column in the stripped line (None: no caret line).
    pub caret: Option<usize>,
}

impl SyntaxError {
    /// The lines CPython writes on stderr (without the final newline).
    pub fn render(&self, file: &str, source: &str) -> String {
        let text = source
            .lines()
            .nth(self.line as usize - 1)
            .unwrap_or("")
            .trim();
        let mut out = format!("  File \"{file}\", line {}\n    {text}\n", self.line);
        if let Some(c) = self.caret {
            out.push_str(&format!("    {}^\n", " ".repeat(c)));
        }
        out.push_str(&format!("{}: {}", self.kind, self.msg));
        out
    }
}

fn indent_width(line: &str) -> usize {
    let mut col = 0;
    for c in line.chars() {
        match c {
            ' ' => col += 1,
            '\t' => col = (col / 8 + 1) * 8,
            '\x0c' => col = 0,
            _ => break,
        }
    }
    col
}

fn block_kind(stmt: &str) -> String {
    let word: String = stmt
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    match word.as_str() {
        "def" => "function definition".to_string(),
        "class" => "class definition".to_string(),
        "async" => {
            let rest = stmt[5..].trim_start();
            if rest.starts_with("def") {
                "function definition".to_string()
            } else {
                format!("'{}' statement", block_kind(rest).trim_matches('\''))
            }
        }
        w => format!("'{w}' statement"),
    }
}

/// Tracks brackets and strings across physical lines.
#[derive(Default)]
struct Scan {
    depth: usize,
    triple: Option<&'static str>,
}

impl Scan {
    /// Scans one physical line; returns the code part's last significant char.
    fn line(&mut self, line: &str) -> Option<char> {
        let b: Vec<char> = line.chars().collect();
        let mut i = 0;
        let mut last = None;
        while i < b.len() {
            if let Some(q) = self.triple {
                let qc: Vec<char> = q.chars().collect();
                if b[i..].starts_with(&qc) {
                    self.triple = None;
                    i += 3;
                    last = Some(qc[0]);
                } else {
                    i += if b[i] == '\\' { 2 } else { 1 };
                }
                continue;
            }
            let c = b[i];
            match c {
                '#' => break,
                '(' | '[' | '{' => self.depth += 1,
                ')' | ']' | '}' => self.depth = self.depth.saturating_sub(1),
                '"' | '\'' => {
                    let triple: Vec<char> = vec![c; 3];
                    if b[i..].starts_with(&triple) {
                        self.triple = Some(if c == '"' { "\"\"\"" } else { "'''" });
                        i += 3;
                        continue;
                    }
                    i += 1;
                    while i < b.len() && b[i] != c {
                        i += if b[i] == '\\' { 2 } else { 1 };
                    }
                }
                _ => {}
            }
            if !c.is_whitespace() {
                last = Some(c);
            }
            i += 1;
        }
        last
    }
}

/// Checks the indentation of a whole source file.
pub fn check(source: &str) -> Result<(), SyntaxError> {
    let mut stack = vec![0usize];
    let mut scan = Scan::default();
    let mut opener: Option<(u32, String)> = None;
    let mut continued = false;
    for (n, line) in source.lines().enumerate() {
        let lineno = n as u32 + 1;
        let stripped = line.trim_start();
        let logical_start = scan.depth == 0 && scan.triple.is_none() && !continued;
        let last = scan.line(line);
        continued = line.trim_end().ends_with('\\');
        if !logical_start || stripped.is_empty() || stripped.starts_with('#') {
            continue;
        }
        let col = indent_width(line);
        let top = *stack.last().unwrap_or(&0);
        if let Some((at, kind)) = opener.take() {
            if col <= top {
                return Err(SyntaxError {
                    kind: "IndentationError",
                    msg: format!("expected an indented block after {kind} on line {at}"),
                    line: lineno,
                    caret: Some(0),
                });
            }
            stack.push(col);
        } else if col > top {
            return Err(SyntaxError {
                kind: "IndentationError",
                msg: "unexpected indent".to_string(),
                line: lineno,
                caret: None,
            });
        } else if col < top {
            while stack.last().is_some_and(|t| col < *t) {
                stack.pop();
            }
            if stack.last() != Some(&col) {
                return Err(SyntaxError {
                    kind: "IndentationError",
                    msg: "unindent does not match any outer indentation level".to_string(),
                    line: lineno,
                    caret: Some(stripped.trim_end().chars().count()),
                });
            }
        }
        if last == Some(':') && scan.depth == 0 {
            opener = Some((lineno, block_kind(stripped)));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stray_space_is_an_unexpected_indent() {
        let e = check("def f():\n    a = 1\n     b = 2\n").unwrap_err();
        assert_eq!((e.line, e.msg.as_str()), (3, "unexpected indent"));
    }

    #[test]
    fn a_missing_block_names_the_statement_that_opened_it() {
        let e = check("for i in x:\npass\n").unwrap_err();
        assert_eq!(
            e.msg,
            "expected an indented block after 'for' statement on line 1"
        );
        let e = check("async def f():\nx\n").unwrap_err();
        assert_eq!(
            e.msg,
            "expected an indented block after function definition on line 1"
        );
    }

    #[test]
    fn a_dedent_to_an_unknown_level_is_reported_with_its_caret() {
        let src = "if True:\n    x = 1\n  y = 2\n";
        let e = check(src).unwrap_err();
        assert_eq!(
            e.render("b.py", src),
            "  File \"b.py\", line 3\n    y = 2\n         ^\nIndentationError: unindent does not match any outer indentation level"
        );
    }

    #[test]
    fn brackets_strings_and_comments_do_not_count_as_indentation() {
        let src = "x = (1,\n        2)\ns = \"\"\"\n   text\n\"\"\"\n# comment\n      # indented comment\ny = 3\n";
        assert_eq!(check(src), Ok(()));
    }
}
