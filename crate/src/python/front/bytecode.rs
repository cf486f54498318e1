//! Bytecode: a flat instruction list per code object, one source line per instruction.
//! Control flow inside a frame uses a block stack (try/except/with), like CPython 3.8,
//! which keeps the compiler simple and lets a frame be suspended anywhere.

use std::rc::Rc;

use crate::python::front::ast::Const;
use crate::python::front::ast::{BinOp, CmpOp, UnOp};

/// One instruction. Operands index the code object's tables.
#[derive(Clone, Copy, Debug)]
#[allow(missing_docs)]
pub enum Instr {
    Nop,
    LoadConst(u32),
    LoadFast(u32),
    StoreFast(u32),
    DeleteFast(u32),
    LoadDeref(u32),
    StoreDeref(u32),
    DeleteDeref(u32),
    /// Push the cell itself (to build a closure).
    LoadClosure(u32),
    LoadGlobal(u32),
    StoreGlobal(u32),
    DeleteGlobal(u32),
    /// Class bodies and the module: local namespace, then globals, then builtins.
    LoadName(u32),
    StoreName(u32),
    DeleteName(u32),
    LoadAttr(u32),
    StoreAttr(u32),
    DeleteAttr(u32),
    Subscript,
    StoreSubscript,
    DeleteSubscript,
    Binary(BinOp),
    Inplace(BinOp),
    Unary(UnOp),
    Compare(CmpOp),
    /// TOS1 is an exception, TOS a class or tuple: push whether it matches.
    ExcMatch,
    Pop,
    Dup,
    DupTwo,
    Rot2,
    Rot3,
    Jump(u32),
    PopJumpIfFalse(u32),
    PopJumpIfTrue(u32),
    JumpIfFalseOrPop(u32),
    JumpIfTrueOrPop(u32),
    GetIter,
    /// Advance the iterator on TOS; when exhausted pop it and jump.
    ForIter(u32),
    BuildList(u32),
    BuildTuple(u32),
    BuildSet(u32),
    /// A set display of n constants: CPython builds a frozenset constant and
    /// copies it into a new set, which can size the table differently.
    BuildConstSet(u32),
    /// n key/value pairs
    BuildMap(u32),
    BuildSlice(u32),
    /// Append TOS to the list `n` below it (comprehensions).
    ListAppend(u32),
    SetAdd(u32),
    MapAdd(u32),
    ListExtend,
    SetUpdate,
    DictUpdate,
    ListToTuple,
    /// Join n strings (f-strings).
    BuildString(u32),
    /// Format TOS (with the spec below it when the flag is set); conversion r/s/a/none.
    FormatValue(Option<char>, bool),
    UnpackSequence(u32),
    /// (before, after) a starred target
    UnpackEx(u32, u32),
    /// Positional arguments only.
    Call(u32),
    /// n arguments, the last ones named by the tuple constant.
    CallKw(u32, u32),
    /// TOS (when flagged) a kwargs dict, below it an args tuple, below the callable.
    CallEx(bool),
    /// `super()` with no argument: class cell and first argument of the frame.
    LoadSuper,
    /// Build a function from the code constant; flags say what is on the stack:
    /// 1 defaults tuple, 2 kw-defaults dict, 8 closure tuple.
    MakeFunction(u32, u8),
    /// TOS: the class body function; below it the bases tuple; name constant.
    BuildClass(u32),
    Return,
    Yield,
    /// `yield` in an async generator: the value ends the step awaiting it.
    AgenYield,
    /// Replace TOS by its async iterator (`__aiter__()`).
    GetAIter,
    /// Push the awaitable of `__anext__()` of the async iterator on TOS.
    GetANext,
    /// Exception handler of an `async for` in a comprehension: StopAsyncIteration
    /// ends the loop (drop the exception and the iterator), anything else re-raises.
    EndAsyncFor,
    /// Turn TOS into an awaitable's iterator (coroutine, or `__await__()`).
    GetAwaitable,
    GetYieldFromIter,
    /// TOS value sent into TOS1 iterator; when the iterator finishes, pop it, push the
    /// result and jump.
    Send(u32),
    /// Start of a try: on exception, unwind to the handler.
    SetupExcept(u32),
    PopBlock,
    /// Leave an except handler: pop the handled exception.
    PopExcept,
    /// Re-raise TOS (an exception) without adding a traceback entry.
    Reraise,
    /// raise (0), raise X (1), raise X from Y (2)
    Raise(u8),
    /// Call `__enter__` on TOS; push `__exit__` below the result; set up the handler.
    SetupWith(u32),
    /// Normal exit of a with: call TOS `__exit__(None, None, None)` and pop it.
    WithExitNormal,
    /// In the handler: TOS exception, TOS1 `__exit__`: push exit's result.
    WithExitExc,
    /// `import name` (dotted constant) pushes the top module.
    ImportName(u32),
    /// From the module on TOS, push attribute.
    ImportFrom(u32),
    /// `from m import *`
    ImportStar,
    /// `assert` failure helper: push the AssertionError class.
    LoadAssertionError,
    /// Store TOS to the `__class__` cell when building a class body.
    SetupAnnotations,
}

