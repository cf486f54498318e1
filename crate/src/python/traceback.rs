//! Printing an uncaught exception the way CPython 3.11 does (without the `~~^~~`
//! position markers of PEP 657, which are not reproduced yet).

use super::value::*;
use super::vm::Vm;

/// Tracebacks collapse a line repeated more than this many times.
const RECURSIVE_CUTOFF: usize = 3;

fn exc_type_name(c: &Class) -> String {
    if &*c.module == "builtins" || &*c.module == "__main__" {
        c.qualname.to_string()
    } else {
        format!("{}.{}", c.module, c.qualname)
    }
}

/// The last line: `Type: message` (or just `Type`).
pub fn exception_line(vm: &mut Vm, exc: &Value) -> String {
    let name = match exc {
        Value::Instance(i) => exc_type_name(&i.class),
        other => other.type_name().to_string(),
    };
    let msg = match vm.to_str(exc) {
        Ok(s) => s,
        Err(_) => "<exception str() failed>".into(),
    };
    if msg.is_empty() {
        name
    } else {
        format!("{}: {}", name, msg)
    }
}

/// The whole report, chained exceptions first.
pub fn format_exception(vm: &mut Vm, exc: &Value) -> String {
    let mut out = String::new();
    let mut seen = vec![];
    chain(vm, exc, &mut out, &mut seen);
    out
}

fn chain(vm: &mut Vm, exc: &Value, out: &mut String, seen: &mut Vec<usize>) {
    seen.push(exc.id());
    if let Value::Instance(i) = exc {
        let (cause, context, suppress) = {
            let st = i.exc.borrow();
            (st.cause.clone(), st.context.clone(), st.suppress_context)
        };
        if let Some(c) = cause.filter(|c| !seen.contains(&c.id())) {
            chain(vm, &c, out, seen);
            out.push_str(
                "\nThe above exception was the direct cause of the following exception:\n\n",
            );
        } else if let Some(c) = context.filter(|c| !suppress && !seen.contains(&c.id())) {
            chain(vm, &c, out, seen);
            out.push_str(
                "\nDuring handling of the above exception, another exception occurred:\n\n",
            );
        }
        let tb: Vec<TbEntry> = i.exc.borrow().traceback.iter().rev().cloned().collect();
        if !tb.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
            let mut last: Option<(&str, u32, &str)> = None;
            let mut count = 0usize;
            for e in &tb {
                let key = (&*e.file, e.line, &*e.name);
                if last == Some(key) {
                    count += 1;
                } else {
                    if count > RECURSIVE_CUTOFF {
                        repeated(out, count - RECURSIVE_CUTOFF);
                    }
                    last = Some(key);
                    count = 1;
                }
                if count <= RECURSIVE_CUTOFF {
                    out.push_str(&format!(
                        "  File \"{}\", line {}, in {}\n",
                        e.file, e.line, e.name
                    ));
                    let lines = if *e.file == *vm.filename {
                        &vm.lines
                    } else {
                        vm.library_lines
                            .iter()
                            .find(|(f, _)| *f == e.file)
                            .map_or(&vm.lines, |(_, l)| l)
                    };
                    if let Some(src) = lines.get((e.line as usize).wrapping_sub(1)) {
                        let s = src.trim();
                        if !s.is_empty() {
                            out.push_str(&format!("    {}\n", s));
                        }
                    }
                }
            }
            if count > RECURSIVE_CUTOFF {
                repeated(out, count - RECURSIVE_CUTOFF);
            }
        }
    }
    let line = exception_line(vm, exc);
    out.push_str(&line);
    out.push('\n');
}

fn repeated(out: &mut String, n: usize) {
    out.push_str(&format!(
        "  [Previous line repeated {} more time{}]\n",
        n,
        if n == 1 { "" } else { "s" }
    ));
}
