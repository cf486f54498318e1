import asyncio

async def a():
    print("a1")
    await asyncio.sleep(0)
    print("a2")

async def b():
    print("b1")
    await asyncio.sleep(0)
    print("b2")

async def main():
    t = asyncio.ensure_future(a())
    u = asyncio.ensure_future(b())
    print("m1")
    await t
    print("m2")
    await u
    print("m3")

asyncio.run(main())
