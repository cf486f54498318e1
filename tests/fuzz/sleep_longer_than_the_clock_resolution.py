# Found by the fuzzer (seed 14): past about 1e7 s, now + the clock resolution == now,
# and a timer due now was never taken: the loop spun, writing iteration events until
# memory ran out (CPython spins forever there too). Now it goes on.
import asyncio


async def main():
    await asyncio.sleep(2 ** 1000.1)
    print("a")
    await asyncio.sleep(1)
    print("b")

asyncio.run(main())
