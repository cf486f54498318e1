//! The interpreter's layers import one way (ARCHITECTURE.md, "Layers"): `num/` imports
//! nothing else of the interpreter, `front/` only `num/`, `core/` only `num/` and
//! `front/`; `lib/` and `asyncio/` sit on top. A `use` that breaks the rule fails here
//! with the file and the line, before it turns the layers back into one import loop.

use std::path::{Path, PathBuf};

const PYTHON: &str = "crate/src/python";

/// Every `.rs` file under `dir`.
fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let p = entry.unwrap().path();
        if p.is_dir() {
            files.extend(sources(&p));
        } else if p.extension().is_some_and(|e| e == "rs") {
            files.push(p);
        }
    }
    files
}

/// The lines of the files of `layer` that name a layer it may not import.
fn breaches(layer: &str, allowed: &[&str]) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(PYTHON);
    let files = sources(&root.join(layer));
    assert!(!files.is_empty(), "no source in {PYTHON}/{layer}");
    let mut found = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            for (at, _) in line.match_indices("crate::python::") {
                let named = line[at + "crate::python::".len()..]
                    .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .next()
                    .unwrap_or("");
                if named != layer && !allowed.contains(&named) {
                    found.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
                }
            }
            // `super::` from a layer's own files stays inside the layer by construction;
            // a path through the parent module would escape it.
            if line.contains("super::super::") {
                found.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    found
}

#[test]
fn numbers_import_nothing_else_of_the_interpreter() {
    assert_eq!(breaches("num", &[]), Vec::<String>::new());
}

#[test]
fn the_front_end_imports_no_runtime_value_only_numbers() {
    assert_eq!(breaches("front", &["num"]), Vec::<String>::new());
}

#[test]
fn the_core_imports_neither_the_builtins_nor_the_modules() {
    assert_eq!(breaches("core", &["num", "front"]), Vec::<String>::new());
}

#[test]
fn the_library_imports_the_layers_below_it_and_asyncio() {
    assert_eq!(
        breaches("lib", &["num", "front", "core", "asyncio"]),
        Vec::<String>::new()
    );
}
