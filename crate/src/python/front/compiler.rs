//! AST -> bytecode. One `Unit` per code object being built; names are resolved with
//! the scope analysis (fast locals, cells for closures, globals, class namespaces).

use std::collections::HashMap;
use std::rc::Rc;

use crate::python::front::ast::*;
use crate::python::front::bytecode::{Code, CodeKind, Constant, Instr, ParamSpec};
use crate::python::front::errors::SyntaxErr;
use crate::python::front::scope::{scan_block, scan_comprehension, scan_function, Names, Scan};

type CResult<T> = Result<T, SyntaxErr>;

/// The docstring of a body: its first statement when that is a string literal.
fn docstring(body: &[Stmt]) -> Option<Rc<str>> {
    match &body.first()?.kind {
        StmtKind::Expr(Expr {
            kind: ExprKind::Const(Const::Str(s)),
            ..
        }) => Some(s.clone()),
        _ => None,
    }
}

/// Compile a parsed module.
pub fn compile_module(body: &[Stmt]) -> CResult<Rc<Code>> {
    compile_module_in(body, None)
}

/// Compile a library module (the asyncio prelude): its code objects carry `file`.
pub fn compile_library(body: &[Stmt], file: &str) -> CResult<Rc<Code>> {
    compile_module_in(body, Some(Rc::from(file)))
}

fn compile_module_in(body: &[Stmt], file: Option<Rc<str>>) -> CResult<Rc<Code>> {
    let scan = scan_block(body);
    let mut c = Compiler {
        units: vec![],
        file,
    };
    let mut u = Unit::new(CodeKind::Module, "<module>".into(), "<module>".into(), 1);
    u.globals_decl = scan.bound.clone();
    c.units.push(u);
    c.stmts(body)?;
    c.load_const(Constant::Lit(Const::None));
    c.emit(Instr::Return);
    Ok(c.finish())
}

#[derive(Clone)]
enum FBlock {
    Loop {
        start: usize,
        breaks: Vec<usize>,
        for_loop: bool,
    },
    Try,
    Finally(Rc<Vec<Stmt>>),
    Handler {
        exc_on_stack: bool,
    },
    With,
}

struct Unit {
    kind: CodeKind,
    /// The docstring of a function.
    doc: Option<Rc<str>>,
    name: Rc<str>,
    qualname: Rc<str>,
    instrs: Vec<Instr>,
    lines: Vec<u32>,
    consts: Vec<Constant>,
    names: Vec<Rc<str>>,
    name_idx: HashMap<Rc<str>, u32>,
    varnames: Vec<Rc<str>>,
    locals: HashMap<Rc<str>, u32>,
    cellvars: Vec<Rc<str>>,
    freevars: Vec<Rc<str>>,
    cell_params: Vec<(u32, u32)>,
    globals_decl: Names,
    class_bound: Names,
    fblocks: Vec<FBlock>,
    line: u32,
    params: ParamSpec,
    first_line: u32,
    is_async: bool,
    /// A comprehension's function: `await` makes it asynchronous.
    comp: bool,
    /// An `await` (or async comprehension) was compiled in this unit.
    awaited: bool,
}

impl Unit {
    fn new(kind: CodeKind, name: Rc<str>, qualname: Rc<str>, line: u32) -> Self {
        Unit {
            kind,
            doc: None,
            name,
            qualname,
            instrs: vec![],
            lines: vec![],
            consts: vec![],
            names: vec![],
            name_idx: HashMap::new(),
            varnames: vec![],
            locals: HashMap::new(),
            cellvars: vec![],
            freevars: vec![],
            cell_params: vec![],
            globals_decl: Names::new(),
            class_bound: Names::new(),
            fblocks: vec![],
            line,
            params: ParamSpec::default(),
            first_line: line,
            is_async: false,
            comp: false,
            awaited: false,
        }
    }

    fn is_function(&self) -> bool {
        matches!(
            self.kind,
            CodeKind::Function
                | CodeKind::Generator
                | CodeKind::Coroutine
                | CodeKind::AsyncGenerator
        )
    }

    fn cell_index(&self, n: &str) -> Option<u32> {
        self.cellvars
            .iter()
            .chain(&self.freevars)
            .position(|x| &**x == n)
            .map(|i| i as u32)
    }
}

enum Loc {
    Fast(u32),
    Deref(u32),
    Global(u32),
    Name(u32),
}

struct Compiler {
    units: Vec<Unit>,
    file: Option<Rc<str>>,
}

fn err(msg: impl Into<String>, p: Pos) -> SyntaxErr {
    let mut e = SyntaxErr::new(msg, p.line, p.col, p.end_col);
    if p.end_line != p.line {
        e.end_offset = e.offset;
    }
    e
}

impl Compiler {
    fn u(&mut self) -> &mut Unit {
        self.units.last_mut().unwrap()
    }

    fn emit(&mut self, i: Instr) -> usize {
        let u = self.u();
        u.instrs.push(i);
        let l = u.line;
        u.lines.push(l);
        u.instrs.len() - 1
    }

    fn here(&mut self) -> usize {
        self.u().instrs.len()
    }

    fn patch(&mut self, at: usize) {
        let target = self.here() as u32;
        self.patch_to(at, target);
    }

    fn patch_to(&mut self, at: usize, target: u32) {
        let i = &mut self.u().instrs[at];
        *i = match *i {
            Instr::Jump(_) => Instr::Jump(target),
            Instr::PopJumpIfFalse(_) => Instr::PopJumpIfFalse(target),
            Instr::PopJumpIfTrue(_) => Instr::PopJumpIfTrue(target),
            Instr::JumpIfFalseOrPop(_) => Instr::JumpIfFalseOrPop(target),
            Instr::JumpIfTrueOrPop(_) => Instr::JumpIfTrueOrPop(target),
            Instr::ForIter(_) => Instr::ForIter(target),
            Instr::SetupExcept(_) => Instr::SetupExcept(target),
            Instr::SetupWith(_) => Instr::SetupWith(target),
            Instr::Send(_) => Instr::Send(target),
            other => other,
        };
    }

    fn const_idx(&mut self, v: Constant) -> u32 {
        let u = self.u();
        u.consts.push(v);
        (u.consts.len() - 1) as u32
    }

    fn load_const(&mut self, v: Constant) {
        let i = self.const_idx(v);
        self.emit(Instr::LoadConst(i));
    }

    fn name_idx(&mut self, n: &Rc<str>) -> u32 {
        let u = self.u();
        if let Some(&i) = u.name_idx.get(n) {
            return i;
        }
        u.names.push(n.clone());
        let i = (u.names.len() - 1) as u32;
        u.name_idx.insert(n.clone(), i);
        i
    }

    fn set_line(&mut self, line: usize) {
        self.u().line = line as u32;
    }

