//! Sets laid out like CPython 3.11's hash table (`Objects/setobject.c`).
//!
//! CPython iterates (prints, pops) a set in the order of its table's slots, and that
//! order is what students see: `print({3, 1, 2})` shows `{1, 2, 3}`. So a set's
//! `Dict::entries` are the slots themselves (`None` for an empty or deleted slot) and
//! this module reproduces where CPython puts each key: the same hash function, probe
//! sequence (linear probes then perturbation), dummies, fill/used counters, resize rule
//! and the way each operation builds its result.
//!
//! This only works when every element's hash is CPython's: ints, bools, floats (not
//! NaN) and tuples of them. The hash of a str, bytes, None or object changes with
//! each CPython run (PYTHONHASHSEED, addresses), so no order is "the" order: a set that
//! receives such an element drops its table and keeps insertion order from then on.

use std::cell::RefCell;
use std::rc::Rc;

use crate::python::core::value::{known_key, Dict, HashKey, PyResult, Value};
use crate::python::core::vm::Vm;
use crate::python::front::ast::BinOp;

/// CPython's table of a set: the hash stored in each slot, and its counters (the
/// number of keys is `Dict::index.len()`, CPython's `used`).
#[derive(Clone, Default)]
pub struct SetTable {
    /// One hash per slot of `Dict::entries`; `DUMMY` marks a deleted slot. Empty
    /// when the set keeps insertion order (an element without a known hash).
    hashes: Vec<u64>,
    /// Active plus deleted slots.
    fill: usize,
    /// Where `pop()` starts looking.
    finger: usize,
}

/// The hash CPython stores for a deleted slot (-1, never a real hash).
const DUMMY: u64 = u64::MAX;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;
const MINSIZE: usize = 8;
/// 2**61 - 1: CPython reduces numbers modulo this prime to hash them.
const MODULUS: u64 = (1 << 61) - 1;

/// A number's hash from its sign and its absolute value modulo `MODULUS`.
fn signed_hash(negative: bool, m: u64) -> u64 {
    let h = if negative { m.wrapping_neg() } else { m };
    // -1 means "error" in C: hash(-1) is -2
    if h == DUMMY {
        DUMMY - 1
    } else {
        h
    }
}

/// CPython's `hash()` of a key, when it does not change from one run to the next.
pub(crate) fn py_hash(k: &HashKey) -> Option<u64> {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    Some(match k {
        HashKey::Int(i) | HashKey::User(i) => signed_hash(*i < 0, i.unsigned_abs() % MODULUS),
        HashKey::Big(text) => {
            let digits = text.trim_start_matches('-');
            let m = digits.bytes().fold(0u64, |r, c| {
                ((r as u128 * 10 + (c - b'0') as u128) % MODULUS as u128) as u64
            });
            signed_hash(text.starts_with('-'), m)
        }
        HashKey::Float(bits) => {
            let x = f64::from_bits(*bits);
            if x.is_nan() {
                // NaN hashes by address since 3.10
                return None;
            }
            if x.is_infinite() {
                return Some(signed_hash(x < 0.0, 314159));
            }
            // x = mantissa * 2**exp; CPython's hash is that rational modulo 2**61 - 1,
            // where 2**61 is 1, so 2**exp is 2**(exp mod 61)
            let raw = ((bits >> 52) & 0x7ff) as i32;
            let frac = bits & ((1 << 52) - 1);
            let (mantissa, exp) = if raw == 0 {
                (frac, -1074)
            } else {
                (frac | 1 << 52, raw - 1075)
            };
            let m = ((mantissa as u128) << exp.rem_euclid(61)) % MODULUS as u128;
            signed_hash(x < 0.0, m as u64)
        }
        HashKey::Tuple(items) => {
            // 3.11's tuplehash (xxHash-based)
            let mut acc = P5;
            for x in items {
                acc = acc.wrapping_add(py_hash(x)?.wrapping_mul(P2));
                acc = acc.rotate_left(31).wrapping_mul(P1);
            }
            acc = acc.wrapping_add(items.len() as u64 ^ (P5 ^ 3527539));
            if acc == DUMMY {
                1546275796
            } else {
                acc
            }
        }
        _ => return None,
    })
}

