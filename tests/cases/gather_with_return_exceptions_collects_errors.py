import asyncio

async def ok(x):
    await asyncio.sleep(0.1)
    return x

async def echoue(msg):
    await asyncio.sleep(0.05)
    raise ValueError(msg)

async def main():
    res = await asyncio.gather(ok(1), echoue("oups"), ok(3), echoue("aïe"), return_exceptions=True)
    for r in res:
        print(type(r).__name__, repr(r))

asyncio.run(main())
