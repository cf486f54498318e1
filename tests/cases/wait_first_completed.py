import asyncio

async def f(nom, d):
    await asyncio.sleep(d)
    return nom

async def main():
    taches = [asyncio.create_task(f(n, d), name=n) for n, d in [("x", 3), ("y", 1), ("z", 2)]]
    faites, en_attente = await asyncio.wait(taches, return_when=asyncio.FIRST_COMPLETED)
    print("faites :", [t.result() for t in faites])
    print("en attente :", sorted(t.get_name() for t in en_attente))
    faites, en_attente = await asyncio.wait(en_attente, return_when=asyncio.FIRST_COMPLETED)
    print("faites :", [t.result() for t in faites], "restent", len(en_attente))
    print(asyncio.FIRST_COMPLETED, asyncio.FIRST_EXCEPTION, asyncio.ALL_COMPLETED)

asyncio.run(main())
