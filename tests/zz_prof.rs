#[test]
fn prof() {
    let src = include_str!("../crate/src/python/asyncio/prelude.py");
    for _ in 0..5 {
        let m = boucle::python::parser::parse_module(src).unwrap();
        let _ = boucle::python::compiler::compile_library(&m, "<asyncio>").unwrap();
    }
}
