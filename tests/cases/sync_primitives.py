import asyncio

async def attendre(nom, ev):
    print(nom, "attend")
    await ev.wait()
    print(nom, "repart")

async def section(nom, verrou):
    async with verrou:
        print(nom, "entre")
        await asyncio.sleep(0.1)
        print(nom, "sort")

async def limite(nom, sem):
    async with sem:
        print(nom, "commence")
        await asyncio.sleep(0.2)
        print(nom, "finit")

async def consommer(nom, cond, stock):
    async with cond:
        while not stock:
            await cond.wait()
        print(nom, "consomme", stock.pop(0))

async def main():
    ev = asyncio.Event()
    t = [asyncio.ensure_future(attendre(n, ev)) for n in "ab"]
    await asyncio.sleep(0.5)
    ev.set()
    await asyncio.gather(*t)
    verrou = asyncio.Lock()
    await asyncio.gather(*(section(n, verrou) for n in "xyz"))
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(limite(n, sem) for n in "pqrs"))
    cond = asyncio.Condition()
    stock = []
    c = [asyncio.ensure_future(consommer(n, cond, stock)) for n in ("c1", "c2")]
    await asyncio.sleep(0.1)
    async with cond:
        stock.extend([1, 2])
        cond.notify_all()
    await asyncio.gather(*c)

asyncio.run(main())
