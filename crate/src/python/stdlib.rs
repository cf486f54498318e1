//! The standard library modules written in Python (`www/pylib/NAME.py`), loaded on
//! their first import.
//!
//! Their sources are not in the wasm (the first visit of the page would pay for
//! them): imports are synchronous in the VM, so the page asks [`needed`] which of
//! these modules a program imports (a token scan of `import X` / `from X import`),
//! fetches `pylib/NAME.py` and hands each one over ([`register`]) before the run.
//! The native build (CLI, tests) embeds the same files.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use super::bytecode::Code;
use super::token::TokKind;
use super::value::*;
use super::vm::Vm;

macro_rules! pylib {
    ($($name:literal),* $(,)?) => {
        /// The modules of `www/pylib/` (a test checks the folder against this list).
        pub const MODULES: &[&str] = &[$($name),*];

        #[cfg(not(target_arch = "wasm32"))]
        fn embedded(name: &str) -> Option<&'static str> {
            match name {
                $($name => Some(include_str!(concat!("../../../www/pylib/", $name, ".py"))),)*
                _ => None,
            }
        }
    };
}

pylib!(
    "collections",
    "dataclasses",
    "itertools",
    "functools",
    "contextlib",
    "json",
    "string",
    "typing",
    "operator",
);

thread_local! {
    /// Sources handed over by the page, by module name.
    static SOURCES: RefCell<HashMap<String, Rc<str>>> = RefCell::new(HashMap::new());
    /// Compiled once per thread: code objects are immutable.
    static COMPILED: RefCell<HashMap<String, Rc<Code>>> = RefCell::new(HashMap::new());
}

/// Hands over the source of the library module `name` (the page, after fetching it).
pub fn register(name: &str, source: &str) {
    if MODULES.contains(&name) {
        SOURCES.with(|s| s.borrow_mut().insert(name.into(), Rc::from(source)));
        COMPILED.with(|c| c.borrow_mut().remove(name));
    }
}

fn source(name: &str) -> Option<Rc<str>> {
    if let Some(s) = SOURCES.with(|s| s.borrow().get(name).cloned()) {
        return Some(s);
    }
    #[cfg(not(target_arch = "wasm32"))]
    if let Some(s) = embedded(name) {
        return Some(Rc::from(s));
    }
    None
}

/// The library modules `source` imports whose source is not there yet: what the page
/// must fetch before running it (then again for each fetched module, which may import
/// others).
pub fn needed(source: &str) -> Vec<&'static str> {
    let toks = super::lexer::tokenize(source);
    let mut out: Vec<&'static str> = Vec::new();
    let mut want = |name: &str| {
        let top = name.split('.').next().unwrap_or("");
        if let Some(m) = MODULES.iter().find(|m| **m == top) {
            if !out.contains(m) && self::source(m).is_none() {
                out.push(m);
            }
        }
    };
    // A dotted name starting at token i: (the name, the index after it).
    let dotted = |mut i: usize| {
        let mut name = String::new();
        while let Some(t) = toks.get(i) {
            match t.kind {
                TokKind::Name => name.push_str(&t.text),
                TokKind::Op if t.text == "." => name.push('.'),
                _ => break,
            }
            i += 1;
        }
        (name, i)
    };
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        i += 1;
        if t.kind != TokKind::Name {
            continue;
        }
        if t.text == "import" {
            // `import a.b as c, d`
            loop {
                let (name, next) = dotted(i);
                if name.is_empty() {
                    break;
                }
                want(&name);
                i = next;
                if toks.get(i).is_some_and(|t| t.is("as")) {
                    i += 2;
                }
                if !toks.get(i).is_some_and(|t| t.is(",")) {
                    break;
                }
                i += 1;
            }
        } else if t.text == "from" {
            // `from a.b import c` (not `yield from x`, not a relative import)
            let (name, next) = dotted(i);
            if toks.get(next).is_some_and(|t| t.is("import")) {
                want(&name);
            }
        }
    }
    out
}

/// `import name` of a library module: its code run in a fresh namespace, or None when
/// there is no such module (or the page did not fetch it).
pub fn load(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    let Some(src) = source(name) else {
        return Ok(None);
    };
    let file = format!("<{name}>");
    let cached = COMPILED.with(|c| c.borrow().get(name).cloned());
    let code = match cached {
        Some(c) => c,
        None => {
            let code = super::parser::parse_module(&src)
                .and_then(|m| super::compiler::compile_library(&m, &file));
            match code {
                Ok(c) => {
                    COMPILED.with(|m| m.borrow_mut().insert(name.into(), c.clone()));
                    c
                }
                Err(e) => {
                    let text = e.render(&file, &src);
                    return vm.err("ImportError", format!("library module {name}: {text}"));
                }
            }
        }
    };
    vm.add_library(&file, &src);
    let globals: Namespace = Rc::new(RefCell::new(HashMap::new()));
    globals
        .borrow_mut()
        .insert("__name__".into(), Value::str(name));
    let module = Value::Module(Rc::new(Module {
        name: name.into(),
        attrs: globals.clone(),
    }));
    // Registered before it runs, as CPython does: a circular import sees it.
    vm.modules.insert(name.into(), module.clone());
    if let Err(e) = vm.run_code(code, globals) {
        vm.modules.remove(name);
        return Err(e);
    }
    Ok(Some(module))
}
