//! The syntax tree the parser builds and the compiler walks.

use std::rc::Rc;

/// Source span: 1-based lines, 0-based character columns.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Pos {
    /// First line.
    pub line: usize,
    /// First column.
    pub col: usize,
    /// Last line.
    pub end_line: usize,
    /// Column after the last character.
    pub end_col: usize,
}

/// A literal constant.
#[derive(Clone, Debug)]
pub enum Const {
    /// `None`
    None,
    /// `True` / `False`
    Bool(bool),
    /// Integer literal (decimal digits, already converted from any base).
    Int(crate::python::num::bigint::BigInt),
    /// Float literal.
    Float(f64),
    /// String literal (escapes decoded, adjacent literals joined).
    Str(Rc<str>),
    /// Bytes literal.
    Bytes(Rc<[u8]>),
    /// `...`
    Ellipsis,
}

/// Binary operators (also used by augmented assignment).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
    MatMul,
}

impl BinOp {
    /// The operator as written.
    pub fn symbol(self) -> &'static str {
        use BinOp::*;
        match self {
            Add => "+",
            Sub => "-",
            Mul => "*",
            Div => "/",
            FloorDiv => "//",
            Mod => "%",
            Pow => "**",
            LShift => "<<",
            RShift => ">>",
            BitOr => "|",
            BitXor => "^",
            BitAnd => "&",
            MatMul => "@",
        }
    }
    /// Name of the special method (`add` for `__add__`).
    pub fn dunder(self) -> &'static str {
        use BinOp::*;
        match self {
            Add => "add",
            Sub => "sub",
            Mul => "mul",
            Div => "truediv",
            FloorDiv => "floordiv",
            Mod => "mod",
            Pow => "pow",
            LShift => "lshift",
            RShift => "rshift",
            BitOr => "or",
            BitXor => "xor",
            BitAnd => "and",
            MatMul => "matmul",
        }
    }
}

/// Unary operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum UnOp {
    Neg,
    Pos,
    Not,
    Invert,
}

/// Comparison operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Is,
    IsNot,
    In,
    NotIn,
}

impl CmpOp {
    /// The operator as written.
    pub fn symbol(self) -> &'static str {
        use CmpOp::*;
        match self {
            Eq => "==",
            Ne => "!=",
            Lt => "<",
            Le => "<=",
            Gt => ">",
            Ge => ">=",
            Is => "is",
            IsNot => "is not",
            In => "in",
            NotIn => "not in",
        }
    }
}

/// A call argument.
#[derive(Clone, Debug)]
pub enum Arg {
    /// `f(x)`
    Pos(Expr),
    /// `f(*xs)`
    Star(Expr),
    /// `f(k=x)`
    Kw(Rc<str>, Expr),
    /// `f(**kw)`
    DStar(Expr),
}

/// One piece of an f-string.
#[derive(Clone, Debug)]
pub enum FPart {
    /// Literal text.
    Lit(String),
    /// `{expr!conv:spec}`
    Expr {
        /// The expression.
        expr: Box<Expr>,
        /// `r`, `s` or `a`.
        conv: Option<char>,
        /// The format spec, itself an f-string.
        spec: Option<Vec<FPart>>,
    },
}

/// `for target in iter if cond...` inside a comprehension.
#[derive(Clone, Debug)]
pub struct Comp {
    /// Loop target.
    pub target: Expr,
    /// Iterable.
    pub iter: Expr,
    /// Filters.
    pub ifs: Vec<Expr>,
    /// `async for`
    pub is_async: bool,
}

/// Function parameters.
#[derive(Clone, Debug, Default)]
pub struct Params {
    /// Positional-or-keyword parameters with optional defaults.
    pub args: Vec<(Rc<str>, Option<Expr>)>,
    /// `*args`
    pub vararg: Option<Rc<str>>,
    /// Keyword-only parameters.
    pub kwonly: Vec<(Rc<str>, Option<Expr>)>,
    /// `**kwargs`
    pub kwarg: Option<Rc<str>>,
}

/// A function or lambda definition.
#[derive(Clone, Debug)]
pub struct FuncDef {
    /// Name (`<lambda>` for lambdas).
    pub name: Rc<str>,
    /// Parameters.
    pub params: Params,
    /// Body (a lambda's body is one `return` statement).
    pub body: Vec<Stmt>,
    /// `async def`
    pub is_async: bool,
    /// Decorators, outermost first.
    pub decorators: Vec<Expr>,
    /// Where the `def` is.
    pub pos: Pos,
}

