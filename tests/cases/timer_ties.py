import asyncio

async def dort(nom, d):
    await asyncio.sleep(d)
    print(nom)

async def main():
    await asyncio.gather(dort("c", 2), dort("a", 1), dort("b", 1), dort("d", 2))

asyncio.run(main())
