//! 00: three blocking tasks (time.sleep) take 3 s; with await asyncio.sleep, 1 s.

use crate::runtime::{gather, Loop, Program, PyResult, Task};
use crate::trace::json::fixed1;

fn tache_synchrone(lp: &Loop, nom: &str, duree: f64) {
    lp.line(5);
    lp.print(&format!("début {nom}"));
    lp.line(6);
    lp.block_sleep(duree);
    lp.line(7);
    lp.print(&format!("fin {nom}"));
}

async fn tache_asynchrone(lp: Loop, nom: &'static str, duree: f64) -> PyResult<()> {
    lp.line(10);
    lp.print(&format!("début {nom}"));
    lp.line(11);
    lp.sleep(duree).await?;
    lp.line(12);
    lp.print(&format!("fin {nom}"));
    Ok(())
}

async fn main(lp: Loop) -> PyResult<()> {
    lp.line(20);
    let taches: Vec<Task<()>> = ["A", "B", "C"]
        .into_iter()
        .map(|nom| lp.create_task("tache_asynchrone", tache_asynchrone(lp.clone(), nom, 1.0)))
        .collect();
    gather(&lp, &taches).await?;
    Ok(())
}

pub(super) fn program(lp: Loop) -> Program {
    Box::pin(async move {
        lp.line(14);
        let debut = lp.clock_now();
        for nom in ["A", "B", "C"] {
            lp.line(15);
            lp.line(16);
            tache_synchrone(&lp, nom, 1.0);
        }
        lp.line(17);
        lp.print(&format!("synchrone : {} s", fixed1(lp.clock_now() - debut)));
        lp.line(22);
        let debut = lp.clock_now();
        lp.line(23);
        lp.run("main", main(lp.clone())).await?;
        lp.line(24);
        lp.print(&format!(
            "asynchrone : {} s",
            fixed1(lp.clock_now() - debut)
        ));
        Ok(())
    })
}
