//! 03: two coroutines sleeping 2 s each finish together after 2 s.

use crate::runtime::{Loop, Program, PyResult};

async fn coroutine_1(lp: Loop) -> PyResult<()> {
    lp.line(6);
    lp.print("Exécution de la coroutine 1");
    lp.line(7);
    lp.sleep(2.0).await?;
    lp.line(8);
    lp.print("Fin de l'exécution de la coroutine 1");
    Ok(())
}

async fn coroutine_2(lp: Loop) -> PyResult<()> {
    lp.line(11);
    lp.print("Exécution de la coroutine 2");
    lp.line(12);
    lp.sleep(2.0).await?;
    lp.line(13);
    lp.print("Fin de l'exécution de la coroutine 2");
    lp.line(14);
    lp.stop();
    Ok(())
}

pub(super) fn program(lp: Loop) -> Program {
    Box::pin(async move {
        lp.line(17);
        lp.line(20);
        lp.create_task("Coroutine_1", coroutine_1(lp.clone()));
        lp.line(21);
        lp.create_task("Coroutine_2", coroutine_2(lp.clone()));
        lp.line(24);
        lp.run_forever().await?;
        lp.line(27);
        lp.close()
    })
}
