//! The tokenizer: logical lines, INDENT/DEDENT (tabs to multiples of 8, checked against
//! tab size 1 like CPython to detect TabError), brackets, strings and numbers.

use crate::python::front::errors::SyntaxErr;
use crate::python::front::token::{TokKind, Token};

/// Turn `source` into tokens. A tokenizer error becomes a final `Error` token so that
/// the parser reports any earlier syntax error first, as CPython's lazy tokenizer does.
pub fn tokenize(source: &str) -> Vec<Token> {
    let mut lx = Lexer {
        src: source.chars().collect(),
        pos: 0,
        line: 1,
        line_start: 0,
        toks: Vec::new(),
        indents: vec![(0, 0)],
        brackets: Vec::new(),
    };
    if let Err(e) = lx.run() {
        let (line, col) = (e.line, (e.offset - 1).max(0) as usize);
        lx.toks.push(Token {
            kind: TokKind::Error(Box::new(e)),
            text: String::new(),
            line,
            col,
            end_line: line,
            end_col: col,
        });
    }
    lx.toks
}

struct Lexer {
    src: Vec<char>,
    pos: usize,
    line: usize,
    line_start: usize,
    toks: Vec<Token>,
    /// (columns with tabs to 8, columns with tabs to 1)
    indents: Vec<(usize, usize)>,
    /// open brackets: (char, line, col)
    brackets: Vec<(char, usize, usize)>,
}

const OPS3: &[&str] = &["**=", "//=", ">>=", "<<=", "...", "!="];
const OPS2: &[&str] = &[
    "->", ":=", "**", "//", ">>", "<<", "<=", ">=", "==", "!=", "+=", "-=", "*=", "/=", "%=", "&=",
    "|=", "^=", "@=",
];
const OPS1: &str = "+-*/%@&|^~<>()[]{},:;.=!$?`";

impl Lexer {
    fn peek(&self, k: usize) -> char {
        *self.src.get(self.pos + k).unwrap_or(&'\0')
    }

    fn col(&self) -> usize {
        self.pos - self.line_start
    }

    fn line_text(&self, line_start: usize) -> String {
        let mut e = line_start;
        while e < self.src.len() && self.src[e] != '\n' {
            e += 1;
        }
        self.src[line_start..e].iter().collect()
    }

    fn push(&mut self, kind: TokKind, text: String, line: usize, col: usize) {
        let (end_line, end_col) = (self.line, self.col());
        self.toks.push(Token {
            kind,
            text,
            line,
            col,
            end_line,
            end_col,
        });
    }

    fn newline(&mut self) {
        // called with pos on the '\n'
        self.pos += 1;
        self.line += 1;
        self.line_start = self.pos;
    }

