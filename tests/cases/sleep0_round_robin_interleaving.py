import asyncio

async def travailleur(nom, n):
    for i in range(n):
        print(nom, i)
        await asyncio.sleep(0)
    print(nom, "fini")

async def main():
    await asyncio.gather(travailleur("A", 3), travailleur("B", 2), travailleur("C", 1))

asyncio.run(main())
