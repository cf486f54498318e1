//! Printing an uncaught exception the way CPython 3.11 does (without the `~~^~~`
//! position markers of PEP 657, which are not reproduced yet).

use crate::python::core::value::*;
use crate::python::core::vm::Vm;

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

/// The whole report, chained exceptions first; exception groups in CPython's boxes
/// (`+ Exception Group Traceback`, one `+---- n ----` section per sub-exception).
pub fn format_exception(vm: &mut Vm, exc: &Value) -> String {
    let mut ctx = Ctx::default();
    format(vm, exc, &mut ctx);
    ctx.out
}

/// CPython's `traceback._ExceptionPrintContext`.
#[derive(Default)]
struct Ctx {
    out: String,
    seen: Vec<usize>,
    depth: usize,
    need_close: bool,
}

impl Ctx {
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }

    /// Each line of `text`, behind the group margin when inside a group.
    fn emit(&mut self, text: &str, margin: char) {
        let prefix = if self.depth > 0 {
            format!("{}{} ", self.indent(), margin)
        } else {
            String::new()
        };
        for line in text.lines() {
            self.out.push_str(&prefix);
            self.out.push_str(line);
            self.out.push('\n');
        }
    }
}

/// The sub-exceptions of an exception group (None for other exceptions).
fn group_members(exc: &Value) -> Option<Vec<Value>> {
    let Value::Instance(i) = exc else {
        return None;
    };
    let is_group = i
        .class
        .mro
        .borrow()
        .iter()
        .any(|c| &*c.name == "BaseExceptionGroup" && &*c.module == "builtins");
    match i.attrs.borrow().get("exceptions") {
        Some(Value::Tuple(t)) if is_group => Some(t.to_vec()),
        _ => None,
    }
}

fn format(vm: &mut Vm, exc: &Value, ctx: &mut Ctx) {
    ctx.seen.push(exc.id());
    let Value::Instance(i) = exc else {
        let line = exception_line(vm, exc);
        ctx.emit(&line, '|');
        return;
    };
    let (cause, context, suppress) = {
        let st = i.exc.borrow();
        (st.cause.clone(), st.context.clone(), st.suppress_context)
    };
    if let Some(c) = cause.filter(|c| !ctx.seen.contains(&c.id())) {
        format(vm, &c, ctx);
        ctx.emit(
            "\nThe above exception was the direct cause of the following exception:\n",
            '|',
        );
    } else if let Some(c) = context.filter(|c| !suppress && !ctx.seen.contains(&c.id())) {
        format(vm, &c, ctx);
        ctx.emit(
            "\nDuring handling of the above exception, another exception occurred:\n",
            '|',
        );
    }
    let tb: Vec<TbEntry> = i.exc.borrow().traceback.iter().rev().cloned().collect();
    let members = group_members(exc);
    let toplevel = ctx.depth == 0;
    if members.is_some() && toplevel {
        ctx.depth += 1;
    }
    if !tb.is_empty() {
        if members.is_some() {
            let margin = if toplevel { '+' } else { '|' };
            ctx.emit("Exception Group Traceback (most recent call last):", margin);
        } else {
            ctx.emit("Traceback (most recent call last):", '|');
        }
        let text = stack(vm, &tb);
        ctx.emit(&text, '|');
    }
    let line = exception_line(vm, exc);
    ctx.emit(&line, '|');
    let Some(members) = members else {
        return;
    };
    // CPython's max_group_width: 15 sub-exceptions, then "and N more exceptions"
    let n = members.len().min(16);
    ctx.need_close = false;
    for (k, sub) in members.iter().take(n).enumerate() {
        let last = k + 1 == n;
        ctx.need_close |= last;
        let truncated = k >= 15;
        let title = if truncated {
            "...".to_string()
        } else {
            (k + 1).to_string()
        };
        let head = if k == 0 { "+-" } else { "  " };
        let line = format!(
            "{}{head}+---------------- {title} ----------------\n",
            ctx.indent()
        );
        ctx.out.push_str(&line);
        ctx.depth += 1;
        if truncated {
            let more = members.len() - 15;
            let s = if more > 1 { "s" } else { "" };
            ctx.emit(&format!("and {more} more exception{s}"), '|');
        } else {
            format(vm, sub, ctx);
        }
        if last && ctx.need_close {
            let line = format!("{}+------------------------------------\n", ctx.indent());
            ctx.out.push_str(&line);
            ctx.need_close = false;
        }
        ctx.depth -= 1;
    }
    if toplevel {
        ctx.depth = 0;
    }
}

/// The `File …, line …, in …` lines of a traceback (innermost last).
fn stack(vm: &Vm, tb: &[TbEntry]) -> String {
    let mut out = String::new();
    let mut last: Option<(&str, u32, &str)> = None;
    let mut count = 0usize;
    for e in tb {
        let key = (&*e.file, e.line, &*e.name);
        if last == Some(key) {
            count += 1;
        } else {
            if count > RECURSIVE_CUTOFF {
                repeated(&mut out, count - RECURSIVE_CUTOFF);
            }
            last = Some(key);
            count = 1;
        }
        if count <= RECURSIVE_CUTOFF {
            out.push_str(&format!(
                "  File \"{}\", line {}, in {}\n",
                e.file, e.line, e.name
            ));
            if let Some(src) = vm
                .source_lines(&e.file)
                .get((e.line as usize).wrapping_sub(1))
            {
                let s = src.trim();
                if !s.is_empty() {
                    out.push_str(&format!("    {}\n", s));
                }
            }
        }
    }
    if count > RECURSIVE_CUTOFF {
        repeated(&mut out, count - RECURSIVE_CUTOFF);
    }
    out
}

fn repeated(out: &mut String, n: usize) {
    out.push_str(&format!(
        "  [Previous line repeated {} more time{}]\n",
        n,
        if n == 1 { "" } else { "s" }
    ));
}
