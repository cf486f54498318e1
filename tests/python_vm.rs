//! The interpreter as an embeddable machine: coroutines are suspended frames that a
//! driver resumes from outside, execution is bounded by an instruction budget, and no
//! input can crash or hang the host.

use boucle::python::core::value::Value;
use boucle::python::{run_source, Interpreter, Resumed, VirtualHost};

fn interp(src: &str) -> Interpreter {
    Interpreter::new("prog.py", src, Box::new(VirtualHost::default()))
}

fn finish(it: &mut Interpreter) {
    let mut steps = 0;
    while !it.run(10_000) {
        steps += 1;
        assert!(steps < 10_000, "program did not finish");
    }
}

#[test]
fn calling_an_async_function_gives_a_coroutine_that_a_driver_resumes_step_by_step() {
    let src = "\
class Sleep:
    def __init__(self, d):
        self.d = d
    def __await__(self):
        yield self
        return self.d * 10

async def child(n):
    r = await Sleep(n)
    print('child got', r)
    return r + 1

async def main():
    a = await child(1)
    b = await child(2)
    return a + b

coro = main()
print(type(coro).__name__)
";
    let mut it = interp(src);
    finish(&mut it);
    assert_eq!(it.outcome().unwrap().stdout, "coroutine\n");
    let coro = it.global("coro").unwrap();
    // first step: the coroutine hands the awaited object to its driver
    let mut delays = vec![];
    let mut send = Value::None;
    let result = loop {
        match it.resume(&coro, send.clone(), None, 1_000_000) {
            Resumed::Yielded(v) => {
                let d = match it.vm().getattr(&v, "d").unwrap() {
                    Value::Int(d) => d,
                    _ => panic!("not an int"),
                };
                delays.push(d);
                send = Value::None;
            }
            Resumed::Returned(v) => break v,
            Resumed::Raised(e) => panic!("{}", it.format_exception(&e)),
            Resumed::Budget => panic!("budget"),
        }
    };
    assert_eq!(delays, vec![1, 2]);
    assert!(matches!(result, Value::Int(32)));
    assert_eq!(it.vm().stdout, "coroutine\nchild got 10\nchild got 20\n");
}

#[test]
fn an_exception_thrown_into_a_suspended_coroutine_reaches_its_try_block() {
    let src = "\
class Wait:
    def __await__(self):
        yield 'waiting'

async def worker():
    try:
        await Wait()
    except KeyError as e:
        print('cancelled with', e)
        return 'cleaned up'

w = worker()
";
    let mut it = interp(src);
    finish(&mut it);
    let w = it.global("w").unwrap();
    assert!(
        matches!(it.resume(&w, Value::None, None, 1000), Resumed::Yielded(Value::Str(s)) if &*s == "waiting")
    );
    let cls = it
        .vm()
        .exc_class(boucle::python::core::exc::ExcKind::KeyError);
    let exc = it.vm().make_exc(cls, vec![Value::str("stop")]);
    match it.resume(&w, Value::None, Some(exc), 1000) {
        Resumed::Returned(Value::Str(s)) => assert_eq!(&*s, "cleaned up"),
        _ => panic!("expected a return"),
    }
    assert_eq!(it.vm().stdout, "cancelled with 'stop'\n");
}

#[test]
fn a_coroutine_running_out_of_budget_is_resumed_where_it_stopped() {
    let src = "\
async def busy():
    total = 0
    for i in range(1000):
        total += i
    return total
c = busy()
";
    let mut it = interp(src);
    finish(&mut it);
    let c = it.global("c").unwrap();
    let mut r = it.resume(&c, Value::None, None, 100);
    let mut slices = 1;
    while let Resumed::Budget = r {
        r = it.resume_more(100);
        slices += 1;
    }
    assert!(slices > 10);
    assert!(matches!(r, Resumed::Returned(Value::Int(499500))));
}

