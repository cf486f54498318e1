//! wasm32 only: the browser host (microtask drain, timers, performance.now) and
//! the `#[wasm_bindgen]` surface the page uses.

pub mod bindings;
pub mod host;
