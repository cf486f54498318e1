//! The standard library modules written in Python (`www/pylib/NAME.py`), loaded on
//! their first import.
//!
//! Their sources are not in the wasm (the first visit of the page would pay for
//! them): imports are synchronous in the VM, so the page finds which of these
//! modules a program imports (`www/pylib.js`, a scan of `import X` / `from X
//! import`), fetches `pylib/NAME.py` and hands each one over ([`register`]) before
//! the run. The native build (CLI, tests) embeds the same files.

use crate::python::core::exc::ExcKind;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::python::core::value::*;
use crate::python::core::vm::Vm;

macro_rules! pylib {
    ($($name:literal),* $(,)?) => {
        /// The modules of `www/pylib/` (a test checks the folder against this list).
        pub const MODULES: &[&str] = &[$($name),*];

        #[cfg(not(target_arch = "wasm32"))]
        fn embedded(name: &str) -> Option<&'static str> {
            match name {
                $($name => Some(include_str!(concat!("../../../../www/pylib/", $name, ".py"))),)*
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
    "_math",
    "_sys",
    "enum",
    "datetime",
    "statistics",
    "re",
);

/// The engine's own Python files that the wasm does not embed either: asyncio's
/// second part (queues, locks, timeouts, task groups) and ExceptionGroup. build.rs
/// writes them (made smaller) to `www/pkg/py/NAME.py`; the page fetches one before
/// a run whose program names what it defines (`www/pylib.js`). No `import` reaches
/// them: the engine asks for them itself ([`part`]).
pub const PARTS: &[&str] = &["prelude_sync", "exceptiongroup"];

/// The source of one of [`PARTS`]: embedded in the native build; in the wasm, what
/// the page handed over, or None.
pub fn part(name: &str) -> Option<Rc<str>> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let embedded = match name {
            "prelude_sync" => include_str!(concat!(env!("OUT_DIR"), "/prelude_sync.py")),
            "exceptiongroup" => include_str!(concat!(env!("OUT_DIR"), "/exceptiongroup.py")),
            _ => return None,
        };
        Some(Rc::from(embedded))
    }
    #[cfg(target_arch = "wasm32")]
    handed(name)
}

thread_local! {
    /// Sources handed over by the page: (name, source). A Vec, not a HashMap: a
    /// dozen entries, and no new HashMap instance in the wasm.
    static SOURCES: RefCell<Vec<(&'static str, Rc<str>)>> = const { RefCell::new(Vec::new()) };
}

/// Hands over the source of the library module `name` (the page, after fetching it).
pub fn register(name: &str, source: &str) {
    let Some(name) = MODULES.iter().chain(PARTS).find(|m| **m == name) else {
        return;
    };
    SOURCES.with(|s| {
        // once: the page hands the same files over before each run
        if !s.borrow().iter().any(|(n, _)| n == name) {
            s.borrow_mut().push((name, Rc::from(source)));
        }
    });
}

fn handed(name: &str) -> Option<Rc<str>> {
    SOURCES.with(|s| {
        s.borrow()
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, s)| s.clone())
    })
}

fn source(name: &str) -> Option<Rc<str>> {
    if PARTS.contains(&name) {
        return None;
    }
    if let Some(s) = handed(name) {
        return Some(s);
    }
    #[cfg(not(target_arch = "wasm32"))]
    if let Some(s) = embedded(name) {
        return Some(Rc::from(s));
    }
    None
}

/// `import name` of a library module: its code run in a fresh namespace, or None when
/// there is no such module (or the page did not fetch it).
pub fn load(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    let Some(src) = source(name) else {
        return Ok(None);
    };
    let file = format!("<{name}>");
    // Compiled at each first import of a run: a few ms, and no cache in the wasm.
    let code = crate::python::front::parser::parse_module(&src)
        .and_then(|m| crate::python::core::code::compile_library(&m, &file));
    let code = match code {
        Ok(c) => c,
        Err(e) => {
            let text = e.render(&file, &src);
            return vm.err(ExcKind::ImportError, text);
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
