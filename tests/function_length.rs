//! No function of `crate/src` is longer than 250 lines (issue 10, "short functions"): a
//! dispatch that grows past it is split into named helpers grouped by concept (the VM's
//! opcodes by category, the builtins and the math module as tables of named functions).
//! The measure reads the sources as text: a `fn` line, then its body up to the brace
//! that closes it (braces inside strings, chars and comments are not counted).

use std::path::{Path, PathBuf};

/// The longest a function may be, in lines from its `fn` line to its closing brace.
const LIMIT: usize = 250;

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
    files.sort();
    files
}

/// The text with string, char and comment contents blanked, so that only code braces
/// remain (line breaks are kept, so line numbers still hold).
fn code_only(text: &str) -> String {
    let b: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let keep = |c: char| if c == '\n' { '\n' } else { ' ' };
    while i < b.len() {
        let c = b[i];
        if c == '/' && b.get(i + 1) == Some(&'/') {
            while i < b.len() && b[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c == '/' && b.get(i + 1) == Some(&'*') {
            let mut depth = 0;
            while i < b.len() {
                if b[i] == '/' && b.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if b[i] == '*' && b.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(keep(b[i]));
                    i += 1;
                }
            }
        } else if c == 'r'
            && matches!(b.get(i + 1), Some('"') | Some('#'))
            && !ident(b.get(i.wrapping_sub(1)))
        {
            // Raw string r"..." or r#"..."#.
            let mut j = i + 1;
            let mut hashes = 0;
            while b.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if b.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            out.extend(std::iter::repeat_n(' ', j + 1 - i));
            i = j + 1;
            while i < b.len() {
                if b[i] == '"' && (0..hashes).all(|k| b.get(i + 1 + k) == Some(&'#')) {
                    out.extend(std::iter::repeat_n(' ', hashes + 1));
                    i += hashes + 1;
                    break;
                }
                out.push(keep(b[i]));
                i += 1;
            }
        } else if c == '"' {
            out.push(' ');
            i += 1;
            while i < b.len() && b[i] != '"' {
                if b[i] == '\\' {
                    out.push(' ');
                    i += 1;
                }
                if i < b.len() {
                    out.push(keep(b[i]));
                    i += 1;
                }
            }
            out.push(' ');
            i += 1;
        } else if c == '\'' {
            // A char literal ('x', '\n', '\u{..}'), or a lifetime ('a) left as it is.
            let close = if b.get(i + 1) == Some(&'\\') {
                (i + 3..b.len().min(i + 12)).find(|&j| b[j] == '\'')
            } else if b.get(i + 2) == Some(&'\'') {
                Some(i + 2)
            } else {
                None
            };
            match close {
                Some(j) => {
                    out.extend(std::iter::repeat_n(' ', j + 1 - i));
                    i = j + 1;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn ident(c: Option<&char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || *c == '_')
}

/// The name of the function a line declares, if it declares one with a body.
fn declared(line: &str) -> Option<String> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let at = words.iter().position(|w| *w == "fn")?;
    // Only qualifiers may stand before `fn` (not `|x| fn` or a type `fn(..)`).
    let qualifiers = [
        "pub",
        "pub(crate)",
        "pub(super)",
        "async",
        "const",
        "unsafe",
        "extern",
        "\"C\"",
    ];
    if !words[..at]
        .iter()
        .all(|w| qualifiers.contains(w) || w.starts_with("pub("))
    {
        return None;
    }
    let name = words.get(at + 1)?;
    Some(name.split(['(', '<']).next().unwrap_or(name).to_string())
}

/// Every function of the crate as (file:line name, lines), longest first.
fn functions() -> Vec<(String, usize)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("crate/src");
    let mut found = Vec::new();
    for file in sources(&root) {
        let text = code_only(&std::fs::read_to_string(&file).unwrap());
        let lines: Vec<&str> = text.lines().collect();
        let short = file.strip_prefix(&root).unwrap().display().to_string();
        let mut n = 0;
        while n < lines.len() {
            let Some(name) = declared(lines[n]) else {
                n += 1;
                continue;
            };
            // The body starts at the first `{` before a `;` (a declaration without body
            // ends at its `;`).
            let mut depth = 0i32;
            let mut opened = false;
            let mut end = None;
            'scan: for (k, l) in lines.iter().enumerate().skip(n) {
                for ch in l.chars() {
                    match ch {
                        '{' => {
                            depth += 1;
                            opened = true;
                        }
                        '}' => {
                            depth -= 1;
                            if opened && depth == 0 {
                                end = Some(k);
                                break 'scan;
                            }
                        }
                        ';' if !opened => break 'scan,
                        _ => {}
                    }
                }
            }
            if let Some(end) = end {
                found.push((format!("{short}:{} {name}", n + 1), end - n + 1));
            }
            // Nested functions are measured too: go on from the next line.
            n += 1;
        }
    }
    found.sort_by_key(|f| std::cmp::Reverse(f.1));
    found
}

#[test]
fn no_function_of_the_crate_is_longer_than_250_lines() {
    let all = functions();
    assert!(
        all.len() > 500,
        "the measure found only {} functions",
        all.len()
    );
    // The ten longest, for the record (`cargo test --test function_length -- --nocapture`).
    for (name, lines) in all.iter().take(10) {
        println!("{lines:5} {name}");
    }
    let long: Vec<_> = all.iter().filter(|(_, n)| *n > LIMIT).collect();
    assert!(long.is_empty(), "functions over {LIMIT} lines: {long:#?}");
}

#[test]
fn the_measure_counts_a_function_from_its_fn_line_to_its_closing_brace() {
    let src = "fn a() {\n    let s = \"}\";\n    let c = '{';\n    // }\n}\n";
    let text = code_only(src);
    assert_eq!(text.matches('{').count(), 1);
    assert_eq!(text.matches('}').count(), 1);
    assert_eq!(
        declared("    pub(crate) fn step(&mut self) {").as_deref(),
        Some("step")
    );
    assert_eq!(declared("    let f: fn(u8) -> u8 = g;"), None);
}
