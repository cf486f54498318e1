//! The built-in exception classes as a type: `vm.err(ExcKind::ValueError, …)`. A
//! misspelt name is a compile error, where a string silently gave `Exception`.

/// One line per class: the variant, then its base (`None` for `BaseException`); the
/// variant's name is the class's Python name. `builtins` installs them in this order.
macro_rules! exceptions {
    ($($kind:ident: $base:expr,)*) => {
        /// A built-in exception class (and asyncio's two, registered by its module).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[allow(missing_docs)]
        pub enum ExcKind {
            $($kind,)*
            CancelledError,
            InvalidStateError,
        }

        impl ExcKind {
            /// The built-in classes with their bases, bases first (asyncio's are not
            /// built-ins: the asyncio module makes them).
            pub const BUILTIN: &'static [(ExcKind, Option<ExcKind>)] =
                &[$((ExcKind::$kind, $base),)*];

            /// The class's Python name.
            pub fn name(self) -> &'static str {
                match self {
                    $(ExcKind::$kind => stringify!($kind),)*
                    ExcKind::CancelledError => "CancelledError",
                    ExcKind::InvalidStateError => "InvalidStateError",
                }
            }
        }
    };
}

use ExcKind::*;

exceptions! {
    BaseException: None,
    SystemExit: Some(BaseException),
    KeyboardInterrupt: Some(BaseException),
    GeneratorExit: Some(BaseException),
    Exception: Some(BaseException),
    StopIteration: Some(Exception),
    StopAsyncIteration: Some(Exception),
    ArithmeticError: Some(Exception),
    FloatingPointError: Some(ArithmeticError),
    OverflowError: Some(ArithmeticError),
    ZeroDivisionError: Some(ArithmeticError),
    AssertionError: Some(Exception),
    AttributeError: Some(Exception),
    BufferError: Some(Exception),
    EOFError: Some(Exception),
    ImportError: Some(Exception),
    ModuleNotFoundError: Some(ImportError),
    LookupError: Some(Exception),
    IndexError: Some(LookupError),
    KeyError: Some(LookupError),
    MemoryError: Some(Exception),
    NameError: Some(Exception),
    UnboundLocalError: Some(NameError),
    OSError: Some(Exception),
    ConnectionError: Some(OSError),
    FileNotFoundError: Some(OSError),
    PermissionError: Some(OSError),
    TimeoutError: Some(OSError),
    ReferenceError: Some(Exception),
    RuntimeError: Some(Exception),
    NotImplementedError: Some(RuntimeError),
    RecursionError: Some(RuntimeError),
    SyntaxError: Some(Exception),
    IndentationError: Some(SyntaxError),
    TabError: Some(IndentationError),
    SystemError: Some(Exception),
    TypeError: Some(Exception),
    ValueError: Some(Exception),
    UnicodeError: Some(ValueError),
    UnicodeDecodeError: Some(UnicodeError),
    UnicodeEncodeError: Some(UnicodeError),
    Warning: Some(Exception),
    DeprecationWarning: Some(Warning),
    UserWarning: Some(Warning),
    RuntimeWarning: Some(Warning),
}

/// What names an exception class where the VM makes or tests one: an `ExcKind`, or
/// (for names only known at run time, such as those the loop reports) a string.
pub trait ExcName {
    /// The class's Python name.
    fn exc_name(&self) -> &str;
}

impl ExcName for ExcKind {
    fn exc_name(&self) -> &str {
        self.name()
    }
}

impl ExcName for String {
    fn exc_name(&self) -> &str {
        self
    }
}

impl ExcName for &String {
    fn exc_name(&self) -> &str {
        self
    }
}
