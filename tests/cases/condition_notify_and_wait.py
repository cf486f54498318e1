import asyncio

stock = []

async def consommateur(cond, nom):
    async with cond:
        await cond.wait_for(lambda: len(stock) > 0)
        print(nom, "prend", stock.pop(0))

async def main():
    cond = asyncio.Condition()
    taches = [asyncio.create_task(consommateur(cond, f"c{i}")) for i in range(3)]
    await asyncio.sleep(0.1)
    for article in ["pain", "lait", "oeufs"]:
        async with cond:
            stock.append(article)
            print("ajout", article)
            cond.notify()
        await asyncio.sleep(0.1)
    await asyncio.gather(*taches)
    async def attend(n):
        async with cond:
            await cond.wait()
            print("réveil", n)
    ts = [asyncio.create_task(attend(i)) for i in range(3)]
    await asyncio.sleep(0)
    async with cond:
        cond.notify_all()
    await asyncio.gather(*ts)

asyncio.run(main())
