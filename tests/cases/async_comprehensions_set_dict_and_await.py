import asyncio

async def nombres(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i

async def double(x):
    await asyncio.sleep(0.01)
    return 2 * x

async def main():
    print({x % 3 async for x in nombres(7)})
    print({x: x * x async for x in nombres(4)})
    print([await double(x) for x in range(4)])
    print([await double(x) async for x in nombres(5) if x % 2])
    print([[y async for y in nombres(x)] async for x in nombres(3)])
    print([(x, y) async for x in nombres(2) for y in "ab"])
    gen = (x * 10 async for x in nombres(3))
    print(type(gen).__name__)
    async for v in gen:
        print("genexpr", v)
    somme = sum([x async for x in nombres(5)])
    print("somme", somme)

asyncio.run(main())
