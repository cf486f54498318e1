//! The library modules on the loop's clock: `datetime.now()` and `date.today()` read
//! the virtual clock (`time.time()` starts at 1000.0 as in the oracle), so a program
//! starts at 1970-01-01 00:16:40 (UTC, the local time zone here) and its dates move
//! with `asyncio.sleep` and `time.sleep`, deterministically. CPython reads the wall
//! clock there, so these are not oracle cases.

use boucle::python::asyncio::PyProgram;
use boucle::runtime::Loop;

fn stdout_of(source: &str) -> String {
    let lp = Loop::new_virtual();
    let program = PyProgram::install(&lp, "prog.py", source);
    lp.run_to_end();
    let out = program.result(&lp);
    assert_eq!(out.status, 0, "{}", out.stderr);
    out.stdout
}

#[test]
fn datetime_now_starts_at_the_virtual_epoch_and_follows_the_loop_clock() {
    let out = stdout_of(
        "\
import asyncio, time
from datetime import date, datetime

print(datetime.now(), date.today(), datetime.fromtimestamp(time.time()))

async def main():
    await asyncio.sleep(90)
    print(datetime.now(), datetime.utcnow())
    time.sleep(86400)
    print(datetime.now().isoformat(), date.today())

asyncio.run(main())
",
    );
    assert_eq!(
        out,
        "1970-01-01 00:16:40 1970-01-01 1970-01-01 00:16:40\n\
         1970-01-01 00:18:10 1970-01-01 00:18:10\n\
         1970-01-02T00:18:10 1970-01-02\n"
    );
}

#[test]
fn elapsed_time_measured_with_datetime_now_is_the_loop_time() {
    let out = stdout_of(
        "\
import asyncio
from datetime import datetime

async def main():
    debut = datetime.now()
    await asyncio.gather(asyncio.sleep(1.5), asyncio.sleep(2.25))
    print(datetime.now() - debut, (datetime.now() - debut).total_seconds())

asyncio.run(main())
",
    );
    assert_eq!(out, "0:00:02.250000 2.25\n");
}
