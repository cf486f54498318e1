//! What the instrumented loop records when Python programs run on it through the
//! product path (`PyProgram`, as the page and the CLI run them): who woke a task and
//! why, `asyncio.wait`'s result, cancellations, and the loop's own errors. What the
//! programs print is CPython's, checked by the corpus (`tests/cases/`, whose
//! `fifo_and_sleep0`, `timer_ties`, `gather_order_and_error`, `wait_variants`,
//! `as_completed_order`, `queue_fifo`, `sync_primitives`, `timeouts_and_groups`,
//! `closed_loop` and `two_runs_task_names` cover the loop's scheduling order).

use boucle::python::asyncio::PyProgram;
use boucle::python::Outcome as Run;
use boucle::runtime::{Loop, TaskId};
use boucle::trace::{Event, Kind, Outcome};

/// Runs `source` on the virtual clock: the trace and the program's outcome.
fn run(source: &str) -> (Vec<Event>, Run) {
    let lp = Loop::new_virtual();
    let program = PyProgram::install(&lp, "prog.py", source);
    lp.run_to_end();
    (lp.events(), program.result(&lp))
}

/// `(woken task, why, by)` of every wake-up but the timers'.
fn wakes(events: &[Event]) -> Vec<(TaskId, &'static str, Vec<TaskId>)> {
    events
        .iter()
        .filter_map(|e| match &e.kind {
            Kind::Wake { by, why } if *why != "timer" => Some((e.task, *why, by.clone())),
            _ => None,
        })
        .collect()
}

fn timer_wakes(events: &[Event]) -> Vec<(TaskId, Vec<TaskId>)> {
    events
        .iter()
        .filter_map(|e| match &e.kind {
            Kind::Wake { by, why: "timer" } => Some((e.task, by.clone())),
            _ => None,
        })
        .collect()
}

