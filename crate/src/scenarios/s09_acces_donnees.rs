//! 09: slow data sources handled as they arrive, with as_completed.

use crate::runtime::{as_completed, Loop, Program, PyResult};

async fn lire(
    lp: Loop,
    source: &'static str,
    duree: f64,
    valeur: &'static str,
) -> PyResult<(String, String)> {
    lp.line(6);
    lp.print(&format!("lecture {source}..."));
    lp.line(7);
    lp.sleep(duree).await?;
    lp.line(8);
    Ok((source.to_string(), valeur.to_string()))
}

async fn main(lp: Loop) -> PyResult<()> {
    lp.line(12);
    let t1 = lp.create_task("lire", lire(lp.clone(), "base de données", 0.6, "42"));
    lp.line(13);
    let t2 = lp.create_task("lire", lire(lp.clone(), "disque dur", 0.2, "config.ini"));
    lp.line(14);
    let t3 = lp.create_task("lire", lire(lp.clone(), "capteur IoT", 0.4, "21.5"));
    lp.line(16);
    let mut prochaines = as_completed(&lp, &[t1, t2, t3]);
    while let Some(prochaine) = prochaines.next_done() {
        lp.line(17);
        let (source, valeur) = prochaine.await?;
        lp.line(18);
        lp.print(&format!("{source} : {valeur}"));
        lp.line(16);
    }
    lp.line(19);
    lp.print("toutes les données sont là");
    Ok(())
}

pub(super) fn program(lp: Loop) -> Program {
    Box::pin(async move {
        lp.line(21);
        lp.run("main", main(lp.clone())).await
    })
}
