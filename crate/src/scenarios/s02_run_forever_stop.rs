//! 02: ensure_future() + run_forever(), stopped by loop.stop() in the coroutine.

use crate::runtime::{Loop, Program, PyResult};

async fn coroutine(lp: Loop) -> PyResult<()> {
    lp.line(5);
    lp.print("Exécution de la coroutine");
    lp.line(6);
    lp.stop();
    Ok(())
}

pub(super) fn program(lp: Loop) -> Program {
    Box::pin(async move {
        lp.line(11);
        lp.create_task("Coroutine", coroutine(lp.clone()));
        lp.line(14);
        lp.line(17);
        lp.run_forever().await?;
        lp.line(20);
        lp.close()
    })
}
