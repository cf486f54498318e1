//! Scope analysis: which names a function binds, declares global/nonlocal, uses, and
//! which names its nested scopes need from it (closures are cells, as in CPython).

use std::rc::Rc;

use crate::python::front::ast::*;

/// A set of names, iterated in sorted order: a sorted `Vec` (the sets are small),
/// which keeps `BTreeSet`'s code (8 KB) out of the wasm.
#[derive(Default, Debug, Clone)]
pub struct Names(Vec<Rc<str>>);

impl Names {
    /// The empty set.
    pub fn new() -> Self {
        Names(Vec::new())
    }

    /// Adds `n`; whether it was new.
    pub fn insert(&mut self, n: Rc<str>) -> bool {
        match self.0.binary_search(&n) {
            Ok(_) => false,
            Err(i) => {
                self.0.insert(i, n);
                true
            }
        }
    }

    /// Whether `n` is in the set.
    pub fn contains(&self, n: &str) -> bool {
        self.0.binary_search_by(|x| (**x).cmp(n)).is_ok()
    }

    /// The names, sorted.
    pub fn iter(&self) -> std::slice::Iter<'_, Rc<str>> {
        self.0.iter()
    }

    /// The names of both sets (a name in both comes twice).
    pub fn union<'a>(&'a self, o: &'a Names) -> impl Iterator<Item = &'a Rc<str>> {
        self.0.iter().chain(&o.0)
    }

    /// Keeps the names for which `f` is true.
    pub fn retain(&mut self, f: impl FnMut(&Rc<str>) -> bool) {
        self.0.retain(f)
    }
}

impl Extend<Rc<str>> for Names {
    fn extend<I: IntoIterator<Item = Rc<str>>>(&mut self, it: I) {
        for n in it {
            self.insert(n);
        }
    }
}

