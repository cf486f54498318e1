//! CPython 3.11's "Did you mean" (`Python/suggestions.c`): the closest name to a
//! mistyped one, by a Levenshtein distance whose costs and thresholds are CPython's,
//! appended to the printed line of an uncaught NameError or AttributeError
//! (`. Did you mean: 'sleep'?`). As in CPython, `str(e)` does not carry it; an
//! ImportError of `from m import x` gets none in 3.11 (3.12 added it).

use std::rc::Rc;

use super::exc::ExcKind;
use super::value::*;
use super::vm::Vm;

const MAX_CANDIDATE_ITEMS: usize = 750;
const MAX_STRING_SIZE: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

fn substitution_cost(a: u8, b: u8) -> usize {
    if (a & 31) != (b & 31) {
        return MOVE_COST;
    }
    if a == b {
        return 0;
    }
    if a.eq_ignore_ascii_case(&b) {
        return CASE_COST;
    }
    MOVE_COST
}

/// `levenshtein_distance` of suggestions.c, on UTF-8 bytes; more than `max_cost`
/// means "too far".
pub fn distance(a: &[u8], b: &[u8], max_cost: usize) -> usize {
    let (mut a, mut b) = (a, b);
    while let (Some(x), Some(y)) = (a.first(), b.first()) {
        if x != y {
            break;
        }
        a = &a[1..];
        b = &b[1..];
    }
    while let (Some(x), Some(y)) = (a.last(), b.last()) {
        if x != y {
            break;
        }
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut buffer: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (b_index, &code) in b.iter().enumerate() {
        let mut distance = b_index * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (index, &ac) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(code, ac);
            distance = buffer[index];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            buffer[index] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// `calculate_suggestions`: the first candidate at the smallest distance within a
/// third of the characters involved, or None.
pub fn closest<'a>(candidates: &'a [Rc<str>], name: &str) -> Option<&'a Rc<str>> {
    if candidates.len() >= MAX_CANDIDATE_ITEMS {
        return None;
    }
    let mut best: Option<(&Rc<str>, usize)> = None;
    for item in candidates {
        if &**item == name {
            continue;
        }
        let mut max_distance = (name.len() + item.len() + 3) * MOVE_COST / 6;
        if let Some((_, d)) = best {
            max_distance = max_distance.min(d - 1);
        }
        let d = distance(name.as_bytes(), item.as_bytes(), max_distance);
        if d > max_distance {
            continue;
        }
        if best.is_none_or(|(_, bd)| d < bd) {
            best = Some((item, d));
        }
    }
    best.map(|(s, _)| s)
}

fn sorted(mut names: Vec<Rc<str>>) -> Vec<Rc<str>> {
    names.sort();
    names.dedup();
    names
}

/// CPython's `dir(obj)` as far as suggestions need it: the attribute names, sorted.
fn dir(vm: &Vm, obj: &Value) -> Vec<Rc<str>> {
    let mut names: Vec<Rc<str>> = match obj {
        Value::Instance(i) => {
            let mut n: Vec<Rc<str>> = i.attrs.borrow().keys().cloned().collect();
            for c in i.class.mro.borrow().iter() {
                n.extend(c.attrs.borrow().keys().cloned());
            }
            n
        }
        Value::Class(c) => c
            .mro
            .borrow()
            .iter()
            .flat_map(|k| k.attrs.borrow().keys().cloned().collect::<Vec<_>>())
            .collect(),
        Value::Module(m) => m.attrs.borrow().keys().cloned().collect(),
        _ => vec![],
    };
    names.extend((vm.lib.known_names)(obj).into_iter().map(Rc::from));
    sorted(names)
}

/// The suggestion for a NameError of `name` raised in the current frame: its local
/// names first, then the globals, then the builtins (as CPython 3.11).
pub fn for_name(vm: &Vm, name: &str) -> Option<Rc<str>> {
    let f = vm.frames.last()?;
    let locals: Vec<Rc<str>> = f.code.varnames.clone();
    if let Some(s) = closest(&locals, name) {
        return Some(s.clone());
    }
    if let Some(ns) = &f.ns {
        let names = sorted(ns.borrow().keys().cloned().collect());
        if let Some(s) = closest(&names, name) {
            return Some(s.clone());
        }
    }
    let globals = sorted(f.globals.borrow().keys().cloned().collect());
    if let Some(s) = closest(&globals, name) {
        return Some(s.clone());
    }
    let mut builtins: Vec<Rc<str>> = vm.builtins.borrow().keys().cloned().collect();
    builtins.extend(["ExceptionGroup", "BaseExceptionGroup"].map(Rc::from));
    closest(&sorted(builtins), name).cloned()
}

/// Records on an AttributeError raised looking `name` up on `obj` the `name` and
/// `obj` attributes CPython gives it (the suggestion is computed when printed).
pub fn note_attribute_error(vm: &Vm, exc: &Value, obj: &Value, name: &str) {
    let Value::Instance(i) = exc else { return };
    if !is_a(vm, i, ExcKind::AttributeError) {
        return;
    }
    let mut attrs = i.attrs.borrow_mut();
    if attrs.get("name").is_some() || attrs.get("obj").is_some() {
        return;
    }
    attrs.insert("name".into(), Value::str(name));
    attrs.insert("obj".into(), obj.clone());
}

/// `e.name` / `e.obj` of an AttributeError, `e.name` of a NameError: None when unset.
pub fn has_none_default(vm: &Vm, i: &Instance, attr: &str) -> bool {
    match attr {
        "name" => is_a(vm, i, ExcKind::AttributeError) || is_a(vm, i, ExcKind::NameError),
        "obj" => is_a(vm, i, ExcKind::AttributeError),
        _ => false,
    }
}

fn is_a(vm: &Vm, i: &Instance, class: ExcKind) -> bool {
    let target = vm.exc_class(class);
    i.class.mro.borrow().iter().any(|c| Rc::ptr_eq(c, &target))
}

/// The `. Did you mean: 'x'?` the printed line of `exc` ends with, if any.
pub fn printed_suffix(vm: &Vm, exc: &Value) -> Option<String> {
    let Value::Instance(i) = exc else { return None };
    let found = if is_a(vm, i, ExcKind::NameError) {
        i.exc.borrow().suggestion.clone()
    } else if is_a(vm, i, ExcKind::AttributeError) {
        let (name, obj) = {
            let attrs = i.attrs.borrow();
            (attrs.get("name").cloned(), attrs.get("obj").cloned())
        };
        match (name, obj) {
            (Some(Value::Str(name)), Some(obj)) => closest(&dir(vm, &obj), &name).cloned(),
            _ => None,
        }
    } else {
        None
    };
    found.map(|s| format!(". Did you mean: '{s}'?"))
}
