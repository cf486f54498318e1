//! A run leaves no memory behind: in the page a student runs programs again and
//! again in the same wasm instance, and there is no cycle collector. Classes,
//! module namespaces, pending tasks and exception groups are reference cycles that
//! the interpreter's and the loop's teardown break. (Cycles a program builds in its
//! own data, `l.append(l)`, are not collected, as without CPython's gc.)
//! Native only: the wasm module installs its own (counting) global allocator.
#![cfg(not(target_arch = "wasm32"))]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicIsize, Ordering};

use boucle::python::asyncio::PyProgram;
use boucle::runtime::Loop;

/// Counts the bytes allocated and not yet freed.
struct Counting;
static LIVE: AtomicIsize = AtomicIsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        LIVE.fetch_add(l.size() as isize, Ordering::Relaxed);
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        LIVE.fetch_sub(l.size() as isize, Ordering::Relaxed);
        unsafe { System.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, n: usize) -> *mut u8 {
        LIVE.fetch_add(n as isize - l.size() as isize, Ordering::Relaxed);
        unsafe { System.realloc(p, l, n) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn run(source: &str) {
    let lp = Loop::new_virtual();
    let _program = PyProgram::install(&lp, "prog.py", source);
    lp.run_to_end();
}

/// Bytes still allocated per run, once the per-thread caches (compiled prelude)
/// are warm.
fn left_per_run(source: &str) -> isize {
    run(source);
    run(source);
    let before = LIVE.load(Ordering::Relaxed);
    for _ in 0..5 {
        run(source);
    }
    (LIVE.load(Ordering::Relaxed) - before) / 5
}

#[test]
fn running_a_program_again_and_again_does_not_grow_memory() {
    let programs = [
        (
            "course 03",
            include_str!("../crate/course/03_two_coroutines_ensure_future.py"),
        ),
        (
            "course 05",
            include_str!("../crate/course/05_gather_fixed_indent.py"),
        ),
        (
            "course 07",
            include_str!("../crate/course/07_websocket_wait_first_completed.py"),
        ),
        (
            "course 09",
            include_str!("../crate/course/09_acces_donnees.py"),
        ),
        (
            "a syntax error",
            include_str!("../crate/course/04_gather.py"),
        ),
        (
            "classes and super()",
            include_str!("cases/inheritance_and_super.py"),
        ),
        (
            "exception groups",
            include_str!("cases/exception_group_and_except_star.py"),
        ),
        (
            "a task left pending",
            include_str!("cases/task_destroyed_but_pending.py"),
        ),
        (
            "queues and locks",
            include_str!("cases/asyncio_star_import_and_lazy_names.py"),
        ),
    ];
    for (what, source) in programs {
        let left = left_per_run(source);
        assert!(left <= 0, "{what}: {left} bytes left behind by each run");
    }
}
