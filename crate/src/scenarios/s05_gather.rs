//! 04 / 05 / 05b: the course's gather example (and the coroutines of 03). 04 never runs (its indentation is
//! refused before), 05 calls loop.stop() inside a gathered coroutine, 05b doesn't.

use crate::runtime::{gather, Loop, Program, PyResult};

pub(super) async fn coroutine_1(lp: Loop) -> PyResult<()> {
    lp.line(6);
    lp.print("Exécution de la coroutine 1");
    lp.line(7);
    lp.sleep(2.0).await?;
    lp.line(8);
    lp.print("Fin de l'exécution de la coroutine 1");
    Ok(())
}

pub(super) async fn coroutine_2(lp: Loop, stop: bool) -> PyResult<()> {
    lp.line(11);
    lp.print("Exécution de la coroutine 2");
    lp.line(12);
    lp.sleep(2.0).await?;
    lp.line(13);
    lp.print("Fin de l'exécution de la coroutine 2");
    if stop {
        lp.line(14);
        lp.stop();
    }
    Ok(())
}

fn with_stop(lp: Loop, stop: bool) -> Program {
    Box::pin(async move {
        lp.line(17);
        lp.line(21);
        let t1 = lp.create_task("Coroutine_1", coroutine_1(lp.clone()));
        let t2 = lp.create_task("Coroutine_2", coroutine_2(lp.clone(), stop));
        let liste_coroutines = gather(&lp, &[t1, t2]);
        lp.line(24);
        lp.run_until_complete(&liste_coroutines).await?;
        lp.line(27);
        lp.close()
    })
}

pub(super) fn program(lp: Loop) -> Program {
    with_stop(lp, true)
}

pub(super) fn program_without_stop(lp: Loop) -> Program {
    with_stop(lp, false)
}