/// The slot where a key of hash `h`, known to be absent, goes: the last deleted slot
/// of the probe sequence before an empty one (3.11's `set_add_entry` overwrites its
/// `freeslot` at each dummy), else that empty one.
fn probe(entries: &[Option<(Value, Value)>], hashes: &[u64], h: u64) -> usize {
    let mask = entries.len() - 1;
    let mut perturb = h;
    let mut i = (h & mask as u64) as usize;
    let mut free = None;
    loop {
        let probes = if i + LINEAR_PROBES <= mask {
            LINEAR_PROBES
        } else {
            0
        };
        for j in i..=i + probes {
            if entries[j].is_none() {
                if hashes[j] != DUMMY {
                    return free.unwrap_or(j);
                }
                free = Some(j);
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = ((i as u64 * 5 + 1).wrapping_add(perturb) & mask as u64) as usize;
    }
}

/// `a op b` for the set operators `|`, `&`, `-`, `^` (sets or frozensets on both
/// sides), in place (`|=`...) when `a` is a set and `inplace`.
pub fn set_binop(vm: &mut Vm, op: BinOp, a: &Value, b: &Value, inplace: bool) -> PyResult<Value> {
    let same = match (a, b) {
        (Value::Set(x), Value::Set(y)) => Rc::ptr_eq(x, y),
        (Value::FrozenSet(x), Value::FrozenSet(y)) => Rc::ptr_eq(x, y),
        _ => false,
    };
    let o = Operand::new(vm, b)?;
    let x = match a {
        Value::Set(x) if inplace => {
            let mut x = x.borrow_mut();
            match op {
                // CPython's set_merge returns at once for the set itself
                BinOp::BitOr if same => {}
                BinOp::BitOr => x.set_update(&o),
                BinOp::BitAnd => x.set_intersection_update(&o, same),
                BinOp::Sub => x.set_difference_update(&o, same),
                _ => x.set_symmetric_difference_update(&o, same),
            }
            return Ok(a.clone());
        }
        Value::Set(x) => x.borrow().clone(),
        Value::FrozenSet(x) => (**x).clone(),
        _ => Dict::new_set(),
    };
    let r = match op {
        BinOp::BitOr => {
            let mut r = x.set_copy();
            if !same {
                r.set_update(&o);
            }
            r
        }
        BinOp::BitAnd => x.set_intersection(&o, same),
        BinOp::Sub => x.set_difference(&o),
        _ => x.set_symmetric_difference(&o),
    };
    Ok(same_type(a, r))
}

/// `d` as a set, or as a frozenset when `like` is one.
pub fn same_type(like: &Value, d: Dict) -> Value {
    match like {
        Value::FrozenSet(_) => Value::FrozenSet(Rc::new(d)),
        _ => Value::Set(Rc::new(RefCell::new(d))),
    }
}

/// Another operand of a set operation.
pub enum Operand {
    /// A set or frozenset (a copy of its table).
    Set(Dict),
    /// A dict: CPython reads its keys with their stored hashes.
    Dict(Dict),
    /// Any other iterable: its items, in order.
    Items(Vec<(HashKey, Value)>),
}

impl Operand {
    /// The operand made of `v` (a TypeError if it is not iterable or an item is not
    /// hashable).
    pub fn new(vm: &mut Vm, v: &Value) -> PyResult<Operand> {
        Ok(match v {
            Value::Set(s) => Operand::Set(s.borrow().clone()),
            Value::FrozenSet(s) => Operand::Set((**s).clone()),
            Value::Dict(d) => Operand::Dict(d.borrow().clone()),
            _ => {
                let mut items = vec![];
                for x in vm.to_vec(v)? {
                    items.push((vm.hash(&x)?, x));
                }
                Operand::Items(items)
            }
        })
    }

    /// Its keys in iteration order.
    fn keys(&self) -> Vec<(HashKey, Value)> {
        match self {
            Operand::Set(d) | Operand::Dict(d) => {
                d.iter().map(|(k, _)| (known_key(k), k.clone())).collect()
            }
            Operand::Items(v) => v.clone(),
        }
    }
}

impl Dict {
    /// An empty set: a table of 8 slots.
    pub fn new_set() -> Dict {
        Dict {
            entries: vec![None; MINSIZE],
            set: Some(SetTable {
                hashes: vec![0; MINSIZE],
                ..SetTable::default()
            }),
            ..Dict::default()
        }
    }

    /// The table, when the set has one (it is a set and all its keys have known
    /// hashes).
    fn table(&mut self) -> Option<&mut SetTable> {
        self.set.as_mut().filter(|t| !t.hashes.is_empty())
    }

    /// `set_add_entry` for a key not in the set: places it and returns `None`, or
    /// gives it back when this is a dict or a set in insertion order (which it
    /// becomes when the key's hash is not known).
    pub(super) fn set_add(&mut self, hk: HashKey, k: Value) -> Option<(HashKey, Value)> {
        let (Some(t), Some(h)) = (self.set.as_mut(), py_hash(&hk)) else {
            // a set receiving a key of unknown hash: the slots with their holes
            // become the insertion order so far
            if let Some(t) = self.table() {
                t.hashes.clear();
            }
            return Some((hk, k));
        };
        if t.hashes.is_empty() {
            return Some((hk, k));
        }
        let i = probe(&self.entries, &t.hashes, h);
        let reused = t.hashes[i] == DUMMY;
        self.entries[i] = Some((k, Value::None));
        t.hashes[i] = h;
        self.index.insert(hk, i);
        if !reused {
            t.fill += 1;
            let used = self.index.len();
            if t.fill * 5 >= (self.entries.len() - 1) * 3 {
                self.resize(if used > 50000 { used * 2 } else { used * 4 });
            }
        }
        None
    }

    /// After `Dict::remove` emptied slot `i`: a set with a table marks it deleted
    /// (true) rather than compacting.
    pub(super) fn set_discarded(&mut self, i: usize) -> bool {
        match self.table() {
            Some(t) => {
                t.hashes[i] = DUMMY;
                true
            }
            None => false,
        }
    }

    /// After `Dict::clear`: a set gets an empty table of 8 slots again (even one that
    /// was in insertion order); the finger stays, as in CPython.
    pub(super) fn set_cleared(&mut self) {
        if let Some(finger) = self.set.as_ref().map(|t| t.finger) {
            *self = Dict::new_set();
            if let Some(t) = self.set.as_mut() {
                t.finger = finger;
            }
        }
    }

    /// `set_table_resize`: a table of the smallest power of two above `minused`,
    /// keys reinserted in slot order, deleted slots dropped.
    fn resize(&mut self, minused: usize) {
        let Some(t) = self.set.as_mut() else { return };
        let mut size = MINSIZE;
        while size <= minused {
            size <<= 1;
        }
        let old = std::mem::replace(&mut self.entries, vec![None; size]);
        let old_hashes = std::mem::replace(&mut t.hashes, vec![0; size]);
        let mut moved = vec![0; old.len()];
        for (i, e) in old.into_iter().enumerate() {
            if e.is_some() {
                let j = probe(&self.entries, &t.hashes, old_hashes[i]);
                self.entries[j] = e;
                t.hashes[j] = old_hashes[i];
                moved[i] = j;
            }
        }
        for i in self.index.values_mut() {
            *i = moved[*i];
        }
        t.fill = self.index.len();
    }

    /// `set_merge`: adds the keys of the set `other`.
    fn merge(&mut self, other: &Dict) {
        let keys = || other.iter().map(|(k, _)| (known_key(k), k.clone()));
        let (Some(fill), Some(o)) = (self.table().map(|t| t.fill), other.set.as_ref()) else {
            return self.add_keys(keys());
        };
        if o.hashes.is_empty() || other.is_empty() {
            return self.add_keys(keys());
        }
        let used = self.index.len();
        if (fill + other.len()) * 5 >= (self.entries.len() - 1) * 3 {
            self.resize((used + other.len()) * 2);
        }
        let fill = self.set.as_ref().map_or(0, |t| t.fill);
        if fill == 0 && self.entries.len() == other.entries.len() && o.fill == other.len() {
            // an empty table of the same size: CPython copies slot by slot
            return self.set_swap_body(other.clone());
        }
        // into an empty table, CPython's set_insert_clean finds the same slots as an
        // insertion, and adding never resizes here: the table was sized above
        self.add_keys(keys());
    }

    fn add_keys(&mut self, keys: impl Iterator<Item = (HashKey, Value)>) {
        for (hk, k) in keys {
            self.insert(hk, k, Value::None);
        }
    }

    /// `set_update_internal`: adds the keys of `other`.
    pub fn set_update(&mut self, other: &Operand) {
        match other {
            Operand::Set(d) => self.merge(d),
            Operand::Dict(d) => {
                // one resize first, sized for the dict
                if let Some(t) = self.table() {
                    if (t.fill + d.len()) * 5 >= (self.entries.len() - 1) * 3 {
                        self.resize((self.index.len() + d.len()) * 2);
                    }
                }
                self.add_keys(other.keys().into_iter());
            }
            Operand::Items(v) => self.add_keys(v.iter().cloned()),
        }
    }

    /// `set_copy`: a new set with the keys of this one.
    pub fn set_copy(&self) -> Dict {
        let mut r = Dict::new_set();
        r.merge(self);
        r
    }

    /// `set.pop()`: the first key from the finger on, or `None` when empty.
    pub fn set_pop(&mut self) -> Option<Value> {
        let n = self.entries.len();
        let start = match self.table() {
            Some(t) => t.finger % n,
            None => 0,
        };
        let i = (0..n)
            .map(|k| (start + k) % n)
            .find(|&i| self.entries[i].is_some())?;
        if let Some(t) = self.table() {
            t.finger = i + 1;
        }
        let k = self.entries[i].as_ref()?.0.clone();
        self.remove(&known_key(&k));
        Some(k)
    }

    /// `set_intersection`: the keys of this set also in `other`, in the order of the
    /// smaller of the two (of `other` when it is not a set). `same`: `other` is this
    /// set.
    pub fn set_intersection(&self, other: &Operand, same: bool) -> Dict {
        if same {
            return self.set_copy();
        }
        let mut r = Dict::new_set();
        let (big, small) = match other {
            Operand::Set(o) if o.len() > self.len() => (o, self.keys_hashed()),
            _ => (self, other.keys()),
        };
        r.add_keys(small.into_iter().filter(|(hk, _)| big.get(hk).is_some()));
        r
    }

    /// `set_intersection_update`: keeps the keys also in `other` (CPython swaps in
    /// the table of the intersection, but not the finger).
    pub fn set_intersection_update(&mut self, other: &Operand, same: bool) {
        let r = self.set_intersection(other, same);
        self.set_swap_body(r);
    }

    /// `set_swap_bodies`: this set takes the table of `r`, but keeps its finger.
    pub fn set_swap_body(&mut self, r: Dict) {
        let finger = self.set.as_ref().map_or(0, |t| t.finger);
        *self = r;
        if let Some(t) = self.set.as_mut() {
            t.finger = finger;
        }
    }

    /// The keys with their `HashKey`, in iteration order.
    pub fn keys_hashed(&self) -> Vec<(HashKey, Value)> {
        self.iter()
            .map(|(k, _)| (known_key(k), k.clone()))
            .collect()
    }

    /// `set_difference`: the keys of this set not in `other`.
    pub fn set_difference(&self, other: &Operand) -> Dict {
        let o = match other {
            Operand::Set(o) | Operand::Dict(o) if self.len() >> 2 <= o.len() => o,
            _ => {
                let mut r = self.set_copy();
                r.set_difference_update(other, false);
                return r;
            }
        };
        let mut r = Dict::new_set();
        r.add_keys(
            self.keys_hashed()
                .into_iter()
                .filter(|(hk, _)| o.get(hk).is_none()),
        );
        r
    }

    /// `set_difference_update_internal`: removes the keys of `other`.
    pub fn set_difference_update(&mut self, other: &Operand, same: bool) {
        if same {
            return self.clear();
        }
        let keys = match other {
            // a much bigger set: only the common keys matter
            Operand::Set(o) if o.len() >> 3 > self.len() => {
                self.set_intersection(other, false).keys_hashed()
            }
            _ => other.keys(),
        };
        for (hk, _) in keys {
            self.remove(&hk);
        }
        // more than a quarter of the slots deleted: CPython rebuilds the table
        if let Some(t) = self.table() {
            if t.fill - self.index.len() > (self.entries.len() - 1) / 4 {
                let used = self.index.len();
                self.resize(if used > 50000 { used * 2 } else { used * 4 });
            }
        }
    }

    /// `set_symmetric_difference_update`: each key of `other` is removed if present,
    /// added if not (a non-set iterable is first made a set).
    pub fn set_symmetric_difference_update(&mut self, other: &Operand, same: bool) {
        if same {
            return self.clear();
        }
        let keys = match other {
            Operand::Items(_) => {
                let mut s = Dict::new_set();
                s.set_update(other);
                s.keys_hashed()
            }
            _ => other.keys(),
        };
        for (hk, k) in keys {
            if self.remove(&hk).is_none() {
                self.insert(hk, k, Value::None);
            }
        }
    }

    /// `set_symmetric_difference`: a set made from `other`, updated with this one.
    pub fn set_symmetric_difference(&self, other: &Operand) -> Dict {
        let mut r = Dict::new_set();
        r.set_update(other);
        r.set_symmetric_difference_update(&Operand::Set(self.clone()), false);
        r
    }
}
