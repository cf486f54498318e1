//! The Python interpreter (issue 4): lexer, parser, compiler to bytecode, VM.
