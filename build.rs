//! The engine's own Python files (`crate/src/**/*.py`: asyncio's prelude, its second
//! part, ExceptionGroup), made smaller before they are embedded: every byte of them is
//! in the wasm a first visit downloads (the page's budget is 300 KB gzipped).
//!
//! The transform keeps the line count, so tracebacks through these files point at the
//! same lines as in the sources:
//! - a comment line becomes an empty line, a trailing comment goes (on a line with no
//!   quote, where a `#` cannot be inside a string);
//! - four-space indentation becomes one space per level (Python only asks for
//!   consistency; tracebacks show source lines without their indentation);
//! - lines in a triple-quoted string are kept as they are.
//!
//! Output: `$OUT_DIR/NAME.py` (the Rust code embeds it with
//! `include_str!(concat!(env!("OUT_DIR"), "/NAME.py"))`), found by file name, so the
//! files may move inside `crate/src/`. For the wasm build, the files the page fetches
//! when a program needs them instead of embedding them (see [`ON_DEMAND`]) are also
//! written to `www/pkg/py/`, next to the wasm (a build product, like `www/pkg/`).

use std::fs;
use std::path::{Path, PathBuf};

/// The files the wasm does not embed: the page fetches them before running a program
/// that names what they define (www/pylib.js).
const ON_DEMAND: &[&str] = &["prelude_sync.py", "exceptiongroup.py"];

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    let src = manifest.join("crate").join("src");
    println!("cargo:rerun-if-changed=build.rs");
    // a directory: cargo rescans it whole (a file added, moved or edited)
    println!("cargo:rerun-if-changed={}", src.display());
    let wasm = std::env::var("TARGET").is_ok_and(|t| t.starts_with("wasm32"));
    let web = manifest.join("www").join("pkg").join("py");
    let mut seen: Vec<String> = Vec::new();
    for file in python_files(&src) {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            !seen.contains(&name),
            "build.rs: two Python files named {name} under crate/src (OUT_DIR is flat)"
        );
        let text = fs::read_to_string(&file).expect("read a Python file of crate/src");
        let small = shrink(&text);
        fs::write(out.join(&name), &small).expect("write to OUT_DIR");
        if wasm && ON_DEMAND.contains(&name.as_str()) {
            fs::create_dir_all(&web).expect("create www/pkg/py");
            fs::write(web.join(&name), &small).expect("write www/pkg/py");
        }
        seen.push(name);
    }
    for name in ON_DEMAND {
        assert!(
            seen.iter().any(|s| s == name),
            "build.rs: {name} is not under crate/src"
        );
    }
}

fn python_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut entries: Vec<_> = fs::read_dir(dir)
        .expect("read crate/src")
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            found.extend(python_files(&p));
        } else if p.extension().is_some_and(|e| e == "py") {
            found.push(p);
        }
    }
    found
}

/// The transform described at the top of this file.
fn shrink(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_string: Option<&str> = None; // the open triple quote
    for line in text.lines() {
        let has_triple = line.contains("\"\"\"") || line.contains("'''");
        if in_string.is_some() {
            out.push_str(line);
        } else if has_triple {
            // code that opens a string (a docstring): its indentation is structural
            let body = line.trim_start_matches(' ');
            out.push_str(&" ".repeat(indent_level(line.len() - body.len())));
            out.push_str(body);
        } else {
            out.push_str(&shrink_line(line));
        }
        out.push('\n');
        // a triple quote this line opens or closes (an odd count of it)
        for quote in ["\"\"\"", "'''"] {
            if in_string.is_none_or(|q| q == quote) && line.matches(quote).count() % 2 == 1 {
                in_string = if in_string.is_some() {
                    None
                } else {
                    Some(quote)
                };
            }
        }
    }
    out
}

fn shrink_line(line: &str) -> String {
    let body = line.trim_start_matches(' ');
    if body.starts_with('#') || body.trim().is_empty() {
        return String::new();
    }
    let body = match body.find('#') {
        Some(i) if !body.contains(['\'', '"']) => &body[..i],
        _ => body,
    };
    let indent = indent_level(line.len() - line.trim_start_matches(' ').len());
    format!("{}{}", " ".repeat(indent), body.trim_end())
}

/// Four spaces a level become one; other indentation (continuation lines) stays.
fn indent_level(spaces: usize) -> usize {
    if spaces.is_multiple_of(4) {
        spaces / 4
    } else {
        spaces
    }
}