    fn run(&mut self) -> Result<(), SyntaxErr> {
        let mut at_line_start = true;
        loop {
            if at_line_start && self.brackets.is_empty() {
                at_line_start = false;
                if self.indentation()? {
                    at_line_start = true;
                    continue;
                }
            }
            let c = self.peek(0);
            if self.pos >= self.src.len() {
                break;
            }
            let (line, col) = (self.line, self.col());
            match c {
                ' ' | '\t' | '\x0c' | '\r' => self.pos += 1,
                '#' => {
                    while self.pos < self.src.len() && self.peek(0) != '\n' {
                        self.pos += 1;
                    }
                }
                '\n' => {
                    if self.brackets.is_empty() {
                        self.pos += 1;
                        self.toks.push(Token {
                            kind: TokKind::Newline,
                            text: String::new(),
                            line,
                            col,
                            end_line: line,
                            end_col: col + 1,
                        });
                        self.line += 1;
                        self.line_start = self.pos;
                        at_line_start = true;
                    } else {
                        self.newline();
                    }
                }
                '\\' => {
                    if self.peek(1) == '\n' {
                        self.pos += 1;
                        self.newline();
                    } else if self.peek(1) == '\r' && self.peek(2) == '\n' {
                        self.pos += 2;
                        self.newline();
                    } else {
                        return Err(SyntaxErr::new(
                            "unexpected character after line continuation character",
                            line,
                            col + 1,
                            col + 1,
                        ));
                    }
                }
                c if c.is_ascii_digit() || (c == '.' && self.peek(1).is_ascii_digit()) => {
                    self.number()?
                }
                c if c == '_' || c.is_alphabetic() => {
                    let start = self.pos;
                    while self.peek(0) == '_' || self.peek(0).is_alphanumeric() {
                        self.pos += 1;
                    }
                    let word: String = self.src[start..self.pos].iter().collect();
                    let lw = word.to_ascii_lowercase();
                    let q = self.peek(0);
                    if (q == '"' || q == '\'')
                        && matches!(
                            lw.as_str(),
                            "r" | "b" | "f" | "u" | "rb" | "br" | "fr" | "rf"
                        )
                    {
                        self.string(lw, line, col)?;
                    } else {
                        self.push(TokKind::Name, word, line, col);
                    }
                }
                '"' | '\'' => self.string(String::new(), line, col)?,
                _ => self.op(line, col)?,
            }
        }
        // end of file: CPython adds the NEWLINE a last line lacks, then the DEDENTs.
        if let Some(&(b, bl, bc)) = self.brackets.last() {
            let mut e = SyntaxErr::new(format!("'{}' was never closed", b), bl, bc, bc);
            e.end_offset = 0;
            let mut ls = 0;
            let mut l = 1;
            while l < bl {
                if self.src[ls] == '\n' {
                    l += 1;
                }
                ls += 1;
            }
            e.text = Some(self.line_text(ls));
            return Err(e);
        }
        let (line, col) = (self.line, self.col());
        if let Some(t) = self.toks.last() {
            if !matches!(t.kind, TokKind::Newline | TokKind::Dedent | TokKind::Indent) {
                self.push(TokKind::Newline, String::new(), line, col);
            }
        }
        while self.indents.len() > 1 {
            self.indents.pop();
            self.push(TokKind::Dedent, String::new(), line, 0);
        }
        // CPython reports errors at the end of the file on its last line
        let last = if self.src.last() == Some(&'\n') {
            line - 1
        } else {
            line
        };
        self.push(TokKind::EndMarker, String::new(), last.max(1), 0);
        Ok(())
    }

    /// Measure the indentation of a new line and emit INDENT/DEDENT. Returns true when
    /// the line was blank or a comment (no tokens, the caller loops).
    fn indentation(&mut self) -> Result<bool, SyntaxErr> {
        let (mut col, mut alt) = (0usize, 0usize);
        let start = self.pos;
        loop {
            match self.peek(0) {
                ' ' => {
                    col += 1;
                    alt += 1;
                }
                '\t' => {
                    col = (col / 8 + 1) * 8;
                    alt += 1;
                }
                '\x0c' => {
                    col = 0;
                    alt = 0;
                }
                _ => break,
            }
            self.pos += 1;
        }
        let c = self.peek(0);
        if c == '#' || c == '\n' || c == '\r' || self.pos >= self.src.len() {
            // blank line: no indentation processing
            while self.pos < self.src.len() && self.peek(0) != '\n' {
                self.pos += 1;
            }
            if self.pos < self.src.len() {
                self.newline();
                return Ok(true);
            }
            return Ok(false);
        }
        let width = self.pos - start;
        let (top, alttop) = *self.indents.last().unwrap();
        let tab_err = || {
            let mut e = SyntaxErr::new(
                "inconsistent use of tabs and spaces in indentation",
                self.line,
                0,
                0,
            )
            .with_kind("TabError");
            e.end_offset = 0;
            e
        };
        if col == top {
            if alt != alttop {
                return Err(tab_err());
            }
        } else if col > top {
            if alt <= alttop {
                return Err(tab_err());
            }
            self.indents.push((col, alt));
            let (line, c0) = (self.line, width.saturating_sub(1));
            self.toks.push(Token {
                kind: TokKind::Indent,
                text: String::new(),
                line,
                col: c0,
                end_line: line,
                end_col: c0,
            });
        } else {
            while self.indents.len() > 1 && col < self.indents.last().unwrap().0 {
                self.indents.pop();
                let line = self.line;
                self.toks.push(Token {
                    kind: TokKind::Dedent,
                    text: String::new(),
                    line,
                    col: width,
                    end_line: line,
                    end_col: width,
                });
            }
            let (top, alttop) = *self.indents.last().unwrap();
            if col != top {
                let len = self.line_text(self.line_start).chars().count();
                let mut e = SyntaxErr::new(
                    "unindent does not match any outer indentation level",
                    self.line,
                    len,
                    len,
                )
                .with_kind("IndentationError");
                e.end_offset = -1;
                return Err(e);
            }
            if alt != alttop {
                return Err(tab_err());
            }
        }
        Ok(false)
    }

