//! Executor semantics against CPython: each case is a Python program in
//! `tests/cases/` whose `.out` was produced by `cpython_vclock.py` (the
//! CPython oracle); the Rust program beside it, written on the runtime, must print
//! the same bytes.

use boucle::runtime::{
    as_completed, gather, wait, Exc, Loop, Program, PyResult, Queue, ReturnWhen, Task,
};
use boucle::trace::{Kind, Outcome};

fn case(name: &str) -> String {
    let path = format!("{}/tests/cases/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn run(program: impl FnOnce(Loop) -> Program) -> Loop {
    let lp = Loop::new_virtual();
    lp.set_program(program(lp.clone()));
    lp.run_to_end();
    lp
}

/// Runs `main(loop)` as `asyncio.run(main())` does.
fn run_main<F>(main: impl FnOnce(Loop) -> F + 'static) -> Loop
where
    F: std::future::Future<Output = PyResult<()>> + 'static,
{
    run(|lp| {
        Box::pin(async move {
            let body = main(lp.clone());
            lp.run("main", body).await
        })
    })
}

fn assert_same_output(name: &str, lp: &Loop) {
    assert_eq!(
        lp.stdout(),
        case(&format!("{name}.out")),
        "stdout of {name}"
    );
}

#[test]
fn ready_tasks_run_in_fifo_order_and_sleep_zero_lets_the_others_run_first() {
    async fn co(lp: Loop, n: &'static str) -> PyResult<()> {
        lp.print(&format!("{n}1"));
        lp.sleep(0.0).await?;
        lp.print(&format!("{n}2"));
        Ok(())
    }
    let lp = run_main(|l| async move {
        let t = l.create_task("a", co(l.clone(), "a"));
        let u = l.create_task("b", co(l.clone(), "b"));
        l.print("m1");
        t.await?;
        l.print("m2");
        u.await?;
        l.print("m3");
        Ok(())
    });
    assert_same_output("fifo_and_sleep0", &lp);
}

#[test]
fn timers_with_the_same_deadline_fire_in_the_order_they_were_armed() {
    async fn dort(lp: Loop, nom: &'static str, d: f64) -> PyResult<()> {
        lp.sleep(d).await?;
        lp.print(nom);
        Ok(())
    }
    let lp = run_main(|l| async move {
        let ts: Vec<Task<()>> = [("c", 2.0), ("a", 1.0), ("b", 1.0), ("d", 2.0)]
            .into_iter()
            .map(|(n, d)| l.create_task("dort", dort(l.clone(), n, d)))
            .collect();
        gather(&l, &ts).await?;
        Ok(())
    });
    assert_same_output("timer_ties", &lp);
}

#[test]
fn cancelling_a_sleeping_task_raises_cancelled_error_at_its_await_and_a_fresh_task_never_starts() {
    async fn dormeur(lp: Loop) -> PyResult<()> {
        lp.print("je dors");
        let r = lp.sleep(10.0).await;
        if r == Err(Exc::Cancelled) {
            lp.print("réveillé par cancel");
        }
        r
    }
    let lp = run_main(|l| async move {
        let t = l.create_task("dormeur", dormeur(l.clone()));
        let l2 = l.clone();
        let j = l.create_task("jamais", async move {
            l2.print("ne doit pas s'afficher");
            Ok(())
        });
        j.cancel();
        l.sleep(1.0).await?;
        t.cancel();
        if let Err(Exc::Cancelled) = t.clone().await {
            l.print(&format!(
                "t annulée : {} j annulée : {}",
                py_bool(t.cancelled()),
                py_bool(j.cancelled())
            ));
        }
        Ok(())
    });
    assert_same_output("cancel_sleeping", &lp);
    let cancelled = lp
        .events()
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

fn py_bool(b: bool) -> &'static str {
    if b {
        "True"
    } else {
        "False"
    }
}

#[test]
fn gather_returns_results_in_argument_order_and_fails_with_the_first_exception() {
    async fn valeur(lp: Loop, v: i64, d: f64) -> PyResult<i64> {
        lp.sleep(d).await?;
        lp.print(&format!("fini {v}"));
        Ok(v)
    }
    async fn echoue(lp: Loop, d: f64) -> PyResult<i64> {
        lp.sleep(d).await?;
        Err(Exc::error("ValueError", "boum"))
    }
    let lp = run_main(|l| async move {
        let ts: Vec<Task<i64>> = [(3, 0.3), (1, 0.1), (2, 0.2)]
            .into_iter()
            .map(|(v, d)| l.create_task("valeur", valeur(l.clone(), v, d)))
            .collect();
        let r = gather(&l, &ts).await?;
        let items: Vec<String> = r.iter().map(i64::to_string).collect();
        l.print(&format!("[{}]", items.join(", ")));
        let ts = [
            l.create_task("valeur", valeur(l.clone(), 5, 0.5)),
            l.create_task("echoue", echoue(l.clone(), 0.2)),
        ];
        if let Err(Exc::Error { kind, msg }) = gather(&l, &ts).await {
            assert_eq!(kind, "ValueError");
            l.print(&format!("erreur : {msg}"));
        }
        l.sleep(1.0).await?;
        Ok(())
    });
    assert_same_output("gather_order_and_error", &lp);
}

#[test]
fn wait_returns_on_first_completed_on_timeout_or_when_all_are_done() {
    async fn travail(lp: Loop, nom: &'static str, d: f64) -> PyResult<&'static str> {
        lp.sleep(d).await?;
        lp.print(&format!("fin {nom}"));
        Ok(nom)
    }
    let lp = run_main(|l| async move {
        let a = l.create_task("travail", travail(l.clone(), "a", 0.5));
        let b = l.create_task("travail", travail(l.clone(), "b", 1.5));
        let both = [a, b.clone()];
        let (d, p) = wait(&l, &both, ReturnWhen::FirstCompleted, None).await?;
        l.print(&format!("premier : {} {}", d.len(), p.len()));
        let (d, p) = wait(&l, &[b], ReturnWhen::AllCompleted, Some(0.2)).await?;
        l.print(&format!("délai : {} {}", d.len(), p.len()));
        let (d, p) = wait(&l, &both, ReturnWhen::AllCompleted, None).await?;
        l.print(&format!("tous : {} {}", d.len(), p.len()));
        Ok(())
    });
    assert_same_output("wait_variants", &lp);
}

#[test]
fn as_completed_gives_results_in_completion_order() {
    async fn lire(lp: Loop, n: i64, d: f64) -> PyResult<i64> {
        lp.print(&format!("début {n}"));
        lp.sleep(d).await?;
        Ok(n)
    }
    let lp = run_main(|l| async move {
        let ts: Vec<Task<i64>> = [(1, 0.3), (2, 0.1), (3, 0.2)]
            .into_iter()
            .map(|(n, d)| l.create_task("lire", lire(l.clone(), n, d)))
            .collect();
        let mut it = as_completed(&l, &ts);
        while let Some(f) = it.next_done() {
            let v = f.await?;
            l.print(&format!("reçu {v}"));
        }
        Ok(())
    });
    assert_same_output("as_completed_order", &lp);
}

#[test]
fn queue_getters_are_served_in_fifo_order_and_join_waits_for_task_done() {
    async fn consommateur(lp: Loop, nom: &'static str, q: Queue<i64>) -> PyResult<()> {
        loop {
            let x = q.get().await?;
            lp.print(&format!("{nom} prend {x}"));
            q.task_done()?;
        }
    }
    let lp = run_main(|l| async move {
        let q: Queue<i64> = Queue::new(&l, 0);
        let c1 = l.create_task("consommateur", consommateur(l.clone(), "c1", q.clone()));
        let c2 = l.create_task("consommateur", consommateur(l.clone(), "c2", q.clone()));
        l.sleep(0.0).await?;
        for i in 0..4 {
            q.put(i).await?;
        }
        q.join().await?;
        l.print("tout est traité");
        c1.cancel();
        c2.cancel();
        Ok(())
    });
    assert_same_output("queue_fifo", &lp);
}

#[test]
fn run_until_complete_on_a_closed_loop_raises_event_loop_is_closed() {
    let lp = run(|lp| {
        Box::pin(async move {
            let l = lp.clone();
            let f = move || {
                let l = l.clone();
                async move {
                    l.print("f");
                    Ok(())
                }
            };
            let t = lp.create_task("f", f());
            lp.run_until_complete(t.fut()).await?;
            lp.close()?;
            let t = lp.create_task("f", f());
            lp.run_until_complete(t.fut()).await?;
            Ok(())
        })
    });
    assert_same_output("closed_loop", &lp);
    assert_eq!(lp.status(), Some(1));
    // CPython's stderr ends with the error, then a warning about the Python coroutine
    // `f()` left unawaited (a Rust future has no such warning): the error line must
    // be ours, and the last line we print.
    let cpython = case("closed_loop.err");
    let error = cpython
        .lines()
        .rfind(|l| l.starts_with("RuntimeError: "))
        .expect("CPython's error line");
    assert_eq!(
        lp.stderr().trim_end().lines().last(),
        Some(error),
        "stderr:\n{}",
        lp.stderr()
    );
}

#[test]
fn a_second_asyncio_run_starts_at_task_4_as_in_cpython() {
    let lp = run(|lp| {
        Box::pin(async move {
            for _ in 0..2 {
                let l = lp.clone();
                lp.run("f", async move {
                    l.print(&l.task_name(l.current()));
                    Ok(())
                })
                .await?;
            }
            Ok(())
        })
    });
    assert_same_output("two_runs_task_names", &lp);
}

#[test]
fn the_loop_left_with_nothing_to_do_ends_with_a_clear_error_instead_of_hanging() {
    let lp = run(|lp| Box::pin(async move { lp.run_forever().await }));
    assert_eq!(lp.status(), Some(1));
    assert!(
        lp.stderr().contains("nothing left to run"),
        "{}",
        lp.stderr()
    );
}

#[test]
fn event_lock_semaphore_and_condition_wake_their_waiters_in_cpython_order() {
    use boucle::runtime::{Condition, Event, Lock, Semaphore};
    use std::cell::RefCell;
    use std::rc::Rc;

    async fn attendre(lp: Loop, nom: &'static str, ev: Event) -> PyResult<()> {
        lp.print(&format!("{nom} attend"));
        ev.wait().await?;
        lp.print(&format!("{nom} repart"));
        Ok(())
    }
    async fn section(lp: Loop, nom: &'static str, verrou: Lock) -> PyResult<()> {
        verrou.acquire().await?;
        lp.print(&format!("{nom} entre"));
        let r = lp.sleep(0.1).await;
        lp.print(&format!("{nom} sort"));
        verrou.release()?;
        r
    }
    async fn limite(lp: Loop, nom: &'static str, sem: Semaphore) -> PyResult<()> {
        sem.acquire().await?;
        lp.print(&format!("{nom} commence"));
        let r = lp.sleep(0.2).await;
        lp.print(&format!("{nom} finit"));
        sem.release();
        r
    }
    async fn consommer(
        lp: Loop,
        nom: &'static str,
        cond: Condition,
        stock: Rc<RefCell<Vec<i64>>>,
    ) -> PyResult<()> {
        cond.lock().acquire().await?;
        while stock.borrow().is_empty() {
            cond.wait().await?;
        }
        let v = stock.borrow_mut().remove(0);
        lp.print(&format!("{nom} consomme {v}"));
        cond.lock().release()
    }
    let lp = run_main(|l| async move {
        let ev = Event::new(&l);
        let t: Vec<Task<()>> = ["a", "b"]
            .into_iter()
            .map(|n| l.create_task("attendre", attendre(l.clone(), n, ev.clone())))
            .collect();
        l.sleep(0.5).await?;
        ev.set();
        gather(&l, &t).await?;
        let verrou = Lock::new(&l);
        let t: Vec<Task<()>> = ["x", "y", "z"]
            .into_iter()
            .map(|n| l.create_task("section", section(l.clone(), n, verrou.clone())))
            .collect();
        gather(&l, &t).await?;
        let sem = Semaphore::new(&l, 2)?;
        let t: Vec<Task<()>> = ["p", "q", "r", "s"]
            .into_iter()
            .map(|n| l.create_task("limite", limite(l.clone(), n, sem.clone())))
            .collect();
        gather(&l, &t).await?;
        let cond = Condition::new(&l);
        let stock = Rc::new(RefCell::new(Vec::new()));
        let c: Vec<Task<()>> = ["c1", "c2"]
            .into_iter()
            .map(|n| {
                l.create_task(
                    "consommer",
                    consommer(l.clone(), n, cond.clone(), stock.clone()),
                )
            })
            .collect();
        l.sleep(0.1).await?;
        cond.lock().acquire().await?;
        stock.borrow_mut().extend([1, 2]);
        cond.notify_all()?;
        cond.lock().release()?;
        gather(&l, &c).await?;
        Ok(())
    });
    assert_same_output("sync_primitives", &lp);
}

#[test]
fn wait_for_shield_timeout_and_task_group_follow_cpython() {
    use boucle::runtime::{shield, timeout, wait_for, TaskGroup};

    async fn lent(lp: Loop, d: f64, v: &'static str) -> PyResult<&'static str> {
        lp.sleep(d).await?;
        lp.print(&format!("lent fini {v}"));
        Ok(v)
    }
    async fn echoue(lp: Loop, d: f64) -> PyResult<&'static str> {
        lp.sleep(d).await?;
        Err(Exc::error("ValueError", "boum"))
    }
    let lp = run_main(|l| async move {
        let t = l.create_task("lent", lent(l.clone(), 0.1, "a"));
        l.print(wait_for(&l, &t, Some(1.0)).await?);
        let t = l.create_task("lent", lent(l.clone(), 2.0, "b"));
        match wait_for(&l, &t, Some(0.5)).await {
            Err(Exc::Error { kind, .. }) if kind == "TimeoutError" => l.print("délai dépassé"),
            other => panic!("{other:?}"),
        }
        let t = l.create_task("lent", lent(l.clone(), 0.3, "c"));
        let s = shield(&l, &t);
        boucle::runtime::future::AnyFut::cancel(&s);
        l.print(&format!("t annulée ? {}", py_bool(t.cancelled())));
        l.sleep(0.5).await?;
        l.print(&format!("t : {}", t.fut().result().unwrap()?));
        let l2 = l.clone();
        match timeout(&l, Some(0.2), async move { l2.sleep(1.0).await }).await {
            Err(Exc::Error { kind, .. }) if kind == "TimeoutError" => l.print("timeout() expiré"),
            other => panic!("{other:?}"),
        }
        let tg = TaskGroup::new(&l);
        let a = tg.create_task("lent", lent(l.clone(), 0.1, "g1"))?;
        let b = tg.create_task("lent", lent(l.clone(), 0.2, "g2"))?;
        tg.exit(Ok(())).await?;
        let (ra, rb) = (a.fut().result().unwrap()?, b.fut().result().unwrap()?);
        l.print(&format!("groupe : {ra} {rb}"));
        let tg = TaskGroup::new(&l);
        tg.create_task("lent", lent(l.clone(), 1.0, "jamais"))?;
        tg.create_task("echoue", echoue(l.clone(), 0.1))?;
        let body = l.sleep(5.0).await;
        if body.is_ok() {
            l.print("pas atteint");
        }
        match tg.exit(body).await {
            Err(Exc::Group { errors, .. }) => {
                let msgs: Vec<String> = errors
                    .iter()
                    .map(|e| match e {
                        Exc::Error { msg, .. } => format!("'{msg}'"),
                        other => other.to_string(),
                    })
                    .collect();
                l.print(&format!("erreurs : [{}]", msgs.join(", ")));
            }
            other => panic!("{other:?}"),
        }
        Ok(())
    });
    assert_same_output("timeouts_and_groups", &lp);
}
