import asyncio

async def lire(n, d):
    print("début", n)
    await asyncio.sleep(d)
    return n

async def main():
    taches = [asyncio.ensure_future(lire(n, d)) for n, d in [(1, 0.3), (2, 0.1), (3, 0.2)]]
    for f in asyncio.as_completed(taches):
        print("reçu", await f)

asyncio.run(main())