    fn number(&mut self) -> Result<(), SyntaxErr> {
        let (line, col) = (self.line, self.col());
        let start = self.pos;
        let bad = |s: &Self, msg: &str| {
            let c = s.col();
            SyntaxErr::new(msg, s.line, c, c)
        };
        let digits = |s: &mut Self, ok: &dyn Fn(char) -> bool| -> Result<(), SyntaxErr> {
            loop {
                let c = s.peek(0);
                if ok(c) {
                    s.pos += 1;
                } else if c == '_' {
                    if !ok(s.peek(1)) {
                        return Err(bad(s, "invalid decimal literal"));
                    }
                    s.pos += 1;
                } else {
                    return Ok(());
                }
            }
        };
        if self.peek(0) == '0' && matches!(self.peek(1), 'x' | 'X' | 'o' | 'O' | 'b' | 'B') {
            let base = self.peek(1).to_ascii_lowercase();
            self.pos += 2;
            let ok: &dyn Fn(char) -> bool = match base {
                'x' => &|c: char| c.is_ascii_hexdigit(),
                'o' => &|c: char| ('0'..='7').contains(&c),
                _ => &|c: char| c == '0' || c == '1',
            };
            if self.peek(0) == '_' {
                self.pos += 1;
            }
            if !ok(self.peek(0)) {
                let name = match base {
                    'x' => "hexadecimal",
                    'o' => "octal",
                    _ => "binary",
                };
                return Err(bad(self, &format!("invalid {} literal", name)));
            }
            digits(self, ok)?;
            if self.peek(0).is_alphanumeric() {
                let name = match base {
                    'x' => "hexadecimal",
                    'o' => "octal",
                    _ => "binary",
                };
                return Err(bad(self, &format!("invalid {} literal", name)));
            }
        } else {
            let dec = |c: char| c.is_ascii_digit();
            digits(self, &dec)?;
            let int_end = self.pos;
            let mut is_float = false;
            if self.peek(0) == '.' {
                is_float = true;
                self.pos += 1;
                if self.peek(0).is_ascii_digit() {
                    digits(self, &dec)?;
                }
            }
            if matches!(self.peek(0), 'e' | 'E')
                && (self.peek(1).is_ascii_digit()
                    || (matches!(self.peek(1), '+' | '-') && self.peek(2).is_ascii_digit()))
            {
                is_float = true;
                self.pos += 2;
                digits(self, &dec)?;
            }
            if matches!(self.peek(0), 'j' | 'J') {
                self.pos += 1;
            }
            if !is_float {
                let text: String = self.src[start..int_end].iter().collect();
                if text.len() > 1
                    && text.starts_with('0')
                    && text.chars().any(|c| c != '0' && c != '_')
                {
                    let mut e = SyntaxErr::new(
                        "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                        line, col, col + 1);
                    e.end_offset = col as i64 + 2;
                    return Err(e);
                }
            }
            if self.peek(0) == '_' {
                return Err(bad(self, "invalid decimal literal"));
            }
            if self.peek(0).is_alphabetic() {
                return Err(SyntaxErr::new("invalid decimal literal", line, col, col));
            }
        }
        let text: String = self.src[start..self.pos].iter().collect();
        self.push(TokKind::Number, text, line, col);
        Ok(())
    }

    fn string(&mut self, prefix: String, line: usize, col: usize) -> Result<(), SyntaxErr> {
        let q = self.peek(0);
        let triple = self.peek(1) == q && self.peek(2) == q;
        let qlen = if triple { 3 } else { 1 };
        let str_col = col + prefix.len();
        self.pos += qlen;
        let body_start = self.pos;
        loop {
            if self.pos >= self.src.len() {
                let what = if triple {
                    "unterminated triple-quoted string literal"
                } else {
                    "unterminated string literal"
                };
                let last_line = if self.src.last() == Some(&'\n') {
                    self.line - 1
                } else {
                    self.line
                };
                let mut e = SyntaxErr::new(
                    format!("{} (detected at line {})", what, last_line),
                    line,
                    str_col,
                    str_col,
                );
                if !triple {
                    e.line = line;
                }
                return Err(e);
            }
            let c = self.peek(0);
            if c == '\\' {
                if self.peek(1) == '\n' {
                    self.pos += 1;
                    self.newline();
                } else {
                    self.pos += 2;
                }
                continue;
            }
            if c == '\n' {
                if !triple {
                    return Err(SyntaxErr::new(
                        format!(
                            "unterminated string literal (detected at line {})",
                            self.line
                        ),
                        line,
                        str_col,
                        str_col,
                    ));
                }
                self.newline();
                continue;
            }
            if c == q && (!triple || (self.peek(1) == q && self.peek(2) == q)) {
                let body: String = self.src[body_start..self.pos].iter().collect();
                self.pos += qlen;
                self.push(TokKind::Str { prefix, body }, String::new(), line, col);
                return Ok(());
            }
            self.pos += 1;
        }
    }

    fn op(&mut self, line: usize, col: usize) -> Result<(), SyntaxErr> {
        let rest: String = self.src[self.pos..(self.pos + 3).min(self.src.len())]
            .iter()
            .collect();
        let mut text = None;
        for set in [OPS3, OPS2] {
            for o in set {
                if rest.starts_with(o) {
                    text = Some(o.to_string());
                    break;
                }
            }
            if text.is_some() {
                break;
            }
        }
        let c = self.peek(0);
        let text = match text {
            Some(t) => t,
            None if OPS1.contains(c) => c.to_string(),
            None => {
                return Err(SyntaxErr::new(
                    format!("invalid character '{}' (U+{:04X})", c, c as u32),
                    line,
                    col,
                    col + 1,
                ))
            }
        };
        self.pos += text.chars().count();
        match c {
            '(' | '[' | '{' => {
                // CPython's tokenizer limit (MAXLEVEL); it also keeps the parser's
                // recursion far from the Rust stack's limits
                if self.brackets.len() >= 200 {
                    return Err(SyntaxErr::new(
                        "too many nested parentheses",
                        line,
                        col,
                        col + 1,
                    ));
                }
                self.brackets.push((c, line, col))
            }
            ')' | ']' | '}' => {
                let open = match c {
                    ')' => '(',
                    ']' => '[',
                    _ => '{',
                };
                match self.brackets.pop() {
                    None => {
                        let mut e = SyntaxErr::new(format!("unmatched '{}'", c), line, col, col);
                        e.text = Some(self.line_text(self.line_start));
                        return Err(e);
                    }
                    Some((b, bl, _)) if b != open => {
                        let msg = if bl == line {
                            format!(
                                "closing parenthesis '{}' does not match opening parenthesis '{}'",
                                c, b
                            )
                        } else {
                            format!(
                                "closing parenthesis '{}' does not match opening parenthesis '{}' on line {}",
                                c, b, bl
                            )
                        };
                        return Err(SyntaxErr::new(msg, line, col, col));
                    }
                    _ => {}
                }
            }
            _ => {}
        }
        self.push(TokKind::Op, text, line, col);
        Ok(())
    }
}
