import asyncio

async def travail(nom, d):
    await asyncio.sleep(d)
    print("fin", nom)
    return nom

async def main():
    a = asyncio.ensure_future(travail("a", 0.5))
    b = asyncio.ensure_future(travail("b", 1.5))
    done, pending = await asyncio.wait([a, b], return_when=asyncio.FIRST_COMPLETED)
    print("premier :", len(done), len(pending))
    done, pending = await asyncio.wait([b], timeout=0.2)
    print("délai :", len(done), len(pending))
    done, pending = await asyncio.wait([a, b])
    print("tous :", len(done), len(pending))

asyncio.run(main())
