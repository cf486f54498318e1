//! `match` / `case` (PEP 634), rewritten by the parser into the `if` / `elif` chain it
//! means: the subject is evaluated once into a hidden variable, each case is a test
//! expression that binds its captures with `:=` as it goes, then the guard.
//!
//! The structural checks are done by three helpers written in Python
//! (`lib/match.py`, loaded the first time a program matches a sequence, a mapping or
//! a class): `__match_seq`, `__match_map` and `__match_class` return the sub-subjects
//! to match, or None. The hidden variables are named with a character no identifier
//! has (as in `desugar.rs`), and are ordinary locals of the enclosing function.

use std::rc::Rc;

use crate::python::front::ast::{Arg, CmpOp, Const, Expr, ExprKind, Pos, Stmt, StmtKind};
use crate::python::front::desugar::fresh;
use crate::python::front::errors::SyntaxErr;
use crate::python::num::bigint::BigInt;

/// A pattern of a `case`.
#[derive(Clone, Debug)]
pub enum Pattern {
    /// `_`
    Wildcard,
    /// `name`, and where it is (errors point at it).
    Capture(Rc<str>, Pos),
    /// A literal or a dotted name, compared with `==`.
    Value(Expr),
    /// `None`, `True`, `False`, compared with `is`.
    Singleton(Const),
    /// `[a, *rest, b]` or `(a, b)` or `a, b`.
    Sequence(Vec<Pattern>),
    /// `*name` or `*_` inside a sequence.
    Star(Option<Rc<str>>),
    /// `{"k": p, **rest}`
    Mapping(Vec<(Expr, Pattern)>, Option<Rc<str>>),
    /// `Cls(p, attr=q)`
    Class(Expr, Vec<Pattern>, Vec<(Rc<str>, Pattern)>),
    /// `p | q`, each alternative with where it starts.
    Or(Vec<(Pattern, Pos)>),
    /// `p as name`
    As(Box<Pattern>, Rc<str>),
}

/// One `case PATTERN [if GUARD]: BODY`.
#[derive(Clone, Debug)]
pub struct Case {
    /// The pattern.
    pub pattern: Pattern,
    /// Where the pattern is (errors point at it).
    pub pos: Pos,
    /// The guard.
    pub guard: Option<Expr>,
    /// The body.
    pub body: Vec<Stmt>,
}

fn e(kind: ExprKind, pos: Pos) -> Expr {
    Expr { kind, pos }
}

fn name(n: &Rc<str>, pos: Pos) -> Expr {
    e(ExprKind::Name(n.clone()), pos)
}

fn int(i: usize, pos: Pos) -> Expr {
    e(ExprKind::Const(Const::Int(BigInt::from_i64(i as i64))), pos)
}

fn truth(pos: Pos) -> Expr {
    e(ExprKind::Const(Const::Bool(true)), pos)
}

/// `[target := value]`: binds, and is true (a one-item list).
fn bind(target: &Rc<str>, value: Expr, pos: Pos) -> Expr {
    let walrus = e(
        ExprKind::NamedExpr(Box::new(name(target, pos)), Box::new(value)),
        pos,
    );
    e(ExprKind::List(vec![walrus]), pos)
}

fn and(tests: Vec<Expr>, pos: Pos) -> Expr {
    let mut tests: Vec<Expr> = tests
        .into_iter()
        .filter(|t| !matches!(t.kind, ExprKind::Const(Const::Bool(true))))
        .collect();
    match tests.len() {
        0 => truth(pos),
        1 => tests.remove(0),
        _ => e(ExprKind::BoolOp(true, tests), pos),
    }
}

fn item(of: &Rc<str>, i: usize, pos: Pos) -> Expr {
    e(
        ExprKind::Subscript(Box::new(name(of, pos)), Box::new(int(i, pos))),
        pos,
    )
}

/// `(m := helper(args)) is not None`: the sub-subjects in `m`.
fn helper(m: &Rc<str>, f: &str, args: Vec<Expr>, pos: Pos) -> Expr {
    let call = e(
        ExprKind::Call(
            Box::new(name(&Rc::from(f), pos)),
            args.into_iter().map(Arg::Pos).collect(),
        ),
        pos,
    );
    let walrus = e(
        ExprKind::NamedExpr(Box::new(name(m, pos)), Box::new(call)),
        pos,
    );
    e(
        ExprKind::Compare(
            Box::new(walrus),
            vec![(CmpOp::IsNot, e(ExprKind::Const(Const::None), pos))],
        ),
        pos,
    )
}

