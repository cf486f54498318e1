//! The object model: every Python value, reference-counted (`Rc`), single-threaded.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::python::core::code::Code;
use crate::python::core::vm::{Frame, Vm};
use crate::python::num::bigint::BigInt;

/// Result of an operation that may raise: the error is the exception instance.
pub type PyResult<T> = Result<T, Value>;

/// A module or class namespace.
pub type Namespace = Rc<RefCell<HashMap<Rc<str>, Value>>>;

/// A closure cell.
pub type CellRef = Rc<RefCell<Option<Value>>>;

/// Any Python value.
#[derive(Clone)]
#[allow(missing_docs)]
pub enum Value {
    None,
    Bool(bool),
    Int(i64),
    /// Integers outside i64.
    Big(Rc<BigInt>),
    Float(f64),
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
    List(Rc<RefCell<Vec<Value>>>),
    Tuple(Rc<[Value]>),
    Dict(Rc<RefCell<Dict>>),
    Set(Rc<RefCell<Dict>>),
    FrozenSet(Rc<Dict>),
    Range(Rc<(i64, i64, i64)>),
    Slice(Rc<(Value, Value, Value)>),
    Ellipsis,
    NotImplemented,
    Code(Rc<Code>),
    Function(Rc<Function>),
    Builtin(Rc<Builtin>),
    /// A function bound to `self`.
    Method(Rc<(Value, Value)>),
    Class(Rc<Class>),
    Instance(Rc<Instance>),
    /// Built-in types (`int`, `str`...).
    Type(BuiltinType),
    Module(Rc<Module>),
    Gen(Rc<RefCell<GenObj>>),
    Iter(Rc<RefCell<IterObj>>),
    Cell(CellRef),
    /// `super()`: (class where the method is defined, self)
    Super(Rc<(Rc<Class>, Value)>),
    /// property / staticmethod / classmethod wrappers
    Wrapper(Rc<(WrapperKind, Value)>),
    /// `d.keys()`, `d.values()`, `d.items()`: a live view of the dict, an object of
    /// its own (its identity is what `dict_values` compares).
    View(Rc<(ViewKind, Rc<RefCell<Dict>>)>),
}

/// Which view of a dict a `Value::View` is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum ViewKind {
    Keys,
    Values,
    Items,
}

/// Descriptors implemented natively.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum WrapperKind {
    Property,
    StaticMethod,
    ClassMethod,
}

/// Built-in types that are not classes of the object model.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum BuiltinType {
    Object,
    Type,
    NoneType,
    Bool,
    Int,
    Float,
    Str,
    Bytes,
    List,
    Tuple,
    Dict,
    Set,
    FrozenSet,
    Range,
    Slice,
    Ellipsis,
    NotImplementedType,
    Function,
    BuiltinFunction,
    Method,
    Module,
    Generator,
    Coroutine,
    AsyncGenerator,
    AsyncGenAsend,
    AsyncGenAthrow,
    Iterator,
    Cell,
    Super,
    Property,
    StaticMethod,
    ClassMethod,
    Code,
    DictKeys,
    DictValues,
    DictItems,
}

impl BuiltinType {
    /// The type's `__name__`.
    pub fn name(self) -> &'static str {
        use BuiltinType::*;
        match self {
            Object => "object",
            Type => "type",
            NoneType => "NoneType",
            Bool => "bool",
            Int => "int",
            Float => "float",
            Str => "str",
            Bytes => "bytes",
            List => "list",
            Tuple => "tuple",
            Dict => "dict",
            Set => "set",
            FrozenSet => "frozenset",
            Range => "range",
            Slice => "slice",
            Ellipsis => "ellipsis",
            NotImplementedType => "NotImplementedType",
            Function => "function",
            BuiltinFunction => "builtin_function_or_method",
            Method => "method",
            Module => "module",
            Generator => "generator",
            Coroutine => "coroutine",
            AsyncGenerator => "async_generator",
            AsyncGenAsend => "async_generator_asend",
            AsyncGenAthrow => "async_generator_athrow",
            Iterator => "iterator",
            Cell => "cell",
            Super => "super",
            Property => "property",
            StaticMethod => "staticmethod",
            ClassMethod => "classmethod",
            Code => "code",
            DictKeys => "dict_keys",
            DictValues => "dict_values",
            DictItems => "dict_items",
        }
    }
}