    fn finish(&mut self) -> Rc<Code> {
        let u = self.units.pop().unwrap();
        Rc::new(Code {
            name: u.name,
            qualname: u.qualname,
            instrs: u.instrs,
            lines: u.lines,
            consts: u.consts,
            names: u.names,
            varnames: u.varnames,
            cellvars: u.cellvars,
            freevars: u.freevars,
            cell_params: u.cell_params,
            params: u.params,
            kind: u.kind,
            first_line: u.first_line,
            file: self.file.clone(),
            doc: u.doc,
        })
    }

    fn resolve(&mut self, n: &Rc<str>) -> Loc {
        let u = self.units.last().unwrap();
        match u.kind {
            CodeKind::Module => Loc::Global(self.name_idx(n)),
            CodeKind::Class => {
                if u.globals_decl.contains(n) {
                    Loc::Global(self.name_idx(n))
                } else if !u.class_bound.contains(n) {
                    match u.cell_index(n) {
                        Some(i) => Loc::Deref(i),
                        None => Loc::Name(self.name_idx(n)),
                    }
                } else {
                    Loc::Name(self.name_idx(n))
                }
            }
            _ => {
                if u.globals_decl.contains(n) {
                    Loc::Global(self.name_idx(n))
                } else if let Some(i) = u.cell_index(n) {
                    Loc::Deref(i)
                } else if let Some(&i) = u.locals.get(n) {
                    Loc::Fast(i)
                } else {
                    Loc::Global(self.name_idx(n))
                }
            }
        }
    }

    fn load_name(&mut self, n: &Rc<str>) {
        let i = match self.resolve(n) {
            Loc::Fast(i) => Instr::LoadFast(i),
            Loc::Deref(i) => Instr::LoadDeref(i),
            Loc::Global(i) => Instr::LoadGlobal(i),
            Loc::Name(i) => Instr::LoadName(i),
        };
        self.emit(i);
    }

    fn store_name(&mut self, n: &Rc<str>) {
        let i = match self.resolve(n) {
            Loc::Fast(i) => Instr::StoreFast(i),
            Loc::Deref(i) => Instr::StoreDeref(i),
            Loc::Global(i) => Instr::StoreGlobal(i),
            Loc::Name(i) => Instr::StoreName(i),
        };
        self.emit(i);
    }

    fn delete_name(&mut self, n: &Rc<str>) {
        let i = match self.resolve(n) {
            Loc::Fast(i) => Instr::DeleteFast(i),
            Loc::Deref(i) => Instr::DeleteDeref(i),
            Loc::Global(i) => Instr::DeleteGlobal(i),
            Loc::Name(i) => Instr::DeleteName(i),
        };
        self.emit(i);
    }

    // ------------------------------------------------------------ statements

