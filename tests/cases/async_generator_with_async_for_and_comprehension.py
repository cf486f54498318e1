import asyncio

async def compte(n, delai=0.1):
    for i in range(n):
        await asyncio.sleep(delai)
        yield i

async def main():
    async for x in compte(3):
        print("reçu", x)
    carres = [x * x async for x in compte(5)]
    print(carres)
    pairs = [x async for x in compte(6) if x % 2 == 0]
    print(pairs)
    g = compte(2)
    print(type(g).__name__)
    print(await g.__anext__(), await anext(g))
    try:
        await anext(g)
    except StopAsyncIteration:
        print("StopAsyncIteration")
    print(await anext(compte(0), "défaut"))

asyncio.run(main())