/// A Python function.
pub struct Function {
    /// Compiled body.
    pub code: Rc<Code>,
    /// Module namespace.
    pub globals: Namespace,
    /// Defaults of the last positional parameters.
    pub defaults: Vec<Value>,
    /// Defaults of keyword-only parameters.
    pub kwdefaults: Vec<(Rc<str>, Value)>,
    /// Cells of the free variables.
    pub closure: Vec<CellRef>,
    /// `__dict__` (attributes set on the function).
    pub attrs: RefCell<HashMap<Rc<str>, Value>>,
}

/// Arguments of a call.
#[derive(Default)]
pub struct Args {
    /// Positional.
    pub pos: Vec<Value>,
    /// Keyword.
    pub kw: Vec<(Rc<str>, Value)>,
}

impl Args {
    /// Positional arguments only.
    pub fn new(pos: Vec<Value>) -> Self {
        Args { pos, kw: vec![] }
    }
}

/// Signature of native functions: the VM, the function itself (name, bound self), args.
pub type NativeFn = fn(&mut Vm, &Builtin, Args) -> PyResult<Value>;

/// A native function value.
pub fn native(name: &str, f: NativeFn) -> Value {
    Value::Builtin(Rc::new(Builtin {
        name: name.into(),
        bound: None,
        f,
    }))
}

/// A native method bound to `this`.
pub fn native_method(this: Value, name: &str, f: NativeFn) -> Value {
    Value::Builtin(Rc::new(Builtin {
        name: name.into(),
        bound: Some(this),
        f,
    }))
}

/// A built-in exception class.
pub fn new_exc_class(name: &str, module: &str, base: Option<Rc<Class>>) -> Rc<Class> {
    let c = Rc::new(Class {
        name: name.into(),
        qualname: name.into(),
        module: module.into(),
        bases: base.iter().cloned().collect(),
        mro: RefCell::new(vec![]),
        attrs: RefCell::new(HashMap::new()),
        is_exception: true,
    });
    let mut mro = vec![c.clone()];
    if let Some(b) = base {
        mro.extend(b.mro.borrow().iter().cloned());
    }
    *c.mro.borrow_mut() = mro;
    c
}

/// A native function or method.
pub struct Builtin {
    /// Name shown in errors and repr.
    pub name: Rc<str>,
    /// `self` for methods of built-in types.
    pub bound: Option<Value>,
    /// Implementation.
    pub f: NativeFn,
}

/// A class created by a `class` statement (or a built-in exception class).
pub struct Class {
    /// `__name__`
    pub name: Rc<str>,
    /// `__qualname__`
    pub qualname: Rc<str>,
    /// `__module__` (`builtins` for built-in exceptions).
    pub module: Rc<str>,
    /// Direct bases.
    pub bases: Vec<Rc<Class>>,
    /// Method resolution order, starting with the class itself (without `object`).
    pub mro: RefCell<Vec<Rc<Class>>>,
    /// Class attributes.
    pub attrs: RefCell<HashMap<Rc<str>, Value>>,
    /// Is it BaseException or a subclass?
    pub is_exception: bool,
}

impl Class {
    /// Look an attribute up along the MRO.
    pub fn lookup(&self, name: &str) -> Option<Value> {
        if let Some(v) = self.attrs.borrow().get(name) {
            return Some(v.clone());
        }
        for c in self.mro.borrow().iter().skip(1) {
            if let Some(v) = c.attrs.borrow().get(name) {
                return Some(v.clone());
            }
        }
        None
    }

