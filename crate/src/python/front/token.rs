//! Tokens produced by the lexer, with the positions CPython reports in errors.

use crate::python::front::errors::SyntaxErr;

/// What a token is.
#[derive(Clone, Debug, PartialEq)]
pub enum TokKind {
    /// An identifier or keyword (keywords are told apart by the parser).
    Name,
    /// A numeric literal, kept as written; the parser converts it.
    Number,
    /// A string literal; `prefix` is lower-cased (`r`, `b`, `f`, `rb`, `fr`...).
    Str {
        /// Lower-cased prefix letters.
        prefix: String,
        /// The characters between the quotes, escapes not yet decoded.
        body: String,
    },
    /// An operator or delimiter.
    Op,
    /// End of a logical line.
    Newline,
    /// Indentation increased.
    Indent,
    /// Indentation decreased.
    Dedent,
    /// End of the source.
    EndMarker,
    /// The tokenizer failed here; the parser raises this error when it reaches it,
    /// which mimics CPython's lazy tokenizer (an earlier parse error wins).
    Error(Box<SyntaxErr>),
}

/// One token with its 1-based line and 0-based character columns.
#[derive(Clone, Debug)]
pub struct Token {
    /// Kind of token.
    pub kind: TokKind,
    /// Source text (names, operators, numbers).
    pub text: String,
    /// Line of the first character.
    pub line: usize,
    /// Column of the first character.
    pub col: usize,
    /// Line after the last character.
    pub end_line: usize,
    /// Column just after the last character.
    pub end_col: usize,
}

impl Token {
    /// Is this the operator or keyword `s`?
    pub fn is(&self, s: &str) -> bool {
        matches!(self.kind, TokKind::Op | TokKind::Name) && self.text == s
    }
}

/// Python's reserved words (soft keywords such as `match` are not reserved).
pub const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

/// Is `s` a reserved word?
pub fn is_keyword(s: &str) -> bool {
    KEYWORDS.contains(&s)
}
