//! `asyncio.run(main())`, as CPython 3.11's `asyncio.Runner` does it: run the main
//! task, cancel what is left, run the two shutdown coroutines (each a task, which
//! is why the next `asyncio.run` starts at `Task-4`), close the loop.

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use super::combinators::settle_all;
use super::exc::PyResult;
use super::executor::Loop;
use super::future::AnyFut;

impl Loop {
    /// `asyncio.run(coro)`; `coro_name` is the coroutine's name, for display.
    pub async fn run<T, F>(&self, coro_name: &str, coro: F) -> PyResult<T>
    where
        T: Clone + 'static,
        F: Future<Output = PyResult<T>> + 'static,
    {
        self.run_boxed(coro_name, Box::pin(coro)).await
    }

    // Generic over T only (see `create_task`).
    async fn run_boxed<T: Clone + 'static>(
        &self,
        coro_name: &str,
        coro: Pin<Box<dyn Future<Output = PyResult<T>>>>,
    ) -> PyResult<T> {
        self.reopen();
        let main = self.create_task(coro_name, coro);
        let result = self.run_until_complete(main.fut()).await;
        // _cancel_all_tasks
        let left = self.pending_tasks();
        if !left.is_empty() {
            for id in &left {
                self.cancel_task(*id);
            }
            let futs: Vec<Rc<dyn AnyFut>> = left.iter().map(|id| self.task_fut(*id)).collect();
            let all = settle_all(self, futs, left);
            self.run_until_complete(&all).await?;
        }
        let asyncgens = self.create_task("shutdown_asyncgens", async { Ok(()) });
        self.run_until_complete(asyncgens.fut()).await?;
        let executor = self.create_task("shutdown_default_executor", async { Ok(()) });
        self.run_until_complete(executor.fut()).await?;
        self.close()?;
        result
    }
}