    /// Is `self` `other` or a subclass of it?
    pub fn is_subclass(&self, other: &Rc<Class>) -> bool {
        std::ptr::eq(self, Rc::as_ptr(other))
            || self.mro.borrow().iter().any(|c| Rc::ptr_eq(c, other))
    }
}

/// One line of a traceback.
#[derive(Clone, Debug)]
pub struct TbEntry {
    /// File name.
    pub file: Rc<str>,
    /// Line.
    pub line: u32,
    /// Function name.
    pub name: Rc<str>,
}

/// State carried by exception instances.
#[derive(Default)]
pub struct ExcState {
    /// Frames the exception went through, innermost first.
    pub traceback: Vec<TbEntry>,
    /// `__context__`
    pub context: Option<Value>,
    /// `__cause__`
    pub cause: Option<Value>,
    /// `__suppress_context__`
    pub suppress_context: bool,
    /// A NameError's "Did you mean" name, found when it was raised (printed only).
    pub suggestion: Option<Rc<str>>,
}

/// Instance attributes in insertion order (`__dict__` and `vars()` print in that order);
/// instances have few attributes, so a vector beats hashing.
#[derive(Default, Clone)]
pub struct AttrMap(Vec<(Rc<str>, Value)>);

impl AttrMap {
    /// Lookup.
    pub fn get(&self, k: &str) -> Option<&Value> {
        self.0.iter().find(|e| &*e.0 == k).map(|e| &e.1)
    }
    /// Insert or replace in place.
    pub fn insert(&mut self, k: Rc<str>, v: Value) -> Option<Value> {
        match self.0.iter_mut().find(|e| e.0 == k) {
            Some(e) => Some(std::mem::replace(&mut e.1, v)),
            None => {
                self.0.push((k, v));
                None
            }
        }
    }
    /// Remove.
    pub fn remove(&mut self, k: &str) -> Option<Value> {
        let i = self.0.iter().position(|e| &*e.0 == k)?;
        Some(self.0.remove(i).1)
    }
    /// Entries in order.
    pub fn iter(&self) -> impl Iterator<Item = (&Rc<str>, &Value)> {
        self.0.iter().map(|e| (&e.0, &e.1))
    }
    /// Names in order.
    pub fn keys(&self) -> impl Iterator<Item = &Rc<str>> {
        self.0.iter().map(|e| &e.0)
    }
}

/// An instance of a class.
pub struct Instance {
    /// Its class.
    pub class: Rc<Class>,
    /// `__dict__`
    pub attrs: RefCell<AttrMap>,
    /// Exception state (for exception instances).
    pub exc: RefCell<ExcState>,
}

/// A module object.
pub struct Module {
    /// `__name__`
    pub name: Rc<str>,
    /// Attributes.
    pub attrs: Namespace,
}

/// Generator / coroutine lifecycle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenState {
    /// Not started.
    Created,
    /// Paused at a yield.
    Suspended,
    /// Currently executing.
    Running,
    /// Finished.
    Done,
}

/// A generator or coroutine: a suspended frame that can be resumed from outside.
pub struct GenObj {
    /// The frame while suspended (taken out while running).
    pub frame: Option<Box<Frame>>,
    /// Lifecycle.
    pub state: GenState,
    /// Generator, coroutine, async generator or one of its steps.
    pub kind: GenKind,
    /// An async generator running a step: what that step wants at the end.
    pub running_step: Option<StepEnd>,
    /// `__name__`
    pub name: Rc<str>,
    /// `__qualname__`
    pub qualname: Rc<str>,
    /// Handed to a task: a task cancelled before its first step closes its
    /// coroutine silently, as CPython's does.
    pub owned_by_task: bool,
    /// An async generator first iterated while an event loop ran: the loop's
    /// finalizer hook, called when it is destroyed unfinished (CPython's
    /// `ag_finalizer`, from `sys.set_asyncgen_hooks`). `Some(None)` once the
    /// hooks were looked at without one (CPython's `ag_hooks_inited`).
    pub finalizer: Option<Value>,
}

