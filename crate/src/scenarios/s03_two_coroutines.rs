//! 03: two coroutines sleeping 2 s each finish together after 2 s. Its two
//! coroutines are, line for line, those of the gather example (05).

use super::s05_gather::{coroutine_1, coroutine_2};
use crate::runtime::{Loop, Program};

pub(super) fn program(lp: Loop) -> Program {
    Box::pin(async move {
        lp.line(17);
        lp.line(20);
        lp.create_task("Coroutine_1", coroutine_1(lp.clone()));
        lp.line(21);
        lp.create_task("Coroutine_2", coroutine_2(lp.clone(), true));
        lp.line(24);
        lp.run_forever().await?;
        lp.line(27);
        lp.close()
    })
}
