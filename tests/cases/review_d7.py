import asyncio

async def sleeper(d):
    await asyncio.sleep(d)
    return d

async def main():
    a = asyncio.create_task(sleeper(1))
    b = asyncio.create_task(sleeper(2))
    g = asyncio.gather(a, b)
    await asyncio.sleep(0)
    a.cancel()
    await asyncio.sleep(0.5)
    print("g.done():", g.done(), "g.cancelled():", g.cancelled())
    await b

asyncio.run(main())