/// What kind of suspended computation a `GenObj` is.
pub enum GenKind {
    /// `def` with `yield`.
    Generator,
    /// `async def`.
    Coroutine,
    /// `async def` with `yield`.
    AsyncGen,
    /// The awaitable of `__anext__()`, `asend()`, `athrow()` or `aclose()`: it has
    /// no frame of its own and resumes its async generator.
    Step(Box<AgenStep>),
}

/// An async generator step (CPython's `async_generator_asend` / `_athrow`).
pub struct AgenStep {
    /// The async generator it resumes.
    pub agen: Rc<RefCell<GenObj>>,
    /// Sent in on the first resumption (`asend(v)`).
    pub send: Value,
    /// Thrown in on the first resumption (`athrow`, `aclose`).
    pub throw: Option<Value>,
    /// How the step ends.
    pub end: StepEnd,
}

/// How an async generator step turns the generator's outcome into its own.
#[derive(Clone, Default)]
pub struct StepEnd {
    /// `aclose()`: GeneratorExit or the end give None, a yield is an error.
    pub close: bool,
    /// `anext(g, default)`: the end gives `default`.
    pub default: Option<Value>,
}

impl GenObj {
    /// A coroutine (`async def` without `yield`)?
    pub fn is_coroutine(&self) -> bool {
        matches!(self.kind, GenKind::Coroutine)
    }

    /// How CPython's messages name it.
    pub fn what(&self) -> &'static str {
        match self.kind {
            GenKind::Generator => "generator",
            GenKind::Coroutine => "coroutine",
            _ => "async generator",
        }
    }
}

thread_local! {
    /// Coroutines destroyed before they ever ran, waiting for the VM to print
    /// CPython's `RuntimeWarning: coroutine '…' was never awaited`.
    pub static UNAWAITED: RefCell<Vec<Rc<str>>> = const { RefCell::new(Vec::new()) };
}

/// A dropped generator to close, with the finalizer that closes it (async).
pub type Dropped = (Rc<RefCell<GenObj>>, Option<Value>);

thread_local! {
    /// Generators dropped while suspended inside a try block: CPython closes them
    /// when they are destroyed (their finally blocks run); the VM does it at its
    /// next `Pop` (`Vm::close_dropped`). An async generator with a finalizer
    /// comes with it: the finalizer is called instead (the loop closes it).
    pub static TO_CLOSE: RefCell<Vec<Dropped>> = const { RefCell::new(Vec::new()) };
}

impl Drop for GenObj {
    fn drop(&mut self) {
        if self.is_coroutine() && self.state == GenState::Created && !self.owned_by_task {
            let name = self.qualname.clone();
            let _ = UNAWAITED.try_with(|u| u.borrow_mut().push(name));
        }
        let in_try = self.frame.as_ref().is_some_and(|f| !f.blocks.is_empty());
        let finalize = matches!(self.kind, GenKind::AsyncGen)
            && matches!(&self.finalizer, Some(f) if !matches!(f, Value::None))
            && self.state == GenState::Suspended;
        if finalize
            || matches!(self.kind, GenKind::Generator)
                && self.state == GenState::Suspended
                && in_try
        {
            let (frame, name, qualname) =
                (self.frame.take(), self.name.clone(), self.qualname.clone());
            let (kind, finalizer) = if finalize {
                (GenKind::AsyncGen, self.finalizer.take())
            } else {
                (GenKind::Generator, None)
            };
            // finalized once: the one that comes back has no finalizer
            let inited = finalizer.as_ref().map(|_| Value::None);
            // the new object is made inside: when the thread is ending (no list
            // any more) only the frame is dropped, and nothing comes back here
            let _ = TO_CLOSE.try_with(move |t| {
                let g = GenObj {
                    frame,
                    state: GenState::Suspended,
                    kind,
                    running_step: None,
                    name,
                    qualname,
                    owned_by_task: false,
                    finalizer: inited,
                };
                t.borrow_mut().push((Rc::new(RefCell::new(g)), finalizer));
            });
        }
    }
}

