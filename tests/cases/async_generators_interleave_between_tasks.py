import asyncio

async def flux(nom, delai, n):
    for i in range(n):
        await asyncio.sleep(delai)
        yield f"{nom}{i}"

async def lire(nom, delai, n):
    async for v in flux(nom, delai, n):
        print(v)

async def main():
    await asyncio.gather(lire("a", 0.3, 3), lire("b", 0.5, 2))

asyncio.run(main())
