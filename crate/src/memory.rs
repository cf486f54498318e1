//! The heap limit: a program that allocates without end gets CPython's
//! `MemoryError` (which it can catch) instead of taking the machine's memory, or
//! the tab's 4 GB of wasm memory, down with it.
//!
//! The binaries (the CLI, the wasm module) install [`Counting`] as their global
//! allocator; it only counts, and never fails or aborts on its own. The checks are
//! where the interpreter controls allocation: between instructions (gradual growth:
//! a list appended to forever) and before an operation that makes one big object
//! (`"x" * n`, `[0] * n`, big-int products and powers), from its size computed in
//! advance. Checking there, and not inside `alloc`, means an allocation never
//! fails half-way through the interpreter's own bookkeeping.

use std::alloc::{GlobalAlloc, Layout};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering::Relaxed};

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static LIMIT: AtomicUsize = AtomicUsize::new(usize::MAX);
// A MemoryError was raised and usage has not gone back under the limit yet.
static TRIPPED: AtomicBool = AtomicBool::new(false);

/// Without a limit (a test binary, a library user with its own allocator), one
/// object estimated larger than this still raises `MemoryError` rather than
/// asking the system for it.
const UNLIMITED_OBJECT_CAP: usize = 1 << 30;

/// A global allocator that counts the bytes in use (wraps another allocator).
pub struct Counting<A>(pub A);

// SAFETY: every call is forwarded to the wrapped allocator unchanged; only the
// counter is updated, for the blocks it actually handed out.
unsafe impl<A: GlobalAlloc> GlobalAlloc for Counting<A> {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = self.0.alloc(layout);
        if !p.is_null() {
            IN_USE.fetch_add(layout.size(), Relaxed);
        }
        p
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = self.0.alloc_zeroed(layout);
        if !p.is_null() {
            IN_USE.fetch_add(layout.size(), Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        self.0.dealloc(ptr, layout);
        IN_USE.fetch_sub(layout.size(), Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = self.0.realloc(ptr, layout, new_size);
        if !p.is_null() {
            IN_USE.fetch_add(new_size, Relaxed);
            IN_USE.fetch_sub(layout.size(), Relaxed);
        }
        p
    }
}

/// Bytes allocated through [`Counting`] and not freed (0 without it).
pub fn in_use() -> usize {
    IN_USE.load(Relaxed)
}

/// Sets the heap limit in bytes (`None`: no limit).
pub fn set_limit(bytes: Option<usize>) {
    LIMIT.store(bytes.unwrap_or(usize::MAX), Relaxed);
    TRIPPED.store(false, Relaxed);
}

/// The heap limit in bytes, if any.
pub fn limit() -> Option<usize> {
    match LIMIT.load(Relaxed) {
        usize::MAX => None,
        n => Some(n),
    }
}

/// Whether the program must get a `MemoryError` now (checked between
/// instructions). Once raised, the handler gets a reserve of an eighth of the
/// limit to run in (an `except MemoryError:` that prints, or lets the frames go);
/// it is raised again past that reserve, and re-armed once usage is back under
/// the limit.
pub fn over_limit() -> bool {
    let limit = LIMIT.load(Relaxed);
    if limit == usize::MAX {
        return false;
    }
    let used = IN_USE.load(Relaxed);
    if TRIPPED.load(Relaxed) {
        if used < limit {
            TRIPPED.store(false, Relaxed);
            return false;
        }
        if used > limit.saturating_add(limit / 8) {
            return true;
        }
        return false;
    }
    if used > limit {
        TRIPPED.store(true, Relaxed);
        return true;
    }
    false
}

/// Whether making an object of about `bytes` more would pass the limit (checked
/// before a big allocation, whose size is known in advance).
pub fn would_exceed(bytes: usize) -> bool {
    match LIMIT.load(Relaxed) {
        usize::MAX => bytes > UNLIMITED_OBJECT_CAP,
        limit => IN_USE.load(Relaxed).saturating_add(bytes) > limit,
    }
}

/// Parses a size as the CLI's `--max-memory` takes it: bytes, or a number with
/// a `K`, `M`, `G` suffix (powers of 1024, `iB` or `B` after it accepted);
/// `0` or `none` for no limit.
pub fn parse_size(text: &str) -> Option<Option<usize>> {
    let t = text.trim();
    if t.eq_ignore_ascii_case("none") {
        return Some(None);
    }
    let upper = t.to_ascii_uppercase();
    let body = upper
        .strip_suffix("IB")
        .or_else(|| upper.strip_suffix('B'))
        .unwrap_or(&upper);
    let (digits, unit) = match body.chars().last()? {
        'K' => (&body[..body.len() - 1], 1usize << 10),
        'M' => (&body[..body.len() - 1], 1 << 20),
        'G' => (&body[..body.len() - 1], 1 << 30),
        _ => (body, 1),
    };
    let n: f64 = digits.trim().parse().ok()?;
    if !n.is_finite() || n < 0.0 {
        return None;
    }
    let bytes = (n * unit as f64) as usize;
    Some(if bytes == 0 { None } else { Some(bytes) })
}

#[cfg(test)]
mod tests {
    use super::parse_size;

    #[test]
    fn sizes_are_read_with_binary_suffixes() {
        assert_eq!(parse_size("1G"), Some(Some(1 << 30)));
        assert_eq!(parse_size("512MiB"), Some(Some(512 << 20)));
        assert_eq!(parse_size("64k"), Some(Some(64 << 10)));
        assert_eq!(parse_size("1000"), Some(Some(1000)));
        assert_eq!(parse_size("0"), Some(None));
        assert_eq!(parse_size("none"), Some(None));
        assert_eq!(parse_size("lots"), None);
        assert_eq!(parse_size("-1G"), None);
    }
}