/// An expression with its span.
#[derive(Clone, Debug)]
pub struct Expr {
    /// What it is.
    pub kind: ExprKind,
    /// Where it is.
    pub pos: Pos,
}

/// Expression kinds.
#[derive(Clone, Debug)]
#[allow(missing_docs)]
pub enum ExprKind {
    Name(Rc<str>),
    Const(Const),
    FString(Vec<FPart>),
    BinOp(Box<Expr>, BinOp, Box<Expr>),
    Unary(UnOp, Box<Expr>),
    /// `and` (true) / `or` (false) chains.
    BoolOp(bool, Vec<Expr>),
    Compare(Box<Expr>, Vec<(CmpOp, Expr)>),
    Call(Box<Expr>, Vec<Arg>),
    Attribute(Box<Expr>, Rc<str>),
    Subscript(Box<Expr>, Box<Expr>),
    Slice(Option<Box<Expr>>, Option<Box<Expr>>, Option<Box<Expr>>),
    List(Vec<Expr>),
    Tuple(Vec<Expr>),
    Set(Vec<Expr>),
    /// `None` key means `**mapping`.
    Dict(Vec<(Option<Expr>, Expr)>),
    Starred(Box<Expr>),
    IfExp(Box<Expr>, Box<Expr>, Box<Expr>),
    Lambda(Rc<FuncDef>),
    ListComp(Box<Expr>, Vec<Comp>),
    SetComp(Box<Expr>, Vec<Comp>),
    DictComp(Box<Expr>, Box<Expr>, Vec<Comp>),
    GenExp(Box<Expr>, Vec<Comp>),
    Await(Box<Expr>),
    Yield(Option<Box<Expr>>),
    YieldFrom(Box<Expr>),
    NamedExpr(Box<Expr>, Box<Expr>),
}

/// An `except` clause.
#[derive(Clone, Debug)]
pub struct Handler {
    /// Exception type expression.
    pub typ: Option<Expr>,
    /// `as name`
    pub name: Option<Rc<str>>,
    /// Body.
    pub body: Vec<Stmt>,
    /// Where the `except` is.
    pub pos: Pos,
    /// `except*` (exception groups).
    pub star: bool,
}

/// A statement with its span.
#[derive(Clone, Debug)]
pub struct Stmt {
    /// What it is.
    pub kind: StmtKind,
    /// Where it is.
    pub pos: Pos,
}

/// Statement kinds.
#[derive(Clone, Debug)]
#[allow(missing_docs)]
pub enum StmtKind {
    Expr(Expr),
    /// `a = b = value`: targets, value.
    Assign(Vec<Expr>, Expr),
    AugAssign(Expr, BinOp, Expr),
    /// `x: T = v` (the annotation is evaluated and dropped).
    AnnAssign(Expr, Expr, Option<Expr>),
    Pass,
    Break,
    Continue,
    Return(Option<Expr>),
    Raise(Option<Expr>, Option<Expr>),
    Global(Vec<Rc<str>>),
    Nonlocal(Vec<Rc<str>>),
    Del(Vec<Expr>),
    Assert(Expr, Option<Expr>),
    /// `import a.b as c`: (dotted name, alias)
    Import(Vec<(Rc<str>, Option<Rc<str>>)>),
    /// `from m import a as b` (`*` is the name `*`)
    ImportFrom(Rc<str>, Vec<(Rc<str>, Option<Rc<str>>)>),
    If(Expr, Vec<Stmt>, Vec<Stmt>),
    While(Expr, Vec<Stmt>, Vec<Stmt>),
    For {
        target: Expr,
        iter: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
        is_async: bool,
    },
    Try {
        body: Vec<Stmt>,
        handlers: Vec<Handler>,
        orelse: Vec<Stmt>,
        finalbody: Vec<Stmt>,
    },
    With {
        items: Vec<(Expr, Option<Expr>)>,
        body: Vec<Stmt>,
        is_async: bool,
    },
    FunctionDef(Rc<FuncDef>),
    ClassDef {
        name: Rc<str>,
        bases: Vec<Expr>,
        body: Vec<Stmt>,
        decorators: Vec<Expr>,
    },
}
