//! `async with`, rewritten by the parser into the statements PEP 492 defines it as
//! (awaits of `__aenter__` / `__aexit__`). (`async for` is compiled directly: the
//! compiler's GetAIter / GetANext / EndAsyncFor.) The hidden variables are named with a character no
//! identifier has, so they cannot clash with the program's, and they are ordinary
//! locals of the enclosing function (scope analysis sees them), so two tasks
//! running the same coroutine do not share them.

use std::cell::Cell;
use std::rc::Rc;

use crate::python::front::ast::{Arg, Const, Expr, ExprKind, Handler, Pos, Stmt, StmtKind};

thread_local! {
    static COUNTER: Cell<u32> = const { Cell::new(0) };
}

pub(crate) fn fresh(what: &str) -> Rc<str> {
    let n = COUNTER.with(|c| {
        c.set(c.get() + 1);
        c.get()
    });
    Rc::from(format!("{what}.{n}"))
}

fn e(kind: ExprKind, pos: Pos) -> Expr {
    Expr { kind, pos }
}

fn s(kind: StmtKind, pos: Pos) -> Stmt {
    Stmt { kind, pos }
}

fn name(n: &Rc<str>, pos: Pos) -> Expr {
    e(ExprKind::Name(n.clone()), pos)
}

fn call(f: Expr, args: Vec<Expr>, pos: Pos) -> Expr {
    e(
        ExprKind::Call(Box::new(f), args.into_iter().map(Arg::Pos).collect()),
        pos,
    )
}

fn attr(obj: Expr, a: &str, pos: Pos) -> Expr {
    e(ExprKind::Attribute(Box::new(obj), Rc::from(a)), pos)
}

fn awaited(x: Expr, pos: Pos) -> Expr {
    e(ExprKind::Await(Box::new(x)), pos)
}

fn none(pos: Pos) -> Expr {
    e(ExprKind::Const(Const::None), pos)
}

fn assign(target: Expr, value: Expr, pos: Pos) -> Stmt {
    s(StmtKind::Assign(vec![target], value), pos)
}

/// A block of statements as one statement (`if True:`).
fn block(body: Vec<Stmt>, pos: Pos) -> Stmt {
    s(
        StmtKind::If(e(ExprKind::Const(Const::Bool(true)), pos), body, vec![]),
        pos,
    )
}

/// `async with A as a, B as b: body`
pub fn async_with(items: Vec<(Expr, Option<Expr>)>, body: Vec<Stmt>, pos: Pos) -> Stmt {
    let mut items = items;
    let Some((ctx, target)) = (!items.is_empty()).then(|| items.remove(0)) else {
        return block(body, pos);
    };
    let inner = if items.is_empty() {
        body
    } else {
        vec![async_with(items, body, pos)]
    };
    let (mgr, exit, ok, exc) = (fresh("mgr"), fresh("aexit"), fresh("ok"), fresh("exc"));
    let typ = |p: Pos| {
        call(
            e(ExprKind::Name(Rc::from("type")), p),
            vec![name(&mgr, p)],
            p,
        )
    };
    let mut out = vec![
        assign(name(&mgr, pos), ctx, pos),
        assign(name(&exit, pos), attr(typ(pos), "__aexit__", pos), pos),
    ];
    let enter = awaited(
        call(
            attr(typ(pos), "__aenter__", pos),
            vec![name(&mgr, pos)],
            pos,
        ),
        pos,
    );
    out.push(match target {
        Some(t) => assign(t, enter, pos),
        None => s(StmtKind::Expr(enter), pos),
    });
    out.push(assign(
        name(&ok, pos),
        e(ExprKind::Const(Const::Bool(true)), pos),
        pos,
    ));
    // except BaseException as exc: ok = False; if not await aexit(mgr, type(exc), exc, None): raise
    let exit_with_exc = awaited(
        call(
            name(&exit, pos),
            vec![
                name(&mgr, pos),
                call(
                    e(ExprKind::Name(Rc::from("type")), pos),
                    vec![name(&exc, pos)],
                    pos,
                ),
                name(&exc, pos),
                none(pos),
            ],
            pos,
        ),
        pos,
    );
    let handler = Handler {
        typ: Some(e(ExprKind::Name(Rc::from("BaseException")), pos)),
        name: Some(exc.clone()),
        body: vec![
            assign(
                name(&ok, pos),
                e(ExprKind::Const(Const::Bool(false)), pos),
                pos,
            ),
            s(
                StmtKind::If(
                    e(
                        ExprKind::Unary(
                            crate::python::front::ast::UnOp::Not,
                            Box::new(exit_with_exc),
                        ),
                        pos,
                    ),
                    vec![s(StmtKind::Raise(None, None), pos)],
                    vec![],
                ),
                pos,
            ),
        ],
        pos,
        star: false,
    };
    // finally: if ok: await aexit(mgr, None, None, None)
    let exit_clean = awaited(
        call(
            name(&exit, pos),
            vec![name(&mgr, pos), none(pos), none(pos), none(pos)],
            pos,
        ),
        pos,
    );
    out.push(s(
        StmtKind::Try {
            body: inner,
            handlers: vec![handler],
            orelse: vec![],
            finalbody: vec![s(
                StmtKind::If(
                    name(&ok, pos),
                    vec![s(StmtKind::Expr(exit_clean), pos)],
                    vec![],
                ),
                pos,
            )],
        },
        pos,
    ));
    block(out, pos)
}
