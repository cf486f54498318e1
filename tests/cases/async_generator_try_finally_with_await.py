import asyncio

async def ressource(nom, n):
    print("ouvre", nom)
    try:
        for i in range(n):
            await asyncio.sleep(0.1)
            yield f"{nom}:{i}"
    finally:
        await asyncio.sleep(0.02)
        print("ferme", nom)

async def tetu():
    try:
        yield 1
    finally:
        yield 2

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    async for v in ressource("r1", 2):
        print(v)
    print(f"t={loop.time() - t0:.1f}")
    g = ressource("r2", 5)
    print(await anext(g))
    await g.aclose()
    print(f"t={loop.time() - t0:.1f}")
    t = tetu()
    await anext(t)
    try:
        await t.aclose()
    except RuntimeError as e:
        print("RuntimeError:", e)

asyncio.run(main())
