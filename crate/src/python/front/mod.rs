//! Source to bytecode: tokens, lexer, parser, AST, scopes, compiler. Imports `num` only (no runtime value: the bytecode has its own constants).

pub mod ast;
pub mod bytecode;
pub mod compiler;
pub mod desugar;
pub mod errors;
pub mod lexer;
pub mod parser;
pub mod pattern;
pub mod scope;
pub mod token;