/// Native iterators.
#[allow(missing_docs)]
pub enum IterObj {
    Seq(Value, usize),
    Chars(Rc<str>, usize),
    Range(i64, i64, i64),
    /// Items of a list snapshot (dict keys/values/items, sets, reversed).
    Items(Vec<Value>, usize),
    /// Keys of a dict or set snapshot, and the container with its size then:
    /// CPython raises if the size changes during the iteration (true: a set).
    Keys(Vec<Value>, usize, Rc<RefCell<Dict>>, usize, bool),
    Enumerate(Value, Value),
    Zip(Vec<Value>, bool),
    Map(Value, Vec<Value>),
    Filter(Value, Value),
    /// Yields `Some(value)` once then returns (native awaitables).
    Once(Option<Value>),
    Done,
}

/// Keys of dicts and sets: hashable values reduced to a Rust-hashable form, with
/// equal numbers (1, 1.0, True) mapped to the same key as Python requires.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum HashKey {
    /// None
    None,
    /// int, bool and integral floats
    Int(i64),
    /// big ints
    Big(String),
    /// other floats (bits)
    Float(u64),
    /// str
    Str(Rc<str>),
    /// bytes
    Bytes(Rc<[u8]>),
    /// tuple of keys
    Tuple(Vec<HashKey>),
    /// identity (functions, classes, instances of classes without `__hash__`)
    Id(usize),
    /// an instance whose class defines `__hash__`: the hash it returned. Objects of
    /// equal hashes are taken as the same key (their `__eq__` is not asked), which is
    /// right whenever equal objects hash equal and unequal ones apart.
    User(i64),
    /// frozenset: its element keys' texts, sorted and joined
    FrozenSet(Rc<str>),
}

/// An insertion-ordered hash map (dicts, and sets with `None` values).
///
/// A set made by `Dict::new_set` keeps its `entries` in the slots of CPython's set
/// table instead (see `set.rs`), so that it iterates in CPython's order.
#[derive(Clone, Default)]
pub struct Dict {
    pub(super) entries: Vec<Option<(Value, Value)>>,
    pub(super) index: HashMap<HashKey, usize>,
    /// Sets only: the hashes and counters of CPython's table.
    pub(super) set: Option<crate::python::core::set::SetTable>,
}

impl Dict {
    /// Empty dict.
    pub fn new() -> Self {
        Self::default()
    }
    /// Number of items.
    pub fn len(&self) -> usize {
        self.index.len()
    }
    /// No items?
    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }
    /// Lookup.
    pub fn get(&self, k: &HashKey) -> Option<&Value> {
        self.index
            .get(k)
            .and_then(|&i| self.entries[i].as_ref().map(|e| &e.1))
    }
    /// Insert or replace (an existing key keeps its position and original key object).
    pub fn insert(&mut self, hk: HashKey, k: Value, v: Value) {
        if let Some(&i) = self.index.get(&hk) {
            if let Some(e) = self.entries[i].as_mut() {
                e.1 = v;
            }
            return;
        }
        // a set with a table places the key in CPython's slot
        let Some((hk, k)) = self.set_add(hk, k) else {
            return;
        };
        self.index.insert(hk, self.entries.len());
        self.entries.push(Some((k, v)));
    }
    /// Remove and return the value.
    pub fn remove(&mut self, hk: &HashKey) -> Option<(Value, Value)> {
        let i = self.index.remove(hk)?;
        let e = self.entries[i].take();
        if self.set_discarded(i) {
            return e;
        }
        if self.entries.len() > 32 && self.index.len() * 2 < self.entries.len() {
            self.compact();
        }
        e
    }
    fn compact(&mut self) {
        let entries: Vec<_> = self.entries.drain(..).flatten().collect();
        self.index.clear();
        for (k, v) in entries {
            let hk = hash_key(&k).unwrap_or(HashKey::None);
            self.index.insert(hk, self.entries.len());
            self.entries.push(Some((k, v)));
        }
    }
    /// Items in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &(Value, Value)> {
        self.entries.iter().flatten()
    }
    /// Keys in order.
    pub fn keys(&self) -> Vec<Value> {
        self.iter().map(|e| e.0.clone()).collect()
    }
    /// Remove everything.
    pub fn clear(&mut self) {
        self.entries.clear();
        self.index.clear();
        self.set_cleared();
    }
    /// Remove the last item.
    pub fn pop_last(&mut self) -> Option<(Value, Value)> {
        while let Some(e) = self.entries.pop() {
            if let Some((k, v)) = e {
                if let Ok(hk) = hash_key(&k) {
                    self.index.remove(&hk);
                }
                return Some((k, v));
            }
        }
        None
    }
}

