import asyncio

async def niveau3(x):
    await asyncio.sleep(0.1)
    return x + 1

async def niveau2(x):
    r = await niveau3(x)
    return r * 10

async def niveau1():
    a = await niveau2(1)
    b = await niveau2(a)
    return a, b

print(asyncio.run(niveau1()))

async def recursif(n):
    if n == 0:
        return 0
    return n + await recursif(n - 1)

print(asyncio.run(recursif(50)))
