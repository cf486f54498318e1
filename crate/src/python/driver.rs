//! Running a program: `run_source` runs a whole program and returns what CPython 3.11
//! would print and its exit status; `Interpreter` does the same in slices of a bounded
//! number of instructions, for hosts that must not block (the browser). `web/`, the
//! CLI and the scenarios run Python through this file.

use crate::python::core::exc::ExcKind;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::python::core::host::Host;
use crate::python::core::value::{self, Value};
use crate::python::core::vm::{Exit, Vm};

/// What a finished program produced.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Outcome {
    /// Everything printed on standard output.
    pub stdout: String,
    /// Everything printed on standard error (tracebacks included).
    pub stderr: String,
    /// Exit status (0, 1 for an uncaught exception, or `sys.exit`'s code).
    pub status: i32,
}

/// A program being run in slices.
pub struct Interpreter {
    vm: Vm,
    done: Option<Outcome>,
    globals: Option<value::Namespace>,
}

/// There is no cycle collector: a module's functions hold its namespace, classes
/// hold their methods, so every run's objects would outlive it (tens of KB a run in
/// the page, where a student runs programs again and again). At the end, the
/// namespaces are emptied, as CPython's finalization clears module dicts; what the
/// drops queue for the VM (generators to close, never-awaited warnings) belongs to
/// this run and is dropped with it.
impl Drop for Interpreter {
    fn drop(&mut self) {
        let queued = (
            value::UNAWAITED.try_with(|u| u.borrow().len()).unwrap_or(0),
            value::TO_CLOSE.try_with(|t| t.borrow().len()).unwrap_or(0),
        );
        self.vm.frames.clear();
        self.vm.pending_throw = None;
        self.vm.suspend = None;
        self.vm.step_result = None;
        let mut spaces = vec![self.vm.builtins.clone()];
        spaces.extend(self.globals.clone());
        for m in self.vm.modules.values() {
            if let Value::Module(m) = m {
                spaces.push(m.attrs.clone());
            }
        }
        self.vm.modules.clear();
        // A class's MRO starts with the class itself: a cycle of its own.
        let mut classes: Vec<Rc<value::Class>> = self.vm.exc_classes.values().cloned().collect();
        classes.extend(self.vm.classes.drain(..).filter_map(|w| w.upgrade()));
        for ns in &spaces {
            classes.extend(ns.borrow().values().filter_map(|v| match v {
                Value::Class(c) => Some(c.clone()),
                _ => None,
            }));
        }
        self.vm.exc_classes.clear();
        for c in classes {
            c.mro.borrow_mut().clear();
            let attrs = std::mem::take(&mut *c.attrs.borrow_mut());
            drop(attrs);
        }
        for ns in spaces {
            let items = std::mem::take(&mut *ns.borrow_mut());
            drop(items);
        }
        let _ = value::UNAWAITED.try_with(|u| u.borrow_mut().truncate(queued.0));
        let _ = value::TO_CLOSE.try_with(|t| t.borrow_mut().truncate(queued.1));
    }
}

/// What `Interpreter::run_step` did.
pub enum ModuleStep {
    /// The program ended with this exit status.
    Finished(i32),
    /// Out of budget: call again.
    Budget,
    /// A blocking asyncio call (`run_until_complete`, `run_forever`) waits for the
    /// event loop; the request describes it.
    Suspended(Value),
}

/// What happened to a coroutine (or generator) resumed from outside.
pub enum Resumed {
    /// It is suspended at an `await`/`yield` that handed this value to its driver
    /// (for asyncio: the future it waits on).
    Yielded(Value),
    /// It returned this value.
    Returned(Value),
    /// It raised this exception.
    Raised(Value),
    /// The instruction budget ran out: call `Interpreter::resume_more` to go on.
    Budget,
}

impl Vm {
    /// Write to standard output.
    pub fn write_out(&mut self, s: &str) {
        if self.keep_output {
            self.stdout.push_str(s);
        }
        self.host.stdout(s);
    }

