//! Recursive-descent parser producing the AST, with CPython 3.11's error messages for
//! the common mistakes (the generic one is "invalid syntax" at the furthest token read).

use std::rc::Rc;

use crate::python::front::ast::*;
use crate::python::front::errors::SyntaxErr;
use crate::python::front::lexer::tokenize;
use crate::python::front::pattern::{Case, Pattern};
use crate::python::front::token::{is_keyword, TokKind, Token};
use crate::python::num::bigint::BigInt;

type PResult<T> = Result<T, SyntaxErr>;

/// Parse a whole module.
pub fn parse_module(source: &str) -> PResult<Vec<Stmt>> {
    let mut p = Parser::new(tokenize(source));
    let mut body = vec![];
    while !p.at_kind(&TokKind::EndMarker) {
        body.extend(p.statement()?);
    }
    Ok(body)
}

/// Parse one expression from `text` (f-string replacement fields).
fn parse_sub_expression(text: &str, line: usize) -> PResult<Expr> {
    let mut toks = tokenize(&format!("({})", text));
    for t in toks.iter_mut() {
        t.line = line;
        t.end_line = line;
    }
    let mut p = Parser::new(toks);
    let e = p.star_expressions()?;
    p.expect_kind(TokKind::Newline)?;
    Ok(e)
}

struct Parser {
    toks: Vec<Token>,
    pos: usize,
    /// Furthest token looked at: CPython reports generic errors there.
    far: usize,
    /// Recursion guard (nested expressions / blocks).
    depth: usize,
    /// Inside a function (for `yield` / `return` checks done by the compiler later).
    in_brackets: usize,
}

/// Nesting depth of expressions and blocks; keeps the recursive descent well inside a
/// 1-2 MB stack even in debug builds (CPython allows 200 nested brackets).
const MAX_DEPTH: usize = 50;

fn pos_of(t: &Token) -> Pos {
    Pos {
        line: t.line,
        col: t.col,
        end_line: t.end_line,
        end_col: t.end_col,
    }
}

fn span(a: Pos, b: Pos) -> Pos {
    Pos {
        line: a.line,
        col: a.col,
        end_line: b.end_line,
        end_col: b.end_col,
    }
}

fn err_at(msg: impl Into<String>, p: Pos) -> SyntaxErr {
    let mut e = SyntaxErr::new(msg, p.line, p.col, p.end_col);
    if p.end_line != p.line {
        e.end_offset = e.offset;
    }
    e
}

/// CPython's name for an expression in "cannot assign to X" messages.
fn expr_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Const(Const::None) => "None",
        ExprKind::Const(Const::Bool(true)) => "True",
        ExprKind::Const(Const::Bool(false)) => "False",
        ExprKind::Const(Const::Ellipsis) => "ellipsis",
        ExprKind::Const(_) => "literal",
        ExprKind::Call(..) => "function call",
        ExprKind::BinOp(..) | ExprKind::Unary(..) | ExprKind::BoolOp(..) => "expression",
        ExprKind::Compare(..) => "comparison",
        ExprKind::Lambda(_) => "lambda",
        ExprKind::IfExp(..) => "conditional expression",
        ExprKind::Dict(_) => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::ListComp(..) => "list comprehension",
        ExprKind::SetComp(..) => "set comprehension",
        ExprKind::DictComp(..) => "dict comprehension",
        ExprKind::GenExp(..) => "generator expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::Await(_) => "await expression",
        ExprKind::FString(_) => "f-string expression",
        ExprKind::NamedExpr(..) => "named expression",
        ExprKind::Starred(_) => "starred",
        ExprKind::Tuple(_) => "tuple",
        ExprKind::List(_) => "list",
        ExprKind::Slice(..) => "slice",
        ExprKind::Name(_) => "name",
        ExprKind::Attribute(..) => "attribute",
        ExprKind::Subscript(..) => "subscript",
    }
}

/// The first sub-expression that cannot be assigned to, if any.
fn invalid_target(e: &Expr, del: bool) -> Option<&Expr> {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Attribute(..) | ExprKind::Subscript(..) => None,
        ExprKind::Tuple(v) | ExprKind::List(v) => v.iter().find_map(|x| invalid_target(x, del)),
        ExprKind::Starred(x) if !del => invalid_target(x, del),
        _ => Some(e),
    }
}

impl Parser {
    fn new(toks: Vec<Token>) -> Self {
        Parser {
            toks,
            pos: 0,
            far: 0,
            depth: 0,
            in_brackets: 0,
        }
    }

    fn tok(&mut self) -> &Token {
        if self.pos > self.far {
            self.far = self.pos;
        }
        let i = self.pos.min(self.toks.len() - 1);
        &self.toks[i]
    }

    fn peek_at(&mut self, k: usize) -> &Token {
        let i = (self.pos + k).min(self.toks.len() - 1);
        if i > self.far {
            self.far = i;
        }
        &self.toks[i]
    }

    fn at(&mut self, s: &str) -> bool {
        let t = self.tok();
        matches!(t.kind, TokKind::Op | TokKind::Name) && t.text == s
    }

    fn at_kind(&mut self, k: &TokKind) -> bool {
        std::mem::discriminant(&self.tok().kind) == std::mem::discriminant(k)
    }

