//! Native figures for the loop: time per task switch (`await asyncio.sleep(0)`)
//! with the full trace, and per gathered task. Prints figures; asserts nothing.
//! Run with `cargo bench --bench switch`.

use std::time::Instant;

use boucle::runtime::{gather, Loop, Task};

fn switches(n: u32) -> (f64, usize) {
    let lp = Loop::new_virtual();
    let l = lp.clone();
    lp.set_program(Box::pin(async move {
        let inner = l.clone();
        l.run("bench", async move {
            for _ in 0..n {
                inner.sleep(0.0).await?;
            }
            Ok(())
        })
        .await
    }));
    let t = Instant::now();
    lp.run_to_end();
    (t.elapsed().as_secs_f64(), lp.event_count())
}

fn gathered(n: u32) -> f64 {
    let lp = Loop::new_virtual();
    let l = lp.clone();
    lp.set_program(Box::pin(async move {
        let inner = l.clone();
        l.run("bench", async move {
            let tasks: Vec<Task<()>> = (0..n)
                .map(|_| {
                    let l = inner.clone();
                    inner.create_task("sleeper", async move { l.sleep(0.01).await })
                })
                .collect();
            gather(&inner, &tasks).await?;
            Ok(())
        })
        .await
    }));
    let t = Instant::now();
    lp.run_to_end();
    t.elapsed().as_secs_f64()
}

fn main() {
    let n = 200_000;
    let (secs, events) = switches(n);
    println!(
        "task switch (sleep(0)), native, trace on: {:.3} µs per switch, {:.1} events per switch",
        secs / n as f64 * 1e6,
        events as f64 / n as f64
    );
    let m = 10_000;
    let secs = gathered(m);
    println!(
        "gather of {m} sleeping tasks: {:.1} ms ({:.2} µs per task)",
        secs * 1e3,
        secs / m as f64 * 1e6
    );
}