/// What a dict view holds now, in order: keys, values or `(key, value)` tuples.
pub fn view_items(kind: ViewKind, d: &Dict) -> Vec<Value> {
    d.iter()
        .map(|(k, v)| match kind {
            ViewKind::Keys => k.clone(),
            ViewKind::Values => v.clone(),
            ViewKind::Items => Value::tuple(vec![k.clone(), v.clone()]),
        })
        .collect()
}

/// The hash key of a value, or `None` when the value is unhashable.
pub fn hash_key(v: &Value) -> Result<HashKey, &'static str> {
    Ok(match v {
        Value::None => HashKey::None,
        Value::Bool(b) => HashKey::Int(*b as i64),
        Value::Int(i) => HashKey::Int(*i),
        Value::Big(b) => HashKey::Big(b.to_string()),
        Value::Float(f) => {
            if f.fract() == 0.0 && f.abs() < 9.0e18 {
                HashKey::Int(*f as i64)
            } else if f.is_finite() && f.fract() == 0.0 {
                HashKey::Big(BigInt::from_f64(*f).to_string())
            } else {
                HashKey::Float(f.to_bits())
            }
        }
        Value::Str(s) => HashKey::Str(s.clone()),
        Value::Bytes(b) => HashKey::Bytes(b.clone()),
        Value::Tuple(t) => HashKey::Tuple(t.iter().map(hash_key).collect::<Result<_, _>>()?),
        Value::FrozenSet(d) => {
            // Order-free: the sorted texts of the element keys.
            let keys: Vec<String> = d
                .iter()
                .map(|e| {
                    let mut t = String::new();
                    key_text(&known_key(&e.0), &mut t);
                    t
                })
                .collect();
            HashKey::FrozenSet(sort_strings(keys).concat().into())
        }
        Value::List(_) => return Err("list"),
        Value::Dict(_) => return Err("dict"),
        Value::Set(_) => return Err("set"),
        Value::Slice(_) => return Err("slice"),
        // keys and items views compare as sets, so they are unhashable; values
        // views compare by identity and hash by it
        Value::View(v) if v.0 == ViewKind::Keys => return Err("dict_keys"),
        Value::View(v) if v.0 == ViewKind::Items => return Err("dict_items"),
        other => HashKey::Id(other.id()),
    })
}

/// Strings in ascending order: a small merge sort, so that the wasm does not carry
/// the standard library's sort for `String` (driftsort, quicksort) for `dir()` and
/// frozenset keys.
pub fn sort_strings(mut v: Vec<String>) -> Vec<String> {
    if v.len() < 2 {
        return v;
    }
    let b = sort_strings(v.split_off(v.len() / 2));
    let a = sort_strings(v);
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut a, mut b) = (a.into_iter().peekable(), b.into_iter().peekable());
    while let (Some(x), Some(y)) = (a.peek(), b.peek()) {
        // `a` first on ties: stable
        let next = if y < x { b.next() } else { a.next() };
        out.extend(next);
    }
    out.extend(a);
    out.extend(b);
    out
}