#[test]
fn a_task_awaiting_gather_is_woken_by_the_last_gathered_task_to_finish_with_reason_gather() {
    let (events, out) = run("import asyncio

async def cuire(plat, minutes):
    await asyncio.sleep(minutes)
    return plat

async def main():
    print(await asyncio.gather(cuire('pâtes', 2), cuire('sauce', 1)))

asyncio.run(main())
");
    assert_eq!(out.stdout, "['pâtes', 'sauce']\n");
    // Task-1 main, Task-2 the pasta (2 s, last to finish), Task-3 the sauce.
    assert_eq!(wakes(&events), vec![(1, "gather", vec![2])]);
    let woken = events
        .iter()
        .find(|e| matches!(e.kind, Kind::Wake { why: "gather", .. }))
        .unwrap();
    assert_eq!(woken.at, 2.0, "main is woken when the pasta is done");
}

#[test]
fn a_gather_that_fails_wakes_its_task_from_the_failing_child() {
    let (events, out) = run("import asyncio

async def ok():
    await asyncio.sleep(2)

async def boom():
    await asyncio.sleep(1)
    raise ValueError('boom')

async def main():
    try:
        await asyncio.gather(ok(), boom())
    except ValueError as e:
        print('gather:', e)

asyncio.run(main())
");
    assert_eq!(out.stdout, "gather: boom\n");
    assert_eq!(wakes(&events)[0], (1, "gather", vec![3]));
}

#[test]
fn each_put_wakes_the_waiting_consumer_with_reason_queue_and_the_producer_as_cause() {
    let (events, out) = run("import asyncio

async def producteur(q):
    for i in range(3):
        await asyncio.sleep(1)
        await q.put(i)

async def consommateur(q):
    for _ in range(3):
        print('consommé', await q.get())

async def main():
    q = asyncio.Queue()
    await asyncio.gather(producteur(q), consommateur(q))

asyncio.run(main())
");
    assert_eq!(out.stdout, "consommé 0\nconsommé 1\nconsommé 2\n");
    let queue: Vec<_> = wakes(&events)
        .into_iter()
        .filter(|w| w.1 == "queue")
        .collect();
    assert_eq!(queue, vec![(3, "queue", vec![2]); 3]);
}

#[test]
fn asyncio_wait_wakes_its_task_from_the_first_finished_task_and_records_done_and_pending() {
    let (events, out) = run("import asyncio

async def travail(d):
    await asyncio.sleep(d)

async def main():
    a = asyncio.create_task(travail(0.5))
    b = asyncio.create_task(travail(3))
    done, pending = await asyncio.wait([a, b], return_when=asyncio.FIRST_COMPLETED)
    print(len(done), len(pending))
    done, pending = await asyncio.wait([b], timeout=1)
    print(len(done), len(pending))
    b.cancel()

asyncio.run(main())
");
    assert_eq!(out.stdout, "1 1\n0 1\n");
    assert_eq!(wakes(&events)[0], (1, "wait", vec![2]));
    let results: Vec<_> = events
        .iter()
        .filter_map(|e| match &e.kind {
            Kind::WaitResult { done, pending } => Some((e.task, done.clone(), pending.clone())),
            _ => None,
        })
        .collect();
    assert_eq!(
        results,
        vec![(1, vec![2], vec![3]), (1, vec![], vec![3])],
        "the first wait returns a, the second times out with b pending"
    );
    // The timeout's timer wakes main, woken by no task.
    assert!(timer_wakes(&events).contains(&(1, vec![])));
}

#[test]
fn event_lock_semaphore_and_condition_name_themselves_as_the_reason_and_the_releasing_task_as_cause(
) {
    let (events, out) = run("import asyncio

async def attend(ev, verrou, sem, cond):
    await ev.wait()
    async with verrou:
        pass
    async with sem:
        pass
    async with cond:
        await cond.wait()
    print('fini')

async def main():
    ev, verrou, sem, cond = asyncio.Event(), asyncio.Lock(), asyncio.Semaphore(0), asyncio.Condition()
    await verrou.acquire()
    t = asyncio.create_task(attend(ev, verrou, sem, cond))
    for f in (ev.set, verrou.release, sem.release):
        await asyncio.sleep(0.1)
        f()
    await asyncio.sleep(0.1)
    async with cond:
        cond.notify()
    await t

asyncio.run(main())
");
    assert_eq!(out.stdout, "fini\n");
    assert_eq!(
        wakes(&events),
        vec![
            (2, "event", vec![1]),
            (2, "lock", vec![1]),
            (2, "semaphore", vec![1]),
            (2, "condition", vec![1]),
            (1, "done", vec![2]),
        ]
    );
}

#[test]
fn a_sleep_ends_with_its_timer_and_no_waking_task() {
    let (events, _) = run("import asyncio

async def main():
    await asyncio.sleep(2)

asyncio.run(main())
");
    assert_eq!(timer_wakes(&events), vec![(1, vec![])]);
    assert!(wakes(&events).is_empty());
}

#[test]
fn a_cancelled_sleeping_task_and_a_task_cancelled_before_its_start_both_end_cancelled_in_the_trace()
{
    let source = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/cases/cancel_sleeping.py"
    ))
    .unwrap();
    let (events, out) = run(&source);
    assert!(out.stdout.contains("réveillé par cancel"), "{}", out.stdout);
    let cancelled = events
        .iter()
        .filter(|e| {
            matches!(
                e.kind,
                Kind::Complete {
                    outcome: Outcome::Cancelled,
                    ..
                }
            )
        })
        .count();
    assert_eq!(cancelled, 2, "both tasks end cancelled in the trace");
}

#[test]
fn the_loop_left_with_nothing_to_do_ends_with_a_clear_error_instead_of_hanging() {
    let (_, out) = run("import asyncio
loop = asyncio.new_event_loop()
loop.run_forever()
");
    assert_eq!(out.status, 1);
    assert!(out.stderr.contains("nothing left to run"), "{}", out.stderr);
}
