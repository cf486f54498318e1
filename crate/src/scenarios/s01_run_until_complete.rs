//! 01: get_event_loop() + run_until_complete() + close().

use crate::runtime::{Loop, Program, PyResult};

async fn coroutine(lp: Loop) -> PyResult<()> {
    lp.line(5);
    lp.print("Exécution de la coroutine");
    Ok(())
}

pub(super) fn program(lp: Loop) -> Program {
    Box::pin(async move {
        lp.line(8);
        lp.line(11);
        let task = lp.create_task("Coroutine", coroutine(lp.clone()));
        lp.run_until_complete(task.fut()).await?;
        lp.line(14);
        lp.close()
    })
}