/// `hash_key` of a value known to be hashable (an element of a dict or set).
pub fn known_key(v: &Value) -> HashKey {
    // Not `unwrap()`: its message would link `Debug` for `&str` (escape tables).
    hash_key(v).unwrap_or_else(|_| unreachable!())
}

/// An unambiguous text of a key (lengths before contents), for frozenset keys.
fn key_text(k: &HashKey, out: &mut String) {
    use std::fmt::Write;
    let _ = match k {
        HashKey::None => write!(out, "N;"),
        HashKey::Int(i) => write!(out, "I{i};"),
        HashKey::Big(b) => write!(out, "B{b};"),
        HashKey::Float(f) => write!(out, "F{f};"),
        HashKey::Str(s) => write!(out, "S{}:{s}", s.len()),
        HashKey::Bytes(b) => {
            out.push('Y');
            b.iter().try_for_each(|x| write!(out, "{x:02x}"))
        }
        HashKey::Tuple(t) => {
            let _ = write!(out, "T{}(", t.len());
            t.iter().for_each(|x| key_text(x, out));
            write!(out, ")")
        }
        HashKey::Id(i) => write!(out, "D{i};"),
        HashKey::User(h) => write!(out, "U{h};"),
        HashKey::FrozenSet(s) => write!(out, "Z{}:{s}", s.len()),
    };
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::None => write!(f, "None"),
            Value::Bool(b) => write!(f, "{}", b),
            Value::Int(i) => write!(f, "{}", i),
            Value::Float(x) => f.write_str(&crate::python::core::format::float_repr(*x)),
            Value::Str(s) => write!(f, "{:?}", s),
            other => write!(f, "<{}>", other.type_name()),
        }
    }
}

impl Value {
    /// A str value.
    pub fn str(s: &str) -> Value {
        Value::Str(s.into())
    }

    /// An int from a big integer, small when it fits.
    pub fn from_big(b: BigInt) -> Value {
        match b.to_i64() {
            Some(i) => Value::Int(i),
            None => Value::Big(Rc::new(b)),
        }
    }

    /// A new list.
    pub fn list(v: Vec<Value>) -> Value {
        Value::List(Rc::new(RefCell::new(v)))
    }

    /// A new tuple.
    pub fn tuple(v: Vec<Value>) -> Value {
        Value::Tuple(v.into())
    }

    /// A new dict.
    pub fn dict(d: Dict) -> Value {
        Value::Dict(Rc::new(RefCell::new(d)))
    }

    /// Identity (`id()` and `is`): the address of the shared object, or a value-derived
    /// number for immediates.
    pub fn id(&self) -> usize {
        fn p<T: ?Sized>(r: &Rc<T>) -> usize {
            Rc::as_ptr(r) as *const u8 as usize
        }
        match self {
            Value::None => 1,
            Value::Bool(b) => 2 + *b as usize,
            Value::Ellipsis => 4,
            Value::NotImplemented => 5,
            Value::Int(i) => (*i as usize).wrapping_mul(16).wrapping_add(8),
            Value::Float(f) => f.to_bits() as usize,
            Value::Big(r) => p(r),
            Value::Str(r) => p(r),
            Value::Bytes(r) => p(r),
            Value::List(r) => p(r),
            Value::Tuple(r) => p(r),
            Value::Dict(r) => p(r),
            Value::Set(r) => p(r),
            Value::FrozenSet(r) => p(r),
            Value::Range(r) => p(r),
            Value::Slice(r) => p(r),
            Value::Code(r) => p(r),
            Value::Function(r) => p(r),
            Value::Builtin(r) => p(r),
            Value::Method(r) => p(r),
            Value::Class(r) => p(r),
            Value::Instance(r) => p(r),
            Value::Type(t) => 64 + *t as usize * 8,
            Value::Module(r) => p(r),
            Value::Gen(r) => p(r),
            Value::Iter(r) => p(r),
            Value::Cell(r) => p(r),
            Value::Super(r) => p(r),
            Value::Wrapper(r) => p(r),
            Value::View(r) => p(r),
        }
    }