    /// Write to standard error.
    pub fn write_err(&mut self, s: &str) {
        if self.keep_output {
            self.stderr.push_str(s);
        }
        self.host.stderr(s);
    }
}

impl Interpreter {
    /// Compile `source`; a syntax error makes an interpreter that is already finished.
    pub fn new(filename: &str, source: &str, host: Box<dyn Host>) -> Interpreter {
        let mut vm = Vm::new(filename, source, host, &crate::python::lib::LIBRARY);
        let compiled = crate::python::front::parser::parse_module(source)
            .and_then(|m| crate::python::core::code::compile_module(&m));
        match compiled {
            Ok(code) => {
                let globals: value::Namespace = Rc::new(RefCell::new(HashMap::new()));
                globals
                    .borrow_mut()
                    .insert("__name__".into(), Value::str("__main__"));
                globals
                    .borrow_mut()
                    .insert("__file__".into(), Value::str(filename));
                globals.borrow_mut().insert("__doc__".into(), Value::None);
                vm.push_module(code, globals.clone());
                Interpreter {
                    vm,
                    done: None,
                    globals: Some(globals),
                }
            }
            Err(e) => {
                let text = e.render(filename, source);
                vm.write_err(&text);
                let out = Outcome {
                    stdout: vm.stdout.clone(),
                    stderr: vm.stderr.clone(),
                    status: 1,
                };
                Interpreter {
                    vm,
                    done: Some(out),
                    globals: None,
                }
            }
        }
    }

    /// Run at most about `budget` instructions; true once the program has finished.
    pub fn run(&mut self, budget: u64) -> bool {
        if self.done.is_some() {
            return true;
        }
        let mut b = budget;
        let status = match self.vm.run(0, Some(&mut b)) {
            Exit::Budget => return false,
            Exit::Return(_) | Exit::Yield(_) => 0,
            Exit::Error(e) => self.report(&e),
            Exit::Suspend(_) => {
                let e = self.vm.new_exc(
                    ExcKind::RuntimeError,
                    "the event loop needs a driver: run this program with python::asyncio",
                );
                self.report(&e)
            }
        };
        self.vm.warn_unawaited(false);
        self.done = Some(Outcome {
            stdout: self.vm.stdout.clone(),
            stderr: self.vm.stderr.clone(),
            status,
        });
        true
    }

    fn report(&mut self, e: &Value) -> i32 {
        let vm = &mut self.vm;
        if vm.exc_is(e, ExcKind::SystemExit) {
            let args = vm.exc_args(e);
            return match args.first() {
                None | Some(Value::None) => 0,
                Some(Value::Int(i)) => *i as i32,
                Some(Value::Bool(b)) => *b as i32,
                Some(other) => {
                    let s = vm.to_str(other).unwrap_or_default();
                    vm.write_err(&format!("{}\n", s));
                    1
                }
            };
        }
        let text = crate::python::core::traceback::format_exception(vm, e);
        vm.write_err(&text);
        1
    }

    /// The result, once `run` returned true.
    pub fn outcome(&self) -> Option<&Outcome> {
        self.done.as_ref()
    }

    /// A module-level variable of the program.
    pub fn global(&self, name: &str) -> Option<Value> {
        self.globals.as_ref()?.borrow().get(name).cloned()
    }

    /// Limit the total number of instructions (a runaway loop inside native code,
    /// which cannot be suspended, then ends with an uncatchable RuntimeError).
    pub fn set_instruction_limit(&mut self, n: u64) {
        self.vm.fuel_limit = n;
    }

    /// Whether the instruction limit stopped the program.
    pub fn hit_instruction_limit(&self) -> bool {
        self.vm.killed
    }

    /// The output goes to the host only (the outcome's `stdout` and `stderr` stay
    /// empty): for a driver that streams it.
    pub fn stream_output(&mut self) {
        self.vm.keep_output = false;
    }