/// The test that `subject` matches `p`, binding its captures.
fn test(p: &Pattern, subject: Expr, pos: Pos) -> Expr {
    match p {
        Pattern::Wildcard | Pattern::Star(None) => truth(pos),
        Pattern::Capture(n, _) | Pattern::Star(Some(n)) => bind(n, subject, pos),
        Pattern::Value(v) => e(
            ExprKind::Compare(Box::new(subject), vec![(CmpOp::Eq, v.clone())]),
            pos,
        ),
        Pattern::Singleton(c) => e(
            ExprKind::Compare(
                Box::new(subject),
                vec![(CmpOp::Is, e(ExprKind::Const(c.clone()), pos))],
            ),
            pos,
        ),
        Pattern::Or(alts) => e(
            ExprKind::BoolOp(
                false,
                alts.iter()
                    .map(|(a, _)| test(a, subject.clone(), pos))
                    .collect(),
            ),
            pos,
        ),
        Pattern::As(p, n) => and(
            vec![test(p, subject.clone(), pos), bind(n, subject, pos)],
            pos,
        ),
        Pattern::Sequence(items) => {
            let m = fresh("seq");
            let star = items.iter().position(|p| matches!(p, Pattern::Star(_)));
            let before = star.unwrap_or(items.len());
            let after = star.map_or(0, |s| items.len() - s - 1);
            let has_star = e(ExprKind::Const(Const::Bool(star.is_some())), pos);
            let mut tests = vec![helper(
                &m,
                "__match_seq",
                vec![subject, int(before, pos), int(after, pos), has_star],
                pos,
            )];
            tests.extend(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, p)| test(p, item(&m, i, pos), pos)),
            );
            and(tests, pos)
        }
        Pattern::Mapping(items, rest) => {
            let m = fresh("map");
            let keys = e(
                ExprKind::Tuple(items.iter().map(|(k, _)| k.clone()).collect()),
                pos,
            );
            let has_rest = e(ExprKind::Const(Const::Bool(rest.is_some())), pos);
            let mut tests = vec![helper(
                &m,
                "__match_map",
                vec![subject, keys, has_rest],
                pos,
            )];
            tests.extend(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, (_, p))| test(p, item(&m, i, pos), pos)),
            );
            if let Some(r) = rest {
                tests.push(bind(r, item(&m, items.len(), pos), pos));
            }
            and(tests, pos)
        }
        Pattern::Class(cls, args, kwargs) => {
            let m = fresh("cls");
            let names = e(
                ExprKind::Tuple(
                    kwargs
                        .iter()
                        .map(|(k, _)| e(ExprKind::Const(Const::Str(k.clone())), pos))
                        .collect(),
                ),
                pos,
            );
            let mut tests = vec![helper(
                &m,
                "__match_class",
                vec![subject, cls.clone(), int(args.len(), pos), names],
                pos,
            )];
            let subs = args.iter().chain(kwargs.iter().map(|(_, p)| p));
            tests.extend(
                subs.enumerate()
                    .map(|(i, p)| test(p, item(&m, i, pos), pos)),
            );
            and(tests, pos)
        }
    }
}

/// What makes `p` match anything, for CPython's "makes remaining patterns
/// unreachable" (`name capture 'x'` or `wildcard`), or None when it can fail.
fn irrefutable(p: &Pattern) -> Option<String> {
    match p {
        Pattern::Wildcard => Some("wildcard".into()),
        Pattern::Capture(n, _) => Some(format!("name capture '{n}'")),
        Pattern::As(p, _) => irrefutable(p),
        Pattern::Or(alts) => alts.iter().find_map(|(a, _)| irrefutable(a)),
        _ => None,
    }
}