    /// `is`
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            (Value::Str(a), Value::Str(b)) => Rc::ptr_eq(a, b) || (a.len() <= 1 && a == b),
            (Value::Tuple(a), Value::Tuple(b)) => {
                Rc::ptr_eq(a, b) || (a.is_empty() && b.is_empty())
            }
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::None, Value::None) => true,
            (Value::Method(a), Value::Method(b)) => Rc::ptr_eq(a, b),
            _ => {
                std::mem::discriminant(self) == std::mem::discriminant(other)
                    && self.id() == other.id()
            }
        }
    }

    /// The built-in type of a non-instance value (instances and classes: see `Vm`).
    pub fn builtin_type(&self) -> BuiltinType {
        use BuiltinType as T;
        match self {
            Value::None => T::NoneType,
            Value::Bool(_) => T::Bool,
            Value::Int(_) | Value::Big(_) => T::Int,
            Value::Float(_) => T::Float,
            Value::Str(_) => T::Str,
            Value::Bytes(_) => T::Bytes,
            Value::List(_) => T::List,
            Value::Tuple(_) => T::Tuple,
            Value::Dict(_) => T::Dict,
            Value::Set(_) => T::Set,
            Value::FrozenSet(_) => T::FrozenSet,
            Value::Range(_) => T::Range,
            Value::Slice(_) => T::Slice,
            Value::Ellipsis => T::Ellipsis,
            Value::NotImplemented => T::NotImplementedType,
            Value::Code(_) => T::Code,
            Value::Function(_) => T::Function,
            Value::Builtin(_) => T::BuiltinFunction,
            Value::Method(_) => T::Method,
            Value::Class(_) | Value::Type(_) => T::Type,
            Value::Instance(_) => T::Object,
            Value::Module(_) => T::Module,
            Value::Gen(g) => match &g.borrow().kind {
                GenKind::Generator => T::Generator,
                GenKind::Coroutine => T::Coroutine,
                GenKind::AsyncGen => T::AsyncGenerator,
                GenKind::Step(s) if s.end.close || s.throw.is_some() => T::AsyncGenAthrow,
                GenKind::Step(_) => T::AsyncGenAsend,
            },
            Value::Iter(_) => T::Iterator,
            Value::Cell(_) => T::Cell,
            Value::Super(_) => T::Super,
            Value::Wrapper(w) => match w.0 {
                WrapperKind::Property => T::Property,
                WrapperKind::StaticMethod => T::StaticMethod,
                WrapperKind::ClassMethod => T::ClassMethod,
            },
            Value::View(v) => match v.0 {
                ViewKind::Keys => T::DictKeys,
                ViewKind::Values => T::DictValues,
                ViewKind::Items => T::DictItems,
            },
        }
    }

    /// `type(x).__name__`
    pub fn type_name(&self) -> Rc<str> {
        match self {
            Value::Instance(i) => i.class.name.clone(),
            Value::Iter(it) => match &*it.borrow() {
                IterObj::Seq(Value::List(_), _) => "list_iterator".into(),
                IterObj::Seq(Value::Tuple(_), _) => "tuple_iterator".into(),
                IterObj::Chars(..) => "str_ascii_iterator".into(),
                IterObj::Range(..) => "range_iterator".into(),
                IterObj::Enumerate(..) => "enumerate".into(),
                IterObj::Zip(..) => "zip".into(),
                IterObj::Map(..) => "map".into(),
                IterObj::Filter(..) => "filter".into(),
                _ => "iterator".into(),
            },
            other => other.builtin_type().name().into(),
        }
    }
}

#[cfg(test)]
mod sort_tests {
    #[test]
    fn sort_strings_sorts_like_the_standard_sort() {
        let v: Vec<String> = ["pomme", "a", "", "poire", "a", "Z", "é", "abricot", "pomm"]
            .map(String::from)
            .into();
        let mut want = v.clone();
        want.sort();
        assert_eq!(super::sort_strings(v), want);
    }
}
