//! 06: a coroutine awaiting another one, with return values.

use crate::runtime::{Loop, Program, PyResult};

async fn coroutine_1(lp: Loop) -> PyResult<String> {
    lp.line(6);
    lp.print("Exécution de la coroutine 1");
    lp.line(7);
    coroutine_2(lp.clone()).await?;
    lp.line(8);
    lp.print("Fin de l'exécution de la coroutine 1");
    lp.line(9);
    Ok("1".to_string())
}

async fn coroutine_2(lp: Loop) -> PyResult<String> {
    lp.line(12);
    lp.print("Exécution de la coroutine 2");
    lp.line(13);
    lp.sleep(2.0).await?;
    lp.line(14);
    lp.print("Fin de l'exécution de la coroutine 2");
    lp.line(15);
    Ok("2".to_string())
}

pub(super) fn program(lp: Loop) -> Program {
    Box::pin(async move {
        lp.line(19);
        lp.line(20);
        let task = lp.create_task("Coroutine_1", coroutine_1(lp.clone()));
        let r = lp.run_until_complete(task.fut()).await?;
        lp.print(&r);
        lp.line(23);
        lp.close()
    })
}
