//! Scale and limits (issue 11): the trace grows linearly with the work, an
//! endless program keeps a flat memory when nobody keeps its whole trace, and a
//! program that allocates without end gets a MemoryError it can catch.
//!
//! The heap is counted by the crate's own allocator wrapper, as in the CLI. The
//! tests share that counter, so they take turns (`SERIAL`).
//! Native only: the wasm module installs its own counting allocator.
#![cfg(not(target_arch = "wasm32"))]

use std::sync::Mutex;

use boucle::memory;
use boucle::python::asyncio::PyProgram;
use boucle::runtime::Loop;
use boucle::trace::event::to_json;
use boucle::trace::log::Keep;

#[global_allocator]
static ALLOCATOR: memory::Counting<std::alloc::System> = memory::Counting(std::alloc::System);

static SERIAL: Mutex<()> = Mutex::new(());

fn serial() -> std::sync::MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

fn many_sleepers(n: usize) -> String {
    format!(
        "import asyncio

async def dort(i):
    await asyncio.sleep(0.001 * i)

async def main():
    await asyncio.gather(*(dort(i) for i in range({n})))
    print('fini')

asyncio.run(main())
"
    )
}

/// (events, bytes of JSON) of the whole trace of `source`.
fn trace_size(source: &str) -> (usize, usize) {
    let lp = Loop::new_virtual();
    let program = PyProgram::install(&lp, "prog.py", source);
    lp.run_to_end();
    assert_eq!(program.result(&lp).stdout, "fini\n");
    let events = lp.events();
    (events.len(), to_json(&events).len())
}

#[test]
fn the_trace_of_n_distinct_timers_grows_linearly_with_n() {
    let _turn = serial();
    let (small_events, small_bytes) = trace_size(&many_sleepers(500));
    let (big_events, big_bytes) = trace_size(&many_sleepers(2000));
    // Four times the timers: four times the trace, give or take the fixed part
    // (a quadratic trace would be sixteen times as large).
    let events = big_events as f64 / small_events as f64;
    let bytes = big_bytes as f64 / small_bytes as f64;
    assert!(events < 4.6, "events grew {events:.2}x for 4x the timers");
    assert!(bytes < 4.6, "the JSON grew {bytes:.2}x for 4x the timers");
}

/// Heap in use after running `source` for `steps` more loop steps.
fn in_use_after(lp: &Loop, steps: usize) -> usize {
    lp.advance(steps);
    memory::in_use()
}

fn endless(source: &str, keep: Keep) -> Vec<usize> {
    let lp = Loop::new_virtual();
    lp.keep_events(keep);
    lp.set_output(Box::new(|_, _| {}));
    let program = PyProgram::install(&lp, "endless.py", source);
    program.interp.borrow_mut().stream_output();
    program.interp.borrow_mut().set_instruction_limit(u64::MAX);
    let warm = in_use_after(&lp, 5_000);
    let mut seen = vec![warm];
    for _ in 0..3 {
        seen.push(in_use_after(&lp, 30_000));
    }
    assert!(lp.status().is_none(), "the endless program ended");
    seen
}

fn assert_flat(what: &str, seen: &[usize]) {
    let (first, last) = (seen[1], *seen.last().unwrap());
    // 60,000 more iterations: a trace or an output kept whole would be megabytes.
    assert!(
        last <= first + 256 * 1024,
        "{what}: the heap went from {first} to {last} bytes ({seen:?})"
    );
}

const SLEEP0_FOREVER: &str = "import asyncio

async def main():
    i = 0
    while True:
        await asyncio.sleep(0)
        i += 1

asyncio.run(main())
";

const PRINT_FOREVER: &str = "import asyncio

async def main():
    i = 0
    while True:
        print('tour', i)
        i += 1
        await asyncio.sleep(0)

asyncio.run(main())
";

#[test]
fn an_endless_await_loop_keeps_a_flat_memory_without_a_trace() {
    let _turn = serial();
    assert_flat("sleep(0), no trace", &endless(SLEEP0_FOREVER, Keep::Count));
}

#[test]
fn an_endless_print_loop_keeps_a_flat_memory_when_its_output_is_streamed() {
    let _turn = serial();
    assert_flat("print, no trace", &endless(PRINT_FOREVER, Keep::Count));
}

#[test]
fn an_endless_program_with_a_bounded_trace_window_keeps_a_flat_memory() {
    let _turn = serial();
    assert_flat(
        "print, window of 5,000 events",
        &endless(PRINT_FOREVER, Keep::Window(5_000)),
    );
}

#[test]
fn a_program_that_allocates_without_end_gets_a_memory_error_it_can_catch() {
    let _turn = serial();
    let source = "l = []
try:
    while True:
        l.append('x' * 1000)
except MemoryError as e:
    n = len(l)
    l = None
    print('MemoryError caught', repr(e), n > 10_000)
print('the program goes on')
";
    memory::set_limit(Some(memory::in_use() + (64 << 20)));
    let lp = Loop::new_virtual();
    let program = PyProgram::install(&lp, "grow.py", source);
    lp.run_to_end();
    memory::set_limit(None);
    let out = program.result(&lp);
    assert_eq!(
        out.stdout, "MemoryError caught MemoryError() True\nthe program goes on\n",
        "{}",
        out.stderr
    );
    assert_eq!(out.status, 0);
}

#[test]
fn one_object_too_big_for_the_limit_is_refused_before_it_is_made() {
    let _turn = serial();
    let source =
        "for make in (lambda: 'x' * 10 ** 12, lambda: [0] * 10 ** 11, lambda: 7 ** 10 ** 12):
    try:
        make()
    except MemoryError:
        print('MemoryError')
";
    memory::set_limit(Some(memory::in_use() + (64 << 20)));
    let lp = Loop::new_virtual();
    let program = PyProgram::install(&lp, "big.py", source);
    lp.run_to_end();
    memory::set_limit(None);
    let out = program.result(&lp);
    assert_eq!(out.stdout, "MemoryError\n".repeat(3), "{}", out.stderr);
}