#[test]
fn an_infinite_loop_only_runs_for_the_budget_it_is_given() {
    let mut it = interp("while True:\n    pass\n");
    for _ in 0..5 {
        assert!(!it.run(10_000));
    }
    assert!(it.outcome().is_none());
}

#[test]
fn an_infinite_loop_inside_native_code_hits_the_instruction_limit() {
    let mut it = interp(
        "class A:\n    def __repr__(self):\n        while True:\n            pass\nprint(A())\n",
    );
    it.set_instruction_limit(200_000);
    finish(&mut it);
    let out = it.outcome().unwrap();
    assert_eq!(out.status, 1);
    assert!(
        out.stderr
            .ends_with("RuntimeError: instruction limit exceeded (the program ran too long)\n"),
        "{}",
        out.stderr
    );
}

#[test]
fn deep_recursion_raises_recursion_error_like_cpython() {
    let out = run_source(
        "r.py",
        "def f(n):\n    return f(n + 1)\nf(0)\n",
        Box::new(VirtualHost::default()),
    );
    assert_eq!(out.status, 1);
    assert!(
        out.stderr
            .contains("  [Previous line repeated 996 more times]\n"),
        "{}",
        out.stderr
    );
    assert!(out
        .stderr
        .ends_with("RecursionError: maximum recursion depth exceeded\n"));
}

#[test]
fn recursion_through_native_code_raises_instead_of_overflowing_the_stack() {
    let out = run_source(
        "r.py",
        "class A:\n    def __repr__(self):\n        return repr(self)\nprint(A())\n",
        Box::new(VirtualHost::default()),
    );
    assert_eq!(out.status, 1);
    assert!(
        out.stderr
            .trim_end()
            .ends_with("maximum recursion depth exceeded while calling a Python object"),
        "{}",
        out.stderr
    );
}

#[test]
fn deeply_nested_brackets_are_a_syntax_error_not_a_crash() {
    let src = format!("x = {}1{}\n", "(".repeat(500), ")".repeat(500));
    let out = run_source("n.py", &src, Box::new(VirtualHost::default()));
    assert_eq!(out.status, 1);
    assert!(
        out.stderr
            .ends_with("SyntaxError: too many nested parentheses\n"),
        "{}",
        out.stderr
    );
    let src = format!("x = {}1\n", "-".repeat(5000));
    let out = run_source("n.py", &src, Box::new(VirtualHost::default()));
    assert_eq!(out.status, 1);
}

#[test]
fn garbage_input_gives_an_error_never_a_panic() {
    let samples = [
        "",
        "\n\n",
        "(",
        ")",
        "'''",
        "\\",
        "def",
        "class",
        "@",
        "lambda",
        "x[",
        "f(**",
        "a = = b",
        "if:",
        "for in:",
        "try:\n",
        "\t\tx",
        "  \n x",
        "\u{0}",
        "x = 1e",
        "0x",
        "1__0",
        "'\\x4'",
        "f'{'",
        "f'{}'",
        "f'{x!z}'",
        "yield",
        "return",
        "await x",
        "async def f(): yield 1",
        "nonlocal x",
        "def f():\n  nonlocal y",
        "del f()",
        "x: int = 1\nprint(x)",
        "print(*[1], **{})",
        "[*a, *b] = 1, 2",
        "a, *b, *c = 1",
        "{**1}",
        "[][0]",
        "1 < 'a'",
        "None()",
        "iter(1)",
        "import os",
        "raise 1",
        "raise",
        "assert",
        "global",
        "x = [1]; x.sort(key=1)",
        "sorted([1, 'a'])",
        "'%d' % 'x'",
        "'{'.format()",
        "int('1' * 5000)",
        "2 ** 10000000",
        "'a' * (1 << 62)",
        "list(range(10**12))[0:1]",
    ];
    for s in samples {
        let mut it = Interpreter::new("g.py", s, Box::new(VirtualHost::default()));
        it.set_instruction_limit(5_000_000);
        let mut n = 0;
        while !it.run(100_000) {
            n += 1;
            assert!(n < 100, "{:?} did not finish", s);
        }
    }
}
