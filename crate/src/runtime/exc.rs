//! Python-like exceptions carried through `Result`, so `?` plays the role of an
//! exception propagating out of an `await`.

use std::any::Any;
use std::fmt;
use std::rc::Rc;

/// An exception raised inside the loop.
#[derive(Clone)]
pub enum Exc {
    /// `asyncio.CancelledError`: the task was cancelled at an `await`.
    Cancelled,
    /// Any other exception: its type name and message, as CPython prints them.
    Error {
        /// Exception type name, e.g. `RuntimeError`.
        kind: String,
        /// The message after the colon.
        msg: String,
    },
    /// An exception object of an embedded interpreter, carried as is (a Python
    /// exception set on a future reaches its awaiter unchanged).
    Object {
        /// Exception type name.
        kind: String,
        /// Its message.
        msg: String,
        /// The interpreter's exception value.
        obj: Rc<dyn Any>,
    },
}

/// The result of anything that may raise.
pub type PyResult<T> = Result<T, Exc>;

impl Exc {
    /// A `RuntimeError` with the given message.
    pub fn runtime(msg: &str) -> Exc {
        Exc::error("RuntimeError", msg)
    }

    /// An exception of any type.
    pub fn error(kind: &str, msg: &str) -> Exc {
        Exc::Error {
            kind: kind.to_string(),
            msg: msg.to_string(),
        }
    }

    /// The last line CPython prints for this exception (`Type: message`).
    pub fn last_line(&self) -> String {
        self.to_string()
    }
}

impl PartialEq for Exc {
    fn eq(&self, other: &Exc) -> bool {
        match (self, other) {
            (Exc::Cancelled, Exc::Cancelled) => true,
            (Exc::Error { kind: a, msg: b }, Exc::Error { kind: c, msg: d }) => a == c && b == d,
            (Exc::Object { obj: a, .. }, Exc::Object { obj: b, .. }) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

impl fmt::Debug for Exc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Exc({self})")
    }
}

impl fmt::Display for Exc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Exc::Cancelled => write!(f, "asyncio.exceptions.CancelledError"),
            Exc::Error { kind, msg } | Exc::Object { kind, msg, .. } if msg.is_empty() => {
                write!(f, "{kind}")
            }
            Exc::Error { kind, msg } | Exc::Object { kind, msg, .. } => write!(f, "{kind}: {msg}"),
        }
    }
}