/// Function parameter layout.
#[derive(Clone, Debug, Default)]
pub struct ParamSpec {
    /// Positional-or-keyword names (they are the first locals).
    pub args: Vec<Rc<str>>,
    /// Keyword-only names (locals after `args`).
    pub kwonly: Vec<Rc<str>>,
    /// `*args` local (after kwonly).
    pub vararg: Option<Rc<str>>,
    /// `**kwargs` local (last parameter).
    pub kwarg: Option<Rc<str>>,
}

/// What kind of frame a code object runs in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeKind {
    /// The module body.
    Module,
    /// A class body (namespace dict).
    Class,
    /// A plain function.
    Function,
    /// A generator function.
    Generator,
    /// `async def`
    Coroutine,
    /// `async def` with `yield`
    AsyncGenerator,
}

/// A constant of a code object as the compiler makes it. The VM turns each into a
/// value once, when it loads the code (`core::code`): the compiler needs no runtime.
#[derive(Debug, Clone)]
pub enum Constant {
    /// A literal (`None`, `1`, `"a"`...).
    Lit(Const),
    /// The keyword names of a call (a tuple of strings for the VM).
    Names(Vec<Rc<str>>),
    /// A nested function, class body or comprehension.
    Code(Rc<Code>),
}

/// A compiled function, class body or module; its constants are `C` (the compiler's
/// `Constant`, or the VM's values once loaded).
#[derive(Debug)]
pub struct Code<C = Constant> {
    /// Function name.
    pub name: Rc<str>,
    /// Qualified name (`C.f`, `f.<locals>.g`).
    pub qualname: Rc<str>,
    /// Instructions.
    pub instrs: Vec<Instr>,
    /// Source line of each instruction.
    pub lines: Vec<u32>,
    /// Constants.
    pub consts: Vec<C>,
    /// Names (globals, attributes).
    pub names: Vec<Rc<str>>,
    /// Local variable names (parameters first).
    pub varnames: Vec<Rc<str>>,
    /// Cells created by this frame.
    pub cellvars: Vec<Rc<str>>,
    /// Cells received from the closure.
    pub freevars: Vec<Rc<str>>,
    /// For each cellvar that is also a parameter: its local slot.
    pub cell_params: Vec<(u32, u32)>,
    /// Parameters.
    pub params: ParamSpec,
    /// Kind.
    pub kind: CodeKind,
    /// Line of the `def`.
    pub first_line: u32,
    /// The library file this code comes from (the asyncio prelude); `None` for the
    /// user's program. Tracebacks name it, and its lines are not traced.
    pub file: Option<Rc<str>>,
}

impl Code {
    /// The same code with each constant mapped by `f` (the VM loading it).
    pub fn map_consts<D>(&self, f: impl FnMut(&Constant) -> D) -> Code<D> {
        Code {
            name: self.name.clone(),
            qualname: self.qualname.clone(),
            instrs: self.instrs.clone(),
            lines: self.lines.clone(),
            consts: self.consts.iter().map(f).collect(),
            names: self.names.clone(),
            varnames: self.varnames.clone(),
            cellvars: self.cellvars.clone(),
            freevars: self.freevars.clone(),
            cell_params: self.cell_params.clone(),
            params: self.params.clone(),
            kind: self.kind,
            first_line: self.first_line,
            file: self.file.clone(),
        }
    }
}