    fn eat(&mut self, s: &str) -> bool {
        if self.at(s) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn next(&mut self) -> Token {
        let t = self.tok().clone();
        if self.pos < self.toks.len() - 1 {
            self.pos += 1;
        }
        t
    }

    fn prev_pos(&self) -> Pos {
        pos_of(&self.toks[self.pos.saturating_sub(1)])
    }

    /// The generic failure: the tokenizer's error if we reached it, "unexpected indent"
    /// on a stray INDENT, else "invalid syntax" on the furthest token looked at.
    fn invalid(&mut self) -> SyntaxErr {
        let far = self.far.max(self.pos).min(self.toks.len() - 1);
        let t = &self.toks[far];
        // A generic error: CPython then tokenizes the rest of the file, and a
        // tokenizer error there ('(' was never closed...) is reported instead.
        if !matches!(t.kind, TokKind::Indent) {
            if let Some(TokKind::Error(e)) = self.toks.last().map(|t| &t.kind) {
                return (**e).clone();
            }
        }
        match &t.kind {
            TokKind::Error(e) => (**e).clone(),
            TokKind::Indent => {
                let mut e = SyntaxErr::new("unexpected indent", t.line, t.col, t.col)
                    .with_kind("IndentationError");
                e.end_offset = -1;
                e
            }
            TokKind::Dedent | TokKind::EndMarker => {
                let mut e = SyntaxErr::new("invalid syntax", t.line, t.col, t.col);
                e.end_offset = e.offset;
                e
            }
            _ => SyntaxErr::new("invalid syntax", t.line, t.col, t.end_col),
        }
    }

    fn expect(&mut self, s: &str) -> PResult<Token> {
        if self.at(s) {
            Ok(self.next())
        } else {
            Err(self.invalid())
        }
    }

    fn expect_kind(&mut self, k: TokKind) -> PResult<Token> {
        if self.at_kind(&k) {
            Ok(self.next())
        } else {
            Err(self.invalid())
        }
    }

    /// `expected ':'`, reported on the token found instead (CPython's wording).
    fn expect_colon(&mut self) -> PResult<()> {
        if self.eat(":") {
            return Ok(());
        }
        let t = self.tok().clone();
        if matches!(t.kind, TokKind::Error(_) | TokKind::Indent) {
            return Err(self.invalid());
        }
        Err(SyntaxErr::new("expected ':'", t.line, t.col, t.col))
    }

    fn name(&mut self) -> PResult<Rc<str>> {
        let t = self.tok().clone();
        if t.kind == TokKind::Name && !is_keyword(&t.text) {
            self.pos += 1;
            Ok(t.text.as_str().into())
        } else {
            Err(self.invalid())
        }
    }

    fn enter(&mut self) -> PResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            let t = self.tok().clone();
            return Err(SyntaxErr::new(
                "too many nested parentheses",
                t.line,
                t.col,
                t.col,
            ));
        }
        Ok(())
    }

    // ---------------------------------------------------------------- statements

    fn statement(&mut self) -> PResult<Vec<Stmt>> {
        self.enter()?;
        let r = self.statement_inner();
        self.depth -= 1;
        r
    }

    fn statement_inner(&mut self) -> PResult<Vec<Stmt>> {
        let t = self.tok().clone();
        if t.kind == TokKind::Name {
            match t.text.as_str() {
                "if" | "while" | "for" | "try" | "with" | "def" | "class" => {
                    return Ok(vec![self.compound()?])
                }
                "async" => return Ok(vec![self.compound()?]),
                "match" => {
                    if let Some(stmts) = self.match_statement()? {
                        return Ok(stmts);
                    }
                }
                _ => {}
            }
        }
        if t.is("@") {
            return Ok(vec![self.decorated()?]);
        }
        self.simple_statements()
    }

    fn simple_statements(&mut self) -> PResult<Vec<Stmt>> {
        let mut v = vec![self.simple_statement()?];
        while self.eat(";") {
            if self.at_kind(&TokKind::Newline) {
                break;
            }
            v.push(self.simple_statement()?);
        }
        if !self.at_kind(&TokKind::Newline) {
            return Err(self.invalid());
        }
        self.next();
        Ok(v)
    }

    fn simple_statement(&mut self) -> PResult<Stmt> {
        let t = self.tok().clone();
        let start = pos_of(&t);
        let kind = if t.kind == TokKind::Name {
            match t.text.as_str() {
                "pass" => {
                    self.next();
                    StmtKind::Pass
                }
                "break" => {
                    self.next();
                    StmtKind::Break
                }
                "continue" => {
                    self.next();
                    StmtKind::Continue
                }
                "return" => {
                    self.next();
                    if self.at_end_of_simple() {
                        StmtKind::Return(None)
                    } else {
                        StmtKind::Return(Some(self.star_expressions()?))
                    }
                }
                "raise" => {
                    self.next();
                    if self.at_end_of_simple() {
                        StmtKind::Raise(None, None)
                    } else {
                        let e = self.expression()?;
                        let cause = if self.eat("from") {
                            Some(self.expression()?)
                        } else {
                            None
                        };
                        StmtKind::Raise(Some(e), cause)
                    }
                }
                "global" | "nonlocal" => {
                    self.next();
                    let mut names = vec![self.name()?];
                    while self.eat(",") {
                        names.push(self.name()?);
                    }
                    if t.text == "global" {
                        StmtKind::Global(names)
                    } else {
                        StmtKind::Nonlocal(names)
                    }
                }
                "del" => {
                    self.next();
                    let e = self.star_expressions()?;
                    let targets = match e.kind {
                        ExprKind::Tuple(v) if !self.toks[self.pos - 1].is(")") => v,
                        _ => vec![e],
                    };
                    for t in &targets {
                        if let Some(bad) = invalid_target(t, true) {
                            return Err(err_at(
                                format!("cannot delete {}", expr_name(bad)),
                                bad.pos,
                            ));
                        }
                    }
                    StmtKind::Del(targets)
                }
                "assert" => {
                    self.next();
                    let e = self.expression()?;
                    let msg = if self.eat(",") {
                        Some(self.expression()?)
                    } else {
                        None
                    };
                    StmtKind::Assert(e, msg)
                }
                "import" => {
                    self.next();
                    let mut names = vec![];
                    loop {
                        let n = self.dotted_name()?;
                        let alias = if self.eat("as") {
                            Some(self.name()?)
                        } else {
                            None
                        };
                        names.push((n, alias));
                        if !self.eat(",") {
                            break;
                        }
                    }
                    StmtKind::Import(names)
                }
                "from" => {
                    self.next();
                    let mut dots = String::new();
                    while self.at(".") || self.at("...") {
                        dots.push_str(&self.next().text);
                    }
                    let module: Rc<str> = if self.at("import") {
                        dots.into()
                    } else {
                        format!("{}{}", dots, self.dotted_name()?).into()
                    };
                    self.expect("import")?;
                    let mut names = vec![];
                    if self.eat("*") {
                        names.push(("*".into(), None));
                    } else {
                        let paren = self.eat("(");
                        loop {
                            let n = self.name()?;
                            let alias = if self.eat("as") {
                                Some(self.name()?)
                            } else {
                                None
                            };
                            names.push((n, alias));
                            if !self.eat(",") {
                                break;
                            }
                            if paren && self.at(")") {
                                break;
                            }
                        }
                        if paren {
                            self.expect(")")?;
                        }
                    }
                    StmtKind::ImportFrom(module, names)
                }
                _ => return self.expression_statement(),
            }
        } else {
            return self.expression_statement();
        };
        Ok(Stmt {
            kind,
            pos: span(start, self.prev_pos()),
        })
    }

    fn at_end_of_simple(&mut self) -> bool {
        self.at_kind(&TokKind::Newline) || self.at(";")
    }

    fn dotted_name(&mut self) -> PResult<Rc<str>> {
        let mut s = self.name()?.to_string();
        while self.eat(".") {
            s.push('.');
            s.push_str(&self.name()?);
        }
        Ok(s.into())
    }

    fn check_target(&self, e: &Expr, single: bool) -> PResult<()> {
        if let Some(bad) = invalid_target(e, false) {
            let here = single
                && std::ptr::eq(bad, e)
                && !matches!(
                    e.kind,
                    ExprKind::List(_)
                        | ExprKind::Tuple(_)
                        | ExprKind::GenExp(..)
                        | ExprKind::Const(Const::Bool(_))
                        | ExprKind::Const(Const::None)
                        | ExprKind::Yield(_)
                        | ExprKind::YieldFrom(_)
                        | ExprKind::Lambda(_)
                        | ExprKind::IfExp(..)
                        | ExprKind::NamedExpr(..)
                        | ExprKind::Starred(_)
                );
            if matches!(bad.kind, ExprKind::Yield(_) | ExprKind::YieldFrom(_)) {
                return Err(err_at(
                    "assignment to yield expression not possible",
                    bad.pos,
                ));
            }
            let msg = if here {
                format!(
                    "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                    expr_name(bad)
                )
            } else {
                format!("cannot assign to {}", expr_name(bad))
            };
            return Err(err_at(msg, bad.pos));
        }
        Ok(())
    }

    fn expression_statement(&mut self) -> PResult<Stmt> {
        let start = pos_of(&self.tok().clone());
        // `print "x"`: CPython's dedicated hint
        if self.at("print") {
            let n = self.peek_at(1).clone();
            if matches!(n.kind, TokKind::Str { .. } | TokKind::Number)
                || (n.kind == TokKind::Name && !is_keyword(&n.text))
            {
                let save = self.pos;
                self.next();
                let arg = self.star_expressions();
                if let Ok(arg) = arg {
                    if self.at_end_of_simple() {
                        let mut e = SyntaxErr::new(
                            "Missing parentheses in call to 'print'. Did you mean print(...)?",
                            start.line,
                            start.col,
                            arg.pos.end_col,
                        );
                        if arg.pos.end_line != start.line {
                            e.end_offset = e.offset;
                        }
                        return Err(e);
                    }
                }
                self.pos = save;
            }
        }
        let first = self.star_expressions_or_yield()?;
        if self.at(":") {
            // annotated assignment
            self.next();
            self.check_target(&first, false)?;
            let ann = self.expression()?;
            let value = if self.eat("=") {
                Some(self.star_expressions_or_yield()?)
            } else {
                None
            };
            return Ok(Stmt {
                kind: StmtKind::AnnAssign(first, ann, value),
                pos: span(start, self.prev_pos()),
            });
        }
        if self.at("=") {
            let mut exprs = vec![first];
            while self.eat("=") {
                exprs.push(self.star_expressions_or_yield()?);
            }
            let value = exprs.pop().unwrap();
            let single = exprs.len() == 1;
            for t in &exprs {
                self.check_target(t, single)?;
            }
            return Ok(Stmt {
                kind: StmtKind::Assign(exprs, value),
                pos: span(start, self.prev_pos()),
            });
        }
        let t = self.tok().clone();
        if t.kind == TokKind::Op
            && t.text.len() >= 2
            && t.text.ends_with('=')
            && !matches!(t.text.as_str(), "==" | "<=" | ">=" | "!=")
        {
            let op = match &t.text[..t.text.len() - 1] {
                "+" => BinOp::Add,
                "-" => BinOp::Sub,
                "*" => BinOp::Mul,
                "/" => BinOp::Div,
                "//" => BinOp::FloorDiv,
                "%" => BinOp::Mod,
                "**" => BinOp::Pow,
                "<<" => BinOp::LShift,
                ">>" => BinOp::RShift,
                "|" => BinOp::BitOr,
                "^" => BinOp::BitXor,
                "&" => BinOp::BitAnd,
                "@" => BinOp::MatMul,
                _ => return Err(self.invalid()),
            };
            if !matches!(
                first.kind,
                ExprKind::Name(_) | ExprKind::Attribute(..) | ExprKind::Subscript(..)
            ) {
                return Err(err_at(
                    format!(
                        "'{}' is an illegal expression for augmented assignment",
                        expr_name(&first)
                    ),
                    first.pos,
                ));
            }
            self.next();
            let value = self.star_expressions_or_yield()?;
            return Ok(Stmt {
                kind: StmtKind::AugAssign(first, op, value),
                pos: span(start, self.prev_pos()),
            });
        }
        Ok(Stmt {
            pos: first.pos,
            kind: StmtKind::Expr(first),
        })
    }

    fn star_expressions_or_yield(&mut self) -> PResult<Expr> {
        if self.at("yield") {
            self.yield_expr()
        } else {
            self.star_expressions()
        }
    }

    fn yield_expr(&mut self) -> PResult<Expr> {
        let start = pos_of(&self.expect("yield")?);
        if self.eat("from") {
            let e = self.expression()?;
            let p = span(start, e.pos);
            return Ok(Expr {
                kind: ExprKind::YieldFrom(Box::new(e)),
                pos: p,
            });
        }
        if self.at_kind(&TokKind::Newline)
            || self.at(")")
            || self.at("]")
            || self.at("}")
            || self.at("=")
            || self.at(";")
        {
            return Ok(Expr {
                kind: ExprKind::Yield(None),
                pos: start,
            });
        }
        let e = self.star_expressions()?;
        let p = span(start, e.pos);
        Ok(Expr {
            kind: ExprKind::Yield(Some(Box::new(e))),
            pos: p,
        })
    }

    /// A `:` then a block; `what` names the statement for "expected an indented block".
    fn block(&mut self, what: &str, line: usize) -> PResult<Vec<Stmt>> {
        self.expect_colon()?;
        self.suite(what, line)
    }

    fn suite(&mut self, what: &str, line: usize) -> PResult<Vec<Stmt>> {
        if !self.at_kind(&TokKind::Newline) {
            return self.simple_statements();
        }
        self.next();
        if !self.at_kind(&TokKind::Indent) {
            let t = self.tok().clone();
            if let TokKind::Error(e) = &t.kind {
                return Err((**e).clone());
            }
            let mut e = SyntaxErr::new(
                format!("expected an indented block after {} on line {}", what, line),
                t.line,
                t.col,
                t.end_col,
            )
            .with_kind("IndentationError");
            if t.kind == TokKind::EndMarker {
                // CPython reports the last line of the file, without a caret
                e.line = self.toks.last().map(|t| t.line).unwrap_or(1).max(1);
                e.offset = 0;
                e.end_offset = -1;
            }
            return Err(e);
        }
        self.next();
        let mut body = vec![];
        while !self.at_kind(&TokKind::Dedent) && !self.at_kind(&TokKind::EndMarker) {
            body.extend(self.statement()?);
        }
        self.next();
        Ok(body)
    }

    fn compound(&mut self) -> PResult<Stmt> {
        let t = self.tok().clone();
        let start = pos_of(&t);
        let line = t.line;
        match t.text.as_str() {
            "if" => {
                self.next();
                self.if_rest(start, "'if' statement")
            }
            "while" => {
                self.next();
                let test = self.named_expression()?;
                self.assignment_hint(&test)?;
                let body = self.block("'while' statement", line)?;
                let orelse = self.else_block()?;
                Ok(Stmt {
                    kind: StmtKind::While(test, body, orelse),
                    pos: start,
                })
            }
            "for" => {
                self.next();
                self.for_rest(start, false)
            }
            "try" => {
                self.next();
                self.try_rest(start)
            }
            "with" => {
                self.next();
                self.with_rest(start, false)
            }
            "def" => self.funcdef(vec![], false, start),
            "class" => self.classdef(vec![], start),
            "async" => {
                self.next();
                if self.at("def") {
                    self.funcdef(vec![], true, start)
                } else if self.eat("for") {
                    self.for_rest(start, true)
                } else if self.eat("with") {
                    self.with_rest(start, true)
                } else {
                    Err(self.invalid())
                }
            }
            _ => Err(self.invalid()),
        }
    }

    /// `match` is a soft keyword: the statement is a match statement when what follows
    /// reads `match SUBJECT:` NEWLINE INDENT `case`; otherwise `match` is a name (and
    /// the parser goes back to read an ordinary statement).
    fn match_statement(&mut self) -> PResult<Option<Vec<Stmt>>> {
        let (back, far) = (self.pos, self.far);
        let start = pos_of(&self.next());
        let head = (|| -> PResult<Option<Expr>> {
            if self.at(":") || self.at("=") || self.at(".") || self.at_kind(&TokKind::Newline) {
                return Ok(None);
            }
            let subject = self.star_expressions()?;
            let opens_cases = self.at(":")
                && self.peek_at(1).kind == TokKind::Newline
                && self.peek_at(2).kind == TokKind::Indent
                && self.peek_at(3).is("case");
            Ok(opens_cases.then_some(subject))
        })();
        let Ok(Some(subject)) = head else {
            (self.pos, self.far) = (back, far);
            return Ok(None);
        };
        self.next(); // :
        self.next(); // NEWLINE
        self.next(); // INDENT
        let mut cases = vec![];
        while self.at("case") {
            let line = self.next().line;
            let pos = pos_of(&self.tok().clone());
            let pattern = self.case_patterns()?;
            let pos = span(pos, self.prev_pos());
            let guard = if self.eat("if") {
                Some(self.named_expression()?)
            } else {
                None
            };
            let body = self.block("'case' statement", line)?;
            cases.push(Case {
                pattern,
                pos,
                guard,
                body,
            });
        }
        if !self.at_kind(&TokKind::Dedent) {
            return Err(self.invalid());
        }
        self.next();
        crate::python::front::pattern::lower(subject, cases, start).map(Some)
    }

    /// The patterns after `case`: `a, *b` is a sequence without brackets.
    fn case_patterns(&mut self) -> PResult<Pattern> {
        let first = self.maybe_star_pattern()?;
        if !self.at(",") {
            if matches!(first, Pattern::Star(_)) {
                return Err(self.invalid());
            }
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat(",") {
            if self.at(":") || self.at("if") {
                break;
            }
            items.push(self.maybe_star_pattern()?);
        }
        Ok(Pattern::Sequence(items))
    }

    fn maybe_star_pattern(&mut self) -> PResult<Pattern> {
        if self.eat("*") {
            let n = self.name()?;
            return Ok(Pattern::Star((&*n != "_").then_some(n)));
        }
        self.as_pattern()
    }

    /// `or_pattern ['as' NAME]`
    fn as_pattern(&mut self) -> PResult<Pattern> {
        let p = self.or_pattern()?;
        if self.eat("as") {
            let t = self.tok().clone();
            let n = self.name()?;
            if &*n == "_" {
                return Err(err_at("cannot use '_' as a target", pos_of(&t)));
            }
            return Ok(Pattern::As(Box::new(p), n));
        }
        Ok(p)
    }

    fn or_pattern(&mut self) -> PResult<Pattern> {
        let mut alts = vec![];
        loop {
            let at = pos_of(&self.tok().clone());
            alts.push((self.closed_pattern()?, at));
            if !self.eat("|") {
                break;
            }
        }
        Ok(if alts.len() == 1 {
            alts.remove(0).0
        } else {
            Pattern::Or(alts)
        })
    }

    /// A number, possibly signed, possibly complex (`-1`, `1.5`, `1+2j`).
    fn number_pattern(&mut self) -> PResult<Expr> {
        let start = pos_of(&self.tok().clone());
        let neg = self.eat("-");
        let mut v = self.atom()?;
        if !matches!(
            v.kind,
            ExprKind::Const(Const::Int(_) | Const::Float(_)) | ExprKind::Call(..)
        ) {
            return Err(self.invalid());
        }
        if neg {
            v = Expr {
                kind: ExprKind::Unary(UnOp::Neg, Box::new(v)),
                pos: span(start, self.prev_pos()),
            };
        }
        if (self.at("+") || self.at("-")) && self.peek_at(1).kind == TokKind::Number {
            let op = if self.next().text == "+" {
                BinOp::Add
            } else {
                BinOp::Sub
            };
            let imag = self.atom()?;
            v = Expr {
                kind: ExprKind::BinOp(Box::new(v), op, Box::new(imag)),
                pos: span(start, self.prev_pos()),
            };
        }
        Ok(v)
    }

    fn closed_pattern(&mut self) -> PResult<Pattern> {
        let t = self.tok().clone();
        match &t.kind {
            TokKind::Number => return Ok(Pattern::Value(self.number_pattern()?)),
            TokKind::Str { .. } => {
                let s = self.strings()?;
                if matches!(s.kind, ExprKind::FString(_)) {
                    return Err(err_at(
                        "patterns may only match literals and attribute lookups",
                        s.pos,
                    ));
                }
                return Ok(Pattern::Value(s));
            }
            TokKind::Op if t.text == "-" => return Ok(Pattern::Value(self.number_pattern()?)),
            TokKind::Op if t.text == "(" || t.text == "[" => {
                let close = if t.text == "(" { ")" } else { "]" };
                self.next();
                self.in_brackets += 1;
                let mut items = vec![];
                let mut comma = false;
                while !self.at(close) {
                    items.push(self.maybe_star_pattern()?);
                    if !self.eat(",") {
                        break;
                    }
                    comma = true;
                }
                self.in_brackets -= 1;
                self.expect(close)?;
                if close == ")"
                    && items.len() == 1
                    && !comma
                    && !matches!(items[0], Pattern::Star(_))
                {
                    return Ok(items.remove(0));
                }
                return Ok(Pattern::Sequence(items));
            }
            TokKind::Op if t.text == "{" => return self.mapping_pattern(),
            TokKind::Name => {}
            _ => return Err(self.invalid()),
        }
        match t.text.as_str() {
            "None" => {
                self.next();
                return Ok(Pattern::Singleton(Const::None));
            }
            "True" | "False" => {
                self.next();
                return Ok(Pattern::Singleton(Const::Bool(t.text == "True")));
            }
            s if is_keyword(s) => return Err(self.invalid()),
            _ => {}
        }
        let start = pos_of(&t);
        let first = self.name()?;
        let mut target = Expr {
            kind: ExprKind::Name(first.clone()),
            pos: start,
        };
        let mut dotted = false;
        while self.eat(".") {
            let a = self.name()?;
            dotted = true;
            target = Expr {
                kind: ExprKind::Attribute(Box::new(target), a),
                pos: span(start, self.prev_pos()),
            };
        }
        if self.at("(") {
            return self.class_pattern(target);
        }
        Ok(if dotted {
            Pattern::Value(target)
        } else if &*first == "_" {
            Pattern::Wildcard
        } else {
            Pattern::Capture(first, start)
        })
    }

    fn class_pattern(&mut self, cls: Expr) -> PResult<Pattern> {
        self.expect("(")?;
        self.in_brackets += 1;
        let (mut args, mut kwargs) = (vec![], vec![]);
        while !self.at(")") {
            if self.at_kind(&TokKind::Name) && self.peek_at(1).is("=") {
                let k = self.name()?;
                self.next();
                kwargs.push((k, self.as_pattern()?));
            } else {
                let t = self.tok().clone();
                let p = self.as_pattern()?;
                if !kwargs.is_empty() {
                    return Err(err_at(
                        "positional patterns follow keyword patterns",
                        pos_of(&t),
                    ));
                }
                args.push(p);
            }
            if !self.eat(",") {
                break;
            }
        }
        self.in_brackets -= 1;
        self.expect(")")?;
        Ok(Pattern::Class(cls, args, kwargs))
    }

    fn mapping_pattern(&mut self) -> PResult<Pattern> {
        self.expect("{")?;
        self.in_brackets += 1;
        let (mut items, mut rest) = (vec![], None);
        while !self.at("}") {
            if self.eat("**") {
                rest = Some(self.name()?);
                self.eat(",");
                break;
            }
            let key = match self.closed_pattern()? {
                Pattern::Value(v) => v,
                Pattern::Singleton(c) => Expr {
                    kind: ExprKind::Const(c),
                    pos: self.prev_pos(),
                },
                _ => return Err(self.invalid()),
            };
            self.expect(":")?;
            items.push((key, self.as_pattern()?));
            if !self.eat(",") {
                break;
            }
        }
        self.in_brackets -= 1;
        self.expect("}")?;
        Ok(Pattern::Mapping(items, rest))
    }

    fn if_rest(&mut self, start: Pos, what: &str) -> PResult<Stmt> {
        let test = self.named_expression()?;
        self.assignment_hint(&test)?;
        let body = self.block(what, start.line)?;
        let orelse = if self.at("elif") {
            let t = self.next();
            vec![self.if_rest(pos_of(&t), "'elif' statement")?]
        } else {
            self.else_block()?
        };
        Ok(Stmt {
            kind: StmtKind::If(test, body, orelse),
            pos: start,
        })
    }

    fn else_block(&mut self) -> PResult<Vec<Stmt>> {
        if self.at("else") {
            let t = self.next();
            self.block("'else' statement", t.line)
        } else {
            Ok(vec![])
        }
    }

    fn for_rest(&mut self, start: Pos, is_async: bool) -> PResult<Stmt> {
        let target = self.target_list()?;
        if !self.at("in") {
            self.check_target(&target, false)?;
        }
        self.expect("in")?;
        let iter = self.star_expressions()?;
        let body = self.block("'for' statement", start.line)?;
        let orelse = self.else_block()?;
        Ok(Stmt {
            kind: StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            },
            pos: start,
        })
    }

    /// Targets of `for` and comprehensions: stops before `in`.
    fn target_list(&mut self) -> PResult<Expr> {
        let start = pos_of(&self.tok().clone());
        let mut v = vec![];
        loop {
            let e = if self.at("*") {
                let s = pos_of(&self.next());
                let e = self.bitwise_or()?;
                let p = span(s, e.pos);
                Expr {
                    kind: ExprKind::Starred(Box::new(e)),
                    pos: p,
                }
            } else {
                self.bitwise_or()?
            };
            v.push(e);
            if !self.eat(",") {
                break;
            }
            if self.at("in") {
                break;
            }
        }
        let t = if v.len() == 1 && !self.toks[self.pos - 1].is(",") {
            v.pop().unwrap()
        } else {
            Expr {
                kind: ExprKind::Tuple(v),
                pos: span(start, self.prev_pos()),
            }
        };
        self.check_target(&t, false)?;
        Ok(t)
    }

    fn try_rest(&mut self, start: Pos) -> PResult<Stmt> {
        let body = self.block("'try' statement", start.line)?;
        let mut handlers = vec![];
        while self.at("except") {
            let t = self.next();
            let star = self.eat("*");
            if handlers.first().is_some_and(|h: &Handler| h.star != star) {
                return Err(SyntaxErr::new(
                    "cannot have both 'except' and 'except*' on the same 'try'",
                    t.line,
                    t.col,
                    t.end_col,
                ));
            }
            if star && self.at(":") {
                let t2 = self.tok().clone();
                return Err(SyntaxErr::new(
                    "expected one or more exception types",
                    t2.line,
                    t2.col,
                    t2.end_col,
                ));
            }
            let typ = if self.at(":") {
                None
            } else {
                Some(self.expression()?)
            };
            let typ = match typ {
                Some(e) if self.at(",") => {
                    // `except A, B:` is an error in Python 3
                    let t2 = self.tok().clone();
                    let _ = e;
                    return Err(SyntaxErr::new(
                        "multiple exception types must be parenthesized",
                        t2.line,
                        t.end_col + 1,
                        t2.col,
                    ));
                }
                x => x,
            };
            let name = if self.eat("as") {
                Some(self.name()?)
            } else {
                None
            };
            let hbody = self.block("'except' statement", t.line)?;
            handlers.push(Handler {
                typ,
                name,
                body: hbody,
                pos: pos_of(&t),
                star,
            });
        }
        let orelse = if !handlers.is_empty() {
            self.else_block()?
        } else {
            vec![]
        };
        let finalbody = if self.at("finally") {
            let t = self.next();
            self.block("'finally' statement", t.line)?
        } else {
            vec![]
        };
        if handlers.is_empty() && finalbody.is_empty() {
            let t = self.tok().clone();
            return Err(SyntaxErr::new(
                "expected 'except' or 'finally' block",
                t.line,
                t.col,
                t.end_col,
            ));
        }
        Ok(Stmt {
            kind: StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            },
            pos: start,
        })
    }

    fn with_rest(&mut self, start: Pos, is_async: bool) -> PResult<Stmt> {
        let mut items = vec![];
        let paren = self.at("(") && {
            // `with (a as b, c):` — only when the parenthesis closes right before ':'
            let mut depth = 0;
            let mut i = self.pos;
            let mut ok = false;
            while i < self.toks.len() {
                let t = &self.toks[i];
                if t.is("(") {
                    depth += 1;
                } else if t.is(")") {
                    depth -= 1;
                    if depth == 0 {
                        ok = self.toks.get(i + 1).map(|t| t.is(":")).unwrap_or(false)
                            && self.toks[self.pos + 1..i].iter().any(|t| t.is("as"));
                        break;
                    }
                }
                i += 1;
            }
            ok
        };
        if paren {
            self.next();
        }
        loop {
            let e = self.expression()?;
            let target = if self.eat("as") {
                let t = self.target_list_single()?;
                Some(t)
            } else {
                None
            };
            items.push((e, target));
            if !self.eat(",") {
                break;
            }
            if paren && self.at(")") {
                break;
            }
        }
        if paren {
            self.expect(")")?;
        }
        let body = self.block("'with' statement", start.line)?;
        if is_async {
            return Ok(crate::python::front::desugar::async_with(
                items, body, start,
            ));
        }
        Ok(Stmt {
            kind: StmtKind::With {
                items,
                body,
                is_async,
            },
            pos: start,
        })
    }

    fn target_list_single(&mut self) -> PResult<Expr> {
        let e = self.bitwise_or()?;
        self.check_target(&e, false)?;
        Ok(e)
    }

    fn decorated(&mut self) -> PResult<Stmt> {
        let mut decorators = vec![];
        while self.eat("@") {
            decorators.push(self.named_expression()?);
            self.expect_kind(TokKind::Newline)?;
        }
        let t = self.tok().clone();
        let start = pos_of(&t);
        if t.is("def") {
            self.funcdef(decorators, false, start)
        } else if t.is("async") {
            self.next();
            if !self.at("def") {
                return Err(self.invalid());
            }
            self.funcdef(decorators, true, start)
        } else if t.is("class") {
            self.classdef(decorators, start)
        } else {
            Err(self.invalid())
        }
    }

    fn funcdef(&mut self, decorators: Vec<Expr>, is_async: bool, start: Pos) -> PResult<Stmt> {
        let line = self.tok().line;
        self.expect("def")?;
        let name = self.name()?;
        self.expect("(")?;
        let params = self.params(")")?;
        self.expect(")")?;
        if self.eat("->") {
            self.expression()?;
        }
        let body = self.block("function definition", line)?;
        let f = FuncDef {
            name,
            params,
            body,
            is_async,
            decorators,
            pos: start,
        };
        Ok(Stmt {
            kind: StmtKind::FunctionDef(Rc::new(f)),
            pos: start,
        })
    }

    fn params(&mut self, close: &str) -> PResult<Params> {
        let mut p = Params::default();
        let mut star_seen = false;
        let mut default_seen = false;
        let annotations = close == ")";
        while !self.at(close) {
            if self.eat("**") {
                p.kwarg = Some(self.name()?);
                if annotations && self.eat(":") {
                    self.expression()?;
                }
                self.eat(",");
                break;
            } else if self.eat("*") {
                if star_seen {
                    return Err(self.invalid());
                }
                star_seen = true;
                if !self.at(",") {
                    p.vararg = Some(self.name()?);
                    if annotations && self.eat(":") {
                        self.expression()?;
                    }
                }
            } else if self.eat("/") {
                p.posonly = p.args.len();
            } else {
                let t = self.tok().clone();
                let n = self.name()?;
                if annotations && self.eat(":") {
                    self.expression()?;
                }
                let d = if self.eat("=") {
                    Some(self.expression()?)
                } else {
                    None
                };
                if star_seen {
                    p.kwonly.push((n, d));
                } else {
                    if d.is_some() {
                        default_seen = true;
                    } else if default_seen {
                        return Err(SyntaxErr::new(
                            "non-default argument follows default argument",
                            t.line,
                            t.col,
                            t.end_col,
                        ));
                    }
                    if p.args.iter().any(|(a, _)| *a == n) {
                        return Err(SyntaxErr::new(
                            format!("duplicate argument '{}' in function definition", n),
                            t.line,
                            t.col,
                            t.end_col,
                        ));
                    }
                    p.args.push((n, d));
                }
            }
            if !self.eat(",") {
                break;
            }
        }
        Ok(p)
    }

    fn classdef(&mut self, decorators: Vec<Expr>, start: Pos) -> PResult<Stmt> {
        let line = self.tok().line;
        self.expect("class")?;
        let name = self.name()?;
        let mut bases = vec![];
        if self.eat("(") {
            self.in_brackets += 1;
            while !self.at(")") {
                if self.at_kind(&TokKind::Name) && self.peek_at(1).is("=") {
                    // metaclass=... and other keywords: ignored
                    self.next();
                    self.next();
                    self.expression()?;
                } else {
                    bases.push(self.expression()?);
                }
                if !self.eat(",") {
                    break;
                }
            }
            self.in_brackets -= 1;
            self.expect(")")?;
        }
        let body = self.block("class definition", line)?;
        Ok(Stmt {
            kind: StmtKind::ClassDef {
                name,
                bases,
                body,
                decorators,
            },
            pos: start,
        })
    }

    // ---------------------------------------------------------------- expressions

    fn star_expressions(&mut self) -> PResult<Expr> {
        let first = self.star_expression()?;
        if !self.at(",") {
            return Ok(first);
        }
        let start = first.pos;
        let mut v = vec![first];
        while self.eat(",") {
            if self.starts_expression() {
                v.push(self.star_expression()?);
            } else {
                break;
            }
        }
        Ok(Expr {
            kind: ExprKind::Tuple(v),
            pos: span(start, self.prev_pos()),
        })
    }

    fn starts_expression(&mut self) -> bool {
        let t = self.tok().clone();
        match &t.kind {
            TokKind::Name => {
                !is_keyword(&t.text)
                    || matches!(
                        t.text.as_str(),
                        "None" | "True" | "False" | "not" | "lambda" | "await" | "yield"
                    )
            }
            TokKind::Number | TokKind::Str { .. } => true,
            TokKind::Op => matches!(
                t.text.as_str(),
                "(" | "[" | "{" | "-" | "+" | "~" | "*" | "..."
            ),
            _ => false,
        }
    }

    fn star_expression(&mut self) -> PResult<Expr> {
        if self.at("*") {
            let s = pos_of(&self.next());
            let e = self.bitwise_or()?;
            let p = span(s, e.pos);
            return Ok(Expr {
                kind: ExprKind::Starred(Box::new(e)),
                pos: p,
            });
        }
        self.expression()
    }

    /// `if a = 1:`: CPython's hint when `=` follows a name where a condition was
    /// expected (`NAME '=' bitwise_or !('='|':=')`), on the whole `a = 1`.
    fn assignment_hint(&mut self, test: &Expr) -> PResult<()> {
        if !matches!(test.kind, ExprKind::Name(_)) || !self.at("=") {
            return Ok(());
        }
        let save = self.pos;
        self.next();
        if let Ok(v) = self.bitwise_or() {
            if !self.at("=") && !self.at(":=") {
                return Err(err_at(
                    "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                    span(test.pos, v.pos),
                ));
            }
        }
        self.pos = save;
        Ok(())
    }

    fn named_expression(&mut self) -> PResult<Expr> {
        if self.at_kind(&TokKind::Name) && self.peek_at(1).is(":=") {
            let t = self.next();
            let target = Expr {
                kind: ExprKind::Name(t.text.as_str().into()),
                pos: pos_of(&t),
            };
            self.next();
            let v = self.expression()?;
            let p = span(target.pos, v.pos);
            return Ok(Expr {
                kind: ExprKind::NamedExpr(Box::new(target), Box::new(v)),
                pos: p,
            });
        }
        self.expression()
    }

    fn expression(&mut self) -> PResult<Expr> {
        self.enter()?;
        let r = self.expression_inner();
        self.depth -= 1;
        r
    }

    fn expression_inner(&mut self) -> PResult<Expr> {
        if self.at("lambda") {
            return self.lambda();
        }
        let body = self.disjunction()?;
        if self.at("if") {
            self.next();
            let test = self.disjunction()?;
            if !self.at("else") {
                let t = self.tok().clone();
                if matches!(t.kind, TokKind::Error(_)) {
                    return Err(self.invalid());
                }
                return Err(SyntaxErr::new(
                    "expected 'else' after 'if' expression",
                    body.pos.line,
                    body.pos.col,
                    test.pos.end_col,
                ));
            }
            self.next();
            let orelse = self.expression()?;
            let p = span(body.pos, orelse.pos);
            return Ok(Expr {
                kind: ExprKind::IfExp(Box::new(test), Box::new(body), Box::new(orelse)),
                pos: p,
            });
        }
        Ok(body)
    }

    fn lambda(&mut self) -> PResult<Expr> {
        let start = pos_of(&self.expect("lambda")?);
        let params = self.params(":")?;
        self.expect(":")?;
        let body = self.expression()?;
        let p = span(start, body.pos);
        let ret = Stmt {
            pos: body.pos,
            kind: StmtKind::Return(Some(body)),
        };
        let f = FuncDef {
            name: "<lambda>".into(),
            params,
            body: vec![ret],
            is_async: false,
            decorators: vec![],
            pos: p,
        };
        Ok(Expr {
            kind: ExprKind::Lambda(Rc::new(f)),
            pos: p,
        })
    }

    fn disjunction(&mut self) -> PResult<Expr> {
        self.bool_chain("or", Self::conjunction)
    }

    fn conjunction(&mut self) -> PResult<Expr> {
        self.bool_chain("and", Self::inversion)
    }

    /// `operand (word operand)*`: one `BoolOp` for an `and` / `or` chain.
    fn bool_chain(&mut self, word: &str, operand: fn(&mut Self) -> PResult<Expr>) -> PResult<Expr> {
        let first = operand(self)?;
        if !self.at(word) {
            return Ok(first);
        }
        let mut v = vec![first];
        while self.eat(word) {
            v.push(operand(self)?);
        }
        let p = span(v[0].pos, v.last().unwrap().pos);
        Ok(Expr {
            kind: ExprKind::BoolOp(word == "and", v),
            pos: p,
        })
    }

    fn inversion(&mut self) -> PResult<Expr> {
        if self.at("not") {
            self.enter()?;
            let s = pos_of(&self.next());
            let e = self.inversion()?;
            self.depth -= 1;
            let p = span(s, e.pos);
            return Ok(Expr {
                kind: ExprKind::Unary(UnOp::Not, Box::new(e)),
                pos: p,
            });
        }
        self.comparison()
    }

    fn comparison(&mut self) -> PResult<Expr> {
        let first = self.bitwise_or()?;
        let mut ops = vec![];
        loop {
            let op = if self.at("==") {
                CmpOp::Eq
            } else if self.at("!=") {
                CmpOp::Ne
            } else if self.at("<") {
                CmpOp::Lt
            } else if self.at("<=") {
                CmpOp::Le
            } else if self.at(">") {
                CmpOp::Gt
            } else if self.at(">=") {
                CmpOp::Ge
            } else if self.at("in") {
                CmpOp::In
            } else if self.at("not") && self.peek_at(1).is("in") {
                self.next();
                CmpOp::NotIn
            } else if self.at("is") {
                if self.peek_at(1).is("not") {
                    self.next();
                    CmpOp::IsNot
                } else {
                    CmpOp::Is
                }
            } else {
                break;
            };
            self.next();
            ops.push((op, self.bitwise_or()?));
        }
        if ops.is_empty() {
            return Ok(first);
        }
        let p = span(first.pos, ops.last().unwrap().1.pos);
        Ok(Expr {
            kind: ExprKind::Compare(Box::new(first), ops),
            pos: p,
        })
    }

    /// Binary operators by precedence climbing: one Rust frame per nesting level of
    /// the source instead of one per precedence level (keeps deep nesting cheap).
    fn binary_level(&mut self, min_prec: u8) -> PResult<Expr> {
        let mut left = self.factor()?;
        loop {
            let t = self.tok();
            if t.kind != TokKind::Op {
                return Ok(left);
            }
            let (prec, op) = match t.text.as_str() {
                "|" => (0, BinOp::BitOr),
                "^" => (1, BinOp::BitXor),
                "&" => (2, BinOp::BitAnd),
                "<<" => (3, BinOp::LShift),
                ">>" => (3, BinOp::RShift),
                "+" => (4, BinOp::Add),
                "-" => (4, BinOp::Sub),
                "*" => (5, BinOp::Mul),
                "/" => (5, BinOp::Div),
                "//" => (5, BinOp::FloorDiv),
                "%" => (5, BinOp::Mod),
                "@" => (5, BinOp::MatMul),
                _ => return Ok(left),
            };
            if prec < min_prec {
                return Ok(left);
            }
            self.next();
            let right = self.binary_level(prec + 1)?;
            let p = span(left.pos, right.pos);
            left = Expr {
                kind: ExprKind::BinOp(Box::new(left), op, Box::new(right)),
                pos: p,
            };
        }
    }

    fn bitwise_or(&mut self) -> PResult<Expr> {
        self.binary_level(0)
    }

    fn factor(&mut self) -> PResult<Expr> {
        let op = if self.at("-") {
            UnOp::Neg
        } else if self.at("+") {
            UnOp::Pos
        } else if self.at("~") {
            UnOp::Invert
        } else {
            return self.power();
        };
        self.enter()?;
        let s = pos_of(&self.next());
        let e = self.factor()?;
        self.depth -= 1;
        let p = span(s, e.pos);
        // fold `-1` into a constant so that `-9223372036854775808` stays exact
        if op == UnOp::Neg {
            if let ExprKind::Const(Const::Int(i)) = &e.kind {
                return Ok(Expr {
                    kind: ExprKind::Const(Const::Int(i.neg())),
                    pos: p,
                });
            }
            if let ExprKind::Const(Const::Float(f)) = &e.kind {
                return Ok(Expr {
                    kind: ExprKind::Const(Const::Float(-f)),
                    pos: p,
                });
            }
        }
        Ok(Expr {
            kind: ExprKind::Unary(op, Box::new(e)),
            pos: p,
        })
    }

    fn power(&mut self) -> PResult<Expr> {
        let base = if self.at("await") {
            let s = pos_of(&self.next());
            let e = self.primary()?;
            let p = span(s, e.pos);
            Expr {
                kind: ExprKind::Await(Box::new(e)),
                pos: p,
            }
        } else {
            self.primary()?
        };
        if self.eat("**") {
            self.enter()?;
            let exp = self.factor()?;
            self.depth -= 1;
            let p = span(base.pos, exp.pos);
            return Ok(Expr {
                kind: ExprKind::BinOp(Box::new(base), BinOp::Pow, Box::new(exp)),
                pos: p,
            });
        }
        Ok(base)
    }

    fn primary(&mut self) -> PResult<Expr> {
        let mut e = self.atom()?;
        loop {
            if self.eat(".") {
                let n = self.name()?;
                let p = span(e.pos, self.prev_pos());
                e = Expr {
                    kind: ExprKind::Attribute(Box::new(e), n),
                    pos: p,
                };
            } else if self.at("(") {
                self.next();
                self.in_brackets += 1;
                let args = self.call_args()?;
                self.in_brackets -= 1;
                self.expect(")")?;
                let p = span(e.pos, self.prev_pos());
                e = Expr {
                    kind: ExprKind::Call(Box::new(e), args),
                    pos: p,
                };
            } else if self.at("[") {
                self.next();
                self.in_brackets += 1;
                let idx = self.slices()?;
                self.in_brackets -= 1;
                self.expect("]")?;
                let p = span(e.pos, self.prev_pos());
                e = Expr {
                    kind: ExprKind::Subscript(Box::new(e), Box::new(idx)),
                    pos: p,
                };
            } else {
                return Ok(e);
            }
        }
    }

    /// After an element inside brackets, a second expression with no comma between
    /// them is CPython's "Perhaps you forgot a comma?".
    fn check_missing_comma(&mut self, prev: &Expr) -> PResult<()> {
        if self.in_brackets == 0
            || !self.starts_expression()
            || self.at("*")
            || self.at("-")
            || self.at("+")
            || self.at("(")
            || self.at("[")
        {
            return Ok(());
        }
        if matches!(self.tok().kind, TokKind::Str { .. }) && matches!(prev.kind, ExprKind::Name(_))
        {
            return Ok(());
        }
        let save = (self.pos, self.far);
        let next = self.expression();
        if let Ok(next) = next {
            if next.pos.end_line == prev.pos.line {
                return Err(SyntaxErr::new(
                    "invalid syntax. Perhaps you forgot a comma?",
                    prev.pos.line,
                    prev.pos.col,
                    next.pos.end_col,
                ));
            }
        }
        (self.pos, self.far) = save;
        Ok(())
    }

    fn call_args(&mut self) -> PResult<Vec<Arg>> {
        let mut args = vec![];
        let mut kw_seen = false;
        let mut dstar_seen = false;
        while !self.at(")") {
            let t = self.tok().clone();
            if self.eat("*") {
                args.push(Arg::Star(self.expression()?));
            } else if self.eat("**") {
                dstar_seen = true;
                args.push(Arg::DStar(self.expression()?));
            } else if t.kind == TokKind::Name && self.peek_at(1).is("=") {
                self.next();
                self.next();
                if is_keyword(&t.text) {
                    return Err(SyntaxErr::new(
                        "expression cannot contain assignment, perhaps you meant \"==\"?",
                        t.line,
                        t.col,
                        t.end_col,
                    ));
                }
                kw_seen = true;
                args.push(Arg::Kw(t.text.as_str().into(), self.expression()?));
            } else {
                let e = self.named_expression()?;
                if self.at("for") || self.at("async") {
                    let comps = self.comprehension_clauses()?;
                    let p = span(e.pos, self.prev_pos());
                    let g = Expr {
                        kind: ExprKind::GenExp(Box::new(e), comps),
                        pos: p,
                    };
                    if !self.at(")") || !args.is_empty() {
                        return Err(SyntaxErr::new(
                            "Generator expression must be parenthesized",
                            p.line,
                            p.col,
                            p.end_col,
                        ));
                    }
                    args.push(Arg::Pos(g));
                    continue;
                }
                if self.at("=") {
                    let t2 = self.tok().clone();
                    return Err(SyntaxErr::new(
                        "expression cannot contain assignment, perhaps you meant \"==\"?",
                        e.pos.line,
                        e.pos.col,
                        t2.end_col,
                    ));
                }
                self.check_missing_comma(&e)?;
                if dstar_seen {
                    let t = self.tok().clone();
                    return Err(SyntaxErr::new(
                        "positional argument follows keyword argument unpacking",
                        t.line,
                        t.col,
                        t.end_col,
                    ));
                }
                if kw_seen {
                    let t = self.tok().clone();
                    return Err(SyntaxErr::new(
                        "positional argument follows keyword argument",
                        t.line,
                        t.col,
                        t.end_col,
                    ));
                }
                args.push(Arg::Pos(e));
            }
            if !self.eat(",") {
                break;
            }
            if self.at("for") {
                return Err(self.invalid());
            }
        }
        Ok(args)
    }

    fn slices(&mut self) -> PResult<Expr> {
        let first = self.slice()?;
        if !self.at(",") {
            return Ok(first);
        }
        let start = first.pos;
        let mut v = vec![first];
        while self.eat(",") {
            if self.at("]") {
                break;
            }
            v.push(self.slice()?);
        }
        Ok(Expr {
            kind: ExprKind::Tuple(v),
            pos: span(start, self.prev_pos()),
        })
    }

    fn slice(&mut self) -> PResult<Expr> {
        let start = pos_of(&self.tok().clone());
        let lower = if self.at(":") {
            None
        } else {
            let e = self.named_expression_or_star()?;
            if !self.at(":") {
                self.check_missing_comma(&e)?;
                return Ok(e);
            }
            Some(Box::new(e))
        };
        self.expect(":")?;
        let upper = if self.at(":") || self.at("]") || self.at(",") {
            None
        } else {
            Some(Box::new(self.expression()?))
        };
        let step = if self.eat(":") {
            if self.at("]") || self.at(",") {
                None
            } else {
                Some(Box::new(self.expression()?))
            }
        } else {
            None
        };
        Ok(Expr {
            kind: ExprKind::Slice(lower, upper, step),
            pos: span(start, self.prev_pos()),
        })
    }

    fn named_expression_or_star(&mut self) -> PResult<Expr> {
        if self.at("*") {
            self.star_expression()
        } else {
            self.named_expression()
        }
    }

    fn comprehension_clauses(&mut self) -> PResult<Vec<Comp>> {
        let mut comps = vec![];
        loop {
            let is_async = self.eat("async");
            if !self.eat("for") {
                if is_async {
                    return Err(self.invalid());
                }
                break;
            }
            let target = self.target_list()?;
            self.expect("in")?;
            let iter = self.disjunction()?;
            let mut ifs = vec![];
            while self.eat("if") {
                ifs.push(self.disjunction()?);
            }
            comps.push(Comp {
                target,
                iter,
                ifs,
                is_async,
            });
        }
        Ok(comps)
    }

    fn atom(&mut self) -> PResult<Expr> {
        let t = self.tok().clone();
        let p = pos_of(&t);
        let kind = match &t.kind {
            TokKind::Name => match t.text.as_str() {
                "None" => ExprKind::Const(Const::None),
                "True" => ExprKind::Const(Const::Bool(true)),
                "False" => ExprKind::Const(Const::Bool(false)),
                s if is_keyword(s) => return Err(self.invalid()),
                s => ExprKind::Name(s.into()),
            },
            TokKind::Number => self.number(&t)?,
            TokKind::Str { .. } => return self.strings(),
            TokKind::Op => match t.text.as_str() {
                "(" => return self.paren(),
                "[" => return self.list(),
                "{" => return self.brace(),
                "..." => ExprKind::Const(Const::Ellipsis),
                _ => return Err(self.invalid()),
            },
            _ => return Err(self.invalid()),
        };
        self.next();
        Ok(Expr { kind, pos: p })
    }

    fn number(&mut self, t: &Token) -> PResult<ExprKind> {
        let s = t.text.replace('_', "");
        let lower = s.to_ascii_lowercase();
        if lower.ends_with('j') {
            return Err(SyntaxErr::new(
                "complex numbers are not supported by this interpreter",
                t.line,
                t.col,
                t.end_col,
            ));
        }
        let radix = if lower.starts_with("0x") {
            16
        } else if lower.starts_with("0o") {
            8
        } else if lower.starts_with("0b") {
            2
        } else {
            10
        };
        if radix != 10 {
            return Ok(ExprKind::Const(Const::Int(
                BigInt::parse(&lower[2..], radix).unwrap_or_else(BigInt::zero),
            )));
        }
        if lower.contains(['.', 'e']) {
            return Ok(ExprKind::Const(Const::Float(
                crate::python::num::engine::parse_f64(&lower).unwrap_or(f64::INFINITY),
            )));
        }
        Ok(ExprKind::Const(Const::Int(
            BigInt::parse(&lower, 10).unwrap_or_else(BigInt::zero),
        )))
    }

    fn paren(&mut self) -> PResult<Expr> {
        let start = pos_of(&self.next());
        self.in_brackets += 1;
        let r = self.paren_inner(start);
        self.in_brackets -= 1;
        r
    }

    fn paren_inner(&mut self, start: Pos) -> PResult<Expr> {
        if self.eat(")") {
            return Ok(Expr {
                kind: ExprKind::Tuple(vec![]),
                pos: span(start, self.prev_pos()),
            });
        }
        if self.at("yield") {
            let e = self.yield_expr()?;
            self.expect(")")?;
            return Ok(e);
        }
        let first = self.named_expression_or_star()?;
        if self.at("for") || self.at("async") {
            let comps = self.comprehension_clauses()?;
            self.expect(")")?;
            let p = span(start, self.prev_pos());
            return Ok(Expr {
                kind: ExprKind::GenExp(Box::new(first), comps),
                pos: p,
            });
        }
        if self.eat(")") {
            if let ExprKind::Starred(_) = first.kind {
                return Err(err_at("cannot use starred expression here", first.pos));
            }
            let mut e = first;
            // keep the parenthesized span for tuples (CPython does the same)
            if let ExprKind::Tuple(_) = e.kind {
                e.pos = span(start, self.prev_pos());
            }
            return Ok(e);
        }
        self.check_missing_comma(&first)?;
        let mut v = vec![first];
        while self.eat(",") {
            if self.at(")") {
                break;
            }
            let e = self.named_expression_or_star()?;
            self.check_missing_comma(&e)?;
            v.push(e);
        }
        self.expect(")")?;
        Ok(Expr {
            kind: ExprKind::Tuple(v),
            pos: span(start, self.prev_pos()),
        })
    }

    fn list(&mut self) -> PResult<Expr> {
        let start = pos_of(&self.next());
        self.in_brackets += 1;
        let mut v = vec![];
        if !self.at("]") {
            let first = self.named_expression_or_star()?;
            if self.at("for") || self.at("async") {
                let comps = self.comprehension_clauses()?;
                self.in_brackets -= 1;
                self.expect("]")?;
                let p = span(start, self.prev_pos());
                return Ok(Expr {
                    kind: ExprKind::ListComp(Box::new(first), comps),
                    pos: p,
                });
            }
            self.check_missing_comma(&first)?;
            v.push(first);
            while self.eat(",") {
                if self.at("]") {
                    break;
                }
                let e = self.named_expression_or_star()?;
                self.check_missing_comma(&e)?;
                v.push(e);
            }
        }
        self.in_brackets -= 1;
        self.expect("]")?;
        Ok(Expr {
            kind: ExprKind::List(v),
            pos: span(start, self.prev_pos()),
        })
    }

    fn brace(&mut self) -> PResult<Expr> {
        let start = pos_of(&self.next());
        self.in_brackets += 1;
        let r = self.brace_inner(start);
        self.in_brackets -= 1;
        r
    }

    fn brace_inner(&mut self, start: Pos) -> PResult<Expr> {
        if self.eat("}") {
            return Ok(Expr {
                kind: ExprKind::Dict(vec![]),
                pos: span(start, self.prev_pos()),
            });
        }
        // dict: first item is `k: v` or `**m`
        if self.at("**") || {
            let save = (self.pos, self.far);
            let is_dict = self.expression().is_ok() && self.at(":");
            (self.pos, self.far) = save;
            is_dict
        } {
            let mut items: Vec<(Option<Expr>, Expr)> = vec![];
            loop {
                if self.eat("**") {
                    items.push((None, self.bitwise_or()?));
                } else {
                    let k = self.expression()?;
                    if !self.at(":") {
                        let t = self.tok().clone();
                        if matches!(t.kind, TokKind::Error(_)) {
                            return Err(self.invalid());
                        }
                        let mut e = SyntaxErr::new(
                            "':' expected after dictionary key",
                            k.pos.line,
                            k.pos.col,
                            k.pos.col,
                        );
                        e.end_offset = 0;
                        return Err(e);
                    }
                    self.next();
                    let v = self.expression()?;
                    if items.is_empty() && (self.at("for") || self.at("async")) {
                        let comps = self.comprehension_clauses()?;
                        self.expect("}")?;
                        let p = span(start, self.prev_pos());
                        return Ok(Expr {
                            kind: ExprKind::DictComp(Box::new(k), Box::new(v), comps),
                            pos: p,
                        });
                    }
                    self.check_missing_comma(&v)?;
                    items.push((Some(k), v));
                }
                if !self.eat(",") || self.at("}") {
                    break;
                }
            }
            self.expect("}")?;
            return Ok(Expr {
                kind: ExprKind::Dict(items),
                pos: span(start, self.prev_pos()),
            });
        }
        let first = self.named_expression_or_star()?;
        if self.at("for") || self.at("async") {
            let comps = self.comprehension_clauses()?;
            self.expect("}")?;
            let p = span(start, self.prev_pos());
            return Ok(Expr {
                kind: ExprKind::SetComp(Box::new(first), comps),
                pos: p,
            });
        }
        self.check_missing_comma(&first)?;
        let mut v = vec![first];
        while self.eat(",") {
            if self.at("}") {
                break;
            }
            let e = self.named_expression_or_star()?;
            self.check_missing_comma(&e)?;
            v.push(e);
        }
        self.expect("}")?;
        Ok(Expr {
            kind: ExprKind::Set(v),
            pos: span(start, self.prev_pos()),
        })
    }

    /// Adjacent string literals, joined; any f-string among them makes an f-string.
    fn strings(&mut self) -> PResult<Expr> {
        let start = pos_of(&self.tok().clone());
        let mut parts: Vec<FPart> = vec![];
        let mut is_f = false;
        let mut bytes: Option<Vec<u8>> = None;
        while let TokKind::Str { prefix, body } = self.tok().kind.clone() {
            let t = self.next();
            let raw = prefix.contains('r');
            if prefix.contains('b') {
                let s = if raw {
                    body.clone()
                } else {
                    decode_escapes(&body, &t, true)?
                };
                bytes
                    .get_or_insert_with(Vec::new)
                    .extend(s.chars().map(|c| c as u32 as u8));
                continue;
            }
            if prefix.contains('f') {
                is_f = true;
                parts.extend(self.fstring(&body, raw, &t)?);
            } else {
                let s = if raw {
                    body.clone()
                } else {
                    decode_escapes(&body, &t, false)?
                };
                parts.push(FPart::Lit(s));
            }
        }
        let p = span(start, self.prev_pos());
        if let Some(b) = bytes {
            if !parts.is_empty() {
                return Err(err_at("cannot mix bytes and nonbytes literals", p));
            }
            return Ok(Expr {
                kind: ExprKind::Const(Const::Bytes(b.into())),
                pos: p,
            });
        }
        if !is_f {
            let s: String = parts
                .into_iter()
                .map(|x| match x {
                    FPart::Lit(s) => s,
                    _ => String::new(),
                })
                .collect();
            return Ok(Expr {
                kind: ExprKind::Const(Const::Str(s.into())),
                pos: p,
            });
        }
        Ok(Expr {
            kind: ExprKind::FString(parts),
            pos: p,
        })
    }

    fn fstring(&mut self, body: &str, raw: bool, t: &Token) -> PResult<Vec<FPart>> {
        let chars: Vec<char> = body.chars().collect();
        let mut parts = vec![];
        let mut i = 0;
        self.fstring_parts(&chars, &mut i, raw, t, false, &mut parts)?;
        Ok(parts)
    }

    fn fstring_parts(
        &mut self,
        chars: &[char],
        i: &mut usize,
        raw: bool,
        t: &Token,
        in_spec: bool,
        parts: &mut Vec<FPart>,
    ) -> PResult<()> {
        let ferr = |msg: &str| SyntaxErr::new(format!("f-string: {}", msg), t.line, t.col, t.col);
        let mut lit = String::new();
        let flush = |lit: &mut String, parts: &mut Vec<FPart>| -> PResult<()> {
            if !lit.is_empty() {
                let s = if raw {
                    lit.clone()
                } else {
                    decode_escapes(lit, t, false)?
                };
                parts.push(FPart::Lit(s));
                lit.clear();
            }
            Ok(())
        };
        while *i < chars.len() {
            let c = chars[*i];
            if c == '{' {
                if !in_spec && chars.get(*i + 1) == Some(&'{') {
                    lit.push('{');
                    *i += 2;
                    continue;
                }
                flush(&mut lit, parts)?;
                *i += 1;
                // expression text up to a top-level '!', ':', '=' or '}'
                let start = *i;
                let mut depth = 0;
                let mut quote: Option<char> = None;
                while *i < chars.len() {
                    let c = chars[*i];
                    if let Some(q) = quote {
                        if c == q {
                            quote = None;
                        }
                    } else if c == '\'' || c == '"' {
                        quote = Some(c);
                    } else if "([{".contains(c) {
                        depth += 1;
                    } else if ")]}".contains(c) && depth > 0 {
                        depth -= 1;
                    } else if depth == 0
                        && (c == '}'
                            || c == ':'
                            || (c == '!' && chars.get(*i + 1) != Some(&'='))
                            || (c == '='
                                && !matches!(chars.get(*i + 1), Some('='))
                                && *i > start
                                && !"=!<>".contains(chars[*i - 1])))
                    {
                        break;
                    }
                    *i += 1;
                }
                if *i >= chars.len() {
                    return Err(ferr("expecting '}'"));
                }
                let text: String = chars[start..*i].iter().collect();
                if text.trim().is_empty() {
                    return Err(ferr("empty expression not allowed"));
                }
                let expr = parse_sub_expression(&text, t.line)?;
                let mut conv = None;
                if chars[*i] == '=' {
                    // `{x=}`: the text, then the repr unless a conversion or spec follows
                    lit.push_str(&text);
                    lit.push('=');
                    *i += 1;
                    while *i < chars.len() && chars[*i] == ' ' {
                        lit.push(' ');
                        *i += 1;
                    }
                    flush(&mut lit, parts)?;
                    if *i < chars.len() && chars[*i] != '!' && chars[*i] != ':' {
                        conv = Some('r');
                    }
                    if *i < chars.len() && chars[*i] == ':' {
                        conv = None;
                    }
                }
                if *i < chars.len() && chars[*i] == '!' {
                    let c = chars.get(*i + 1).copied().unwrap_or('}');
                    if !matches!(c, 'r' | 's' | 'a') {
                        return Err(ferr(
                            "invalid conversion character: expected 's', 'r', or 'a'",
                        ));
                    }
                    conv = Some(c);
                    *i += 2;
                }
                let mut spec = None;
                if *i < chars.len() && chars[*i] == ':' {
                    *i += 1;
                    let mut sp = vec![];
                    self.fstring_parts(chars, i, raw, t, true, &mut sp)?;
                    spec = Some(sp);
                }
                if *i >= chars.len() || chars[*i] != '}' {
                    return Err(ferr("expecting '}'"));
                }
                *i += 1;
                parts.push(FPart::Expr {
                    expr: Box::new(expr),
                    conv,
                    spec,
                });
            } else if c == '}' {
                if in_spec {
                    break;
                }
                if chars.get(*i + 1) == Some(&'}') {
                    lit.push('}');
                    *i += 2;
                    continue;
                }
                return Err(ferr("single '}' is not allowed"));
            } else {
                lit.push(c);
                *i += 1;
            }
        }
        flush(&mut lit, parts)?;
        Ok(())
    }
}

