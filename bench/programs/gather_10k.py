import asyncio
async def f():
    await asyncio.sleep(0)
async def main():
    await asyncio.gather(*(f() for _ in range(10_000)))
asyncio.run(main())