    fn stmts(&mut self, body: &[Stmt]) -> CResult<()> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> CResult<()> {
        self.set_line(s.pos.line);
        match &s.kind {
            StmtKind::Expr(e) => {
                self.expr(e)?;
                self.emit(Instr::Pop);
            }
            StmtKind::Assign(targets, value) => {
                self.expr(value)?;
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(Instr::Dup);
                    }
                    self.store(t)?;
                }
            }
            StmtKind::AugAssign(t, op, v) => self.aug_assign(s, t, *op, v)?,
            StmtKind::AnnAssign(t, ann, v) => {
                if let Some(v) = v {
                    self.expr(v)?;
                    self.store(t)?;
                }
                // A class body keeps its annotations (dataclasses reads them).
                if let (ExprKind::Name(n), CodeKind::Class) = (&t.kind, self.u().kind) {
                    self.expr(ann)?;
                    self.load_name(&"__annotations__".into());
                    self.load_const(Constant::Lit(Const::Str(n.clone())));
                    self.emit(Instr::StoreSubscript);
                }
            }
            StmtKind::Pass => {}
            StmtKind::Break => self.break_continue(true, s.pos)?,
            StmtKind::Continue => self.break_continue(false, s.pos)?,
            StmtKind::Return(v) => {
                if !self.u().is_function() {
                    return Err(err("'return' outside function", s.pos));
                }
                if v.is_some() && self.u().kind == CodeKind::AsyncGenerator {
                    return Err(err("'return' with value in async generator", s.pos));
                }
                match v {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Constant::Lit(Const::None)),
                }
                self.unwind_fblocks(true, None);
                self.set_line(s.pos.line);
                self.emit(Instr::Return);
            }
            StmtKind::Raise(e, cause) => {
                let mut n = 0;
                if let Some(e) = e {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.set_line(s.pos.line);
                self.emit(Instr::Raise(n));
            }
            StmtKind::Global(_) => {}
            StmtKind::Nonlocal(names) => {
                if !self.u().is_function() && self.u().kind == CodeKind::Module {
                    return Err(err(
                        "nonlocal declaration not allowed at module level",
                        s.pos,
                    ));
                }
                for n in names {
                    if self.u().cell_index(n).is_none() {
                        return Err(err(format!("no binding for nonlocal '{}' found", n), s.pos));
                    }
                }
            }
            StmtKind::Del(targets) => {
                for t in targets {
                    self.delete(t)?;
                }
            }
            StmtKind::Assert(test, msg) => {
                self.expr(test)?;
                let j = self.emit(Instr::PopJumpIfTrue(0));
                self.emit(Instr::LoadAssertionError);
                if let Some(m) = msg {
                    self.expr(m)?;
                    self.emit(Instr::Call(1));
                }
                self.emit(Instr::Raise(1));
                self.patch(j);
            }
            StmtKind::Import(names) => self.import(names)?,
            StmtKind::ImportFrom(module, names) => self.import_from(module, names)?,
            StmtKind::If(test, body, orelse) => {
                self.expr(test)?;
                let j = self.emit(Instr::PopJumpIfFalse(0));
                self.stmts(body)?;
                if orelse.is_empty() {
                    self.patch(j);
                } else {
                    let end = self.emit(Instr::Jump(0));
                    self.patch(j);
                    self.stmts(orelse)?;
                    self.patch(end);
                }
            }
            StmtKind::While(test, body, orelse) => self.while_loop(s, test, body, orelse)?,
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            } => self.for_loop(s, target, iter, body, orelse, *is_async)?,
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => self.try_stmt(body, handlers, orelse, finalbody)?,
            StmtKind::With {
                items,
                body,
                is_async,
            } => {
                if *is_async {
                    return Err(err("'async with' is not supported yet", s.pos));
                }
                self.with(items, body, s.pos.line)?;
            }
            StmtKind::FunctionDef(f) => {
                for d in &f.decorators {
                    self.expr(d)?;
                }
                self.set_line(f.pos.line);
                self.make_function(f)?;
                for _ in &f.decorators {
                    self.emit(Instr::Call(1));
                }
                self.store_name(&f.name);
            }
            StmtKind::ClassDef {
                name,
                bases,
                body,
                decorators,
            } => {
                for d in decorators {
                    self.expr(d)?;
                }
                self.set_line(s.pos.line);
                for b in bases {
                    self.expr(b)?;
                }
                self.emit(Instr::BuildTuple(bases.len() as u32));
                self.class_body(name, body, s.pos.line)?;
                let c = self.const_idx(Constant::Lit(Const::Str(name.clone())));
                self.emit(Instr::BuildClass(c));
                for _ in decorators {
                    self.emit(Instr::Call(1));
                }
                self.store_name(name);
            }
        }
        Ok(())
    }

    /// `t op= v`: the target is read once (its object and index kept on the stack).
    fn aug_assign(&mut self, s: &Stmt, t: &Expr, op: BinOp, v: &Expr) -> CResult<()> {
        match &t.kind {
            ExprKind::Name(n) => {
                self.load_name(n);
                self.expr(v)?;
                self.set_line(s.pos.line);
                self.emit(Instr::Inplace(op));
                self.store_name(n);
            }
            ExprKind::Attribute(obj, attr) => {
                self.expr(obj)?;
                self.emit(Instr::Dup);
                let i = self.name_idx(attr);
                self.emit(Instr::LoadAttr(i));
                self.expr(v)?;
                self.emit(Instr::Inplace(op));
                self.emit(Instr::Rot2);
                self.emit(Instr::StoreAttr(i));
            }
            ExprKind::Subscript(obj, idx) => {
                self.expr(obj)?;
                self.expr(idx)?;
                self.emit(Instr::DupTwo);
                self.emit(Instr::Subscript);
                self.expr(v)?;
                self.emit(Instr::Inplace(op));
                self.emit(Instr::Rot3);
                self.emit(Instr::StoreSubscript);
            }
            _ => return Err(err("illegal expression for augmented assignment", t.pos)),
        }
        Ok(())
    }

    /// `import a.b [as c]`.
    fn import(&mut self, names: &[(Rc<str>, Option<Rc<str>>)]) -> CResult<()> {
        for (n, alias) in names {
            let c = self.const_idx(Constant::Lit(Const::Str(n.clone())));
            self.emit(Instr::ImportName(c));
            match alias {
                Some(a) => {
                    // `import a.b as c` binds the submodule
                    for part in n.split('.').skip(1) {
                        let i = self.name_idx(&part.into());
                        self.emit(Instr::LoadAttr(i));
                    }
                    self.store_name(a);
                }
                None => {
                    let first: Rc<str> = n.split('.').next().unwrap().into();
                    self.store_name(&first);
                }
            }
        }
        Ok(())
    }

    /// `from m import a [as b], ...` or `*`.
    fn import_from(
        &mut self,
        module: &Rc<str>,
        names: &[(Rc<str>, Option<Rc<str>>)],
    ) -> CResult<()> {
        let c = self.const_idx(Constant::Lit(Const::Str(module.clone())));
        self.emit(Instr::ImportName(c));
        for (n, alias) in names {
            if &**n == "*" {
                self.emit(Instr::ImportStar);
                return Ok(());
            }
            let i = self.name_idx(n);
            self.emit(Instr::ImportFrom(i));
            self.store_name(alias.as_ref().unwrap_or(n));
        }
        self.emit(Instr::Pop);
        Ok(())
    }

    /// `while test: body else: orelse`.
    fn while_loop(&mut self, s: &Stmt, test: &Expr, body: &[Stmt], orelse: &[Stmt]) -> CResult<()> {
        let start = self.here();
        self.expr(test)?;
        let j = self.emit(Instr::PopJumpIfFalse(0));
        self.u().fblocks.push(FBlock::Loop {
            start,
            breaks: vec![],
            for_loop: false,
        });
        self.stmts(body)?;
        self.set_line(s.pos.line);
        self.emit(Instr::Jump(start as u32));
        let fb = self.u().fblocks.pop();
        self.patch(j);
        self.stmts(orelse)?;
        if let Some(FBlock::Loop { breaks, .. }) = fb {
            for b in breaks {
                self.patch(b);
            }
        }
        Ok(())
    }

    /// `[async] for target in iter: body else: orelse`.
    fn for_loop(
        &mut self,
        s: &Stmt,
        target: &Expr,
        iter: &Expr,
        body: &[Stmt],
        orelse: &[Stmt],
        is_async: bool,
    ) -> CResult<()> {
        if is_async && !self.u().is_async {
            return Err(err("'async for' outside async function", s.pos));
        }
        self.expr(iter)?;
        self.set_line(s.pos.line);
        let start;
        let fi = if is_async {
            // await __anext__() until StopAsyncIteration, whose handler
            // (EndAsyncFor) ends the loop
            self.emit(Instr::GetAIter);
            start = self.here();
            self.async_next()
        } else {
            self.emit(Instr::GetIter);
            start = self.here();
            self.emit(Instr::ForIter(0))
        };
        self.store(target)?;
        self.u().fblocks.push(FBlock::Loop {
            start,
            breaks: vec![],
            for_loop: true,
        });
        self.stmts(body)?;
        self.set_line(s.pos.line);
        self.emit(Instr::Jump(start as u32));
        let fb = self.u().fblocks.pop();
        self.patch(fi);
        if is_async {
            self.emit(Instr::EndAsyncFor);
        }
        self.stmts(orelse)?;
        if let Some(FBlock::Loop { breaks, .. }) = fb {
            for b in breaks {
                self.patch(b);
            }
        }
        Ok(())
    }

    /// `try` with its handlers, `else` and `finally` (the `finally` body compiled twice: normal and exceptional exits).
    fn try_stmt(
        &mut self,
        body: &[Stmt],
        handlers: &[Handler],
        orelse: &[Stmt],
        finalbody: &[Stmt],
    ) -> CResult<()> {
        if finalbody.is_empty() {
            self.try_except(body, handlers, orelse)?;
        } else {
            let fin = Rc::new(finalbody.to_vec());
            let setup = self.emit(Instr::SetupExcept(0));
            self.u().fblocks.push(FBlock::Finally(fin.clone()));
            if handlers.is_empty() {
                self.stmts(body)?;
            } else {
                self.try_except(body, handlers, orelse)?;
            }
            self.u().fblocks.pop();
            self.emit(Instr::PopBlock);
            self.stmts(finalbody)?;
            let end = self.emit(Instr::Jump(0));
            self.patch(setup);
            self.u()
                .fblocks
                .push(FBlock::Handler { exc_on_stack: true });
            self.stmts(finalbody)?;
            self.u().fblocks.pop();
            self.emit(Instr::Reraise);
            self.patch(end);
        }
        Ok(())
    }

    fn try_except(&mut self, body: &[Stmt], handlers: &[Handler], orelse: &[Stmt]) -> CResult<()> {
        if handlers.first().is_some_and(|h| h.star) {
            return self.try_star(body, handlers, orelse);
        }
        let setup = self.emit(Instr::SetupExcept(0));
        self.u().fblocks.push(FBlock::Try);
        self.stmts(body)?;
        self.u().fblocks.pop();
        self.emit(Instr::PopBlock);
        self.stmts(orelse)?;
        let mut ends = vec![self.emit(Instr::Jump(0))];
        self.patch(setup);
        for (i, h) in handlers.iter().enumerate() {
            self.set_line(h.pos.line);
            if h.typ.is_none() && i + 1 < handlers.len() {
                return Err(err("default 'except:' must be last", h.pos));
            }
            let mut next = None;
            if let Some(t) = &h.typ {
                self.expr(t)?;
                self.emit(Instr::ExcMatch);
                next = Some(self.emit(Instr::PopJumpIfFalse(0)));
            }
            match &h.name {
                Some(n) => self.store_name(n),
                None => {
                    self.emit(Instr::Pop);
                }
            }
            self.u().fblocks.push(FBlock::Handler {
                exc_on_stack: false,
            });
            self.stmts(&h.body)?;
            self.u().fblocks.pop();
            self.emit(Instr::PopExcept);
            if let Some(n) = &h.name {
                self.load_const(Constant::Lit(Const::None));
                self.store_name(n);
                self.delete_name(n);
            }
            ends.push(self.emit(Instr::Jump(0)));
            if let Some(j) = next {
                self.patch(j);
            }
        }
        self.emit(Instr::Reraise);
        for e in ends {
            self.patch(e);
        }
        Ok(())
    }

    /// `try: … except* T as e: …`, with the helpers of `exceptiongroup.py`: the
    /// exception (a group, or wrapped in one) is split clause by clause; what the
    /// clauses raise and what none matched are re-raised together at the end.
    /// Stack in the handler: original exception, list of raised, unmatched rest.
    fn try_star(&mut self, body: &[Stmt], handlers: &[Handler], orelse: &[Stmt]) -> CResult<()> {
        let setup = self.emit(Instr::SetupExcept(0));
        self.u().fblocks.push(FBlock::Try);
        self.stmts(body)?;
        self.u().fblocks.pop();
        self.emit(Instr::PopBlock);
        self.stmts(orelse)?;
        let end = self.emit(Instr::Jump(0));
        self.patch(setup);
        self.u().fblocks.push(FBlock::Handler {
            exc_on_stack: false,
        });
        let helper = |c: &mut Self, name: &str| {
            let i = c.name_idx(&Rc::from(name));
            c.emit(Instr::LoadGlobal(i));
        };
        self.emit(Instr::Dup);
        self.emit(Instr::BuildList(0));
        self.emit(Instr::Rot2);
        for h in handlers {
            self.set_line(h.pos.line);
            helper(self, "__star_split");
            self.emit(Instr::Rot2);
            self.expr(h.typ.as_ref().unwrap())?;
            self.emit(Instr::Call(2));
            self.emit(Instr::UnpackSequence(2));
            self.emit(Instr::Dup);
            self.load_const(Constant::Lit(Const::None));
            self.emit(Instr::Compare(CmpOp::Is));
            let nomatch = self.emit(Instr::PopJumpIfTrue(0));
            match &h.name {
                Some(n) => self.store_name(n),
                None => {
                    self.emit(Instr::Pop);
                }
            }
            let inner = self.emit(Instr::SetupExcept(0));
            self.u().fblocks.push(FBlock::Try);
            self.stmts(&h.body)?;
            self.u().fblocks.pop();
            self.emit(Instr::PopBlock);
            let next = self.emit(Instr::Jump(0));
            self.patch(inner);
            self.emit(Instr::ListAppend(2));
            self.emit(Instr::PopExcept);
            let next2 = self.emit(Instr::Jump(0));
            self.patch(nomatch);
            self.emit(Instr::Pop);
            let next3 = self.emit(Instr::Jump(0));
            self.patch(next);
            self.patch(next2);
            if let Some(n) = &h.name {
                self.load_const(Constant::Lit(Const::None));
                self.store_name(n);
                self.delete_name(n);
            }
            self.patch(next3);
        }
        self.u().fblocks.pop();
        self.emit(Instr::BuildTuple(3));
        helper(self, "__star_end");
        self.emit(Instr::Rot2);
        self.emit(Instr::Call(1));
        self.emit(Instr::Dup);
        self.load_const(Constant::Lit(Const::None));
        self.emit(Instr::Compare(CmpOp::Is));
        let done = self.emit(Instr::PopJumpIfTrue(0));
        self.emit(Instr::Reraise);
        self.patch(done);
        self.emit(Instr::Pop);
        self.emit(Instr::PopExcept);
        self.patch(end);
        Ok(())
    }

    fn with(&mut self, items: &[(Expr, Option<Expr>)], body: &[Stmt], line: usize) -> CResult<()> {
        let Some(((ctx, target), rest)) = items.split_first() else {
            return self.stmts(body);
        };
        self.expr(ctx)?;
        self.set_line(line);
        let setup = self.emit(Instr::SetupWith(0));
        match target {
            Some(t) => self.store(t)?,
            None => {
                self.emit(Instr::Pop);
            }
        }
        self.u().fblocks.push(FBlock::With);
        self.with(rest, body, line)?;
        self.u().fblocks.pop();
        self.set_line(line);
        self.emit(Instr::PopBlock);
        self.emit(Instr::WithExitNormal);
        self.emit(Instr::Pop);
        let end = self.emit(Instr::Jump(0));
        self.patch(setup);
        self.emit(Instr::WithExitExc);
        let ok = self.emit(Instr::PopJumpIfTrue(0));
        self.emit(Instr::Reraise);
        self.patch(ok);
        self.emit(Instr::Pop);
        self.emit(Instr::PopExcept);
        self.emit(Instr::Pop);
        self.patch(end);
        Ok(())
    }

    /// Emit the cleanup of the enclosing blocks before leaving them by return
    /// (`value_on_stack`) or break/continue (stops at the loop, returns it).
    fn unwind_fblocks(
        &mut self,
        value_on_stack: bool,
        stop_at_loop: Option<bool>,
    ) -> Option<usize> {
        let blocks = self.u().fblocks.clone();
        for i in (0..blocks.len()).rev() {
            match &blocks[i] {
                FBlock::Loop { for_loop, .. } => {
                    if let Some(is_break) = stop_at_loop {
                        if is_break && *for_loop {
                            self.emit(Instr::Pop);
                        }
                        return Some(i);
                    }
                    if *for_loop && value_on_stack {
                        self.emit(Instr::Rot2);
                        self.emit(Instr::Pop);
                    }
                }
                FBlock::Try => {
                    self.emit(Instr::PopBlock);
                }
                FBlock::Finally(body) => {
                    self.emit(Instr::PopBlock);
                    let saved = std::mem::replace(&mut self.u().fblocks, blocks[..i].to_vec());
                    let line = self.u().line;
                    let _ = self.stmts(body);
                    self.u().line = line;
                    self.u().fblocks = saved;
                }
                FBlock::Handler { exc_on_stack } => {
                    self.emit(Instr::PopExcept);
                    if *exc_on_stack {
                        if value_on_stack {
                            self.emit(Instr::Rot2);
                        }
                        self.emit(Instr::Pop);
                    }
                }
                FBlock::With => {
                    self.emit(Instr::PopBlock);
                    if value_on_stack {
                        self.emit(Instr::Rot2);
                    }
                    self.emit(Instr::WithExitNormal);
                    self.emit(Instr::Pop);
                }
            }
        }
        None
    }

    fn break_continue(&mut self, is_break: bool, pos: Pos) -> CResult<()> {
        let has_loop = self
            .u()
            .fblocks
            .iter()
            .any(|b| matches!(b, FBlock::Loop { .. }));
        if !has_loop {
            return Err(err(
                if is_break {
                    "'break' outside loop"
                } else {
                    "'continue' not properly in loop"
                },
                pos,
            ));
        }
        let i = self.unwind_fblocks(false, Some(is_break)).unwrap();
        if is_break {
            let j = self.emit(Instr::Jump(0));
            if let FBlock::Loop { breaks, .. } = &mut self.u().fblocks[i] {
                breaks.push(j);
            }
        } else if let FBlock::Loop { start, .. } = self.u().fblocks[i] {
            self.emit(Instr::Jump(start as u32));
        }
        Ok(())
    }

    /// `obj.attr` or `obj[idx]` as a target: the object (and index), then `attr_op`
    /// or `item_op`. False for any other expression.
    fn attr_or_item(
        &mut self,
        t: &Expr,
        attr_op: fn(u32) -> Instr,
        item_op: Instr,
    ) -> CResult<bool> {
        match &t.kind {
            ExprKind::Attribute(obj, attr) => {
                self.expr(obj)?;
                let i = self.name_idx(attr);
                self.emit(attr_op(i));
            }
            ExprKind::Subscript(obj, idx) => {
                self.expr(obj)?;
                self.expr(idx)?;
                self.emit(item_op);
            }
            _ => return Ok(false),
        }
        Ok(true)
    }

    fn store(&mut self, t: &Expr) -> CResult<()> {
        if self.attr_or_item(t, Instr::StoreAttr, Instr::StoreSubscript)? {
            return Ok(());
        }
        match &t.kind {
            ExprKind::Name(n) => self.store_name(n),
            ExprKind::Tuple(v) | ExprKind::List(v) => {
                let star = v
                    .iter()
                    .position(|e| matches!(e.kind, ExprKind::Starred(_)));
                match star {
                    Some(s) => {
                        if v.iter()
                            .filter(|e| matches!(e.kind, ExprKind::Starred(_)))
                            .count()
                            > 1
                        {
                            return Err(err("multiple starred expressions in assignment", t.pos));
                        }
                        self.emit(Instr::UnpackEx(s as u32, (v.len() - s - 1) as u32))
                    }
                    None => self.emit(Instr::UnpackSequence(v.len() as u32)),
                };
                for e in v {
                    match &e.kind {
                        ExprKind::Starred(inner) => self.store(inner)?,
                        _ => self.store(e)?,
                    }
                }
            }
            ExprKind::Starred(_) => {
                return Err(err(
                    "starred assignment target must be in a list or tuple",
                    t.pos,
                ))
            }
            _ => return Err(err("cannot assign to expression", t.pos)),
        }
        Ok(())
    }

    fn delete(&mut self, t: &Expr) -> CResult<()> {
        if self.attr_or_item(t, Instr::DeleteAttr, Instr::DeleteSubscript)? {
            return Ok(());
        }
        match &t.kind {
            ExprKind::Name(n) => self.delete_name(n),
            ExprKind::Tuple(v) | ExprKind::List(v) => {
                for e in v {
                    self.delete(e)?;
                }
            }
            _ => return Err(err("cannot delete expression", t.pos)),
        }
        Ok(())
    }

    // ------------------------------------------------------------ functions

    /// Names the enclosing scopes can provide as cells to a child scope.
    fn avail_cells(&self) -> Names {
        let u = self.units.last().unwrap();
        let mut s = Names::new();
        s.extend(u.cellvars.iter().chain(&u.freevars).cloned());
        s
    }

    fn child_qualname(&self, name: &str) -> Rc<str> {
        let u = self.units.last().unwrap();
        match u.kind {
            CodeKind::Module => name.into(),
            CodeKind::Class => format!("{}.{}", u.qualname, name).into(),
            _ => format!("{}.<locals>.{}", u.qualname, name).into(),
        }
    }

    /// Set up a function unit from its scan: locals (parameters first), cells.
    fn function_unit(
        &mut self,
        kind: CodeKind,
        name: Rc<str>,
        qualname: Rc<str>,
        line: usize,
        params: ParamSpec,
        scan: &Scan,
    ) -> Unit {
        let avail = self.avail_cells();
        let mut u = Unit::new(kind, name, qualname, line as u32);
        let add_local = |u: &mut Unit, n: &Rc<str>| {
            if !u.locals.contains_key(n) {
                u.locals.insert(n.clone(), u.varnames.len() as u32);
                u.varnames.push(n.clone());
            }
        };
        for n in params
            .args
            .iter()
            .chain(&params.kwonly)
            .chain(params.vararg.iter())
            .chain(params.kwarg.iter())
        {
            add_local(&mut u, n);
        }
        for n in &scan.order {
            add_local(&mut u, n);
        }
        for n in &scan.order {
            if scan.child_free.contains(n) {
                u.cellvars.push(n.clone());
            }
        }
        for n in scan.free(false) {
            if avail.contains(&n) {
                u.freevars.push(n);
            }
        }
        for (slot, n) in u.varnames.iter().enumerate() {
            if let Some(ci) = u.cellvars.iter().position(|c| c == n) {
                if slot
                    < params.args.len()
                        + params.kwonly.len()
                        + params.vararg.is_some() as usize
                        + params.kwarg.is_some() as usize
                {
                    u.cell_params.push((slot as u32, ci as u32));
                }
            }
        }
        u.globals_decl = scan.globals.clone();
        u.params = params;
        u
    }

    /// Push what MakeFunction needs for a child code and emit it.
    fn emit_make_function(&mut self, code: Rc<Code>, mut flags: u8) {
        if !code.freevars.is_empty() {
            for n in code.freevars.iter() {
                let i = self.u().cell_index(n).unwrap_or(0);
                self.emit(Instr::LoadClosure(i));
            }
            self.emit(Instr::BuildTuple(code.freevars.len() as u32));
            flags |= 8;
        }
        let c = self.const_idx(Constant::Code(code));
        self.emit(Instr::MakeFunction(c, flags));
    }

    fn make_function(&mut self, f: &FuncDef) -> CResult<()> {
        let mut flags = 0;
        let defaults: Vec<&Expr> = f
            .params
            .args
            .iter()
            .filter_map(|(_, d)| d.as_ref())
            .collect();
        if !defaults.is_empty() {
            for d in &defaults {
                self.expr(d)?;
            }
            self.emit(Instr::BuildTuple(defaults.len() as u32));
            flags |= 1;
        }
        let kwd: Vec<(&Rc<str>, &Expr)> = f
            .params
            .kwonly
            .iter()
            .filter_map(|(n, d)| d.as_ref().map(|d| (n, d)))
            .collect();
        if !kwd.is_empty() {
            for (n, d) in &kwd {
                self.load_const(Constant::Lit(Const::Str((*n).clone())));
                self.expr(d)?;
            }
            self.emit(Instr::BuildMap(kwd.len() as u32));
            flags |= 2;
        }
        let scan = scan_function(&f.params, &f.body);
        let kind = if f.is_async && scan.has_yield {
            CodeKind::AsyncGenerator
        } else if f.is_async {
            CodeKind::Coroutine
        } else if scan.has_yield {
            CodeKind::Generator
        } else {
            CodeKind::Function
        };
        let params = ParamSpec {
            args: f.params.args.iter().map(|(n, _)| n.clone()).collect(),
            kwonly: f.params.kwonly.iter().map(|(n, _)| n.clone()).collect(),
            vararg: f.params.vararg.clone(),
            kwarg: f.params.kwarg.clone(),
            posonly: f.params.posonly,
        };
        let qual = self.child_qualname(&f.name);
        let mut u = self.function_unit(kind, f.name.clone(), qual, f.pos.line, params, &scan);
        u.is_async = f.is_async;
        u.doc = docstring(&f.body);
        self.units.push(u);
        for n in &scan.nonlocals {
            if self.u().cell_index(n).is_none() {
                let p = f
                    .body
                    .iter()
                    .find(|s| matches!(&s.kind, StmtKind::Nonlocal(v) if v.contains(n)))
                    .map(|s| s.pos)
                    .unwrap_or(f.pos);
                return Err(err(format!("no binding for nonlocal '{}' found", n), p));
            }
        }
        self.stmts(&f.body)?;
        self.load_const(Constant::Lit(Const::None));
        self.emit(Instr::Return);
        let code = self.finish();
        self.set_line(f.pos.line);
        self.emit_make_function(code, flags);
        Ok(())
    }

    fn class_body(&mut self, name: &Rc<str>, body: &[Stmt], line: usize) -> CResult<()> {
        let scan = scan_block(body);
        let avail = self.avail_cells();
        let qual = self.child_qualname(name);
        let mut u = Unit::new(CodeKind::Class, name.clone(), qual, line as u32);
        if scan.child_free.contains("__class__") {
            u.cellvars.push("__class__".into());
        }
        for n in scan.free(true) {
            if avail.contains(&n) {
                u.freevars.push(n);
            }
        }
        u.globals_decl = scan.globals.clone();
        u.class_bound = scan.bound.clone();
        self.units.push(u);
        let annotated = body.iter().any(|s| {
            matches!(&s.kind, StmtKind::AnnAssign(t, _, _) if matches!(t.kind, ExprKind::Name(_)))
        });
        if annotated {
            self.emit(Instr::BuildMap(0));
            self.store_name(&"__annotations__".into());
        }
        if let Some(doc) = docstring(body) {
            self.load_const(Constant::Lit(Const::Str(doc)));
            self.store_name(&"__doc__".into());
        }
        self.stmts(body)?;
        if let Some(i) = self.u().cell_index("__class__") {
            self.emit(Instr::LoadClosure(i));
        } else {
            self.load_const(Constant::Lit(Const::None));
        }
        self.emit(Instr::Return);
        let code = self.finish();
        self.emit_make_function(code, 0);
        Ok(())
    }

    fn comprehension(
        &mut self,
        e: &Expr,
        kind: &str,
        elts: &[&Expr],
        comps: &[Comp],
    ) -> CResult<()> {
        let scan = scan_comprehension(elts, comps);
        let name: Rc<str> = format!("<{}>", kind).into();
        let ck = if kind == "genexpr" {
            CodeKind::Generator
        } else {
            CodeKind::Function
        };
        let params = ParamSpec {
            args: vec![".0".into()],
            ..Default::default()
        };
        let qual = self.child_qualname(&name);
        let mut u = self.function_unit(ck, name, qual, e.pos.line, params, &scan);
        u.comp = true;
        self.units.push(u);
        self.set_line(e.pos.line);
        match kind {
            "listcomp" => {
                self.emit(Instr::BuildList(0));
            }
            "setcomp" => {
                self.emit(Instr::BuildSet(0));
            }
            "dictcomp" => {
                self.emit(Instr::BuildMap(0));
            }
            _ => {}
        }
        let mut loops = vec![];
        for (i, c) in comps.iter().enumerate() {
            if i == 0 {
                self.emit(Instr::LoadFast(0));
            } else {
                self.expr(&c.iter)?;
                self.emit(if c.is_async {
                    Instr::GetAIter
                } else {
                    Instr::GetIter
                });
            }
            let start = self.here();
            let fi = if c.is_async {
                // like `async for`: await __anext__() until StopAsyncIteration,
                // whose handler (EndAsyncFor) ends the loop
                self.u().awaited = true;
                self.async_next()
            } else {
                self.emit(Instr::ForIter(0))
            };
            self.store(&c.target)?;
            let mut skips = vec![];
            for cond in &c.ifs {
                self.expr(cond)?;
                skips.push(self.emit(Instr::PopJumpIfFalse(0)));
            }
            loops.push((start, fi, skips));
        }
        let depth = comps.len() as u32 + 1;
        let mut elt_yield = 0;
        match kind {
            "listcomp" => {
                self.expr(elts[0])?;
                self.emit(Instr::ListAppend(depth));
            }
            "setcomp" => {
                self.expr(elts[0])?;
                self.emit(Instr::SetAdd(depth));
            }
            "dictcomp" => {
                self.expr(elts[0])?;
                self.expr(elts[1])?;
                self.emit(Instr::MapAdd(depth));
            }
            _ => {
                self.expr(elts[0])?;
                elt_yield = self.emit(Instr::Yield);
                self.emit(Instr::Pop);
            }
        }
        let is_async = self.u().awaited;
        for (start, fi, skips) in loops.into_iter().rev() {
            for s in skips {
                self.patch_to(s, start as u32);
            }
            self.emit(Instr::Jump(start as u32));
            self.patch(fi);
            if matches!(self.u().instrs[fi], Instr::SetupExcept(_)) {
                self.emit(Instr::EndAsyncFor);
            }
        }
        if kind == "genexpr" {
            self.load_const(Constant::Lit(Const::None));
        }
        self.emit(Instr::Return);
        if is_async {
            let u = self.u();
            if kind == "genexpr" {
                u.kind = CodeKind::AsyncGenerator;
                u.instrs[elt_yield] = Instr::AgenYield;
            } else {
                u.kind = CodeKind::Coroutine;
            }
        }
        let code = self.finish();
        self.emit_make_function(code, 0);
        self.expr(&comps[0].iter)?;
        self.emit(if comps[0].is_async {
            Instr::GetAIter
        } else {
            Instr::GetIter
        });
        self.emit(Instr::Call(1));
        if is_async && kind != "genexpr" {
            let u = self.u();
            if !u.is_async && !u.comp {
                return Err(err(
                    "asynchronous comprehension outside of an asynchronous function",
                    e.pos,
                ));
            }
            u.awaited = true;
            self.emit(Instr::GetAwaitable);
            self.yield_from();
        }
        Ok(())
    }

    // ------------------------------------------------------------ expressions

    fn expr(&mut self, e: &Expr) -> CResult<()> {
        match &e.kind {
            ExprKind::Name(n) => self.load_name(n),
            ExprKind::Const(c) => {
                self.load_const(Constant::Lit(c.clone()));
            }
            ExprKind::FString(parts) => {
                let n = self.fparts(parts)?;
                if n != 1 || !matches!(parts.first(), Some(FPart::Expr { .. })) {
                    self.emit(Instr::BuildString(n));
                }
            }
            ExprKind::BinOp(a, op, b) => {
                self.expr(a)?;
                self.expr(b)?;
                self.set_line(e.pos.line);
                self.emit(Instr::Binary(*op));
            }
            ExprKind::Unary(op, a) => {
                self.expr(a)?;
                self.emit(Instr::Unary(*op));
            }
            ExprKind::BoolOp(is_and, v) => {
                let mut jumps = vec![];
                for (i, x) in v.iter().enumerate() {
                    self.expr(x)?;
                    if i + 1 < v.len() {
                        jumps.push(self.emit(if *is_and {
                            Instr::JumpIfFalseOrPop(0)
                        } else {
                            Instr::JumpIfTrueOrPop(0)
                        }));
                    }
                }
                for j in jumps {
                    self.patch(j);
                }
            }
            ExprKind::Compare(first, ops) => {
                self.expr(first)?;
                if ops.len() == 1 {
                    self.expr(&ops[0].1)?;
                    self.set_line(e.pos.line);
                    self.emit(Instr::Compare(ops[0].0));
                } else {
                    // a < b < c: keep b for the next comparison, stop at the first false
                    let mut jumps = vec![];
                    for (i, (op, x)) in ops.iter().enumerate() {
                        self.expr(x)?;
                        if i + 1 < ops.len() {
                            self.emit(Instr::Dup);
                            self.emit(Instr::Rot3);
                            self.emit(Instr::Compare(*op));
                            jumps.push(self.emit(Instr::JumpIfFalseOrPop(0)));
                        } else {
                            self.emit(Instr::Compare(*op));
                        }
                    }
                    let end = self.emit(Instr::Jump(0));
                    for j in jumps {
                        self.patch(j);
                    }
                    self.emit(Instr::Rot2);
                    self.emit(Instr::Pop);
                    self.patch(end);
                }
            }
            ExprKind::Call(f, args) => self.call(e, f, args)?,
            ExprKind::Attribute(obj, attr) => {
                self.expr(obj)?;
                let i = self.name_idx(attr);
                self.set_line(e.pos.line);
                self.emit(Instr::LoadAttr(i));
            }
            ExprKind::Subscript(obj, idx) => {
                self.expr(obj)?;
                self.expr(idx)?;
                self.set_line(e.pos.line);
                self.emit(Instr::Subscript);
            }
            ExprKind::Slice(a, b, c) => {
                for x in [a, b] {
                    match x {
                        Some(x) => self.expr(x)?,
                        None => self.load_const(Constant::Lit(Const::None)),
                    }
                }
                match c {
                    Some(c) => {
                        self.expr(c)?;
                        self.emit(Instr::BuildSlice(3));
                    }
                    None => {
                        self.emit(Instr::BuildSlice(2));
                    }
                }
            }
            ExprKind::List(v) => self.sequence(v, "list")?,
            ExprKind::Tuple(v) => self.sequence(v, "tuple")?,
            ExprKind::Set(v) => self.sequence(v, "set")?,
            ExprKind::Dict(items) => {
                if items.iter().any(|(k, _)| k.is_none()) {
                    self.emit(Instr::BuildMap(0));
                    for (k, v) in items {
                        match k {
                            Some(k) => {
                                self.expr(k)?;
                                self.expr(v)?;
                                self.emit(Instr::MapAdd(1));
                            }
                            None => {
                                self.expr(v)?;
                                self.emit(Instr::DictUpdate);
                            }
                        }
                    }
                } else {
                    for (k, v) in items {
                        self.expr(k.as_ref().unwrap())?;
                        self.expr(v)?;
                    }
                    self.emit(Instr::BuildMap(items.len() as u32));
                }
            }
            ExprKind::Starred(_) => return Err(err("can't use starred expression here", e.pos)),
            ExprKind::IfExp(test, body, orelse) => {
                self.expr(test)?;
                let j = self.emit(Instr::PopJumpIfFalse(0));
                self.expr(body)?;
                let end = self.emit(Instr::Jump(0));
                self.patch(j);
                self.expr(orelse)?;
                self.patch(end);
            }
            ExprKind::Lambda(f) => self.make_function(f)?,
            ExprKind::ListComp(a, c) => self.comprehension(e, "listcomp", &[a], c)?,
            ExprKind::SetComp(a, c) => self.comprehension(e, "setcomp", &[a], c)?,
            ExprKind::DictComp(k, v, c) => self.comprehension(e, "dictcomp", &[k, v], c)?,
            ExprKind::GenExp(a, c) => self.comprehension(e, "genexpr", &[a], c)?,
            ExprKind::Await(a) => {
                let u = self.units.last().unwrap();
                if u.kind == CodeKind::Module || u.kind == CodeKind::Class {
                    return Err(err("'await' outside function", e.pos));
                }
                if u.is_function() && !u.is_async && !u.comp {
                    return Err(err("'await' outside async function", e.pos));
                }
                self.u().awaited = true;
                self.expr(a)?;
                self.set_line(e.pos.line);
                self.emit(Instr::GetAwaitable);
                self.yield_from();
            }
            ExprKind::Yield(v) => {
                self.check_yield(e.pos)?;
                match v {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Constant::Lit(Const::None)),
                }
                self.set_line(e.pos.line);
                if self.u().kind == CodeKind::AsyncGenerator {
                    self.emit(Instr::AgenYield);
                } else {
                    self.emit(Instr::Yield);
                }
            }
            ExprKind::YieldFrom(v) => {
                self.check_yield(e.pos)?;
                if self.u().is_async {
                    return Err(err("'yield from' inside async function", e.pos));
                }
                self.expr(v)?;
                self.emit(Instr::GetYieldFromIter);
                self.yield_from();
            }
            ExprKind::NamedExpr(t, v) => {
                self.expr(v)?;
                self.emit(Instr::Dup);
                self.store(t)?;
            }
        }
        Ok(())
    }

    fn check_yield(&mut self, pos: Pos) -> CResult<()> {
        let u = self.units.last().unwrap();
        if !u.is_function() {
            return Err(err("'yield' outside function", pos));
        }
        Ok(())
    }

    /// One step of an `async for`: `await iterator.__anext__()` inside a handler
    /// for StopAsyncIteration (EndAsyncFor ends the loop). Returns the handler's
    /// setup instruction, patched with the loop's exit.
    fn async_next(&mut self) -> usize {
        let setup = self.emit(Instr::SetupExcept(0));
        self.emit(Instr::GetANext);
        self.yield_from();
        self.emit(Instr::PopBlock);
        setup
    }

    /// The delegation loop shared by `await` and `yield from`.
    fn yield_from(&mut self) {
        self.load_const(Constant::Lit(Const::None));
        let send = self.emit(Instr::Send(0));
        self.emit(Instr::Yield);
        self.emit(Instr::Jump(send as u32));
        self.patch(send);
    }

    fn sequence(&mut self, v: &[Expr], kind: &str) -> CResult<()> {
        if v.iter().any(|e| matches!(e.kind, ExprKind::Starred(_))) {
            if kind == "set" {
                self.emit(Instr::BuildSet(0));
            } else {
                self.emit(Instr::BuildList(0));
            }
            for e in v {
                match &e.kind {
                    ExprKind::Starred(inner) => {
                        self.expr(inner)?;
                        self.emit(if kind == "set" {
                            Instr::SetUpdate
                        } else {
                            Instr::ListExtend
                        });
                    }
                    _ => {
                        self.expr(e)?;
                        self.emit(if kind == "set" {
                            Instr::SetAdd(1)
                        } else {
                            Instr::ListAppend(1)
                        });
                    }
                }
            }
            if kind == "tuple" {
                self.emit(Instr::ListToTuple);
            }
            return Ok(());
        }
        for e in v {
            self.expr(e)?;
        }
        let n = v.len() as u32;
        self.emit(match kind {
            "list" => Instr::BuildList(n),
            "tuple" => Instr::BuildTuple(n),
            _ if n > 2 && v.iter().all(is_constant) => Instr::BuildConstSet(n),
            _ => Instr::BuildSet(n),
        });
        Ok(())
    }

    fn call(&mut self, e: &Expr, f: &Expr, args: &[Arg]) -> CResult<()> {
        // zero-argument super(): needs the class cell and the first argument
        if let ExprKind::Name(n) = &f.kind {
            if &**n == "super" && args.is_empty() && self.u().is_function() {
                if let Some(ci) = self.u().cell_index("__class__") {
                    self.emit(Instr::LoadDeref(ci));
                    let first = self.u().varnames.first().cloned();
                    match first {
                        Some(a) => match self.u().cell_index(&a) {
                            Some(c) => {
                                self.emit(Instr::LoadDeref(c));
                            }
                            None => {
                                self.emit(Instr::LoadFast(0));
                            }
                        },
                        None => self.load_const(Constant::Lit(Const::None)),
                    }
                    self.set_line(e.pos.line);
                    self.emit(Instr::LoadSuper);
                    return Ok(());
                }
            }
        }
        self.expr(f)?;
        let dynamic = args
            .iter()
            .any(|a| matches!(a, Arg::Star(_) | Arg::DStar(_)));
        if dynamic {
            self.emit(Instr::BuildList(0));
            for a in args {
                match a {
                    Arg::Pos(x) => {
                        self.expr(x)?;
                        self.emit(Instr::ListAppend(1));
                    }
                    Arg::Star(x) => {
                        self.expr(x)?;
                        self.emit(Instr::ListExtend);
                    }
                    _ => {}
                }
            }
            self.emit(Instr::ListToTuple);
            let has_kw = args
                .iter()
                .any(|a| matches!(a, Arg::Kw(..) | Arg::DStar(_)));
            if has_kw {
                self.emit(Instr::BuildMap(0));
                for a in args {
                    match a {
                        Arg::Kw(k, x) => {
                            self.load_const(Constant::Lit(Const::Str(k.clone())));
                            self.expr(x)?;
                            self.emit(Instr::MapAdd(1));
                        }
                        Arg::DStar(x) => {
                            self.expr(x)?;
                            self.emit(Instr::DictUpdate);
                        }
                        _ => {}
                    }
                }
            }
            self.set_line(e.pos.line);
            self.emit(Instr::CallEx(has_kw));
            return Ok(());
        }
        let mut kwnames = vec![];
        for a in args {
            match a {
                Arg::Pos(x) => self.expr(x)?,
                Arg::Kw(k, x) => {
                    if kwnames.contains(k) {
                        return Err(err(format!("keyword argument repeated: {}", k), x.pos));
                    }
                    self.expr(x)?;
                    kwnames.push(k.clone());
                }
                _ => {}
            }
        }
        self.set_line(e.pos.line);
        if kwnames.is_empty() {
            self.emit(Instr::Call(args.len() as u32));
        } else {
            let c = self.const_idx(Constant::Names(kwnames));
            self.emit(Instr::CallKw(args.len() as u32, c));
        }
        Ok(())
    }

    fn fparts(&mut self, parts: &[FPart]) -> CResult<u32> {
        let mut n = 0;
        for p in parts {
            match p {
                FPart::Lit(s) => self.load_const(Constant::Lit(Const::Str(Rc::from(s.as_str())))),
                FPart::Expr { expr, conv, spec } => {
                    self.expr(expr)?;
                    if let Some(spec) = spec {
                        let k = self.fparts(spec)?;
                        if k != 1 || !matches!(spec.first(), Some(FPart::Lit(_))) {
                            self.emit(Instr::BuildString(k));
                        }
                        if k == 0 {
                            // BuildString(0) pushed ""
                        }
                    }
                    self.emit(Instr::FormatValue(*conv, spec.is_some()));
                }
            }
            n += 1;
        }
        if n == 0 {
            self.load_const(Constant::Lit(Const::Str(Rc::from(""))));
            n = 1;
        }
        Ok(n)
    }
}

/// Whether CPython's AST optimizer folds `e` into a constant (literals, tuples of
/// constants, arithmetic on them): a set display of three or more is then built from a
/// frozenset constant.
fn is_constant(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Const(_) => true,
        ExprKind::Unary(_, x) => is_constant(x),
        ExprKind::BinOp(a, _, b) => is_constant(a) && is_constant(b),
        ExprKind::Tuple(v) => v.iter().all(is_constant),
        _ => false,
    }
}