/// The names `p` binds, in order, with where (CPython's checks name the first
/// repeated one; `as` and star names point at the whole pattern, `at`).
fn bound(p: &Pattern, at: Pos, out: &mut Vec<(Rc<str>, Pos)>) {
    match p {
        Pattern::Capture(n, pos) => out.push((n.clone(), *pos)),
        Pattern::Star(Some(n)) => out.push((n.clone(), at)),
        Pattern::As(p, n) => {
            bound(p, at, out);
            out.push((n.clone(), at));
        }
        Pattern::Or(alts) => {
            if let Some((first, pos)) = alts.first() {
                bound(first, *pos, out);
            }
        }
        Pattern::Sequence(items) => items.iter().for_each(|p| bound(p, at, out)),
        Pattern::Mapping(items, rest) => {
            items.iter().for_each(|(_, p)| bound(p, at, out));
            out.extend(rest.clone().map(|r| (r, at)));
        }
        Pattern::Class(_, args, kwargs) => {
            args.iter().for_each(|p| bound(p, at, out));
            kwargs.iter().for_each(|(_, p)| bound(p, at, out));
        }
        Pattern::Wildcard | Pattern::Star(None) | Pattern::Value(_) | Pattern::Singleton(_) => {}
    }
}

/// CPython points at the start of the offending pattern with one caret.
fn err_at(msg: String, at: Pos) -> SyntaxErr {
    SyntaxErr::new(msg, at.line, at.col, at.col + 1)
}

fn check(p: &Pattern, pos: Pos) -> Result<(), SyntaxErr> {
    let mut names = Vec::new();
    bound(p, pos, &mut names);
    for (i, (n, at)) in names.iter().enumerate() {
        if names[..i].iter().any(|(m, _)| m == n) {
            return Err(err_at(
                format!("multiple assignments to name '{n}' in pattern"),
                *at,
            ));
        }
    }
    match p {
        Pattern::Or(alts) => {
            for (a, at) in &alts[..alts.len().saturating_sub(1)] {
                if let Some(what) = irrefutable(a) {
                    let at = match a {
                        Pattern::Capture(_, c) => *c,
                        _ => *at,
                    };
                    return Err(err_at(
                        format!("{what} makes remaining patterns unreachable"),
                        at,
                    ));
                }
            }
            let sorted = |p: &Pattern, at: Pos| {
                let mut v = Vec::new();
                bound(p, at, &mut v);
                let mut v: Vec<Rc<str>> = v.into_iter().map(|(n, _)| n).collect();
                v.sort();
                v
            };
            let first = sorted(&alts[0].0, alts[0].1);
            if let Some((a, at)) = alts.iter().find(|(a, at)| sorted(a, *at) != first) {
                // CPython points at the alternative's first capture.
                let mut names = Vec::new();
                bound(a, *at, &mut names);
                let at = names.first().map_or(*at, |(_, p)| *p);
                return Err(err_at(
                    "alternative patterns bind different names".into(),
                    at,
                ));
            }
            alts.iter().try_for_each(|(a, at)| check(a, *at))
        }
        Pattern::As(p, _) => check(p, pos),
        Pattern::Sequence(items) => items.iter().try_for_each(|p| check(p, pos)),
        Pattern::Mapping(items, _) => items.iter().try_for_each(|(_, p)| check(p, pos)),
        Pattern::Class(_, args, kwargs) => {
            for (i, (k, _)) in kwargs.iter().enumerate() {
                if kwargs[..i].iter().any(|(j, _)| j == k) {
                    return Err(err_at(
                        format!("attribute name repeated in class pattern: {k}"),
                        pos,
                    ));
                }
            }
            args.iter()
                .chain(kwargs.iter().map(|(_, p)| p))
                .try_for_each(|p| check(p, pos))
        }
        _ => Ok(()),
    }
}

/// `match subject: cases` as the statements it means.
pub fn lower(subject: Expr, cases: Vec<Case>, pos: Pos) -> Result<Vec<Stmt>, SyntaxErr> {
    for (i, c) in cases.iter().enumerate() {
        check(&c.pattern, c.pos)?;
        if i + 1 < cases.len() && c.guard.is_none() {
            if let Some(what) = irrefutable(&c.pattern) {
                return Err(err_at(
                    format!("{what} makes remaining patterns unreachable"),
                    c.pos,
                ));
            }
        }
    }
    let s = fresh("subject");
    let mut chain: Vec<Stmt> = vec![];
    for c in cases.into_iter().rev() {
        let mut tests = vec![test(&c.pattern, name(&s, c.pos), c.pos)];
        tests.extend(c.guard);
        let cond = and(tests, c.pos);
        chain = vec![Stmt {
            kind: StmtKind::If(cond, c.body, chain),
            pos: c.pos,
        }];
    }
    let mut out = vec![Stmt {
        kind: StmtKind::Assign(vec![name(&s, pos)], subject),
        pos,
    }];
    out.extend(chain);
    Ok(out)
}