impl IntoIterator for Names {
    type Item = Rc<str>;
    type IntoIter = std::vec::IntoIter<Rc<str>>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a Names {
    type Item = &'a Rc<str>;
    type IntoIter = std::slice::Iter<'a, Rc<str>>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

/// What one scope does with names.
#[derive(Default, Debug)]
pub struct Scan {
    /// Names assigned in the scope (parameters included), minus global/nonlocal ones.
    pub bound: Names,
    /// `global` declarations.
    pub globals: Names,
    /// `nonlocal` declarations.
    pub nonlocals: Names,
    /// Names read.
    pub used: Names,
    /// Free names of nested scopes (they need cells from here or further out).
    pub child_free: Names,
    /// Contains `yield`.
    pub has_yield: bool,
    /// Bound names in order of first binding (stable local slots).
    pub order: Vec<Rc<str>>,
}

impl Scan {
    fn bind(&mut self, n: &Rc<str>) {
        if self.bound.insert(n.clone()) {
            self.order.push(n.clone());
        }
    }

    /// Remove declared globals/nonlocals from the bound set (done once the scan ends).
    fn finish(&mut self) {
        let mut decl = Names::new();
        decl.extend(self.globals.union(&self.nonlocals).cloned());
        self.bound.retain(|n| !decl.contains(n));
        self.order.retain(|n| !decl.contains(n));
    }

    /// Names this scope needs from enclosing function scopes.
    pub fn free(&self, is_class: bool) -> Names {
        let mut f = Names::new();
        f.extend(
            self.used
                .iter()
                .filter(|n| !self.bound.contains(n) && !self.globals.contains(n))
                .cloned(),
        );
        for n in &self.child_free {
            if is_class {
                if &**n != "__class__" {
                    f.insert(n.clone());
                }
            } else if !self.bound.contains(n) && !self.globals.contains(n) {
                f.insert(n.clone());
            }
        }
        f.extend(self.nonlocals.iter().cloned());
        f
    }
}

/// Scan a function body with its parameters.
pub fn scan_function(params: &Params, body: &[Stmt]) -> Scan {
    let mut s = Scan::default();
    for (n, _) in &params.args {
        s.bind(n);
    }
    for (n, _) in &params.kwonly {
        s.bind(n);
    }
    if let Some(n) = &params.vararg {
        s.bind(n);
    }
    if let Some(n) = &params.kwarg {
        s.bind(n);
    }
    for st in body {
        stmt(&mut s, st);
    }
    s.finish();
    s
}

/// Scan a class body or the module.
pub fn scan_block(body: &[Stmt]) -> Scan {
    let mut s = Scan::default();
    for st in body {
        stmt(&mut s, st);
    }
    s.finish();
    s
}

/// Scan a comprehension (its first iterable belongs to the enclosing scope).
pub fn scan_comprehension(elts: &[&Expr], comps: &[Comp]) -> Scan {
    let mut s = Scan::default();
    s.bind(&Rc::from(".0"));
    for (i, c) in comps.iter().enumerate() {
        target(&mut s, &c.target);
        if i > 0 {
            expr(&mut s, &c.iter);
        }
        for e in &c.ifs {
            expr(&mut s, e);
        }
    }
    for e in elts {
        expr(&mut s, e);
    }
    s.finish();
    s
}

fn stmts(s: &mut Scan, body: &[Stmt]) {
    for st in body {
        stmt(s, st);
    }
}

fn stmt(s: &mut Scan, st: &Stmt) {
    match &st.kind {
        StmtKind::Expr(e) => expr(s, e),
        StmtKind::Assign(ts, v) => {
            for t in ts {
                target(s, t);
            }
            expr(s, v);
        }
        StmtKind::AugAssign(t, _, v) => {
            if let ExprKind::Name(n) = &t.kind {
                s.used.insert(n.clone());
            }
            target(s, t);
            expr(s, v);
        }
        StmtKind::AnnAssign(t, a, v) => {
            expr(s, a);
            if let Some(v) = v {
                target(s, t);
                expr(s, v);
            } else if let ExprKind::Name(n) = &t.kind {
                s.bind(n);
            }
        }
        StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
        StmtKind::Return(e) => {
            if let Some(e) = e {
                expr(s, e)
            }
        }
        StmtKind::Raise(a, b) => {
            for e in [a, b].into_iter().flatten() {
                expr(s, e);
            }
        }
        StmtKind::Global(ns) => s.globals.extend(ns.iter().cloned()),
        StmtKind::Nonlocal(ns) => s.nonlocals.extend(ns.iter().cloned()),
        StmtKind::Del(ts) => {
            for t in ts {
                target(s, t);
            }
        }
        StmtKind::Assert(a, b) => {
            expr(s, a);
            if let Some(b) = b {
                expr(s, b);
            }
        }
        StmtKind::Import(names) => {
            for (n, alias) in names {
                let bound: Rc<str> = match alias {
                    Some(a) => a.clone(),
                    None => n.split('.').next().unwrap().into(),
                };
                s.bind(&bound);
            }
        }
        StmtKind::ImportFrom(_, names) => {
            for (n, alias) in names {
                if &**n != "*" {
                    s.bind(alias.as_ref().unwrap_or(n));
                }
            }
        }
        StmtKind::If(t, a, b) | StmtKind::While(t, a, b) => {
            expr(s, t);
            stmts(s, a);
            stmts(s, b);
        }
        StmtKind::For {
            target: t,
            iter,
            body,
            orelse,
            ..
        } => {
            target(s, t);
            expr(s, iter);
            stmts(s, body);
            stmts(s, orelse);
        }
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            stmts(s, body);
            for h in handlers {
                if let Some(t) = &h.typ {
                    expr(s, t);
                }
                if let Some(n) = &h.name {
                    s.bind(n);
                }
                stmts(s, &h.body);
            }
            stmts(s, orelse);
            stmts(s, finalbody);
        }
        StmtKind::With { items, body, .. } => {
            for (e, t) in items {
                expr(s, e);
                if let Some(t) = t {
                    target(s, t);
                }
            }
            stmts(s, body);
        }
        StmtKind::FunctionDef(f) => {
            for d in &f.decorators {
                expr(s, d);
            }
            defaults(s, &f.params);
            s.bind(&f.name);
            let inner = scan_function(&f.params, &f.body);
            s.child_free.extend(inner.free(false));
        }
        StmtKind::ClassDef {
            name,
            bases,
            body,
            decorators,
        } => {
            for e in decorators.iter().chain(bases) {
                expr(s, e);
            }
            s.bind(name);
            let inner = scan_block(body);
            s.child_free.extend(inner.free(true));
        }
    }
}

fn defaults(s: &mut Scan, p: &Params) {
    for (_, d) in p.args.iter().chain(&p.kwonly) {
        if let Some(d) = d {
            expr(s, d);
        }
    }
}

fn target(s: &mut Scan, t: &Expr) {
    match &t.kind {
        ExprKind::Name(n) => s.bind(n),
        ExprKind::Tuple(v) | ExprKind::List(v) => {
            for e in v {
                target(s, e);
            }
        }
        ExprKind::Starred(e) => target(s, e),
        _ => expr(s, t),
    }
}

fn comp(s: &mut Scan, elts: &[&Expr], comps: &[Comp]) {
    if let Some(c) = comps.first() {
        expr(s, &c.iter);
    }
    let inner = scan_comprehension(elts, comps);
    s.child_free.extend(inner.free(false));
}

fn expr(s: &mut Scan, e: &Expr) {
    match &e.kind {
        ExprKind::Name(n) => {
            s.used.insert(n.clone());
            if &**n == "super" {
                s.used.insert("__class__".into());
            }
        }
        ExprKind::Const(_) => {}
        ExprKind::FString(parts) => fparts(s, parts),
        ExprKind::BinOp(a, _, b) => {
            expr(s, a);
            expr(s, b);
        }
        ExprKind::Unary(_, a)
        | ExprKind::Starred(a)
        | ExprKind::Await(a)
        | ExprKind::Attribute(a, _) => expr(s, a),
        ExprKind::YieldFrom(a) => {
            s.has_yield = true;
            expr(s, a)
        }
        ExprKind::Yield(a) => {
            s.has_yield = true;
            if let Some(a) = a {
                expr(s, a);
            }
        }
        ExprKind::BoolOp(_, v) | ExprKind::List(v) | ExprKind::Tuple(v) | ExprKind::Set(v) => {
            for x in v {
                expr(s, x);
            }
        }
        ExprKind::Compare(a, ops) => {
            expr(s, a);
            for (_, b) in ops {
                expr(s, b);
            }
        }
        ExprKind::Call(f, args) => {
            expr(s, f);
            for a in args {
                match a {
                    Arg::Pos(x) | Arg::Star(x) | Arg::Kw(_, x) | Arg::DStar(x) => expr(s, x),
                }
            }
        }
        ExprKind::Subscript(a, b) => {
            expr(s, a);
            expr(s, b);
        }
        ExprKind::Slice(a, b, c) => {
            for x in [a, b, c].into_iter().flatten() {
                expr(s, x);
            }
        }
        ExprKind::Dict(items) => {
            for (k, v) in items {
                if let Some(k) = k {
                    expr(s, k);
                }
                expr(s, v);
            }
        }
        ExprKind::IfExp(a, b, c) => {
            expr(s, a);
            expr(s, b);
            expr(s, c);
        }
        ExprKind::Lambda(f) => {
            defaults(s, &f.params);
            let inner = scan_function(&f.params, &f.body);
            s.child_free.extend(inner.free(false));
        }
        ExprKind::ListComp(a, c) | ExprKind::SetComp(a, c) | ExprKind::GenExp(a, c) => {
            comp(s, &[a], c)
        }
        ExprKind::DictComp(k, v, c) => comp(s, &[k, v], c),
        ExprKind::NamedExpr(t, v) => {
            target(s, t);
            expr(s, v);
        }
    }
}

fn fparts(s: &mut Scan, parts: &[FPart]) {
    for p in parts {
        if let FPart::Expr { expr: e, spec, .. } = p {
            expr(s, e);
            if let Some(sp) = spec {
                fparts(s, sp);
            }
        }
    }
}