/// Decode backslash escapes of a (non-raw) string body.
fn decode_escapes(body: &str, t: &Token, bytes: bool) -> PResult<String> {
    let chars: Vec<char> = body.chars().collect();
    let mut out = String::with_capacity(body.len());
    let mut i = 0;
    let bad = |msg: String| SyntaxErr::new(msg, t.line, t.col, t.end_col);
    while i < chars.len() {
        let c = chars[i];
        if c != '\\' {
            out.push(c);
            i += 1;
            continue;
        }
        let n = chars.get(i + 1).copied().unwrap_or('\\');
        i += 2;
        match n {
            '\n' => {}
            '\\' => out.push('\\'),
            '\'' => out.push('\''),
            '"' => out.push('"'),
            'n' => out.push('\n'),
            't' => out.push('\t'),
            'r' => out.push('\r'),
            'a' => out.push('\x07'),
            'b' => out.push('\x08'),
            'f' => out.push('\x0c'),
            'v' => out.push('\x0b'),
            '0'..='7' => {
                let mut v = n.to_digit(8).unwrap();
                let mut k = 0;
                while k < 2 && i < chars.len() && chars[i].is_digit(8) {
                    v = v * 8 + chars[i].to_digit(8).unwrap();
                    i += 1;
                    k += 1;
                }
                out.push(char::from_u32(v).unwrap_or('\u{fffd}'));
            }
            'x' | 'u' | 'U' if !(bytes && n != 'x') => {
                let len = match n {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let hex: String = chars[i.min(chars.len())..(i + len).min(chars.len())]
                    .iter()
                    .collect();
                if hex.len() != len || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
                    let kind = if bytes {
                        "bytes"
                    } else {
                        "unicode error 'unicodeescape' codec can't decode bytes"
                    };
                    return Err(bad(format!(
                        "({}) in position {}-{}: truncated \\{}{} escape",
                        kind,
                        i - 2,
                        i - 1 + hex.len(),
                        n,
                        "X".repeat(len)
                    )));
                }
                i += len;
                let v = u32::from_str_radix(&hex, 16).unwrap();
                match char::from_u32(v) {
                    Some(c) => out.push(c),
                    None => return Err(bad("illegal Unicode character".into())),
                }
            }
            other => {
                out.push('\\');
                out.push(other);
            }
        }
    }
    Ok(out)
}