    /// Resume a coroutine or generator object with `send` (or throw `throw` into it),
    /// running at most `budget` instructions. Only valid while no other resumption is
    /// in progress (after `run` finished, or between driver steps).
    pub fn resume(
        &mut self,
        coro: &Value,
        send: Value,
        throw: Option<Value>,
        budget: u64,
    ) -> Resumed {
        let g = match coro {
            Value::Gen(g) => g.clone(),
            other => {
                let e = self.vm.new_exc(
                    ExcKind::TypeError,
                    format!("'{}' object is not a coroutine", other.type_name()),
                );
                return Resumed::Raised(e);
            }
        };
        match self
            .vm
            .resume_gen(&g, send, throw, crate::python::core::vm::Mode::External)
        {
            Ok(true) => self.resume_more(budget),
            Ok(false) => {
                let e = self.vm.new_exc(ExcKind::StopIteration, "");
                Resumed::Raised(e)
            }
            Err(e) => Resumed::Raised(e),
        }
    }

    /// Continue a resumption that ran out of budget.
    pub fn resume_more(&mut self, budget: u64) -> Resumed {
        let mut b = budget;
        match self.vm.run(0, Some(&mut b)) {
            Exit::Yield(v) => Resumed::Yielded(v),
            Exit::Return(v) => Resumed::Returned(v),
            Exit::Error(e) => Resumed::Raised(e),
            Exit::Budget => Resumed::Budget,
            Exit::Suspend(_) => {
                // A coroutine cannot block the loop it runs on.
                let e = self
                    .vm
                    .new_exc(ExcKind::RuntimeError, "This event loop is already running");
                Resumed::Raised(e)
            }
        }
    }

    /// Run the main program for at most `budget` instructions (for the asyncio
    /// driver, which also handles `Exit::Suspend`).
    pub fn run_step(&mut self, budget: u64) -> ModuleStep {
        if let Some(out) = &self.done {
            return ModuleStep::Finished(out.status);
        }
        let mut b = budget;
        let status = match self.vm.run(0, Some(&mut b)) {
            Exit::Budget => return ModuleStep::Budget,
            Exit::Suspend(req) => return ModuleStep::Suspended(req),
            Exit::Return(_) | Exit::Yield(_) => 0,
            Exit::Error(e) => self.report(&e),
        };
        self.vm.warn_unawaited(false);
        self.done = Some(Outcome {
            stdout: self.vm.stdout.clone(),
            stderr: self.vm.stderr.clone(),
            status,
        });
        ModuleStep::Finished(status)
    }

    /// Interpreter shutdown: the module's globals go, and with them coroutines
    /// never awaited (`sys:1: RuntimeWarning: …`).
    pub fn shutdown(&mut self) {
        if let Some(g) = &self.globals {
            g.borrow_mut().clear();
        }
        let before = self.vm.stderr.len();
        self.vm.warn_unawaited(true);
        let added = self.vm.stderr[before..].to_string();
        if let Some(out) = &mut self.done {
            out.stderr.push_str(&added);
        }
    }

    /// Adds text to standard error after the program ended (warnings printed at
    /// interpreter shutdown).
    pub fn append_stderr(&mut self, text: &str) {
        self.vm.write_err(text);
        if let Some(out) = &mut self.done {
            out.stderr.push_str(text);
        }
    }

    /// The blocking call that suspended the main program returns `result`.
    pub fn resume_module(&mut self, result: Result<Value, Value>) {
        self.vm.traced_line = 0;
        self.vm.resume_suspended(result);
    }

    /// CPython's report of an exception (traceback and last line).
    pub fn format_exception(&mut self, e: &Value) -> String {
        crate::python::core::traceback::format_exception(&mut self.vm, e)
    }

    /// The VM (for the asyncio binding: resuming coroutine objects).
    pub fn vm(&mut self) -> &mut Vm {
        &mut self.vm
    }
}

/// Run a whole program to completion.
pub fn run_source(filename: &str, source: &str, host: Box<dyn Host>) -> Outcome {
    let mut it = Interpreter::new(filename, source, host);
    while !it.run(1_000_000) {}
    it.outcome().cloned().unwrap_or_default()
}
