//! 08: HTTP requests one after the other, then all at once with gather.

use crate::runtime::{gather, Loop, Program, PyResult, Task};
use crate::trace::json::fixed1;

const LATENCES: [(&str, f64); 3] = [("/accueil", 0.8), ("/produits", 1.5), ("/panier", 0.4)];

async fn requete(lp: Loop, url: &'static str, latence: f64) -> PyResult<i64> {
    lp.line(8);
    lp.print(&format!("GET {url} envoyée"));
    lp.line(9);
    lp.sleep(latence).await?;
    lp.line(10);
    lp.print(&format!("GET {url} -> 200 OK"));
    lp.line(11);
    Ok(url.chars().count() as i64 * 100)
}

async fn une_apres_l_autre(lp: Loop) -> PyResult<i64> {
    lp.line(14);
    let mut total = 0;
    for (url, latence) in LATENCES {
        lp.line(15);
        lp.line(16);
        total += requete(lp.clone(), url, latence).await?;
    }
    lp.line(17);
    Ok(total)
}

async fn toutes_en_meme_temps(lp: Loop) -> PyResult<i64> {
    lp.line(20);
    let taches: Vec<Task<i64>> = LATENCES
        .into_iter()
        .map(|(url, latence)| lp.create_task("requete", requete(lp.clone(), url, latence)))
        .collect();
    let tailles = gather(&lp, &taches).await?;
    lp.line(21);
    Ok(tailles.iter().sum())
}

async fn main(lp: Loop) -> PyResult<()> {
    lp.line(24);
    let debut = lp.clock_now();
    lp.line(25);
    let octets = une_apres_l_autre(lp.clone()).await?;
    lp.line(26);
    lp.print(&format!(
        "séquentiel : {octets} octets en {} s",
        fixed1(lp.clock_now() - debut)
    ));
    lp.line(27);
    let debut = lp.clock_now();
    lp.line(28);
    let octets = toutes_en_meme_temps(lp.clone()).await?;
    lp.line(29);
    lp.print(&format!(
        "concurrent : {octets} octets en {} s",
        fixed1(lp.clock_now() - debut)
    ));
    Ok(())
}

pub(super) fn program(lp: Loop) -> Program {
    Box::pin(async move {
        lp.line(31);
        lp.run("main", main(lp.clone())).await
    })
}
